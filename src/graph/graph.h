// The graph (DESIGN §4) as a Boost.Graph adjacency_list: entities and events are
// vertices, roles are edges. Vertex and edge properties point into the KnowledgeGraph,
// which holds the data; writers walk the Boost graph.
//
//   Graph g = MakeGraph(kg);
//   for (auto v : boost::make_iterator_range(boost::vertices(g))) g[v].id ...
//
// Edges:  PARTICIPANT_IN  entity -> event   (role)
//         LOCATED_IN      event  -> place
//         REPORTED_BY     event  -> source
//         HOLDS_TITLE     person -> organisation / country   (title)
#ifndef NEWSGRAPH_GRAPH_H_
#define NEWSGRAPH_GRAPH_H_

#include <boost/graph/adjacency_list.hpp>

#include <string>
#include <vector>

#include "graph/build.h"

namespace newsgraph {

struct NodeProps {
  std::string id;
  bool is_event = false;
  int index = -1;  // into KnowledgeGraph::entities or ::events
};

struct EdgeProps {
  std::string type;                 // PARTICIPANT_IN, LOCATED_IN, REPORTED_BY, HOLDS_TITLE;
                                    // in the actor projection the event type, upper case
  std::string role;                 // PARTICIPANT_IN: the roles, joined with ";"
  std::vector<std::string> titles;  // HOLDS_TITLE: the title variants, sorted
  double weight = 1.0;      // evidence spans behind the edge's event (1 for HOLDS_TITLE); in the
                            // actor projection the number of events
  std::vector<int> events;  // actor projection: the shared events (KnowledgeGraph::events)
};

struct GraphProps {
  bool actors = false;  // the actor projection (graph/actors.h): undirected co-participation
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeProps,
                                    EdgeProps, GraphProps>;

// Returns the graph of kg: vertices in the order entities (by id), then events (by id);
// edges sorted by (source id, type, target id), one per such triple: the parallel
// HOLDS_TITLE edges of one person and organisation/country are one edge with all titles.
Graph MakeGraph(const KnowledgeGraph& kg);

// Returns the stable id of an edge, an XML NMTOKEN: "<source>_<TYPE>_<target>", unique
// in a graph from MakeGraph.
std::string EdgeId(const Graph& g, Graph::edge_descriptor e);

// A colour of the pictures (GEXF, DOT): one per kind, apart enough to tell at a glance.
struct Rgb {
  int r, g, b;
};

// Returns the colour of a node kind: "event" or an entity kind name (KindName).
Rgb KindColor(const std::string& kind);

// Returns c as "#rrggbb" (DOT, HTML).
std::string HexColor(const Rgb& c);

// The kind and the label the pictures draw a node with: "event" and its type and date
// (joined by date_separator), or the entity's kind name and name (its id when unnamed).
struct NodeLook {
  std::string kind;
  std::string label;
};
NodeLook LookOf(const KnowledgeGraph& kg, const NodeProps& n, const std::string& date_separator);

// Returns the Neo4j label of an entity kind: "Person", "Organization", "Country", "Place",
// "Source" (KindName in PascalCase).
std::string Neo4jLabel(MentionKind kind);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_H_
