// Calendar arithmetic and TIMEX3-style normalization of date expressions.
//
// Date rules (rules/dates/*.json) say how the groups of a matched pattern become a value:
//
//   "value":    {"year": "$year", "month": "$month@MONTH", "day": "$day"}
//   "relative": {"unit": "day", "offset": "-$n@NUMBER"}      // against the publication date
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
//   Timex t;
//   NormalizeDate(rule.spec, groups, lists, dct, &t, &error);
//   t.value == "2023-04", t.granularity == Granularity::kMonth, t.start == 2023-04-01 ...
#ifndef NEWSGRAPH_DATES_H_
#define NEWSGRAPH_DATES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// A proleptic Gregorian calendar day.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  bool operator==(const CivilDate& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
  bool operator!=(const CivilDate& o) const { return !(*this == o); }
  bool operator<(const CivilDate& o) const {
    if (year != o.year) return year < o.year;
    if (month != o.month) return month < o.month;
    return day < o.day;
  }
  bool operator<=(const CivilDate& o) const { return !(o < *this); }
};

// Returns days since 1970-01-01 (negative before).
int64_t DaysFromCivil(const CivilDate& d);
// Returns the date of a day count from DaysFromCivil.
CivilDate CivilFromDays(int64_t days);
// Returns 1 (Monday) .. 7 (Sunday), ISO 8601.
int IsoWeekday(const CivilDate& d);
// Returns the number of days in month of year.
int DaysInMonth(int year, int month);
// Returns true if y-m-d is a real calendar day.
bool IsValidDate(int year, int month, int day);
// Returns "YYYY-MM-DD".
std::string FormatDate(const CivilDate& d);
// Parses "YYYY-MM-DD" with an optional time part ("2025-10-21T20:43:00+07:00"): the date
// is taken as written (the local date of the publication). Returns false if not a date.
bool ParseIsoDate(std::string_view text, CivilDate* out);

enum class Granularity : uint8_t { kNone, kDay, kWeek, kMonth, kQuarter, kHalf, kYear, kDecade };
const char* GranularityName(Granularity g);

// A normalized temporal expression (TIMEX3 style).
struct Timex {
  std::string value;  // "2023-06-14", "2023-04", "2022", "2022-Q1", "2023-H2", "PAST_REF",
                      // "XXXX-10-29" (year unknown)
  Granularity granularity = Granularity::kNone;
  std::string mod;    // "", "START", "MID", "END", "APPROX", ...
  std::optional<CivilDate> start;  // the closed interval [start, end] the expression covers;
  std::optional<CivilDate> end;    // PAST_REF has only an end (the publication date)
  std::string anchor;             // "absolute", "dct" (relative to the publication date),
                                  // "event" (relative to a known event or period),
                                  // "vague", "unresolved"
  std::string note;               // why it stayed unresolved
  std::string link;               // anchored: the text of the event or period it counts
                                  // from ("pemberontakan Grup Wagner"), resolved or not
  // A bare weekday ("on Tuesday"), read as the one on or before the publication date; an
  // event that is planned takes the next one instead (see Resolver).
  bool weekday_on_or_before = false;
  // A month or day without a year, given the year that puts it nearest the publication
  // date (nine months before it to three after): "in December" read in October 2017 is
  // December 2017. An event told as held in the past tense takes the year before instead
  // (see Resolver).
  bool year_from_dct = false;
};

// Returns the form the table tests and the comparison print: the value, ";MOD" if there
// is a mod, and "@link" for an unresolved anchored date ("XXXX-XX-XX;AFTER@the mutiny").
std::string TimexKey(const Timex& t);

// Returns whether two dates can be the same time: both unresolved, or their intervals
// overlap. Used to merge events.
// Returns true when both ends of the interval are known.
inline bool Resolved(const Timex& t) { return t.start.has_value() && t.end.has_value(); }

bool TimexCompatible(const Timex& a, const Timex& b);

// Returns the more precise of two compatible dates (narrower interval).
const Timex& MorePrecise(const Timex& a, const Timex& b);

// How a date rule turns groups into a value; every field holds an expression (see top).
struct DateSpec {
  std::string year, month, day, day_end, month_end, year_end, quarter, half, weekday;
  std::string rel_unit;    // "day", "week", "month", "year"; empty = absolute
  std::string rel_offset;  // expression; with weekday: -1 last, +1 next
  std::string base;        // anchored: "$group@LIST" of ISO dates, or "$group" (a link)
  std::string mod;         // literal or expression mapped through a list
  std::string vague;       // "PAST_REF", "PRESENT_REF", "FUTURE_REF"
  std::string prefer;      // no year: "past" (on or before the publication date) or
                           // "future"; empty: the nearest, leaning to the past
  std::string dateline;    // "true": a match at the start of a text is its dateline
};

// Where a key of a date rule stands in the rule object ("value", "relative" or "" for the
// rule itself) and which DateSpec member it fills. The rule loader reads every key through
// this table, so a new key needs only a row here and a line in the schema.
struct DateSpecKey {
  const char* object;
  const char* key;
  std::string DateSpec::*field;
  enum Kind { kExpression, kWord, kFlag } kind;  // kFlag: a JSON boolean, stored "true"
};
const std::vector<DateSpecKey>& DateSpecKeys();

// Supplies the text of a named group ("" if it did not take part), and maps a word through
// a word list (returns false if the list or word is unknown).
struct DateContext {
  std::function<std::string(std::string_view group)> group;
  std::function<bool(std::string_view list, std::string_view word, std::string* value)> lookup;
  std::optional<CivilDate> dct;  // the publication date
};

// Evaluates spec for one match. Returns false and sets *error if an expression cannot be
// evaluated (unknown word, impossible day); a missing publication date is not an error:
// the Timex stays unresolved and says so in note.
bool NormalizeDate(const DateSpec& spec, const DateContext& ctx, Timex* out,
                   std::string* error);

}  // namespace newsgraph

#endif  // NEWSGRAPH_DATES_H_
