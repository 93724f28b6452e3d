#include "extract/facts.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

#include <fmt/format.h>

#include "base/json_source.h"
#include "base/json_writer.h"
#include "base/text.h"

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

using Value = rapidjson::Value;

// Reads the members of one facts record, checking the type of every member it reads: the
// first wrong one becomes *error ("field \"events[2].type\" must be a string"). Strings
// that are not valid UTF-8 have their bad bytes replaced (and counted), so that nothing a
// writer emits is ill-formed.
class FactReader {
 public:
  explicit FactReader(std::string* error) : error_(error) {}

  bool ok() const { return ok_; }
  size_t invalid_utf8() const { return invalid_utf8_; }

  // Sets *out to string member key of o (left empty when absent or null).
  void Str(const Value& o, const std::string& where, const char* key, std::string* out) {
    const Value* v = Member(o, key);
    if (v == nullptr) return;
    if (!v->IsString()) return Fail(where, key, "a string");
    out->assign(v->GetString(), v->GetStringLength());
    invalid_utf8_ += SanitizeText(out);
  }
  // Sets *out to member key of o, which must be a node id (base/text.h IsNodeId) if present.
  void Id(const Value& o, const std::string& where, const char* key, std::string* out) {
    Str(o, where, key, out);
    if (!out->empty() && !IsNodeId(*out)) {
      Fail(where, key, "an id (letters, digits, '-', '_', '.', ':')");
    }
  }
  // Appends the strings of array member key of o to *out.
  void Strings(const Value& o, const std::string& where, const char* key,
               std::vector<std::string>* out) {
    const Value* a = Array(o, where, key);
    if (a == nullptr) return;
    for (rapidjson::SizeType k = 0; k < a->Size() && ok_; ++k) {
      const Value& s = (*a)[k];
      if (!s.IsString()) return Fail(Item(where, key, k), "", "a string");
      out->emplace_back(s.GetString(), s.GetStringLength());
      invalid_utf8_ += SanitizeText(&out->back());
    }
  }
  // Sets *out to unsigned member key of o (0 when absent).
  void Uint(const Value& o, const std::string& where, const char* key, uint32_t* out) {
    const Value* v = Member(o, key);
    if (v == nullptr) return;
    if (!v->IsUint()) return Fail(where, key, "a number from 0 to 4294967295");
    *out = v->GetUint();
  }
  void Int(const Value& o, const std::string& where, const char* key, int* out) {
    const Value* v = Member(o, key);
    if (v == nullptr) return;
    if (!v->IsInt()) return Fail(where, key, "an integer");
    *out = v->GetInt();
  }
  void Bool(const Value& o, const std::string& where, const char* key, bool* out) {
    const Value* v = Member(o, key);
    if (v == nullptr) return;
    if (!v->IsBool()) return Fail(where, key, "true or false");
    *out = v->GetBool();
  }
  // Returns array member key of o, or nullptr when absent or null (or not an array: then
  // an error).
  const Value* Array(const Value& o, const std::string& where, const char* key) {
    const Value* v = Member(o, key);
    if (v == nullptr) return nullptr;
    if (!v->IsArray()) {
      Fail(where, key, "an array");
      return nullptr;
    }
    return v;
  }
  // Returns object member key of o, or nullptr when absent or null (or not an object).
  const Value* Object(const Value& o, const std::string& where, const char* key) {
    const Value* v = Member(o, key);
    if (v == nullptr) return nullptr;
    if (!v->IsObject()) {
      Fail(where, key, "an object");
      return nullptr;
    }
    return v;
  }
  // Returns true if element k of array a (at where.key) is an object; an error if not.
  bool IsObjectItem(const Value& a, const std::string& name, rapidjson::SizeType k) {
    if (a[k].IsObject()) return true;
    Fail(Item("", name, k), "", "an object");
    return false;
  }
  // Records an error: field where.key must be `what`.
  void Fail(const std::string& where, const std::string& key, const std::string& what) {
    if (!ok_) return;
    ok_ = false;
    std::string field = where;
    if (!key.empty()) field += (field.empty() ? "" : ".") + key;
    *error_ = fmt::format("field \"{}\" must be {}", field, what);
  }
  // Records an error about the record as a whole.
  void FailWith(std::string message) {
    if (!ok_) return;
    ok_ = false;
    *error_ = std::move(message);
  }
  // Returns "where.key[k]".
  static std::string Item(const std::string& where, const std::string& key, size_t k) {
    return fmt::format("{}{}{}[{}]", where, where.empty() || key.empty() ? "" : ".", key, k);
  }

 private:
  const Value* Member(const Value& o, const char* key) const {
    if (!ok_) return nullptr;
    auto it = o.FindMember(key);
    if (it == o.MemberEnd() || it->value.IsNull()) return nullptr;
    return &it->value;
  }

