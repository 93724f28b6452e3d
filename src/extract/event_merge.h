// Event merging, the second half of resolving a document (docs/merging.md, "Events inside a
// document"): the event matches of stage 2 become the document's events.
//
//   reports      one per match: roles filled with entities (role references resolved,
//                metonymy applied), date, place, sources and evidence;
//   coreference  reports of one occasion (event_compat.h: SameOccasion) whose named
//                participants are equal, or one a subset of the other nearby, are joined
//                (union-find); back-references join the nearest compatible report before
//                them, or are dropped;
//   combining    a group becomes one event: the most specific type, the most precise date,
//                the innermost place, every participant, source and piece of evidence;
//   dates        a held event dated after the publication date is planned.
//
//   ResolveEntities(rules, options, text, &facts);        // entities.h, first
//   MergeEvents(rules, options, text, matches, &facts);   // fills facts.events
#ifndef NEWSGRAPH_EXTRACT_EVENT_MERGE_H_
#define NEWSGRAPH_EXTRACT_EVENT_MERGE_H_

#include <string_view>
#include <vector>

#include "extract/entities.h"
#include "extract/events.h"
#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// Sets facts->events to the events the matches tell, with ids "e1", "e2"... in the order of
// their first evidence. The mentions of facts must be resolved (ResolveEntities).
void MergeEvents(const RuleSet& rules, const ResolveOptions& options, std::string_view text,
                 const std::vector<EventMatch>& matches, DocumentFacts* facts);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_EVENT_MERGE_H_
