// The gold of `newsgraph eval`: NAME.gold.jsonl files, one JSON object per line, saying which
// events a careful reader finds in a document and which entity each of its names stands for
// (format in docs/design.md, checks in docs/eval.md). Pure functions, no I/O.
//
//   GoldSet gold;
//   Diagnostics diags;
//   if (!ParseGold("examples/a.gold.jsonl", text, rules, &gold, &diags)) ...;  // errors
//   for (const std::string& doc : gold.Docs()) ...;     // the documents to extract
//   score.h scores predicted events and entity links against the gold.
#ifndef NEWSGRAPH_GOLD_H_
#define NEWSGRAPH_GOLD_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "extract/dates.h"
#include "rules/rules.h"

namespace newsgraph {

// One expected event: a `"kind": "event"` line.
struct GoldEvent {
  std::string doc;
  std::string type;
  std::vector<std::string> participants;  // entity ids, sorted, unique
  std::string date;                       // TIMEX value as written; "" = not given
  Timex timex;                            // the interval of date
  std::string place;                      // "" = not given
  std::string modality;                   // "" = not given (any modality matches)
  Location location;                      // the gold file and line
};

// One expected entity: a `"kind": "entity"` line — every way the document names it.
struct GoldEntity {
  std::string doc;
  std::string id;
  std::vector<std::string> names;
  Location location;
};

struct GoldSet {
  std::vector<GoldEvent> events;     // in file order
  std::vector<GoldEntity> entities;  // in file order
  std::vector<std::string> files;    // the gold files read, in order

  // Returns the ids of the documents that have any gold line, sorted.
  std::vector<std::string> Docs() const;
  // Returns the location of the first gold line of doc (file order), or an empty Location.
  Location FirstLine(const std::string& doc) const;
};

// Parses the text of one gold file (JSON Lines) and appends its lines to *gold. Every
// problem goes to *diags at file:line:col; unknown keys and ids that are neither gazetteer
// ids nor person:<slug> are warnings. Returns false if the file had an error.
bool ParseGold(const std::string& file, std::string_view text, const RuleSet& rules, GoldSet* gold,
               Diagnostics* diags);

// Parses a TIMEX3 value as gold files write it: "2023", "2023-04", "2023-04-12",
// "2023-Q2", "2023-H1", "2023-W15", "XXXX-04", "XXXX-04-12" (year unknown) or PAST_REF,
// PRESENT_REF, FUTURE_REF (vague: compatible with any date). Returns false if value is
// none of these.
bool ParseTimexValue(std::string_view value, Timex* out);

// Returns "FILE:LINE" of a gold line, or FILE alone when the line is 0.
std::string GoldLineName(const Location& location);

}  // namespace newsgraph

#endif  // NEWSGRAPH_GOLD_H_
