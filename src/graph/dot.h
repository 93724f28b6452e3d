// DOT for Graphviz (issue 11): a picture of the graph without Gephi.
//
//   WriteDot(kg, MakeGraph(kg), &out);      // then: dot -Tsvg graph.dot -o graph.svg
//
// Nodes filled with the colour of their kind (KindColor, as in the GEXF), events as boxes
// labelled with their type and date, entities as ellipses with their name; edges labelled
// with their type (an actor projection: undirected, labelled with the event type and the
// number of events). Ids are quoted DOT strings, so any node id is safe.
#ifndef NEWSGRAPH_DOT_H_
#define NEWSGRAPH_DOT_H_

#include <ostream>

#include "graph/build.h"
#include "graph/graph.h"

namespace newsgraph {

// Writes the graph g of kg in the DOT language.
void WriteDot(const KnowledgeGraph& kg, const Graph& g, std::ostream* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_DOT_H_
