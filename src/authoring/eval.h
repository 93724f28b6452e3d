// Corpus regression (`newsgraph eval`): gold events and entities (NAME.gold.jsonl, format in
// docs/design.md), the scorer that matches predicted events one-to-one to gold events, the
// entity-resolution score, and the comparison of two runs' events (a baseline). The
// matching criterion is documented in docs/eval.md; pure functions, no I/O.
//
//   GoldSet gold;
//   Diagnostics diags;
//   if (!ParseGold("examples/a.gold.jsonl", text, rules, &gold, &diags)) ...;
//   std::map<std::string, std::vector<Event>> predicted = ...;   // doc id -> events
//   EventScore score = ScoreEvents(gold, predicted, rules);
//   score.overall.F1();
//   RunDiff diff = CompareRuns(baseline_facts, run_facts);
//   std::string table = FormatReport(report);                  // or ReportToJson(report)
#ifndef NEWSGRAPH_EVAL_H_
#define NEWSGRAPH_EVAL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "extract/dates.h"
#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// ---------------------------------------------------------------------------------------
// Gold

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

// ---------------------------------------------------------------------------------------
// Scoring events

// True positives, false positives, false negatives; `exact` counts the true positives whose
// type, participants and every field the gold line gives are equal.
struct Counts {
  int tp = 0;
  int fp = 0;
  int fn = 0;
  int exact = 0;

  // Returns tp / (tp + fp), 0 when nothing was predicted.
  double Precision() const;
  // Returns tp / (tp + fn), 0 when there is no gold.
  double Recall() const;
  // Returns the harmonic mean of precision and recall, 0 when both are 0.
  double F1() const;
  Counts& operator+=(const Counts& o);
};

// How a predicted event compares with a gold event of the same document.
struct PairCheck {
  bool match = false;    // every criterion of docs/eval.md holds
  double jaccard = 0;    // of the resolved participant sets
  bool type_ok = false;  // equal, or the predicted type refines the gold one
  bool type_exact = false;
  bool modality_ok = false;
  bool date_ok = false;   // compatible, or one side gives none
  bool place_ok = false;  // equal or one inside the other, or one side gives none
  bool exact = false;     // match, and equal in type, participants, given date and place
  int quality = 0;        // tie-breaker among matches: higher is closer
  std::string why;        // for a non-match: the criteria that failed, readable
};

// Returns the resolved participant ids of ev, sorted and unique.
std::vector<std::string> ResolvedParticipants(const Event& ev);

// Compares gold event g with predicted event p (see docs/eval.md for the criterion).
PairCheck ComparePair(const GoldEvent& g, const Event& p, const RuleSet& rules);

// Returns a maximum-weight one-to-one assignment for a rows x cols weight table (weight 0 =
// not allowed): result[row] is the column assigned to row, or -1. (Hungarian algorithm.)
std::vector<int> MaxWeightAssignment(const std::vector<std::vector<int64_t>>& weights, size_t cols);

// A predicted event that matched no gold event.
struct FalsePositive {
  std::string doc;
  std::string key;                 // EventKey of the predicted event
  std::vector<std::string> rules;  // the rules in its evidence, sorted
  std::string attachments;         // "date by R; place by R" when attachment rules filled them
  std::string near;                // the closest unmatched gold event and why it fails
};

// A gold event that no predicted event matched.
struct FalseNegative {
  std::string doc;
  Location location;  // the gold line
  std::string key;    // GoldKey of the gold event
  std::string near;   // the closest unmatched predicted event and why it fails
};

// Dates or places of matched events whose gold line gives one.
struct FieldCounts {
  int given = 0;       // matched events whose gold line gives the field
  int same = 0;        // predicted the same value
  int compatible = 0;  // predicted a different but compatible value
  int missing = 0;     // predicted none
};

struct RuleCounts {
  int tp = 0;  // matched events with this rule in their evidence
  int fp = 0;  // false positives with this rule in their evidence
};

