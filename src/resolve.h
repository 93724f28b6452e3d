// Document-level resolution: mentions become entities (one per real-world thing, short
// names and references joined to the full name or antecedent), event matches become
// events (roles filled with entities, metonymy applied, back-references and repeated or
// overlapping reports of one event merged, missing date and place filled from each other).
//
//   Resolver resolver(rules, options);
//   resolver.Resolve(doc_id, text, matches, &facts);   // fills facts.entities, facts.events
#ifndef NEWSGRAPH_RESOLVE_H_
#define NEWSGRAPH_RESOLVE_H_

#include <string>
#include <string_view>
#include <vector>

#include "events.h"
#include "model.h"
#include "rules.h"

namespace newsgraph {

struct ResolveOptions {
  // Places that act ("Kremlin mengatakan") stand for the actor of their gazetteer
  // metonym_of ("gpe:russia"), in every role but "object".
  bool metonymy = true;
  // Sentences between a reference and the earliest antecedent it may take.
  int antecedent_window = 2;
  // Sentences an event back-reference ("pertemuan tersebut") may look back.
  int anaphor_window = 4;
  // Sentences apart that two reports of an event may be when one's participants are a
  // proper subset of the other's (equal participant sets merge at any distance).
  int subset_window = 3;
};

class Resolver {
 public:
  Resolver(const RuleSet& rules, const ResolveOptions& options)
      : rules_(rules), options_(options) {}

  void Resolve(std::string_view text, const std::vector<EventMatch>& matches,
               DocumentFacts* facts) const;

  // Returns true if types a and b may name the same event (equal, or one refines the
  // other through `parent`); *merged gets the more specific one.
  bool TypesCompatible(const std::string& a, const std::string& b, std::string* merged) const;

 private:
  void ResolveEntities(std::string_view text, DocumentFacts* facts) const;
  void ResolveReferences(std::string_view text, DocumentFacts* facts) const;

  const RuleSet& rules_;
  ResolveOptions options_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RESOLVE_H_
