#include "extract/facts.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

#include <fmt/format.h>

#include "base/json_writer.h"

namespace newsgraph {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Key(Writer& w, const char* k) { w.Key(k); }

void WriteTimex(Writer& w, const Timex& t, const std::string& text) {
  w.StartObject();
  WriteMember(w, "value", t.value);
  WriteMember(w, "type", t.type);
  WriteMember(w, "granularity", GranularityName(t.granularity));
  if (!t.mod.empty()) WriteMember(w, "mod", t.mod);
  if (t.start) WriteMember(w, "start", FormatDate(*t.start));
  if (t.end) WriteMember(w, "end", FormatDate(*t.end));
  WriteMember(w, "anchor", t.anchor);
  if (!t.link.empty()) WriteMember(w, "link", t.link);  // the event or period it counts from
  if (!t.note.empty()) WriteMember(w, "note", t.note);
  if (!text.empty()) WriteMember(w, "text", text);
  w.EndObject();
}

// Writes the document's own members: id, origin, language, publication date, warnings and
// the number of sentences.
void WriteHeader(Writer& w, const DocumentFacts& f) {
  WriteMember(w, "format", kFactsFormat);
  WriteMember(w, "doc", f.doc);
  WriteMember(w, "status", f.status);
  WriteMember(w, "origin", f.origin);
  WriteMember(w, "lang", f.lang);
  WriteMember(w, "dct", f.dct);
  WriteMember(w, "dct_source", f.dct_source);
  if (!f.url.empty()) WriteMember(w, "url", f.url);
  if (!f.title.empty()) WriteMember(w, "title", f.title);
  if (!f.warnings.empty()) {
    Key(w, "warnings");
    WriteStrings(w, f.warnings);
  }
  Key(w, "sentences");
  w.Uint(static_cast<unsigned>(f.sentences.size()));
}

// Writes "mentions": every mention in text order, outer before inner.
void WriteMentions(Writer& w, const DocumentFacts& f, std::string_view text) {
  std::vector<int> order(f.mentions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const Span sa = f.mentions[a].span, sb = f.mentions[b].span;
    if (sa.begin != sb.begin) return sa.begin < sb.begin;
    if (sa.end != sb.end) return sa.end > sb.end;
    return a < b;
  });
  Key(w, "mentions");
  w.StartArray();
  for (int i : order) {
    const Mention& m = f.mentions[i];
    w.StartObject();
    WriteMember(w, "kind", KindName(m.kind));
    Key(w, "begin");
    w.Uint(m.span.begin);
    Key(w, "end");
    w.Uint(m.span.end);
    WriteMember(w, "text", m.span.Of(text));
    if (m.name != m.span) WriteMember(w, "name", m.name.Of(text));
    WriteMember(w, "rule", m.rule);
    if (!m.entity.empty()) WriteMember(w, "entity", m.entity);
    if (m.kind == MentionKind::kDate) {
      Key(w, "date");
      WriteTimex(w, m.timex, "");
    }
    if (m.kind == MentionKind::kTitle && m.of >= 0 && !f.mentions[m.of].entity.empty()) {
      WriteMember(w, "of", f.mentions[m.of].entity);
    }
    w.EndObject();
  }
  w.EndArray();
}

void WriteEntity(Writer& w, const Entity& e) {
  w.StartObject();
  WriteMember(w, "id", e.id);
  WriteMember(w, "kind", KindName(e.kind));
  WriteMember(w, "name", e.name);
  if (!e.type.empty()) WriteMember(w, "type", e.type);
  if (!e.part_of.empty()) WriteMember(w, "part_of", e.part_of);
  Key(w, "gazetteer");
  w.Bool(e.gazetteer);
  Key(w, "aliases");
  WriteStrings(w, e.aliases);
  Key(w, "titles");
  w.StartArray();
  for (const EntityTitle& t : e.titles) {
    w.StartObject();
    WriteMember(w, "title", t.title);
    if (!t.of.empty()) WriteMember(w, "of", t.of);
    w.EndObject();
  }
  w.EndArray();
  if (!e.external.empty()) {
    Key(w, "external");
    w.StartObject();
    for (const auto& [k, v] : e.external) WriteMember(w, k.c_str(), v);
    w.EndObject();
  }
  Key(w, "mentions");
  w.Int(e.mentions);
  w.EndObject();
}

