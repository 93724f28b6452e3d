// One self-contained HTML page of the graph (issue 11): a picture for a person without
// Gephi or Graphviz, drawn in the browser with no network at view time.
//
//   std::ostringstream out;
//   WriteHtml(kg, MakeGraph(kg), &out);      // then open graph.html in any browser
//
// The page holds the graph as JSON in <script type="application/json" id="graph-data">
// (every "</" written as "<\/", so no name ends the script early) and its own small
// drawing code inline (a force-directed layout on a <canvas>; nodes coloured by kind as in
// the DOT and GEXF, events as squares, hover shows a label, click shows a node's
// attributes, drag a node or the background, wheel to zoom). After drawing, the page sets
// data-nodes, data-edges and data-drawn on <body>, for tests.
#ifndef NEWSGRAPH_HTML_H_
#define NEWSGRAPH_HTML_H_

#include <ostream>
#include <string>

#include "graph/build.h"
#include "graph/graph.h"

namespace newsgraph {

// Returns the graph g of kg as the JSON the page embeds: {"directed", "nodes": [{"id",
// "label", "kind", "color", "event", "attrs"}], "edges": [{"source", "target" (indices
// into nodes), "label", "attrs"}]}, with "</" written as "<\/".
std::string HtmlGraphJson(const KnowledgeGraph& kg, const Graph& g);

// Writes the graph g of kg as one self-contained HTML page.
void WriteHtml(const KnowledgeGraph& kg, const Graph& g, std::ostream* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_HTML_H_
