#include "graph/graphml.h"

#include "base/text.h"
#include "base/xml.h"
#include "graph/actors.h"

#include <fmt/format.h>

#include <boost/range/iterator_range.hpp>
#include <set>

namespace newsgraph {

namespace {

struct Key {
  const char* id;
  const char* domain;  // node | edge
  const char* name;
  const char* type;  // string | int | double | boolean
};

const Key kKeys[] = {
    {"n_label", "node", "label", "string"},
    {"n_kind", "node", "kind", "string"},
    {"n_type", "node", "type", "string"},
    {"n_gazetteer", "node", "gazetteer", "boolean"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_titles", "node", "titles", "string"},
    {"n_part_of", "node", "part_of", "string"},
    {"n_iso3166", "node", "iso3166", "string"},
    {"n_mentions", "node", "mentions", "int"},
    {"n_cameo", "node", "cameo", "string"},
    {"n_plover", "node", "plover", "string"},
    {"n_date", "node", "date", "string"},
    {"n_date_start", "node", "date_start", "string"},
    {"n_date_end", "node", "date_end", "string"},
    {"n_date_granularity", "node", "date_granularity", "string"},
    {"n_date_mod", "node", "date_mod", "string"},
    {"n_place", "node", "place", "string"},
    {"n_city", "node", "city", "string"},
    {"n_participants", "node", "participants", "string"},
    {"n_modality", "node", "modality", "string"},
    {"n_reported_by", "node", "reported_by", "string"},
    {"n_evidence", "node", "evidence", "int"},
    {"n_documents", "node", "documents", "int"},
    {"n_doc", "node", "doc", "string"},
    {"n_sentence", "node", "sentence", "string"},
    {"n_rules", "node", "rules", "string"},
    {"e_label", "edge", "label", "string"},
    {"e_role", "edge", "role", "string"},
    {"e_titles", "edge", "titles", "string"},
    {"e_weight", "edge", "weight", "double"},
};

class DataWriter {
 public:
  explicit DataWriter(std::ostream* out) : out_(out) {}
  void Str(const char* key, std::string_view v) {
    if (v.empty()) return;
    *out_ << "      <data key=\"" << key << "\">" << XmlEscape(v) << "</data>\n";
  }
  void Int(const char* key, long long v) {
    *out_ << "      <data key=\"" << key << "\">" << v << "</data>\n";
  }
  void Bool(const char* key, bool v) {
    *out_ << "      <data key=\"" << key << "\">" << (v ? "true" : "false") << "</data>\n";
  }
  void Double(const char* key, double v) {
    *out_ << "      <data key=\"" << key << "\">" << fmt::format("{}", v) << "</data>\n";
  }

 private:
  std::ostream* out_;
};

}  // namespace

namespace {

// The edge keys of the actor projection (graph/actors.h), declared only there.
const Key kActorKeys[] = {
    {"e_events", "edge", "events", "string"},
    {"e_dates", "edge", "dates", "string"},
    {"e_places", "edge", "places", "string"},
};

void WriteKey(std::ostream& o, const Key& k) {
  o << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
    << "\" attr.type=\"" << k.type << "\"/>\n";
}

void WriteKeys(std::ostream& o, const GraphmlOptions& options, bool actors) {
  if (options.apoc) WriteKey(o, {"labels", "node", "labels", "string"});
  for (const Key& k : kKeys) WriteKey(o, k);
  if (actors) {
    for (const Key& k : kActorKeys) WriteKey(o, k);
  }
}

void WriteEntityData(const Entity& e, DataWriter& d) {
  d.Str("n_label", e.name.empty() ? e.id : e.name);
  d.Str("n_kind", KindName(e.kind));
  d.Str("n_type", e.type);
  d.Bool("n_gazetteer", e.gazetteer);
  d.Str("n_aliases", Join(e.aliases, "; "));
  std::vector<std::string> titles;
  for (const EntityTitle& t : e.titles) titles.push_back(t.title);
  d.Str("n_titles", Join(titles, "; "));
  d.Str("n_part_of", e.part_of);
  if (auto it = e.external.find("iso3166"); it != e.external.end()) d.Str("n_iso3166", it->second);
  d.Int("n_mentions", e.mentions);
}

void WriteEventData(const KnowledgeGraph& kg, const RuleSet& rules, const Event& ev,
                    DataWriter& d) {
  d.Str("n_label", EventLabel(kg, ev));
  d.Str("n_kind", "event");
  d.Str("n_type", ev.type);
  if (const EventType* t = rules.Type(ev.type)) {
    d.Str("n_cameo", t->cameo);
    d.Str("n_plover", t->plover);
  }
  d.Str("n_date", ev.date.value);
  if (ev.date.start) d.Str("n_date_start", FormatDate(*ev.date.start));
  if (ev.date.end) d.Str("n_date_end", FormatDate(*ev.date.end));
  if (!ev.date.value.empty()) d.Str("n_date_granularity", GranularityName(ev.date.granularity));
  d.Str("n_date_mod", ev.date.mod);
  if (!ev.place.empty()) d.Str("n_place", kg.NameOf(ev.place));
  if (const std::string city = rules.CityOf(ev.place); !city.empty())
    d.Str("n_city", kg.NameOf(city));
  std::vector<std::string> names, sources;
  for (const Participant& p : ev.participants) {
    if (!p.entity.empty()) names.push_back(kg.NameOf(p.entity));
  }
  for (const std::string& s : ev.reported_by) sources.push_back(kg.NameOf(s));
  std::set<std::string> doc_set, rule_set;
  for (const Evidence& x : ev.evidence) {
    doc_set.insert(x.doc);
    rule_set.insert(x.rule);
  }
  d.Str("n_participants", Join(names, "; "));
  d.Str("n_modality", ev.modality);
  d.Str("n_reported_by", Join(sources, "; "));
  d.Int("n_evidence", static_cast<long long>(ev.evidence.size()));
  d.Int("n_documents", static_cast<long long>(doc_set.size()));
  if (!ev.evidence.empty()) {
    d.Str("n_doc", ev.evidence.front().doc);
    d.Str("n_sentence", ev.evidence.front().text);
  }
  d.Str("n_rules", Join(std::vector<std::string>(rule_set.begin(), rule_set.end()), "; "));
}

// Returns the Neo4j labels of a node as APOC writes and reads them: ":Entity:Person".
std::string ApocLabels(const KnowledgeGraph& kg, const NodeProps& n) {
  if (n.is_event) return ":Event";
  return ":Entity:" + Neo4jLabel(kg.entities[n.index].kind);
}

}  // namespace

void WriteGraphml(const KnowledgeGraph& kg, const Graph& g, const RuleSet& rules,
                  const GraphmlOptions& options, std::ostream* out) {
  std::ostream& o = *out;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
       "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
       "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
       "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  const bool actors = g[boost::graph_bundle].actors;
  WriteKeys(o, options, actors);
  o << "  <graph id=\"newsgraph\" edgedefault=\"" << (actors ? "undirected" : "directed")
    << "\">\n";
  DataWriter d(out);
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& n = g[v];
    o << "    <node id=\"" << XmlEscape(n.id) << "\">\n";
    if (options.apoc) d.Str("labels", ApocLabels(kg, n));
    if (n.is_event) {
      WriteEventData(kg, rules, kg.events[n.index], d);
    } else {
      WriteEntityData(kg.entities[n.index], d);
    }
    o << "    </node>\n";
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    o << "    <edge id=\"" << XmlEscape(EdgeId(g, e)) << "\" source=\""
      << XmlEscape(g[boost::source(e, g)].id) << "\" target=\""
      << XmlEscape(g[boost::target(e, g)].id) << "\"";
    if (options.apoc) o << " label=\"" << p.type << "\"";
    o << ">\n";
    d.Str("e_label", p.type);
    d.Str("e_role", p.role);
    d.Str("e_titles", Join(p.titles, "; "));
    if (actors) {
      const SharedEvents shared = SummarizeEvents(kg, p);
      d.Str("e_events", Join(shared.ids, "; "));
      d.Str("e_dates", Join(shared.dates, "; "));
      d.Str("e_places", Join(shared.places, "; "));
    }
    d.Double("e_weight", p.weight);
    o << "    </edge>\n";
  }
  o << "  </graph>\n</graphml>\n";
}

}  // namespace newsgraph
