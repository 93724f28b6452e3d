#include "graph/graph.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

namespace newsgraph {

Graph MakeGraph(const KnowledgeGraph& kg) {
  Graph g;
  std::unordered_map<std::string, Graph::vertex_descriptor> vertex;
  for (size_t i = 0; i < kg.entities.size(); ++i) {
    vertex[kg.entities[i].id] =
        boost::add_vertex({kg.entities[i].id, false, static_cast<int>(i)}, g);
  }
  for (size_t i = 0; i < kg.events.size(); ++i) {
    vertex[kg.events[i].id] = boost::add_vertex({kg.events[i].id, true, static_cast<int>(i)}, g);
  }
  // Collect edges first so they can be added in a canonical order, one per
  // (source, type, target): the key of EdgeId. Title variants of one person -> country pair
  // ("U.S. President", "U.S. president") are one edge listing them all (issue 11).
  struct Pending {
    std::string source, type, target;
    std::set<std::string> roles, titles;
    double weight = 1.0;
  };
  std::map<std::tuple<std::string, std::string, std::string>, Pending> edges;
  auto add = [&](const std::string& s, const std::string& type, const std::string& t,
                 const std::string& title, const std::string& role, double weight) {
    if (!vertex.count(s) || !vertex.count(t)) return;
    Pending& p = edges[{s, type, t}];
    p.source = s;
    p.type = type;
    p.target = t;
    p.weight = weight;
    if (!role.empty()) p.roles.insert(role);
    if (!title.empty()) p.titles.insert(title);
  };
  for (const Event& ev : kg.events) {
    const double weight = static_cast<double>(ev.evidence.size());
    for (const Participant& p : ev.participants) {
      if (!p.entity.empty()) add(p.entity, "PARTICIPANT_IN", ev.id, "", p.role, weight);
    }
    if (!ev.place.empty()) add(ev.id, "LOCATED_IN", ev.place, "", "", weight);
    for (const std::string& s : ev.reported_by) add(ev.id, "REPORTED_BY", s, "", "", weight);
  }
  for (const Entity& e : kg.entities) {
    for (const EntityTitle& t : e.titles) {
      if (!t.of.empty()) add(e.id, "HOLDS_TITLE", t.of, t.title, "", 1.0);
    }
  }
  for (auto& [key, p] : edges) {
    std::string roles;
    for (const std::string& r : p.roles) roles += (roles.empty() ? "" : ";") + r;
    boost::add_edge(vertex[p.source], vertex[p.target],
                    EdgeProps{p.type, roles, {p.titles.begin(), p.titles.end()}, p.weight}, g);
  }
  return g;
}

std::string EdgeId(const Graph& g, Graph::edge_descriptor e) {
  // Only characters of an XML NMTOKEN (GraphML ids are NMTOKENs): letters, digits, . - _ :
  // Node ids hold no "_" (slugs and "event:<type>-<hex>"), and MakeGraph makes one edge per
  // (source, type, target), so the id is unique.
  return g[boost::source(e, g)].id + "_" + g[e].type + "_" + g[boost::target(e, g)].id;
}

Rgb KindColor(const std::string& kind) {
  // ColorBrewer Set1.
  if (kind == "event") return {228, 26, 28};
  if (kind == "person") return {55, 126, 184};
  if (kind == "organization") return {77, 175, 74};
  if (kind == "country") return {152, 78, 163};
  if (kind == "place") return {255, 127, 0};
  if (kind == "source") return {166, 86, 40};
  return {153, 153, 153};
}

std::string HexColor(const Rgb& c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

NodeLook LookOf(const KnowledgeGraph& kg, const NodeProps& n, const std::string& date_separator) {
  if (n.is_event) {
    const Event& ev = kg.events[n.index];
    return {"event", ev.type + (ev.date.value.empty() ? "" : date_separator + ev.date.value)};
  }
  const Entity& e = kg.entities[n.index];
  return {KindName(e.kind), e.name.empty() ? e.id : e.name};
}

std::string Neo4jLabel(MentionKind kind) {
  std::string name = KindName(kind);
  std::string label;
  bool upper = true;
  for (char c : name) {
    if (c == '_' || c == '-') {
      upper = true;
      continue;
    }
    label.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return label;
}

}  // namespace newsgraph
