// The scorer of `newsgraph eval`: predicted events matched one-to-one to the gold events of
// their document (the criterion, "same event?", is CompareEvent; docs/eval.md documents it),
// and entity resolution scored over (document, name) -> id links. Pure functions, no I/O.
//
//   std::map<std::string, std::vector<Event>> predicted = ...;   // doc id -> events
//   EventScore events = ScoreEvents(gold, predicted, rules);
//   events.overall.F1();
//   EntityScore entities = ScoreEntities(gold, {{doc_id, text, &facts}, ...});
//   entities.links.F1();
#ifndef NEWSGRAPH_SCORE_H_
#define NEWSGRAPH_SCORE_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "authoring/gold.h"
#include "base/diagnostic.h"
#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// ---------------------------------------------------------------------------------------
// Comparing one predicted event with one gold event

// The "same event?" criterion, part by part.
struct EventCriteria {
  bool type_ok = false;      // equal, or the predicted type refines the gold one
  bool modality_ok = false;  // equal, or the gold gives none
  bool date_ok = false;      // compatible, or one side gives none
  bool place_ok = false;     // equal or one inside the other, or one side gives none
  size_t shared = 0;         // resolved participant ids on both sides
  size_t either = 0;         // resolved participant ids on either side

  // Returns true if the Jaccard index shared / either is at least 0.5 (exactly).
  bool participants_ok() const { return either > 0 && 2 * shared >= either; }
  // Returns true if every part holds: the predicted event may stand for the gold one.
  bool match() const { return type_ok && modality_ok && participants_ok() && date_ok && place_ok; }
};

// Returns how predicted compares with gold under the criterion of docs/eval.md. The one
// place that decides whether two events may be the same.
EventCriteria CompareEvent(const GoldEvent& gold, const Event& predicted, const RuleSet& rules);

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

// Compares gold event g with predicted event p: CompareEvent, and what the report and the
// assignment need besides (exactness, a tie-breaking quality, why a pair does not match).
PairCheck ComparePair(const GoldEvent& g, const Event& p, const RuleSet& rules);

// Returns a maximum-weight one-to-one assignment for a rows x cols weight table (weight 0 =
// not allowed): result[row] is the column assigned to row, or -1. (Hungarian algorithm.)
std::vector<int> MaxWeightAssignment(const std::vector<std::vector<int64_t>>& weights, size_t cols);

// Returns the stable key of a predicted event, without its document:
// "TYPE [ID, ID] date=VALUE place=ID modality=M" (resolved participant ids sorted; date
// and place only when known; a date's mod in parentheses: "date=2022(START)").
std::string EventKey(const Event& ev);
// Returns the key of a gold event in the same form (modality only when given).
std::string GoldKey(const GoldEvent& g);

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

}  // namespace newsgraph

#endif  // NEWSGRAPH_SCORE_H_
