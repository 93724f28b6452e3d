// Neo4j: a folder of CSV files for `neo4j-admin database import full`, a README with the
// exact command, and an idempotent Cypher script (import.cypher) that loads the same files
// into a running database (issue 11). docs/neo4j.md shows both.
//
//   for (const NamedFile& f : Neo4jFiles(kg, MakeGraph(kg), rules)) write f.text to f.name
//
// One CSV per node label (Person.csv, Organization.csv, Country.csv, Place.csv, Source.csv,
// Event.csv) and per relationship type (PARTICIPANT_IN.csv, LOCATED_IN.csv, REPORTED_BY.csv,
// HOLDS_TITLE.csv), always all of them (a header alone when the graph has none). Headers in
// neo4j-admin's syntax: entities in the id space Entity (`id:ID(Entity)`, `:LABEL`
// "Entity;Person"), events in Event; typed properties (`mentions:int`, `gazetteer:boolean`,
// `weight:double`); `date:date` only for full dates, the TIMEX value in `date_value` (string) and
// the interval in `date_start:date`, `date_end:date`; lists as `string[]` joined with ';' (a ';'
// inside an element becomes ','). RFC 4180: every string field is quoted, a quote doubled; line
// breaks inside a value become spaces, so no --multiline-fields is needed.
#ifndef NEWSGRAPH_NEO4J_H_
#define NEWSGRAPH_NEO4J_H_

#include <string>
#include <vector>

#include "graph/build.h"
#include "graph/graph.h"
#include "rules/rules.h"

namespace newsgraph {

struct NamedFile {
  std::string name;  // relative to the folder
  std::string text;
};

// Returns the files of the Neo4j folder of g, in a fixed order: the CSVs, README.md,
// import.cypher. g is MakeGraph(kg) (all nodes and relationships above), or the actor
// projection (graph/actors.h; --projection actors): then Person, Organization and Country
// of the actors it holds, and one relationship CSV per event type of its ties (MEET.csv:
// weight:int, events, dates, places as string[]).
std::vector<NamedFile> Neo4jFiles(const KnowledgeGraph& kg, const Graph& g, const RuleSet& rules);

// Returns the folder name of g's files, which import.cypher names: "neo4j", or
// "neo4j-actors" for the actor projection.
std::string Neo4jFolder(const Graph& g);

}  // namespace newsgraph

#endif  // NEWSGRAPH_NEO4J_H_