void WriteEvidence(Writer& w, const Evidence& e) {
  w.StartObject();
  WriteMember(w, "doc", e.doc);
  Key(w, "begin");
  w.Uint(e.span.begin);
  Key(w, "end");
  w.Uint(e.span.end);
  Key(w, "sentence_begin");
  w.Uint(e.sentence.begin);
  Key(w, "sentence_end");
  w.Uint(e.sentence.end);
  WriteMember(w, "sentence", e.text);
  WriteMember(w, "rule", e.rule);
  w.EndObject();
}

// Writes one event; rules gives the CAMEO and PLOVER codes of its type.
void WriteEvent(Writer& w, const Event& ev, const RuleSet& rules) {
  w.StartObject();
  WriteMember(w, "id", ev.id);
  if (!ev.graph_event.empty()) WriteMember(w, "graph_event", ev.graph_event);
  WriteMember(w, "type", ev.type);
  if (const EventType* t = rules.Type(ev.type)) {
    if (!t->cameo.empty()) WriteMember(w, "cameo", t->cameo);
    if (!t->plover.empty()) WriteMember(w, "plover", t->plover);
  }
  Key(w, "participants");
  w.StartArray();
  for (const Participant& p : ev.participants) {
    w.StartObject();
    if (!p.entity.empty()) WriteMember(w, "entity", p.entity);
    WriteMember(w, "role", p.role);
    WriteMember(w, "text", p.text);
    if (!p.via.empty()) WriteMember(w, "via", p.via);
    w.EndObject();
  }
  w.EndArray();
  if (!ev.date.value.empty()) {
    Key(w, "date");
    WriteTimex(w, ev.date, ev.date_text);
    if (!ev.date_rule.empty()) WriteMember(w, "date_rule", ev.date_rule);
  }
  if (!ev.place.empty()) {
    WriteMember(w, "place", ev.place);
    if (!ev.place_rule.empty()) WriteMember(w, "place_rule", ev.place_rule);
  }
  Key(w, "reported_by");
  WriteStrings(w, ev.reported_by);
  bool any_source_rule = false;
  for (const std::string& r : ev.source_rules) any_source_rule |= !r.empty();
  if (any_source_rule) {
    Key(w, "source_rules");
    WriteStrings(w, ev.source_rules);
  }
  WriteMember(w, "modality", ev.modality);
  Key(w, "evidence");
  w.StartArray();
  for (const Evidence& e : ev.evidence) WriteEvidence(w, e);
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string TimexToJson(const Timex& t, const std::string& text) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  WriteTimex(w, t, text);
  return buf.GetString();
}

std::string SkipToJson(const std::string& doc, const std::string& origin,
                       const std::string& reason) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  WriteMember(w, "format", kFactsFormat);
  WriteMember(w, "doc", doc);
  WriteMember(w, "status", "skipped");
  WriteMember(w, "origin", origin);
  WriteMember(w, "reason", reason);
  w.EndObject();
  return buf.GetString();
}

std::string FactsToJson(const DocumentFacts& f, std::string_view text, const RuleSet& rules) {
  if (f.status != "ok") return SkipToJson(f.doc, f.origin, f.reason);
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  WriteHeader(w, f);
  WriteMentions(w, f, text);
  Key(w, "entities");
  w.StartArray();
  for (const Entity& e : f.entities) WriteEntity(w, e);
  w.EndArray();
  Key(w, "events");
  w.StartArray();
  for (const Event& ev : f.events) WriteEvent(w, ev, rules);
  w.EndArray();
  w.EndObject();
  return buf.GetString();
}