  std::string* error_;
  bool ok_ = true;
  size_t invalid_utf8_ = 0;
};

void ReadTimex(FactReader& r, const Value& v, const std::string& where, Timex* t,
               std::string* text) {
  r.Str(v, where, "value", &t->value);
  std::string type;
  r.Str(v, where, "type", &type);
  if (!type.empty()) t->type = type;  // facts written before it: DATE
  std::string g;
  r.Str(v, where, "granularity", &g);
  for (Granularity x :
       {Granularity::kNone, Granularity::kDay, Granularity::kWeek, Granularity::kMonth,
        Granularity::kQuarter, Granularity::kHalf, Granularity::kYear, Granularity::kDecade,
        Granularity::kSeason}) {
    if (g == GranularityName(x)) t->granularity = x;
  }
  r.Str(v, where, "mod", &t->mod);
  std::string start, end;
  r.Str(v, where, "start", &start);
  r.Str(v, where, "end", &end);
  CivilDate d;
  if (ParseIsoDate(start, &d)) t->start = d;
  if (ParseIsoDate(end, &d)) t->end = d;
  r.Str(v, where, "anchor", &t->anchor);
  r.Str(v, where, "link", &t->link);
  r.Str(v, where, "note", &t->note);
  if (text) r.Str(v, where, "text", text);
}

// Reads the document's own members (the skip reason among them).
void ReadHeader(FactReader& r, const Value& d, DocumentFacts* f) {
  for (auto [key, out] : {std::pair{"reason", &f->reason},
                          {"origin", &f->origin},
                          {"lang", &f->lang},
                          {"dct", &f->dct},
                          {"dct_source", &f->dct_source},
                          {"url", &f->url},
                          {"title", &f->title}}) {
    r.Str(d, "", key, out);
  }
}

// Reads one entity; an error if it has no valid id and kind.
void ReadEntity(FactReader& r, const Value& v, const std::string& where, Entity* e) {
  std::string kind;
  r.Id(v, where, "id", &e->id);
  r.Str(v, where, "kind", &kind);
  if (!r.ok()) return;
  if (!ParseKind(kind, &e->kind) || e->id.empty()) {
    return r.FailWith(fmt::format("entity '{}' has no valid id and kind", e->id));
  }
  r.Str(v, where, "name", &e->name);
  r.Str(v, where, "type", &e->type);
  r.Id(v, where, "part_of", &e->part_of);
  r.Bool(v, where, "gazetteer", &e->gazetteer);
  r.Strings(v, where, "aliases", &e->aliases);
  if (const Value* titles = r.Array(v, where, "titles")) {
    for (rapidjson::SizeType k = 0; k < titles->Size() && r.ok(); ++k) {
      const std::string at = FactReader::Item(where, "titles", k);
      if (!r.IsObjectItem(*titles, where + ".titles", k)) return;
      EntityTitle t;
      r.Str((*titles)[k], at, "title", &t.title);
      r.Id((*titles)[k], at, "of", &t.of);
      e->titles.push_back(std::move(t));
    }
  }
  if (const Value* external = r.Object(v, where, "external")) {
    for (const auto& m : external->GetObject()) {
      std::string value;
      r.Str(*external, where + ".external", m.name.GetString(), &value);
      std::string key(m.name.GetString(), m.name.GetStringLength());
      SanitizeUtf8(&key, nullptr);
      if (r.ok()) e->external[key] = value;
    }
  }
  r.Int(v, where, "mentions", &e->mentions);
}

void ReadEvidence(FactReader& r, const Value& e, const std::string& where, Evidence* x) {
  r.Str(e, where, "doc", &x->doc);
  r.Uint(e, where, "begin", &x->span.begin);
  r.Uint(e, where, "end", &x->span.end);
  r.Uint(e, where, "sentence_begin", &x->sentence.begin);
  r.Uint(e, where, "sentence_end", &x->sentence.end);
  r.Str(e, where, "sentence", &x->text);
  r.Str(e, where, "rule", &x->rule);
}

