#include "graph/jsonld.h"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <boost/range/iterator_range.hpp>
#include <set>

#include "base/calendar.h"
#include "base/json_writer.h"
#include "base/text.h"
#include "graph/actors.h"
#include "graph/build.h"
#include "rules/builtin.h"

namespace newsgraph {

std::string DocumentIri(const std::string& id) {
  std::string out = "doc:";
  for (unsigned char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

const char* SchemaType(MentionKind k) {
  switch (k) {
    case MentionKind::kPerson:
      return "Person";
    case MentionKind::kOrganization:
      return "Organization";
    case MentionKind::kCountry:
      return "Country";
    case MentionKind::kPlace:
      return "Place";
    case MentionKind::kSource:
      return "NewsMediaOrganization";
    default:
      return "Place";
  }
}

// Writes a date as what it is: a day, a month or a year typed with its XSD type; other
// granularities (weeks, quarters) have no XSD type and are given by their interval.
void WriteDate(Writer& w, const Timex& t) {
  const char* xsd = nullptr;
  if (t.value.find('/') == std::string::npos && t.value.find('X') == std::string::npos) {
    if (t.granularity == Granularity::kDay) xsd = "xsd:date";
    if (t.granularity == Granularity::kMonth) xsd = "xsd:gYearMonth";
    if (t.granularity == Granularity::kYear) xsd = "xsd:gYear";
  }
  if (xsd) {
    w.Key("startDate");
    w.StartObject();
    WriteMember(w, "@value", t.value);
    WriteMember(w, "@type", xsd);
    w.EndObject();
  }
  WriteMember(w, "timex", t.value);
  WriteMember(w, "dateGranularity", GranularityName(t.granularity));
  if (!t.mod.empty()) WriteMember(w, "dateMod", t.mod);
  if (t.start) WriteMember(w, "intervalStart", FormatDate(*t.start));
  if (t.end) WriteMember(w, "intervalEnd", FormatDate(*t.end));
}

void WriteEntity(Writer& w, const Entity& e) {
  w.StartObject();
  WriteMember(w, "@id", e.id);
  WriteMember(w, "@type", SchemaType(e.kind));
  WriteMember(w, "name", e.name.empty() ? e.id : e.name);
  WriteMember(w, "kind", KindName(e.kind));
  if (!e.type.empty()) WriteMember(w, "placeType", e.type);
  w.Key("gazetteer");
  w.Bool(e.gazetteer);
  w.Key("mentionCount");
  w.Int(e.mentions);
  if (!e.aliases.empty()) {
    w.Key("alternateName");
    WriteStrings(w, e.aliases);
  }
  if (!e.part_of.empty()) WriteMember(w, "containedInPlace", e.part_of);
  if (auto it = e.external.find("iso3166"); it != e.external.end()) {
    WriteMember(w, "iso3166", it->second);
  }
  if (auto it = e.external.find("wikidata"); it != e.external.end()) {
    WriteMember(w, "sameAs", "http://www.wikidata.org/entity/" + it->second);
  }
  if (!e.titles.empty()) {
    w.Key("jobTitle");
    w.StartArray();
    for (const EntityTitle& t : e.titles) WriteString(w, t.title);
    w.EndArray();
    w.Key("holdsTitle");
    w.StartArray();
    for (const EntityTitle& t : e.titles) {
      w.StartObject();
      WriteMember(w, "@type", "TitleHolding");
      WriteMember(w, "title", t.title);
      if (!t.of.empty()) WriteMember(w, "of", t.of);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

// Returns true if schema:attendee may name an entity of this kind: its range is Person or
// Organization (a news outlet is a NewsMediaOrganization); countries and places are not.
bool AttendeeKind(MentionKind k) {
  return k == MentionKind::kPerson || k == MentionKind::kOrganization || k == MentionKind::kSource;
}

void WriteParticipants(Writer& w, const KnowledgeGraph& kg, const Event& ev) {
  // Every participant is a sem:hasActor (any kind of actor); people and organisations are
  // also schema:attendee.
  std::vector<std::string> attendees, actors;
  for (const Participant& p : ev.participants) {
    if (p.entity.empty()) continue;
    const Entity* e = kg.FindEntity(p.entity);
    if (e && AttendeeKind(e->kind)) attendees.push_back(p.entity);
    actors.push_back(p.entity);
  }
  if (!attendees.empty()) {
    w.Key("attendee");
    WriteStrings(w, attendees);
  }
  w.Key("actor");
  WriteStrings(w, actors);
  w.Key("participant");
  w.StartArray();
  for (const Participant& p : ev.participants) {
    if (p.entity.empty()) continue;
    w.StartObject();
    WriteMember(w, "@type", "Participation");
    WriteMember(w, "agent", p.entity);
    WriteMember(w, "role", p.role);
    w.EndObject();
  }
  w.EndArray();
}

void WriteEvidence(Writer& w, const Event& ev) {
  w.Key("wasDerivedFrom");
  w.StartArray();
  for (const Evidence& x : ev.evidence) {
    w.StartObject();
    WriteMember(w, "@type", "Evidence");
    WriteMember(w, "document", DocumentIri(x.doc));
    w.Key("byteBegin");
    w.Uint(x.span.begin);
    w.Key("byteEnd");
    w.Uint(x.span.end);
    WriteMember(w, "sentence", x.text);
    WriteMember(w, "rule", x.rule);
    w.EndObject();
  }
  w.EndArray();
}

void WriteEvent(Writer& w, const KnowledgeGraph& kg, const RuleSet& rules, const Event& ev) {
  w.StartObject();
  WriteMember(w, "@id", ev.id);
  WriteMember(w, "@type", "Event");
  WriteMember(w, "name", EventLabel(kg, ev));
  WriteMember(w, "eventType", ev.type);
  if (const EventType* t = rules.Type(ev.type)) {
    if (!t->cameo.empty()) WriteMember(w, "cameo", t->cameo);
    if (!t->plover.empty()) WriteMember(w, "plover", t->plover);
  }
  WriteMember(w, "modality", ev.modality);
  if (!ev.date.value.empty()) WriteDate(w, ev.date);
  if (!ev.place.empty()) {
    // A venue is located in its city too (Istana Merdeka, Jakarta): readers that look for
    // the city of an event find it without walking containedInPlace.
    const std::string city = rules.CityOf(ev.place);
    if (city.empty()) {
      WriteMember(w, "location", ev.place);
    } else {
      w.Key("location");
      WriteStrings(w, {ev.place, city});
    }
  }
  WriteParticipants(w, kg, ev);
  if (!ev.reported_by.empty()) {
    w.Key("reportedBy");
    WriteStrings(w, ev.reported_by);
  }
  WriteEvidence(w, ev);
  w.EndObject();
}

// Writes a source document as a schema:NewsArticle, the node an evidence's `document`
// names: its url, headline, publication date and language when known.
void WriteSource(Writer& w, const SourceDocument& doc) {
  w.StartObject();
  WriteMember(w, "@id", DocumentIri(doc.id));
  WriteMember(w, "@type", "NewsArticle");
  WriteMember(w, "identifier", doc.id);
  if (!doc.url.empty()) WriteMember(w, "url", doc.url);
  if (!doc.title.empty()) WriteMember(w, "headline", doc.title);
  CivilDate date;
  if (doc.date.size() == 10 && ParseIsoDate(doc.date, &date)) {
    WriteMember(w, "datePublished", doc.date);
  }
  if (!doc.lang.empty()) WriteMember(w, "inLanguage", doc.lang);
  w.EndObject();
}

// Writes an actor tie of the projection: the two actors, the event type, the number of
// shared events, their ids, dates (TIMEX values) and places (ids).
void WriteTie(Writer& w, const KnowledgeGraph& kg, const Graph& g, Graph::edge_descriptor e) {
  const EdgeProps& p = g[e];
  w.StartObject();
  WriteMember(w, "@id", "tie:" + EdgeId(g, e));
  WriteMember(w, "@type", "ActorTie");
  w.Key("tieOf");
  WriteStrings(w, {g[boost::source(e, g)].id, g[boost::target(e, g)].id});
  WriteMember(w, "eventType", Lowercase(p.type));
  const SharedEvents shared = SummarizeEvents(kg, p);
  w.Key("weight");
  w.Uint(static_cast<unsigned>(shared.ids.size()));
  w.Key("sharedEvent");
  WriteStrings(w, shared.ids);
  if (!shared.dates.empty()) {
    w.Key("eventDate");
    WriteStrings(w, shared.dates);
  }
  if (!shared.place_ids.empty()) {
    w.Key("eventPlace");
    WriteStrings(w, shared.place_ids);
  }
  w.EndObject();
}

// Starts the document: the context, then the @graph array.
void StartDocument(Writer& w) {
  w.SetIndent(' ', 2);
  w.StartObject();
  rapidjson::Document ctx;
  const std::string_view text = JsonLdContextText();
  ctx.Parse(text.data(), text.size());
  w.Key("@context");
  ctx["@context"].Accept(w);
  w.Key("@graph");
  w.StartArray();
}

}  // namespace

void WriteJsonLdActors(const KnowledgeGraph& kg, const Graph& actors, std::ostream* out) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  StartDocument(w);
  for (auto v : boost::make_iterator_range(boost::vertices(actors))) {
    WriteEntity(w, kg.entities[actors[v].index]);
  }
  for (auto e : boost::make_iterator_range(boost::edges(actors))) WriteTie(w, kg, actors, e);
  w.EndArray();
  w.EndObject();
  *out << buf.GetString() << "\n";
}

void WriteJsonLd(const KnowledgeGraph& kg, const RuleSet& rules, std::ostream* out) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  StartDocument(w);
  for (const Entity& e : kg.entities) WriteEntity(w, e);
  for (const Event& ev : kg.events) WriteEvent(w, kg, rules, ev);
  std::set<std::string> cited;
  for (const Event& ev : kg.events) {
    for (const Evidence& x : ev.evidence) cited.insert(x.doc);
  }
  for (const std::string& id : cited) {
    if (const SourceDocument* doc = kg.FindSource(id)) WriteSource(w, *doc);
  }
  w.EndArray();
  w.EndObject();
  *out << buf.GetString() << "\n";
}

}  // namespace newsgraph
