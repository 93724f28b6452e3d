#include "graph/actors.h"

#include <boost/range/iterator_range.hpp>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "base/text.h"

namespace newsgraph {

bool IsActorKind(MentionKind kind) {
  return kind == MentionKind::kPerson || kind == MentionKind::kOrganization ||
         kind == MentionKind::kCountry;
}

Graph ProjectActors(const KnowledgeGraph& kg) {
  Graph g;
  g[boost::graph_bundle].actors = true;
  std::unordered_map<std::string, Graph::vertex_descriptor> vertex;
  for (size_t i = 0; i < kg.entities.size(); ++i) {
    const Entity& e = kg.entities[i];
    if (IsActorKind(e.kind))
      vertex[e.id] = boost::add_vertex({e.id, false, static_cast<int>(i)}, g);
  }
  // (source id, TYPE, target id) -> events, in event order (kg.events is sorted by id).
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<int>> edges;
  for (size_t i = 0; i < kg.events.size(); ++i) {
    const Event& ev = kg.events[i];
    std::set<std::string> actors;
    for (const Participant& p : ev.participants) {
      if (vertex.count(p.entity)) actors.insert(p.entity);
    }
    const std::string type = Uppercase(ev.type);
    for (auto a = actors.begin(); a != actors.end(); ++a) {
      for (auto b = std::next(a); b != actors.end(); ++b) {
        edges[{*a, type, *b}].push_back(static_cast<int>(i));
      }
    }
  }
  for (const auto& [key, events] : edges) {
    EdgeProps p;
    p.type = std::get<1>(key);
    p.weight = static_cast<double>(events.size());
    p.events = events;
    boost::add_edge(vertex[std::get<0>(key)], vertex[std::get<2>(key)], p, g);
  }
  return g;
}

SharedEvents SummarizeEvents(const KnowledgeGraph& kg, const EdgeProps& edge) {
  SharedEvents out;
  std::set<std::string> dates, places, place_ids;
  for (int i : edge.events) {
    const Event& ev = kg.events[i];
    out.ids.push_back(ev.id);
    if (!ev.date.value.empty()) dates.insert(ev.date.value);
    if (!ev.place.empty()) {
      places.insert(kg.NameOf(ev.place));
      place_ids.insert(ev.place);
    }
  }
  out.dates.assign(dates.begin(), dates.end());
  out.places.assign(places.begin(), places.end());
  out.place_ids.assign(place_ids.begin(), place_ids.end());
  return out;
}

Graph DropLowDegree(const Graph& g, int min_degree) {
  Graph out;
  out[boost::graph_bundle] = g[boost::graph_bundle];
  std::vector<Graph::vertex_descriptor> map(boost::num_vertices(g));
  std::vector<bool> kept(boost::num_vertices(g), false);
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const int degree = static_cast<int>(boost::in_degree(v, g) + boost::out_degree(v, g));
    if (degree < min_degree) continue;
    kept[v] = true;
    map[v] = boost::add_vertex(g[v], out);
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const auto s = boost::source(e, g), t = boost::target(e, g);
    if (kept[s] && kept[t]) boost::add_edge(map[s], map[t], g[e], out);
  }
  return out;
}

}  // namespace newsgraph