// Reads one event; an error if it has no type.
void ReadEvent(FactReader& r, const Value& v, const std::string& where, Event* ev) {
  r.Str(v, where, "id", &ev->id);
  r.Id(v, where, "graph_event", &ev->graph_event);
  r.Id(v, where, "type", &ev->type);
  if (r.ok() && ev->type.empty()) {
    return r.FailWith(fmt::format("event '{}' has no type", ev->id));
  }
  if (const Value* ps = r.Array(v, where, "participants")) {
    for (rapidjson::SizeType k = 0; k < ps->Size() && r.ok(); ++k) {
      const std::string at = FactReader::Item(where, "participants", k);
      if (!r.IsObjectItem(*ps, where + ".participants", k)) return;
      Participant p;
      r.Id((*ps)[k], at, "entity", &p.entity);
      r.Str((*ps)[k], at, "role", &p.role);
      r.Str((*ps)[k], at, "text", &p.text);
      r.Str((*ps)[k], at, "via", &p.via);
      ev->participants.push_back(std::move(p));
    }
  }
  if (const Value* date = r.Object(v, where, "date")) {
    ReadTimex(r, *date, where + ".date", &ev->date, &ev->date_text);
  }
  r.Str(v, where, "date_rule", &ev->date_rule);
  r.Id(v, where, "place", &ev->place);
  r.Str(v, where, "place_rule", &ev->place_rule);
  r.Strings(v, where, "reported_by", &ev->reported_by);
  for (size_t k = 0; k < ev->reported_by.size() && r.ok(); ++k) {
    if (!IsNodeId(ev->reported_by[k])) {
      r.Fail(FactReader::Item(where, "reported_by", k), "",
             "an id (letters, digits, '-', '_', '.', ':')");
    }
  }
  r.Strings(v, where, "source_rules", &ev->source_rules);
  ev->source_rules.resize(ev->reported_by.size());
  r.Str(v, where, "modality", &ev->modality);
  if (const Value* evidence = r.Array(v, where, "evidence")) {
    for (rapidjson::SizeType k = 0; k < evidence->Size() && r.ok(); ++k) {
      if (!r.IsObjectItem(*evidence, where + ".evidence", k)) return;
      Evidence x;
      ReadEvidence(r, (*evidence)[k], FactReader::Item(where, "evidence", k), &x);
      ev->evidence.push_back(std::move(x));
    }
  }
}

}  // namespace

bool FactsFromJson(std::string_view line, DocumentFacts* f, std::string* error,
                   size_t* invalid_utf8) {
  rapidjson::Document d;
  std::string parse_error;
  size_t offset = 0;
  if (!ParseOneJsonValue(line, &d, &parse_error, &offset)) {
    *error = fmt::format("column {}: invalid JSON: {}", offset + 1, parse_error);
    return false;
  }
  if (!d.IsObject() || !d.HasMember("doc") || !d.HasMember("status")) {
    *error = "not a facts record (needs \"doc\" and \"status\")";
    return false;
  }
  *f = DocumentFacts();
  FactReader r(error);
  std::string format;
  r.Str(d, "", "format", &format);
  if (r.ok() && d.HasMember("format") && format != kFactsFormat) {
    *error = fmt::format("facts format '{}' is not one this newsgraph reads ({})", format,
                         kFactsFormat);
    return false;
  }
  r.Str(d, "", "doc", &f->doc);
  r.Str(d, "", "status", &f->status);
  if (r.ok() && f->doc.empty()) r.Fail("", "doc", "a non-empty string");
  if (r.ok() && f->status != "ok" && f->status != "skipped") {
    r.Fail("", "status", "\"ok\" or \"skipped\"");
  }
  if (r.ok()) ReadHeader(r, d, f);
  if (r.ok() && f->status == "ok") {
    if (const Value* entities = r.Array(d, "", "entities")) {
      for (rapidjson::SizeType k = 0; k < entities->Size() && r.ok(); ++k) {
        if (!r.IsObjectItem(*entities, "entities", k)) break;
        Entity e;
        ReadEntity(r, (*entities)[k], FactReader::Item("", "entities", k), &e);
        f->entities.push_back(std::move(e));
      }
    }
    if (const Value* events = r.Array(d, "", "events")) {
      for (rapidjson::SizeType k = 0; k < events->Size() && r.ok(); ++k) {
        if (!r.IsObjectItem(*events, "events", k)) break;
        Event ev;
        ReadEvent(r, (*events)[k], FactReader::Item("", "events", k), &ev);
        f->events.push_back(std::move(ev));
      }
    }
  }
  if (!r.ok()) {
    if (!f->doc.empty()) *error = fmt::format("document {}: {}", f->doc, *error);
    return false;
  }
  if (invalid_utf8) *invalid_utf8 = r.invalid_utf8();
  return true;
}

std::string WithGraphEvents(
    std::string_view line,
    const std::function<std::string(const std::string& doc, const std::string& event)>&
        graph_event) {
  rapidjson::Document d;
  d.Parse(line.data(), line.size());
  std::string out(line);
  // The line is newsgraph's own output (FactsToJson), so members have their types.
  auto str = [](const rapidjson::Value& o, const char* key) {
    auto it = o.FindMember(key);
    return it != o.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString())
                                                       : std::string();
  };
  if (d.HasParseError() || !d.IsObject() || str(d, "status") != "ok") return out;
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
  const std::string doc = str(d, "doc");
  size_t pos = out.rfind(",\"events\":[");
  for (const auto& v : events->value.GetArray()) {
    if (pos == std::string::npos) break;
    const std::string id = str(v, "id");
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
