#include "graph/dot.h"

#include <fmt/format.h>

#include <boost/range/iterator_range.hpp>

namespace newsgraph {

namespace {

// Returns text as a DOT quoted string: backslashes and quotes escaped, line breaks as \n.
std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

void WriteDot(const KnowledgeGraph& kg, const Graph& g, std::ostream* out) {
  std::ostream& o = *out;
  const bool actors = g[boost::graph_bundle].actors;
  o << (actors ? "graph" : "digraph") << " newsgraph {\n"
    << "  graph [overlap=false, splines=true, fontname=\"Helvetica\"];\n"
    << "  node [style=filled, fontname=\"Helvetica\", fontsize=10, fontcolor=\"#ffffff\"];\n"
    << "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#888888\"];\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& n = g[v];
    const NodeLook look = LookOf(kg, n, "\n");
    o << "  " << Quote(n.id) << " [label=" << Quote(look.label)
      << ", shape=" << (n.is_event ? "box" : "ellipse")
      << ", fillcolor=" << Quote(HexColor(KindColor(look.kind))) << "];\n";
  }
  const char* arrow = actors ? " -- " : " -> ";
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    std::string label = p.type;
    if (actors) label += fmt::format(" ({})", p.events.size());
    o << "  " << Quote(g[boost::source(e, g)].id) << arrow << Quote(g[boost::target(e, g)].id)
      << " [label=" << Quote(label) << "];\n";
  }
  o << "}\n";
}

}  // namespace newsgraph
