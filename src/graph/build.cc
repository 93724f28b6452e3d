#include "graph/build.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <utility>

#include "base/text.h"
#include "extract/groups.h"

namespace newsgraph {

const Entity* KnowledgeGraph::FindEntity(const std::string& id) const {
  auto it = std::lower_bound(entities.begin(), entities.end(), id,
                             [](const Entity& e, const std::string& k) { return e.id < k; });
  return it != entities.end() && it->id == id ? &*it : nullptr;
}

const SourceDocument* KnowledgeGraph::FindSource(const std::string& id) const {
  auto it =
      std::lower_bound(sources.begin(), sources.end(), id,
                       [](const SourceDocument& d, const std::string& k) { return d.id < k; });
  return it != sources.end() && it->id == id ? &*it : nullptr;
}

std::string KnowledgeGraph::NameOf(const std::string& id) const {
  const Entity* e = FindEntity(id);
  return e ? e->name : id;
}

std::string EventLabel(const KnowledgeGraph& kg, const Event& ev) {
  std::string names;
  for (const Participant& p : ev.participants) {
    if (p.entity.empty()) continue;
    names += (names.empty() ? "" : ", ") + kg.NameOf(p.entity);
  }
  std::string label = ev.type + ": " + names;
  if (!ev.place.empty()) {
    label += " @ " + kg.NameOf(ev.place);
  }
  if (!ev.date.value.empty()) label += " (" + ev.date.value + ")";
  return label;
}

GraphBuilder::GraphBuilder(const RuleSet& rules) : rules_(rules) {}

bool GraphBuilder::Add(const DocumentFacts& facts) {
  if (!docs_.insert(facts.doc).second) return false;
  if (facts.status != "ok") {
    ++skipped_;
    return true;
  }
  sources_[facts.doc] = {facts.doc, facts.url, facts.title, facts.dct, facts.lang};
  for (const Entity& e : facts.entities) entities_[e.id].push_back(e);
  for (const Event& ev : facts.events) {
    events_.push_back(ev);
    events_.back().graph_event.clear();  // a previous run's answer; this build gives its own
  }
  return true;
}

namespace {

size_t WordCount(const std::string& s) {
  size_t n = 0;
  for (Span t : Tokenize(s))
    n += IsWordChar(static_cast<unsigned char>(s[t.begin])) ||
         static_cast<unsigned char>(s[t.begin]) >= 0x80;
  return n;
}

std::string CanonicalKey(const Event& ev) {
  std::string key = ev.type + "|" + ev.modality + "|" + ev.date.value + "|" + ev.place;
  for (const std::string& p : ParticipantIds(ev)) key += "|" + p;
  for (const Evidence& e : ev.evidence)
    key += fmt::format("|{}:{}:{}", e.doc, e.span.begin, e.rule);
  return key;
}

}  // namespace

std::string EventId(const Event& ev) {
  std::string key = ev.type + "|" + ev.modality + "|" + ev.date.value + "|" + ev.place;
  for (const std::string& p : ParticipantIds(ev)) key += "|" + p;
  return fmt::format("event:{}-{:012x}", ev.type, Fnv1a64(key) & 0xFFFFFFFFFFFFull);
}

Entity GraphBuilder::MergeEntity(const std::string& id, const std::vector<Entity>& records) const {
  Entity e = records.front();
  std::set<std::string> names, aliases;
  std::set<EntityTitle> titles;
  int mentions = 0;
  for (const Entity& r : records) {
    names.insert(r.name);
    aliases.insert(r.aliases.begin(), r.aliases.end());
    titles.insert(r.titles.begin(), r.titles.end());
    mentions += r.mentions;
    e.gazetteer |= r.gazetteer;
    for (const auto& [k, v] : r.external) e.external.emplace(k, v);
  }
  if (const GazetteerEntry* g = rules_.Entry(id)) {
    e.name = g->name;
    e.kind = g->kind;
    e.type = g->type;
    e.part_of = g->part_of;
  } else {
    // The fullest written name; ties go to the alphabetically first.
    e.name.clear();
    for (const std::string& n : names) {
      if (e.name.empty() || WordCount(n) > WordCount(e.name)) e.name = n;
    }
  }
  aliases.insert(names.begin(), names.end());
  aliases.erase(e.name);
  e.aliases.assign(aliases.begin(), aliases.end());
  e.titles.assign(titles.begin(), titles.end());
  e.mentions = mentions;
  return e;
}

std::vector<std::vector<Event>> GraphBuilder::GroupEvents() const {
  // Canonical order first, so the groups and their first reports do not depend on the
  // order the documents came in.
  std::vector<Event> events = events_;
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& b) { return CanonicalKey(a) < CanonicalKey(b); });
  // Only events with the same resolved participants and modality can be one (their
  // bucket). An event joins every earlier group of its bucket with a member of the same
  // occasion, checking a group's members only until one is, and never its own group: the
  // groups of checking every pair, but a meeting told by 500 articles costs about 500
  // checks, not 125,000 (docs/reliability.md).
  UnionFind groups(events.size());
  GroupsByKey<std::string> buckets;
  for (size_t i = 0; i < events.size(); ++i) {
    const int y = static_cast<int>(i);
    std::string bucket = events[i].modality;
    for (const std::string& p : ParticipantIds(events[i])) bucket += "|" + p;
    buckets.ForEachGroup(bucket, y, &groups, [&](int x) {
      if (!SameOccasion(rules_, events[x], events[y])) return false;  // the rest of the test
      groups.Join(y, x);
      return true;
    });
    buckets.Add(bucket, y, &groups);
  }
  // The groups in the order of their first event (canonical order), each in that order.
  std::vector<std::vector<Event>> out;
  for (const std::vector<int>& members : groups.Groups()) {
    std::vector<Event> group;
    for (const int i : members) group.push_back(std::move(events[i]));
    out.push_back(std::move(group));
  }
  return out;
}

