#include "graph/html.h"

#include <fmt/format.h>

#include <boost/range/iterator_range.hpp>
#include <set>
#include <string_view>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "base/json_writer.h"
#include "base/vocabulary.h"
#include "graph/html_page.h"

namespace newsgraph {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

// Writes "key": "value" when value is not empty.
void Attr(JsonWriter& w, const char* key, const std::string& value) {
  if (!value.empty()) WriteMember(w, key, value);
}

void EventAttrs(const KnowledgeGraph& kg, const Event& ev, JsonWriter& w) {
  Attr(w, "id", ev.id);
  Attr(w, "label", EventLabel(kg, ev));
  Attr(w, "type", ev.type);
  Attr(w, "date", ev.date.value);
  Attr(w, "modality", ev.modality);
  if (!ev.place.empty()) Attr(w, "place", kg.NameOf(ev.place));
  std::vector<std::string> who;
  for (const Participant& p : ev.participants) {
    const std::string name =
        p.entity.empty() ? "\"" + p.text + "\" (unresolved)" : kg.NameOf(p.entity);
    who.push_back(name + (p.role.empty() ? "" : " [" + p.role + "]"));
  }
  Attr(w, "participants", Join(who, "; "));
  std::vector<std::string> sources;
  for (const std::string& s : ev.reported_by) sources.push_back(kg.NameOf(s));
  Attr(w, "reported_by", Join(sources, "; "));
  std::set<std::string> docs;
  for (const Evidence& e : ev.evidence) docs.insert(e.doc);
  Attr(w, "documents", Join(std::vector<std::string>(docs.begin(), docs.end()), "; "));
  Attr(w, "evidence", std::to_string(ev.evidence.size()));
  if (!ev.evidence.empty()) Attr(w, "sentence", ev.evidence.front().text);
}

void EntityAttrs(const KnowledgeGraph& kg, const Entity& e, JsonWriter& w) {
  Attr(w, "id", e.id);
  Attr(w, "kind", KindName(e.kind));
  Attr(w, "name", e.name);
  Attr(w, "type", e.type);
  if (!e.part_of.empty()) Attr(w, "part_of", kg.NameOf(e.part_of));
  Attr(w, "aliases", Join(e.aliases, "; "));
  std::vector<std::string> titles;
  for (const EntityTitle& t : e.titles) {
    titles.push_back(t.title + (t.of.empty() ? "" : " (" + kg.NameOf(t.of) + ")"));
  }
  Attr(w, "titles", Join(titles, "; "));
  if (e.mentions > 0) Attr(w, "mentions", std::to_string(e.mentions));
  for (const auto& [key, value] : e.external) Attr(w, key.c_str(), value);
}

void EdgeAttrs(const KnowledgeGraph& kg, const EdgeProps& p, bool actors, JsonWriter& w) {
  Attr(w, "type", p.type);
  Attr(w, "role", p.role);
  Attr(w, "titles", Join(p.titles, "; "));
  Attr(w, "weight", fmt::format("{}", p.weight));
  if (actors) {
    std::vector<std::string> events;
    for (int i : p.events) events.push_back(EventLabel(kg, kg.events[i]));
    Attr(w, "events", Join(events, "; "));
  }
}

// Returns json with every "</" as "<\/" and "<!--" as "\u003c!--", both valid in a JSON
// string, so the text cannot end or confuse the <script> element that holds it.
std::string ForScript(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') {
      out += "<\\/";
      ++i;
    } else if (json.compare(i, 4, "<!--") == 0) {
      out += "\\u003c";
    } else {
      out += json[i];
    }
  }
  return out;
}

// Returns text escaped for HTML character data.
std::string HtmlText(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string HtmlGraphJson(const KnowledgeGraph& kg, const Graph& g) {
  const bool actors = g[boost::graph_bundle].actors;
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.StartObject();
  w.Key("directed");
  w.Bool(!actors);
  w.Key("nodes");
  w.StartArray();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& n = g[v];
    const NodeLook look = LookOf(kg, n, " ");
    w.StartObject();
    WriteMember(w, "id", n.id);
    WriteMember(w, "label", look.label);
    WriteMember(w, "kind", look.kind);
    WriteMember(w, "color", HexColor(KindColor(look.kind)));
    w.Key("event");
    w.Bool(n.is_event);
    w.Key("attrs");
    w.StartObject();
    if (n.is_event) {
      EventAttrs(kg, kg.events[n.index], w);
    } else {
      EntityAttrs(kg, kg.entities[n.index], w);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("edges");
  w.StartArray();
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    w.StartObject();
    w.Key("source");
    w.Uint64(boost::source(e, g));
    w.Key("target");
    w.Uint64(boost::target(e, g));
    WriteMember(w, "label", actors ? fmt::format("{} ({})", p.type, p.events.size()) : p.type);
    w.Key("attrs");
    w.StartObject();
    EdgeAttrs(kg, p, actors, w);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return ForScript(buf.GetString());
}

void WriteHtml(const KnowledgeGraph& kg, const Graph& g, std::ostream* out) {
  const bool actors = g[boost::graph_bundle].actors;
  const std::string title =
      fmt::format("newsgraph: {} ({} nodes, {} edges)", actors ? "actor network" : "graph",
                  boost::num_vertices(g), boost::num_edges(g));
  std::ostream& o = *out;
  o << kHtmlPageHead << "<title>" << HtmlText(title) << "</title>\n"
    << kHtmlPageStyle << "</head>\n<body>\n"
    << kHtmlPageBody << "<script type=\"application/json\" id=\"graph-data\">"
    << HtmlGraphJson(kg, g) << "</script>\n"
    << "<script>\n"
    << kHtmlPageScript << "</script>\n</body>\n</html>\n";
}

}  // namespace newsgraph