struct EventScore {
  int documents = 0;
  int gold = 0;
  int predicted = 0;
  Counts overall;
  std::map<std::string, Counts> by_type;  // TP and FN under the gold type, FP under the
                                          // predicted type
  std::map<std::string, RuleCounts> by_rule;
  std::vector<FalsePositive> false_positives;  // by document, then predicted order
  std::vector<FalseNegative> false_negatives;  // by document, then gold order
  FieldCounts dates;
  FieldCounts places;
};

// Scores the predicted events (doc id -> events) of every document that has gold against
// the gold events; a document without an entry in predicted has predicted nothing.
EventScore ScoreEvents(const GoldSet& gold,
                       const std::map<std::string, std::vector<Event>>& predicted,
                       const RuleSet& rules);

// ---------------------------------------------------------------------------------------
// Scoring entity resolution

// One document's text and facts (with mentions), for the entity score.
struct ScoredDocument {
  std::string id;
  std::string text;
  const DocumentFacts* facts = nullptr;
};

// A (document, name) -> entity link that is wrong or missing.
struct EntityLinkError {
  std::string doc;
  std::string name;
  std::string id;        // the predicted id (wrong) or the gold id (missing)
  std::string expected;  // wrong: the gold id(s) of the name; missing: the
                         // predicted ids of the name, comma-separated, or ""
};

struct EntityScore {
  Counts links;                                               // over (doc, name, id) links
  std::vector<EntityLinkError> wrong;                         // predicted links not in gold
  std::vector<EntityLinkError> missing;                       // gold links not predicted
  std::vector<std::pair<Location, std::string>> not_in_text;  // gold names not found
};

// Scores entity resolution: gold links are (doc, name, id) for every name of every entity
// line that occurs in the text as a whole word; predicted links are (doc, name, id) for
// every mention whose text or naming part is one of the document's gold names and that
// resolves to an entity id.
EntityScore ScoreEntities(const GoldSet& gold, const std::vector<ScoredDocument>& docs);

// ---------------------------------------------------------------------------------------
// Comparing two runs

// Returns the stable key of a predicted event, without its document:
// "TYPE [ID, ID] date=VALUE place=ID modality=M" (resolved participant ids sorted; date
// and place only when known; a date's mod in parentheses: "date=2022(START)").
std::string EventKey(const Event& ev);
// Returns the key of a gold event in the same form (modality only when given).
std::string GoldKey(const GoldEvent& g);

struct RunDiff {
  struct Doc {
    std::string doc;
    std::vector<std::string> added;    // keys in this run, not in the baseline (sorted)
    std::vector<std::string> removed;  // keys in the baseline, not in this run (sorted)
  };
  std::vector<Doc> docs;  // documents with a change, sorted by id
  int added = 0;
  int removed = 0;
  int unchanged = 0;
  std::vector<std::string> only_in_baseline;  // documents not compared, sorted
  std::vector<std::string> only_in_run;
};

// Compares the events of this run with a baseline's, per document present in both, as
// multisets of EventKey.
RunDiff CompareRuns(const std::vector<DocumentFacts>& baseline,
                    const std::vector<DocumentFacts>& run);

// ---------------------------------------------------------------------------------------
// The report

struct EvalReport {
  std::string gold_dir;
  EventScore events;
  EntityScore entities;
  bool has_entities = false;                     // the gold has entity lines
  std::vector<std::string> types_without_rules;  // gold types the rule set does not define
  // --baseline
  bool has_baseline = false;
  std::string baseline_file;
  RunDiff diff;
  EventScore baseline_events;  // the baseline's facts scored against the same gold
  // --min-f1
  std::optional<double> min_f1;

  // Returns true unless min_f1 is set and the overall event F1 is below it.
  bool Passed() const;
};

// Returns the human-readable report (tables, false positives and negatives, baseline).
std::string FormatReport(const EvalReport& report);

// Returns the report as one JSON object (fixed key order, numbers rounded to 4 decimals),
// with a trailing newline.
std::string ReportToJson(const EvalReport& report);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EVAL_H_