Event GraphBuilder::MergeReports(const std::vector<Event>& reports) const {
  Event ev = reports.front();
  int depth = TypeDepth(rules_, ev.type);
  std::set<Participant> resolved, unresolved;
  std::set<std::string> sources;
  std::set<Evidence> evidence;
  for (const Event& x : reports) {
    const int d = TypeDepth(rules_, x.type);
    if (d > depth || (d == depth && x.type < ev.type)) {
      ev.type = x.type;
      depth = d;
    }
    for (const Participant& p : x.participants) {
      // The role and entity identify a participant across reports; the written text
      // of its first report (in canonical order) is kept.
      if (!p.entity.empty()) {
        bool seen = false;
        for (const Participant& q : resolved) seen |= q.entity == p.entity && q.role == p.role;
        if (!seen) resolved.insert(p);
      } else {
        unresolved.insert(p);
      }
    }
    if (!x.date.value.empty() &&
        (ev.date.value.empty() || &MorePrecise(ev.date, x.date) == &x.date)) {
      ev.date = x.date;
      ev.date_text = x.date_text;
    }
    if (!x.place.empty() && (ev.place.empty() || rules_.PlaceWithin(x.place, ev.place) ||
                             (!rules_.PlaceWithin(ev.place, x.place) && x.place < ev.place))) {
      ev.place = x.place;
    }
    sources.insert(x.reported_by.begin(), x.reported_by.end());
    evidence.insert(x.evidence.begin(), x.evidence.end());
  }
  ev.participants.assign(resolved.begin(), resolved.end());
  ev.participants.insert(ev.participants.end(), unresolved.begin(), unresolved.end());
  ev.reported_by.assign(sources.begin(), sources.end());
  // Which attachment rule found each source is per-document provenance (facts.jsonl).
  ev.source_rules.clear();
  ev.evidence.assign(evidence.begin(), evidence.end());
  ev.id = EventId(ev);
  return ev;
}

Entity GraphBuilder::NamedEntity(const std::string& id) const {
  Entity e;
  e.id = id;
  if (const GazetteerEntry* g = rules_.Entry(id)) {
    e.kind = g->kind;
    e.name = g->name;
    e.type = g->type;
    e.part_of = g->part_of;
    e.external = g->external;
    e.gazetteer = true;
  } else {
    const std::string prefix = id.substr(0, id.find(':'));
    for (int k = 0; k < kMentionKindCount; ++k) {
      if (prefix == KindIdPrefix(static_cast<MentionKind>(k))) e.kind = static_cast<MentionKind>(k);
    }
    e.name = id.substr(id.find(':') + 1);
  }
  return e;
}

void GraphBuilder::AddNamedEntities(KnowledgeGraph* kg) const {
  std::set<std::string> known;
  for (const Entity& e : kg->entities) known.insert(e.id);
  std::vector<Entity> extra;
  auto ensure = [&](const std::string& id) {
    if (id.empty() || !known.insert(id).second) return;
    extra.push_back(NamedEntity(id));
  };
  for (const Event& ev : kg->events) {
    for (const Participant& p : ev.participants) ensure(p.entity);
    ensure(ev.place);
    ensure(rules_.CityOf(ev.place));
    for (const std::string& s : ev.reported_by) ensure(s);
  }
  for (const Entity& e : kg->entities) {
    for (const EntityTitle& t : e.titles) ensure(t.of);
  }
  kg->entities.insert(kg->entities.end(), extra.begin(), extra.end());
  std::sort(kg->entities.begin(), kg->entities.end(),
            [](const Entity& a, const Entity& b) { return a.id < b.id; });
}

KnowledgeGraph GraphBuilder::Build() const {
  KnowledgeGraph kg;
  kg.documents = docs_.size() - skipped_;
  kg.skipped = skipped_;
  for (const auto& [id, doc] : sources_) kg.sources.push_back(doc);
  for (const auto& [id, records] : entities_) kg.entities.push_back(MergeEntity(id, records));
  for (const std::vector<Event>& reports : GroupEvents()) {
    kg.events.push_back(MergeReports(reports));
    for (const Event& x : reports) {
      if (!x.evidence.empty()) kg.merged_into[{x.evidence.front().doc, x.id}] = kg.events.back().id;
    }
  }
  std::sort(kg.events.begin(), kg.events.end(),
            [](const Event& a, const Event& b) { return a.id < b.id; });
  // Every id an event names is a node, even if no document listed it as an entity.
  AddNamedEntities(&kg);
  return kg;
}

}  // namespace newsgraph
