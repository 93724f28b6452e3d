// TIMEX3-style normalization of date expressions (the calendar is base/calendar.h).
//
// Date rules (rules/dates/*.json) say how the groups of a matched pattern become a value:
//
//   "value":    {"year": "$year", "month": "$month@MONTH", "day": "$day"}
//   "relative": {"unit": "day", "offset": "-$n@NUMBER"}      // against the publication date
//   "relative": {"unit": "year", "offset": "$rel@REL"}, "value": {"month": "$m@MONTH"}
//                                                            // "June last year": a month of it
//   "mod":      "START"  or  "$part@PART_MOD"
//
// An expression is a literal integer ("-1"), a group ("$day"), a group mapped through a
// word list ("$month@MONTH"; digits pass through: "$n@NUMBER" reads "tiga" and "3"),
// optionally negated ("-$n@NUMBER") and adjusted by a literal ("$n-1": "Hari ke-1" is the
// first day, offset 0).
//
// Anchored expressions count from a date other than the publication date:
//
//   "relative": {"unit": "day", "offset": "$n-1", "base": "$period@PERIOD_START"}
//   "relative": {"unit": "day", "base": "$event"}, "mod": "AFTER"     // "after the mutiny"
//
// `base` maps a group through a list of known start dates ("invasi Rusia" -> 2022-02-24);
// a base that is not in the list (or a bare group) keeps its text as the Timex's `link`,
// and the value stays unresolved until something resolves the link.
//
// Durations, times of day and types (TIMEX3, issue 10):
//
//   "duration": {"amount": "$n@NUMBER", "unit": "$u@DURATION_UNIT"}   // "three years": P3Y
//   "time": {"part": "$p@DAY_PART"}          // "Wednesday night": 2025-10-15TNI
//   "time": {"hour": "$h", "minute": "$m", "meridiem": "$mer@MERIDIEM"}   // T20:00
//   "type": "SET"                            // default DURATION for a duration, TIME with a
//                                            // time of day, else DATE (Timex::type)
//
// A document-level reference (HeidelTime's reference time, for one granularity):
//
//   "reference": {"granularity": "quarter", "unit": "$u@UNIT", "offset": "-$n@NUMBER"}
//
// counts from the first quarter the document told before the sentence (ctx.told), when
// there is one: "a year ago" after "the third quarter" (1989-Q3) is 1988-Q3; a clock
// time without its day ("pukul 15.00 WIB") takes the first day told, with "day".
//
//   Timex t;
//   DateContext ctx{group_text, list_lookup, dct};
//   NormalizeDate(rule.spec, ctx, &t, &error);
//   t.value == "2023-04", t.granularity == Granularity::kMonth, t.start == 2023-04-01 ...
#ifndef NEWSGRAPH_EXTRACT_DATES_H_
#define NEWSGRAPH_EXTRACT_DATES_H_

#include <optional>
#include <string>

#include "base/calendar.h"
#include "extract/date_expr.h"
#include "rules/date_spec.h"

namespace newsgraph {

// Records t in *told if it is a resolved DATE or TIME that starts on or before the
// publication date and the first of its granularity (call in text order, after the
// sentence's matches are normalized; not for a date that itself came from a reference).
void RecordTold(const Timex& t, const std::optional<CivilDate>& dct, ToldDates* told);

// Evaluates spec for one match. Returns false and sets *error if an expression cannot be
// evaluated (unknown word, impossible day); a missing publication date is not an error:
// the Timex stays unresolved and says so in note.
bool NormalizeDate(const DateSpec& spec, const DateContext& ctx, Timex* out, std::string* error);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_DATES_H_
