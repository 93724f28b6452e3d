// GEXF 1.3 with a timeline, for Gephi's timeline and dynamic filters (issue 11): a dynamic
// graph (mode="dynamic", timeformat="date", timerepresentation="interval") where
//
//   - an event node lives over its date interval (start/end, closed, full ISO dates:
//     "2023-04" becomes 2023-04-01 .. 2023-04-30);
//   - every edge that touches an event lives over that event's interval;
//   - an entity node has one spell per stretch of time its dated events cover
//     (overlapping intervals merged), none if it has no dated event;
//   - HOLDS_TITLE edges have no time;
//   - colour by kind, size by degree (<color>, <size>; the 1.3 XSD declares them in the GEXF
//     namespace, and Gephi and graphology-gexf read them by local name).
//
// An event is dated when its date has both a start and an end (PAST_REF has no start).
// Undated events are kept without time by default — Gephi shows an element without time at
// every moment of the timeline — or left out with their edges (GexfOptions::drop_undated).
//
//   WriteGexf(kg, MakeGraph(kg), rules, GexfOptions(), &out);
#ifndef NEWSGRAPH_GEXF_H_
#define NEWSGRAPH_GEXF_H_

#include <ostream>

#include "graph/build.h"
#include "graph/graph.h"
#include "rules/rules.h"

namespace newsgraph {

struct GexfOptions {
  bool drop_undated = false;  // leave out undated events and their edges
};

// Writes the graph g of kg as GEXF 1.3.
void WriteGexf(const KnowledgeGraph& kg, const Graph& g, const RuleSet& rules,
               const GexfOptions& options, std::ostream* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GEXF_H_