namespace {

std::string GetStr(const rapidjson::Value& o, const char* key) {
  auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

// Appends the strings of array member `key` of o, if there is one, to *out.
void ReadStrings(const rapidjson::Value& o, const char* key, std::vector<std::string>* out) {
  if (!o.HasMember(key) || !o[key].IsArray()) return;
  for (const auto& s : o[key].GetArray()) {
    if (s.IsString()) out->push_back(s.GetString());
  }
}

bool ReadTimex(const rapidjson::Value& v, Timex* t, std::string* text) {
  if (!v.IsObject()) return false;
  t->value = GetStr(v, "value");
  if (v.HasMember("type")) t->type = GetStr(v, "type");  // facts written before it: DATE
  const std::string g = GetStr(v, "granularity");
  for (Granularity x :
       {Granularity::kNone, Granularity::kDay, Granularity::kWeek, Granularity::kMonth,
        Granularity::kQuarter, Granularity::kHalf, Granularity::kYear, Granularity::kDecade}) {
    if (g == GranularityName(x)) t->granularity = x;
  }
  t->mod = GetStr(v, "mod");
  CivilDate d;
  if (ParseIsoDate(GetStr(v, "start"), &d)) t->start = d;
  if (ParseIsoDate(GetStr(v, "end"), &d)) t->end = d;
  t->anchor = GetStr(v, "anchor");
  t->link = GetStr(v, "link");
  t->note = GetStr(v, "note");
  if (text) *text = GetStr(v, "text");
  return true;
}

// Reads the document's own members (the skip reason among them).
void ReadHeader(const rapidjson::Value& d, DocumentFacts* f) {
  f->doc = GetStr(d, "doc");
  f->status = GetStr(d, "status");
  f->reason = GetStr(d, "reason");
  f->origin = GetStr(d, "origin");
  f->lang = GetStr(d, "lang");
  f->dct = GetStr(d, "dct");
  f->dct_source = GetStr(d, "dct_source");
  f->url = GetStr(d, "url");
  f->title = GetStr(d, "title");
}

// Reads one entity; returns false and sets *error if it has no valid id and kind.
bool ReadEntity(const rapidjson::Value& v, Entity* e, std::string* error) {
  e->id = GetStr(v, "id");
  if (!ParseKind(GetStr(v, "kind"), &e->kind) || e->id.empty()) {
    *error = fmt::format("entity '{}' has no valid id and kind", e->id);
    return false;
  }
  e->name = GetStr(v, "name");
  e->type = GetStr(v, "type");
  e->part_of = GetStr(v, "part_of");
  if (v.HasMember("gazetteer") && v["gazetteer"].IsBool()) e->gazetteer = v["gazetteer"].GetBool();
  ReadStrings(v, "aliases", &e->aliases);
  if (v.HasMember("titles") && v["titles"].IsArray()) {
    for (const auto& t : v["titles"].GetArray()) {
      e->titles.push_back({GetStr(t, "title"), GetStr(t, "of")});
    }
  }
  if (v.HasMember("external") && v["external"].IsObject()) {
    for (const auto& m : v["external"].GetObject()) {
      if (m.value.IsString()) e->external[m.name.GetString()] = m.value.GetString();
    }
  }
  if (v.HasMember("mentions") && v["mentions"].IsInt()) e->mentions = v["mentions"].GetInt();
  return true;
}

Evidence ReadEvidence(const rapidjson::Value& e) {
  Evidence x;
  x.doc = GetStr(e, "doc");
  auto u = [&](const char* k) -> uint32_t {
    return e.HasMember(k) && e[k].IsUint() ? e[k].GetUint() : 0;
  };
  x.span = {u("begin"), u("end")};
  x.sentence = {u("sentence_begin"), u("sentence_end")};
  x.text = GetStr(e, "sentence");
  x.rule = GetStr(e, "rule");
  return x;
}

// Reads one event; returns false and sets *error if it has no type.
bool ReadEvent(const rapidjson::Value& v, Event* ev, std::string* error) {
  ev->id = GetStr(v, "id");
  ev->graph_event = GetStr(v, "graph_event");
  ev->type = GetStr(v, "type");
  if (ev->type.empty()) {
    *error = fmt::format("event '{}' has no type", ev->id);
    return false;
  }
  if (v.HasMember("participants") && v["participants"].IsArray()) {
    for (const auto& p : v["participants"].GetArray()) {
      ev->participants.push_back(
          {GetStr(p, "entity"), GetStr(p, "role"), GetStr(p, "text"), GetStr(p, "via")});
    }
  }
  if (v.HasMember("date")) ReadTimex(v["date"], &ev->date, &ev->date_text);
  ev->date_rule = GetStr(v, "date_rule");
  ev->place = GetStr(v, "place");
  ev->place_rule = GetStr(v, "place_rule");
  ReadStrings(v, "reported_by", &ev->reported_by);
  ReadStrings(v, "source_rules", &ev->source_rules);
  ev->source_rules.resize(ev->reported_by.size());
  ev->modality = GetStr(v, "modality");
  if (v.HasMember("evidence") && v["evidence"].IsArray()) {
    for (const auto& e : v["evidence"].GetArray()) ev->evidence.push_back(ReadEvidence(e));
  }
  return true;
}

}  // namespace

bool FactsFromJson(std::string_view line, DocumentFacts* f, std::string* error) {
  rapidjson::Document d;
  d.Parse(line.data(), line.size());
  if (d.HasParseError()) {
    *error = fmt::format("column {}: invalid JSON: {}", d.GetErrorOffset() + 1,
                         rapidjson::GetParseError_En(d.GetParseError()));
    return false;
  }
  if (!d.IsObject() || !d.HasMember("doc") || !d.HasMember("status")) {
    *error = "not a facts record (needs \"doc\" and \"status\")";
    return false;
  }
  if (d.HasMember("format") && GetStr(d, "format") != kFactsFormat) {
    *error = fmt::format("facts format '{}' is not one this newsgraph reads ({})",
                         GetStr(d, "format"), kFactsFormat);
    return false;
  }
  *f = DocumentFacts();
  ReadHeader(d, f);
  if (f->status != "ok") return true;
  if (auto it = d.FindMember("entities"); it != d.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      Entity e;
      if (!ReadEntity(v, &e, error)) return false;
      f->entities.push_back(std::move(e));
    }
  }
  if (auto it = d.FindMember("events"); it != d.MemberEnd() && it->value.IsArray()) {
    for (const auto& v : it->value.GetArray()) {
      Event ev;
      if (!ReadEvent(v, &ev, error)) return false;
      f->events.push_back(std::move(ev));
    }
  }
  return true;
}

