#include "graph/gexf.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "base/text.h"
#include "base/xml.h"
#include "graph/actors.h"

namespace newsgraph {

namespace {

using Interval = std::pair<CivilDate, CivilDate>;  // closed [start, end]

std::optional<Interval> EventInterval(const Event& ev) {
  if (!ev.date.start || !ev.date.end) return std::nullopt;
  return Interval{*ev.date.start, *ev.date.end};
}

// Returns the intervals merged where they overlap, in order.
std::vector<Interval> MergeSpells(std::vector<Interval> spells) {
  std::sort(spells.begin(), spells.end(), [](const Interval& a, const Interval& b) {
    return a.first < b.first || (a.first == b.first && a.second < b.second);
  });
  std::vector<Interval> merged;
  for (const Interval& s : spells) {
    if (!merged.empty() && s.first <= merged.back().second) {
      if (merged.back().second < s.second) merged.back().second = s.second;
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

std::string TimeAttributes(const std::optional<Interval>& t) {
  if (!t) return "";
  return fmt::format(" start=\"{}\" end=\"{}\"", FormatDate(t->first), FormatDate(t->second));
}

struct Attribute {
  const char* id;
  const char* type;
};

const Attribute kNodeAttributes[] = {
    {"kind", "string"},     {"type", "string"},  {"date", "string"},      {"place", "string"},
    {"modality", "string"}, {"cameo", "string"}, {"mentions", "integer"}, {"evidence", "integer"},
};
const Attribute kEdgeAttributes[] = {{"type", "string"},   {"role", "string"},
                                     {"titles", "string"}, {"events", "string"},
                                     {"dates", "string"},  {"places", "string"}};

void WriteAttributeDeclarations(std::ostream& o) {
  o << "    <attributes class=\"node\" mode=\"static\">\n";
  for (const Attribute& a : kNodeAttributes) {
    o << fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", a.id, a.id, a.type);
  }
  o << "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  for (const Attribute& a : kEdgeAttributes) {
    o << fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"/>\n", a.id, a.id, a.type);
  }
  o << "    </attributes>\n";
}

// Collects <attvalue> elements, leaving out empty values.
class AttValues {
 public:
  void Add(const char* id, const std::string& value) {
    if (!value.empty()) values_.emplace_back(id, value);
  }
  void Write(std::ostream& o, const char* indent) const {
    if (values_.empty()) return;
    o << indent << "<attvalues>\n";
    for (const auto& [id, value] : values_) {
      o << indent
        << fmt::format("  <attvalue for=\"{}\" value=\"{}\"/>\n", id,
                       XmlEscape(value, XmlInvalid::kDrop, true));
    }
    o << indent << "</attvalues>\n";
  }

 private:
  std::vector<std::pair<const char*, std::string>> values_;
};

class GexfWriter {
 public:
  GexfWriter(const KnowledgeGraph& kg, const Graph& g, const RuleSet& rules,
             const GexfOptions& options, std::ostream& o)
      : kg_(kg), g_(g), rules_(rules), options_(options), o_(o) {}

  void Write() {
    Prepare();
    o_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
          "  <meta>\n    <creator>newsgraph</creator>\n"
          "    <description>entities and events; event dates as intervals</description>\n"
          "  </meta>\n"
          "  <graph mode=\"dynamic\" defaultedgetype=\""
       << (g_[boost::graph_bundle].actors ? "undirected" : "directed")
       << "\" timeformat=\"date\" timerepresentation=\"interval\">\n";
    WriteAttributeDeclarations(o_);
    o_ << "    <nodes>\n";
    for (auto v : boost::make_iterator_range(boost::vertices(g_))) {
      if (kept_[v]) WriteNode(v);
    }
    o_ << "    </nodes>\n    <edges>\n";
    for (auto e : boost::make_iterator_range(boost::edges(g_))) {
      if (Kept(e)) WriteEdge(e);
    }
    o_ << "    </edges>\n  </graph>\n</gexf>\n";
  }

 private:
  // Returns the intervals of the dated events behind an edge: the event it touches, or in
  // the actor projection the events the two actors share.
  std::vector<Interval> EdgeIntervals(Graph::edge_descriptor e) const {
    std::vector<Interval> out;
    std::vector<int> events = g_[e].events;
    for (auto end : {boost::source(e, g_), boost::target(e, g_)}) {
      if (g_[end].is_event) events.push_back(g_[end].index);
    }
    for (int i : events) {
      if (auto t = EventInterval(kg_.events[i])) out.push_back(*t);
    }
    return out;
  }

  // Returns true if the edge is written: both ends are, and in the actor projection with
  // drop_undated, one of its events is dated.
  bool Kept(Graph::edge_descriptor e) const {
    if (!kept_[boost::source(e, g_)] || !kept_[boost::target(e, g_)]) return false;
    return !(options_.drop_undated && !g_[e].events.empty() && EdgeIntervals(e).empty());
  }

  // Decides which nodes are written, their degree among those, and the entities' spells.
  void Prepare() {
    const size_t n = boost::num_vertices(g_);
    kept_.assign(n, true);
    degree_.assign(n, 0);
    spells_.assign(n, {});
    for (auto v : boost::make_iterator_range(boost::vertices(g_))) {
      if (g_[v].is_event && options_.drop_undated && !EventInterval(kg_.events[g_[v].index]))
        kept_[v] = false;
    }
    for (auto e : boost::make_iterator_range(boost::edges(g_))) {
      if (!Kept(e)) continue;
      const std::vector<Interval> times = EdgeIntervals(e);
      for (auto end : {boost::source(e, g_), boost::target(e, g_)}) {
        ++degree_[end];
        if (!g_[end].is_event) spells_[end].insert(spells_[end].end(), times.begin(), times.end());
      }
    }
  }

  void WriteViz(Graph::vertex_descriptor v, const std::string& kind) {
    const Rgb c = KindColor(kind);
    o_ << fmt::format("        <color r=\"{}\" g=\"{}\" b=\"{}\"/>\n", c.r, c.g, c.b);
    o_ << fmt::format("        <size value=\"{}\"/>\n", 1 + degree_[v]);
  }

  void WriteNode(Graph::vertex_descriptor v) {
    const NodeProps& n = g_[v];
    AttValues values;
    std::string label, kind;
    std::optional<Interval> time;
    if (n.is_event) {
      const Event& ev = kg_.events[n.index];
      label = EventLabel(kg_, ev);
      kind = "event";
      time = EventInterval(ev);
      values.Add("kind", kind);
      values.Add("type", ev.type);
      values.Add("date", ev.date.value);
      if (!ev.place.empty()) values.Add("place", kg_.NameOf(ev.place));
      values.Add("modality", ev.modality);
      if (const EventType* t = rules_.Type(ev.type)) values.Add("cameo", t->cameo);
      values.Add("evidence", std::to_string(ev.evidence.size()));
    } else {
      const Entity& e = kg_.entities[n.index];
      label = e.name.empty() ? e.id : e.name;
      kind = KindName(e.kind);
      values.Add("kind", kind);
      values.Add("type", e.type);
      values.Add("mentions", std::to_string(e.mentions));
    }
    o_ << fmt::format("      <node id=\"{}\" label=\"{}\"{}>\n", XmlEscape(n.id),
                      XmlEscape(label, XmlInvalid::kDrop, true), TimeAttributes(time));
    values.Write(o_, "        ");
    const std::vector<Interval> spells = MergeSpells(spells_[v]);
    if (!n.is_event && !spells.empty()) {
      o_ << "        <spells>\n";
      for (const Interval& s : spells) {
        o_ << fmt::format("          <spell{}/>\n", TimeAttributes(s));
      }
      o_ << "        </spells>\n";
    }
    WriteViz(v, kind);
    o_ << "      </node>\n";
  }

  void WriteEdge(Graph::edge_descriptor e) {
    const auto s = boost::source(e, g_), t = boost::target(e, g_);
    const EdgeProps& p = g_[e];
    // An edge of the full graph touches one event: its interval; an actor edge has a spell
    // per stretch of its shared events.
    const std::vector<Interval> times = MergeSpells(EdgeIntervals(e));
    std::optional<Interval> time;
    if (p.events.empty() && !times.empty()) time = times.front();
    o_ << fmt::format(
        "      <edge id=\"{}\" source=\"{}\" target=\"{}\" label=\"{}\" weight=\"{}\"{}>\n",
        XmlEscape(EdgeId(g_, e)), XmlEscape(g_[s].id), XmlEscape(g_[t].id), p.type, p.weight,
        TimeAttributes(time));
    AttValues values;
    values.Add("type", p.type);
    values.Add("role", p.role);
    values.Add("titles", Join(p.titles, "; "));
    if (!p.events.empty()) {
      const SharedEvents shared = SummarizeEvents(kg_, p);
      values.Add("events", Join(shared.ids, "; "));
      values.Add("dates", Join(shared.dates, "; "));
      values.Add("places", Join(shared.places, "; "));
    }
    values.Write(o_, "        ");
    if (!p.events.empty() && !times.empty()) {
      o_ << "        <spells>\n";
      for (const Interval& spell : times) {
        o_ << fmt::format("          <spell{}/>\n", TimeAttributes(spell));
      }
      o_ << "        </spells>\n";
    }
    o_ << "      </edge>\n";
  }

  const KnowledgeGraph& kg_;
  const Graph& g_;
  const RuleSet& rules_;
  const GexfOptions& options_;
  std::ostream& o_;
  std::vector<bool> kept_;
  std::vector<int> degree_;
  std::vector<std::vector<Interval>> spells_;
};

}  // namespace

void WriteGexf(const KnowledgeGraph& kg, const Graph& g, const RuleSet& rules,
               const GexfOptions& options, std::ostream* out) {
  GexfWriter(kg, g, rules, options, *out).Write();
}

}  // namespace newsgraph
