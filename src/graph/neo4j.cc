#include "graph/neo4j.h"

#include <fmt/format.h>

#include <boost/range/iterator_range.hpp>
#include <map>
#include <set>

#include "base/calendar.h"
#include "graph/actors.h"

namespace newsgraph {

namespace {

// A CSV column: its neo4j-admin header and how import.cypher converts the text back.
struct Column {
  const char* header;  // "mentions:int"
  const char* name;    // the property name, "" for the id and label columns
  const char* cypher;  // a Cypher expression of {}, the field's text (null when empty)
};

const Column kEntityColumns[] = {
    {"id:ID(Entity)", "", ""},
    {":LABEL", "", ""},
    {"name", "name", "{}"},
    {"aliases:string[]", "aliases", "split({}, ';')"},
    {"titles:string[]", "titles", "split({}, ';')"},
    {"type", "type", "{}"},
    {"part_of", "part_of", "{}"},
    {"gazetteer:boolean", "gazetteer", "{} = 'true'"},
    {"mentions:int", "mentions", "toInteger({})"},
    {"iso3166", "iso3166", "{}"},
    {"wikidata", "wikidata", "{}"},
};

const Column kEventColumns[] = {
    {"id:ID(Event)", "", ""},
    {":LABEL", "", ""},
    {"type", "type", "{}"},
    {"label", "label", "{}"},
    {"date_value", "date_value", "{}"},
    {"date:date", "date", "date({})"},
    {"date_start:date", "date_start", "date({})"},
    {"date_end:date", "date_end", "date({})"},
    {"date_granularity", "date_granularity", "{}"},
    {"date_mod", "date_mod", "{}"},
    {"place", "place", "{}"},
    {"modality", "modality", "{}"},
    {"cameo", "cameo", "{}"},
    {"plover", "plover", "{}"},
    {"evidence:int", "evidence", "toInteger({})"},
    {"documents:string[]", "documents", "split({}, ';')"},
    {"rules:string[]", "rules", "split({}, ';')"},
};

// The relationship types: their id spaces and property columns after :START_ID, :END_ID,
// :TYPE.
struct RelType {
  std::string type;
  const char* from;  // id space of the start node
  const char* to;
  std::vector<Column> columns;
};

const RelType kRelTypes[] = {
    {"PARTICIPANT_IN",
     "Entity",
     "Event",
     {{"roles:string[]", "roles", "split({}, ';')"}, {"weight:double", "weight", "toFloat({})"}}},
    {"LOCATED_IN", "Event", "Entity", {{"weight:double", "weight", "toFloat({})"}}},
    {"REPORTED_BY", "Event", "Entity", {{"weight:double", "weight", "toFloat({})"}}},
    {"HOLDS_TITLE", "Entity", "Entity", {{"titles:string[]", "titles", "split({}, ';')"}}},
};

// The columns of an actor tie (--projection actors): one relationship type per event type.
const std::vector<Column> kTieColumns = {{"weight:int", "weight", "toInteger({})"},
                                         {"events:string[]", "events", "split({}, ';')"},
                                         {"dates:string[]", "dates", "split({}, ';')"},
                                         {"places:string[]", "places", "split({}, ';')"}};

const char* const kEntityLabels[] = {"Person", "Organization", "Country", "Place", "Source"};

// Returns a string field: quoted (RFC 4180), line breaks as spaces; empty when v is.
std::string Str(std::string_view v) {
  if (v.empty()) return "";
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') {
      out += "\"\"";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Returns a string[] field: the elements joined with ';' (theirs become ',').
std::string List(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    std::string clean = item;
    for (char& c : clean) {
      if (c == ';') c = ',';
    }
    joined += (joined.empty() ? "" : ";") + clean;
  }
  return Str(joined);
}

std::string Header(const Column* begin, const Column* end) {
  std::string h;
  for (const Column* c = begin; c != end; ++c) h += (h.empty() ? "" : ",") + std::string(c->header);
  return h + "\n";
}

std::string JoinFields(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + fields[i];
  return line + "\n";
}

std::string External(const Entity& e, const char* key) {
  auto it = e.external.find(key);
  return it == e.external.end() ? "" : it->second;
}

std::string EntityRow(const Entity& e) {
  std::vector<std::string> titles;
  for (const EntityTitle& t : e.titles) titles.push_back(t.title);
  return JoinFields({Str(e.id), Str("Entity;" + Neo4jLabel(e.kind)), Str(e.name), List(e.aliases),
                     List(titles), Str(e.type), Str(e.part_of), e.gazetteer ? "true" : "false",
                     std::to_string(e.mentions), Str(External(e, "iso3166")),
                     Str(External(e, "wikidata"))});
}

std::string EventRow(const KnowledgeGraph& kg, const RuleSet& rules, const Event& ev) {
  const EventType* type = rules.Type(ev.type);
  std::set<std::string> docs, rule_ids;
  for (const Evidence& x : ev.evidence) {
    docs.insert(x.doc);
    rule_ids.insert(x.rule);
  }
  const bool full_date = ev.date.granularity == Granularity::kDay && ev.date.start && ev.date.end &&
                         *ev.date.start == *ev.date.end;
  return JoinFields({Str(ev.id), Str("Event"), Str(ev.type), Str(EventLabel(kg, ev)),
                     Str(ev.date.value), full_date ? FormatDate(*ev.date.start) : "",
                     ev.date.start ? FormatDate(*ev.date.start) : "",
                     ev.date.end ? FormatDate(*ev.date.end) : "",
                     ev.date.value.empty() ? "" : Str(GranularityName(ev.date.granularity)),
                     Str(ev.date.mod), Str(ev.place.empty() ? "" : kg.NameOf(ev.place)),
                     Str(ev.modality), Str(type ? type->cameo : ""), Str(type ? type->plover : ""),
                     std::to_string(ev.evidence.size()), List({docs.begin(), docs.end()}),
                     List({rule_ids.begin(), rule_ids.end()})});
}

std::string RelRow(const KnowledgeGraph& kg, const Graph& g, Graph::edge_descriptor e) {
  const EdgeProps& p = g[e];
  std::vector<std::string> fields = {Str(g[boost::source(e, g)].id), Str(g[boost::target(e, g)].id),
                                     Str(p.type)};
  if (g[boost::graph_bundle].actors) {
    const SharedEvents shared = SummarizeEvents(kg, p);
    fields.push_back(std::to_string(p.events.size()));
    for (const auto* list : {&shared.ids, &shared.dates, &shared.places}) {
      fields.push_back(List(*list));
    }
    return JoinFields(fields);
  }
  if (p.type == "PARTICIPANT_IN") fields.push_back(Str(p.role));  // already ';'-joined
  if (p.type == "HOLDS_TITLE") {
    fields.push_back(List(p.titles));
  } else {
    fields.push_back(fmt::format("{}", p.weight));
  }
  return JoinFields(fields);
}

// Returns the SET list of import.cypher for the property columns: "n.name = row.`name`, ...".
std::string Assignments(const char* var, const Column* begin, const Column* end) {
  std::string out;
  for (const Column* c = begin; c != end; ++c) {
    if (!*c->name) continue;
    out += fmt::format("{}\n    {}.{} = {}", out.empty() ? "" : ",", var, c->name,
                       fmt::format(fmt::runtime(c->cypher), fmt::format("row.`{}`", c->header)));
  }
  return out;
}

const char kTransactions[] = "} IN TRANSACTIONS OF 1000 ROWS;\n\n";

// Returns import.cypher: constraints, then MERGE on ids, in batched transactions.
std::string CypherScript(const std::string& folder, const std::vector<std::string>& node_files,
                         const std::vector<const RelType*>& rel_types) {
  std::string s = fmt::format(
      "// newsgraph: loads the CSV files of this folder into a running Neo4j (5.23 or later).\n"
      "// Copy the folder into the database's import directory as `{}/`, then run\n"
      "//   cypher-shell -u neo4j -p PASSWORD -f import.cypher\n"
      "// Idempotent: constraints IF NOT EXISTS, nodes and relationships MERGEd on their ids,\n"
      "// so a second run changes nothing. CALL ... IN TRANSACTIONS needs an implicit\n"
      "// (auto-commit) transaction, which cypher-shell -f gives.\n\n"
      "CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS\n"
      "FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n\n"
      "CREATE CONSTRAINT newsgraph_event_id IF NOT EXISTS\n"
      "FOR (n:Event) REQUIRE n.id IS UNIQUE;\n\n",
      folder);
  for (const std::string& file : node_files) {
    const bool event = file == "Event.csv";
    const std::string label = file.substr(0, file.size() - 4);
    const Column* begin = event ? std::begin(kEventColumns) : std::begin(kEntityColumns);
    const Column* end = event ? std::end(kEventColumns) : std::end(kEntityColumns);
    s += fmt::format(
        "LOAD CSV WITH HEADERS FROM 'file:///{}/{}' AS row\n"
        "CALL (row) {{\n"
        "  MERGE (n:{} {{id: row.`{}`}})\n"
        "  SET n:{},\n    {}\n",
        folder, file, event ? "Event" : "Entity", begin->header, label,
        Assignments("n", begin, end).substr(5));
    s += kTransactions;
  }
  for (const RelType* t : rel_types) {
    s += fmt::format(
        "LOAD CSV WITH HEADERS FROM 'file:///{}/{}.csv' AS row\n"
        "CALL (row) {{\n"
        "  MATCH (a:{} {{id: row.`:START_ID({})`}})\n"
        "  MATCH (b:{} {{id: row.`:END_ID({})`}})\n"
        "  MERGE (a)-[r:{}]->(b)\n"
        "  SET {}\n",
        folder, t->type, t->from, t->from, t->to, t->to, t->type,
        Assignments("r", t->columns.data(), t->columns.data() + t->columns.size()).substr(5));
    s += kTransactions;
  }
  s.pop_back();
  return s;
}

// Returns README.md of the folder: what is in it and the exact commands.
std::string ReadMe(const std::string& folder, bool actors,
                   const std::vector<std::string>& node_files,
                   const std::vector<const RelType*>& rel_types) {
  std::string args;
  for (const std::string& f : node_files) args += fmt::format(" \\\n    --nodes={}", f);
  for (const RelType* t : rel_types)
    args += fmt::format(" \\\n    --relationships={}.csv", t->type);
  const std::string query =
      actors ? "MATCH (a:Person)-[r]-(b:Person)\n"
               "WHERE a.id < b.id\n"
               "RETURN a.name, type(r), b.name, r.weight, r.dates, r.places\n"
               "ORDER BY r.weight DESC LIMIT 25;\n"
             : "MATCH (a:Person)-[:PARTICIPANT_IN]->(e:Event {type: "
               "'meet'})<-[:PARTICIPANT_IN]-(b:Person)\n"
               "OPTIONAL MATCH (e)-[:LOCATED_IN]->(p)\n"
               "RETURN a.name, b.name, e.date_value, e.date_start, e.date_end, p.name LIMIT 25;\n";
  const std::string files =
      actors ? "The actor network (`--projection actors`): people, organisations and countries\n"
               "in the id space `Entity` (labels `Entity` and their kind), and one relationship\n"
               "per pair of co-participants per event type, named by the type in upper case\n"
               "(MEET, VISIT, ...): `weight` is the number of shared events, `events` their ids\n"
               "(the event nodes of the full graph, `--format neo4j` without the projection),\n"
               "`dates` their TIMEX values and `places` their place names. A tie has no\n"
               "direction (it runs from the smaller id to the larger): match it with\n"
               "`(a)-[r]-(b)`.\n"
             : "Nodes: entities in the id space `Entity` (labels `Entity` and their kind), events in\n"
               "`Event`. Relationships: PARTICIPANT_IN (entity to event, with `roles`), LOCATED_IN and\n"
               "REPORTED_BY (event to place or source), HOLDS_TITLE (person to organisation or\n"
               "country, with the title variants). `date` is set only for full dates; `date_value`\n"
               "holds the TIMEX value (`2023-04`), `date_start`/`date_end` the interval it covers.\n";
  return fmt::format(
      "# newsgraph {} for Neo4j\n\n"
      "Written by `newsgraph run|build --format neo4j{}`; the format is described in\n"
      "newsgraph's docs/neo4j.md.\n\n"
      "## A new database: neo4j-admin (Neo4j 5)\n\n"
      "Stop the database, then from this folder:\n\n"
      "```sh\n"
      "neo4j-admin database import full --overwrite-destination --array-delimiter=';'{} \\\n"
      "    neo4j\n"
      "```\n\n"
      "(`neo4j` is the database name; on Community Edition it must be the default database.)\n"
      "Start the database again and try:\n\n"
      "```cypher\n{}```\n\n"
      "## A running database: import.cypher\n\n"
      "Copy this folder into the database's import directory as `{}/` (for example\n"
      "`cp -r . $NEO4J_HOME/import/{}`), then:\n\n"
      "```sh\n"
      "cypher-shell -u neo4j -p PASSWORD -f import.cypher\n"
      "```\n\n"
      "It creates the id constraints if they do not exist and MERGEs every node and\n"
      "relationship on its id, 1000 rows per transaction: running it again changes nothing.\n\n"
      "## Files\n\n{}",
      actors ? "actor network" : "graph", actors ? " --projection actors" : "", args, query, folder,
      folder, files);
}

}  // namespace

std::vector<NamedFile> Neo4jFiles(const KnowledgeGraph& kg, const Graph& g, const RuleSet& rules) {
  const bool actors = g[boost::graph_bundle].actors;
  const std::string folder = Neo4jFolder(g);
  std::map<std::string, std::string> by_label;
  if (actors) {
    // Only the actors the projection (and --min-degree) kept.
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
      const Entity& e = kg.entities[g[v].index];
      by_label[Neo4jLabel(e.kind)] += EntityRow(e);
    }
  } else {
    for (const Entity& e : kg.entities) by_label[Neo4jLabel(e.kind)] += EntityRow(e);
  }
  std::vector<NamedFile> files;
  std::vector<std::string> node_files;
  const std::string entity_header = Header(std::begin(kEntityColumns), std::end(kEntityColumns));
  for (const char* label : kEntityLabels) {
    const bool actor_label = label == Neo4jLabel(MentionKind::kPerson) ||
                             label == Neo4jLabel(MentionKind::kOrganization) ||
                             label == Neo4jLabel(MentionKind::kCountry);
    if (actors && !actor_label) continue;
    node_files.push_back(std::string(label) + ".csv");
    files.push_back({node_files.back(), entity_header + by_label[label]});
  }
  if (!actors) {
    std::string events = Header(std::begin(kEventColumns), std::end(kEventColumns));
    for (const Event& ev : kg.events) events += EventRow(kg, rules, ev);
    node_files.push_back("Event.csv");
    files.push_back({"Event.csv", events});
  }
  std::map<std::string, std::string> by_type;
  for (auto e : boost::make_iterator_range(boost::edges(g))) by_type[g[e].type] += RelRow(kg, g, e);
  std::vector<RelType> tie_types;  // actors: one per event type with a tie, by name
  for (const auto& entry : by_type) {
    if (actors) tie_types.push_back({entry.first, "Entity", "Entity", kTieColumns});
  }
  std::vector<const RelType*> rel_types;
  if (actors) {
    for (const RelType& t : tie_types) rel_types.push_back(&t);
  } else {
    for (const RelType& t : kRelTypes) rel_types.push_back(&t);
  }
  for (const RelType* t : rel_types) {
    std::string header = fmt::format(":START_ID({}),:END_ID({}),:TYPE", t->from, t->to);
    for (const Column& c : t->columns) header += "," + std::string(c.header);
    files.push_back({t->type + ".csv", header + "\n" + by_type[t->type]});
  }
  files.push_back({"README.md", ReadMe(folder, actors, node_files, rel_types)});
  files.push_back({"import.cypher", CypherScript(folder, node_files, rel_types)});
  return files;
}

std::string Neo4jFolder(const Graph& g) {
  return g[boost::graph_bundle].actors ? "neo4j-actors" : "neo4j";
}

}  // namespace newsgraph
