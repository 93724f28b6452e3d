// Document-level resolution, in two halves: entity resolution (entities.h: mentions become
// entities) and then event merging (event_merge.h: event matches become events).
//
//   Resolver resolver(rules, options);
//   resolver.Resolve(text, matches, &facts);   // fills facts.entities, facts.events
#ifndef NEWSGRAPH_RESOLVE_H_
#define NEWSGRAPH_RESOLVE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/stage_timer.h"
#include "extract/entities.h"
#include "extract/events.h"
#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

class Resolver {
 public:
  Resolver(const RuleSet& rules, const ResolveOptions& options)
      : rules_(rules), options_(options) {}

  // Resolves the mentions of facts to entities, then merges the matches into its events;
  // the two halves start and stop on timer, if not null.
  void Resolve(std::string_view text, const std::vector<EventMatch>& matches,
               DocumentFacts* facts, StageTimer* timer = nullptr) const;

 private:
  const RuleSet& rules_;
  ResolveOptions options_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RESOLVE_H_
