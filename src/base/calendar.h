// Calendar arithmetic and normalized temporal values (TIMEX3 style): the civil dates,
// intervals and comparisons every stage shares. Date rules and their normalization live in
// rules/date_spec.h and extract/dates.h.
//
//   CivilDate d;
//   ParseIsoDate("2023-04-12", &d);            // d.year == 2023 ...
//   IsoWeekday(d) == 3;                        // Wednesday
//   TimexCompatible(a, b);                     // can two dates be the same time?
#ifndef NEWSGRAPH_BASE_CALENDAR_H_
#define NEWSGRAPH_BASE_CALENDAR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

// kSeason: spring (March to May), summer, fall, winter (December to February), TIMEX3's
// "1998-SU"; the order goes from fine to coarse except for it, added last.
enum class Granularity : uint8_t {
  kNone, kDay, kWeek, kMonth, kQuarter, kHalf, kYear, kDecade, kSeason
};
const char* GranularityName(Granularity g);

// A normalized temporal expression (TIMEX3 style).
struct Timex {
  std::string value;  // "2023-06-14", "2023-04", "2022", "2022-Q1", "2023-H2", "PAST_REF",
                      // "XXXX-10-29" (year unknown), "P3Y" (a duration), "2023-06-14TMO"
  std::string type = "DATE";  // TIMEX3 type: "DATE", "TIME", "DURATION" or "SET"
  Granularity granularity = Granularity::kNone;
  std::string mod;                 // "", "START", "MID", "END", "APPROX", ...
  std::optional<CivilDate> start;  // the closed interval [start, end] the expression covers;
  std::optional<CivilDate> end;    // PAST_REF has only an end (the publication date)
  std::string anchor;              // "absolute", "dct" (relative to the publication date),
                                   // "event" (relative to a known event or period),
                                   // "vague", "unresolved"
  std::string note;                // why it stayed unresolved
  std::string link;                // anchored: the text of the event or period it counts
                                   // from ("pemberontakan Grup Wagner"), resolved or not
  // A bare weekday ("on Tuesday"), read as the one on or before the publication date; an
  // event that is planned takes the next one instead (see Resolver).
  bool weekday_on_or_before = false;
  // A month or day without a year, given the year that puts it nearest the publication
  // date (nine months before it to three after): "in December" read in October 2017 is
  // December 2017. An event told as held in the past tense takes the year before instead
  // (see Resolver).
  bool year_from_dct = false;
  // A day relative to the publication date, which the document does not give ("on Sunday",
  // "yesterday" in a text without a date): unresolved, yet within a week of the writing.
  bool near_unknown_dct = false;
  // A time of day told without its day ("pukul 15.00 WIB", "at 8 p.m."): TimeML reads it on
  // the publication date's day, yet the story's day is often another, so it dates no event.
  bool no_day = false;
};

// Returns true if t is a point or period of time that can date an event (TIMEX3 type DATE
// or TIME); a duration ("three years"), a set ("every week") and the present ("now", "saat
// ini": the time of writing, which every event already has) cannot. Such dates are
// mentions, yet later passes and the event rules see their words, not a date token.
inline bool DatesEvents(const Timex& t) {
  return (t.type == "DATE" || t.type == "TIME") && t.value != "PRESENT_REF" && !t.no_day;
}

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

}  // namespace newsgraph

#endif  // NEWSGRAPH_BASE_CALENDAR_H_
