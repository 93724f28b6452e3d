// GraphML for Gephi and the other readers in ../shared/CONSUMERS.md: typed keys declared
// with `for`, a `label` on every node, an explicit `edgedefault`, booleans as true/false,
// doubles with round-trip precision, stable string ids (boost::write_graphml does none of
// the last three, so this writer walks the Boost graph itself).
//
//   WriteGraphml(kg, MakeGraph(kg), rules, GraphmlOptions(), &out);
#ifndef NEWSGRAPH_GRAPHML_H_
#define NEWSGRAPH_GRAPHML_H_

#include <ostream>
#include <string>
#include <string_view>

#include "graph/build.h"
#include "graph/graph.h"
#include "rules/rules.h"

namespace newsgraph {

struct GraphmlOptions {
  // The APOC flavour (--graphml-flavor apoc): a node key with the id `labels`
  // (":Entity:Person") and `<edge label="TYPE">`, what Neo4j's apoc.import.graphml reads with
  // readLabels. The edge attribute is not in the GraphML XSD: this flavour is schema-invalid
  // by design.
  bool apoc = false;
};

// Writes the graph g of kg as GraphML.
void WriteGraphml(const KnowledgeGraph& kg, const Graph& g, const RuleSet& rules,
                  const GraphmlOptions& options, std::ostream* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPHML_H_
