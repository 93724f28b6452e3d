// The report of `newsgraph eval`: the event and entity scores, the comparison with a
// baseline and the --min-f1 and --min-entity-f1 gates, as a table for people or as JSON for
// machines. Pure functions, no I/O.
//
//   EvalReport report;
//   report.gold = "examples/corpus";
//   report.events = ScoreEvents(gold, predicted, rules);      // score.h
//   std::string table = FormatReport(report);                 // or ReportToJson(report)
//   if (!report.Passed()) ...;                   // below --min-f1 or --min-entity-f1
#ifndef NEWSGRAPH_EVAL_REPORT_H_
#define NEWSGRAPH_EVAL_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "authoring/run_diff.h"
#include "authoring/score.h"

namespace newsgraph {

struct EvalReport {
  std::string gold;  // the --gold paths as given, joined by ", "
  EventScore events;
  EntityScore entities;
  bool has_entities = false;                     // the gold has entity lines
  std::vector<std::string> types_without_rules;  // gold types the rule set does not define
  // --baseline
  bool has_baseline = false;
  std::string baseline_file;
  RunDiff diff;
  EventScore baseline_events;  // the baseline's facts scored against the same gold
  // --min-f1, --min-entity-f1
  std::optional<double> min_f1;
  std::optional<double> min_entity_f1;

  // Returns true unless min_f1 is set and the overall event F1 is below it.
  bool EventsPassed() const;
  // Returns true unless min_entity_f1 is set and the entity-resolution F1 is below it.
  bool EntitiesPassed() const;
  // Returns true if both pass.
  bool Passed() const { return EventsPassed() && EntitiesPassed(); }
};

// Returns the human-readable report (tables, false positives and negatives, baseline).
std::string FormatReport(const EvalReport& report);

// Returns the report as one JSON object (fixed key order, numbers rounded to 4 decimals),
// with a trailing newline.
std::string ReportToJson(const EvalReport& report);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EVAL_REPORT_H_
