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

#include "extract/events.h"
#include "extract/model.h"
#include "rules/rules.h"

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

// Resolves lone titles to the people who hold them. A title is reduced to a key: its words
// without the country or organisation it names, without TITLE_NOISE words ("mantan",
// "former"), with TITLE_ABBREV expanded ("menlu" -> "menteri luar negeri") and a number from
// QUANTITY ("kedua" 2, "both" 2, "para" two or more). A reference names the holders, introduced
// before it, of a title with the same key, a key that begins with its words ("direktur" ->
// "direktur cia"), or one of the offices TITLE_GENERIC lists for it ("leader" -> president,
// prime minister, ...); a country or organisation in the reference must match. It resolves
// only when the number of people fits (one, unless a number is given).
class RoleReferences {
 public:
  RoleReferences(const RuleSet& rules, std::string_view text, const std::vector<Mention>& mentions);

  // Returns the entity ids the title mention refers to, or none if not unambiguous.
  std::vector<std::string> Resolve(const Mention& title) const;

  // Returns true if the title is indefinite ("seorang pejabat", "an official"): somebody
  // not named, who is not any of the people named elsewhere.
  bool Indefinite(const Mention& title) const { return Key(title).count < 0; }

  // Returns the country or organisation an unnamed office holder acts for ("pejabat
  // intelijen Ukraina" -> gpe:ukraine, "Dubes Pakistan" -> gpe:pakistan), or "" when the
  // title names none or its holder is a former one (FORMER: "mantan", "former").
  std::string Represented(const Mention& title) const;

 private:
  struct TitleKey {
    std::string phrase;  // "menteri luar negeri"
    std::string of;      // entity id of its country / organisation
    int count = 1;       // 1 singular, n exactly n, 0 any number
  };
  struct Holder {
    TitleKey key;
    std::string person;
    uint32_t first;  // where the holder's titled mention starts
  };
  TitleKey Key(const Mention& title) const;
  bool Names(const TitleKey& ref, const TitleKey& held) const;

  const RuleSet& rules_;
  std::string_view text_;
  const std::vector<Mention>& mentions_;
  std::vector<Holder> holders_;
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
  // Returns true if m was made by a rule with `refers` (a place reference).
  bool IsReference(const Mention& m) const;

  const RuleSet& rules_;
  ResolveOptions options_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RESOLVE_H_
