// facts.jsonl: one JSON object per input document — its mentions, entities and events with
// byte offsets, sentences and rule ids (or the reason it was skipped). The meeting point of
// extract and build: fact files can be sharded, concatenated and merged in any order.
//
//   std::string line = FactsToJson(facts, text, rules);   // no trailing newline
//   DocumentFacts back;
//   if (!FactsFromJson(line, &back, &error)) ...
#ifndef NEWSGRAPH_FACTS_H_
#define NEWSGRAPH_FACTS_H_

#include <functional>
#include <string>
#include <string_view>

#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// The value of the "format" member every facts.jsonl line starts with; FactsFromJson
// refuses another (schemas/facts.schema.json, docs/facts.md).
inline constexpr char kFactsFormat[] = "newsgraph-facts/1";

// Returns facts as one line of JSON (keys in a fixed order). text is the document text, for
// mention texts; rules gives the event codes.
std::string FactsToJson(const DocumentFacts& facts, std::string_view text, const RuleSet& rules);

// Returns a skip record as one line of JSON.
std::string SkipToJson(const std::string& doc, const std::string& origin,
                       const std::string& reason);

// Parses one line of facts.jsonl (mentions are not read back: build does not need them),
// checking the type of every member read. Returns false and sets *error ("document ID:
// field \"events[0].type\" must be a string") if the line is not one valid facts record.
// Ids (entities, participants, places, sources) must be node ids (IsNodeId). Bytes of
// strings that are not UTF-8, and control characters, are replaced by '?' (SanitizeText);
// *invalid_utf8 (if given) gets their number.
bool FactsFromJson(std::string_view line, DocumentFacts* facts, std::string* error,
                   size_t* invalid_utf8 = nullptr);

// Returns a line of FactsToJson with, in every event, "graph_event" after its "id": the id
// graph_event(doc, event id) gives (nothing where it gives ""). Other lines come back as
// they are.
std::string WithGraphEvents(
    std::string_view line,
    const std::function<std::string(const std::string& doc, const std::string& event)>&
        graph_event);

// Writes a Timex as the JSON object used by facts.jsonl.
std::string TimexToJson(const Timex& t, const std::string& text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_FACTS_H_
