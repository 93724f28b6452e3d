// The data model (DESIGN §3): documents, mentions, entities, events and the facts of one
// document. Every object points back to the text through byte spans.
#ifndef NEWSGRAPH_MODEL_H_
#define NEWSGRAPH_MODEL_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/calendar.h"
#include "base/text.h"
#include "base/vocabulary.h"

namespace newsgraph {

// One input document.
struct Document {
  std::string id;
  std::string text;
  std::string date;  // publication date/time as given in the input (may be empty)
  std::string url;
  std::string title;
  std::string lang;    // as given; empty = detect
  std::string origin;  // where it came from: "corpus.jsonl:12", "articles/a.txt"
};

// A sentence of a document.
struct Sentence {
  Span span;
  int paragraph = 0;
  // A Title Case line without a final stop (a headline): capitalised words there say
  // nothing about names, so name patterns do not run on it.
  bool headline = false;
  // Page furniture: a link to another article ("Baca juga: ..."), a byline, a photo credit
  // (FURNITURE_PREFIX): its words name people but tell no event of this document.
  bool furniture = false;
};

// A typed span found by stage 1.
struct Mention {
  MentionKind kind = MentionKind::kPerson;
  Span span;         // the whole mention
  Span name;         // the part that names the entity (== span unless a rule says otherwise)
  std::string rule;  // rule id, or "gazetteer", "alias.short-name", ...
  int sentence = -1;
  int parent = -1;  // the enclosing mention, -1 for a top-level mention
  std::vector<int> children;
  std::string entity;            // entity id, once known
  int gazetteer = -1;            // gazetteer entry index, for gazetteer matches
  std::vector<int> titles;       // person: its title mentions ("Menlu Rusia", appositives)
  int of = -1;                   // title: the organisation / country mention it belongs to
  int about = -1;                // title: the topic ("pakar Rusia")
  int rule_index = -1;           // mention rule (index into RuleSet::mention_rules), -1 otherwise
  int coord = -1;                // coordination group ("A, B dan C"), -1 if alone
  std::vector<int> antecedents;  // references: the mentions they resolve to
  Timex timex;                   // dates
};

// A title an entity holds ("Menteri Luar Negeri Rusia"), with the organisation or country
// it belongs to (entity id, may be empty).
struct EntityTitle {
  std::string title;
  std::string of;
  bool operator<(const EntityTitle& o) const {
    return title != o.title ? title < o.title : of < o.of;
  }
  bool operator==(const EntityTitle& o) const { return title == o.title && of == o.of; }
};

// One real-world thing.
struct Entity {
  std::string id;  // "person:sergey-lavrov", "gpe:russia"
  MentionKind kind = MentionKind::kPerson;
  std::string name;
  std::string type;     // gazetteer type (city, region, ...)
  std::string part_of;  // places
  bool gazetteer = false;
  std::vector<std::string> aliases;  // surface forms seen, sorted
  std::vector<EntityTitle> titles;   // sorted
  std::map<std::string, std::string> external;
  int mentions = 0;  // how many mentions in the document(s)
};

struct Participant {
  std::string entity;  // entity id; empty when unresolved
  std::string role;
  std::string text;  // the text that filled the role
  // How a title alone was resolved when not by the text itself: "office_holders" (the
  // holder of the office at the event's or publication date, rules/offices/).
  std::string via;
  bool operator<(const Participant& o) const {
    if (entity != o.entity) return entity < o.entity;
    if (role != o.role) return role < o.role;
    return text < o.text;
  }
  bool operator==(const Participant& o) const {
    return entity == o.entity && role == o.role && text == o.text;
  }
};

// Where an event was read: document, the span of the rule match, its sentence, the rule.
struct Evidence {
  std::string doc;
  Span span;
  Span sentence;
  std::string text;  // the sentence text
  std::string rule;
  bool operator<(const Evidence& o) const {
    if (doc != o.doc) return doc < o.doc;
    if (span != o.span) return span < o.span;
    return rule < o.rule;
  }
  bool operator==(const Evidence& o) const {
    return doc == o.doc && span == o.span && rule == o.rule;
  }
};

struct Event {
  std::string id;           // in a document: "e1", "e2"...; in the graph: graph/build.h
  std::string graph_event;  // facts.jsonl of run: the id of the graph event it merged into
  std::string type;
  std::vector<Participant> participants;  // resolved and unresolved
  Timex date;
  std::string date_text;
  std::string place;                     // entity id
  std::vector<std::string> reported_by;  // source entity ids
  std::string modality = "held";
  std::vector<Evidence> evidence;
  // The attachment rules that supplied the date, the place and each source ("" when the
  // event rule itself named them): provenance for every part of the fact.
  std::string date_rule;
  std::string place_rule;
  std::vector<std::string> source_rules;
};

// Everything extracted from one document: a line of facts.jsonl.
struct DocumentFacts {
  std::string doc;
  std::string status = "ok";  // "ok" or "skipped"
  std::string reason;         // why it was skipped
  std::string origin;
  std::string lang;
  std::string dct;         // publication date used (YYYY-MM-DD), empty if unknown
  std::string dct_source;  // "input", "option", "dateline", ""
  std::string url;
  std::string title;
  std::vector<std::string> warnings;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Entity> entities;
  std::vector<Event> events;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_MODEL_H_