std::string WithGraphEvents(
    std::string_view line,
    const std::function<std::string(const std::string& doc, const std::string& event)>&
        graph_event) {
  rapidjson::Document d;
  d.Parse(line.data(), line.size());
  std::string out(line);
  if (d.HasParseError() || !d.IsObject() || GetStr(d, "status") != "ok") return out;
  auto events = d.FindMember("events");
  if (events == d.MemberEnd() || !events->value.IsArray()) return out;
  // "events" is the last member and every event starts with its "id" (FactsToJson), and a
  // quote inside a string is escaped: so each event's `{"id":"eN"` is found, in order,
  // after the last `,"events":[`.
  auto json_string = [](const std::string& s) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
    return std::string(buf.GetString());
  };
  const std::string doc = GetStr(d, "doc");
  size_t pos = out.rfind(",\"events\":[");
  for (const auto& v : events->value.GetArray()) {
    if (pos == std::string::npos) break;
    const std::string id = GetStr(v, "id");
    const std::string needle = "{\"id\":" + json_string(id);
    pos = out.find(needle, pos);
    if (pos == std::string::npos) break;
    pos += needle.size();
    const std::string target = graph_event(doc, id);
    if (!target.empty()) out.insert(pos, ",\"graph_event\":" + json_string(target));
  }
  return out;
}

}  // namespace newsgraph
