// How a date rule says what its match means: the DateSpec of rules/dates/*.json and the
// table of the keys the rule loader reads into it. extract/dates.h evaluates a spec.
#ifndef NEWSGRAPH_RULES_DATE_SPEC_H_
#define NEWSGRAPH_RULES_DATE_SPEC_H_

#include <string>
#include <vector>

namespace newsgraph {

// How a date rule turns groups into a value; every field holds an expression (see top).
struct DateSpec {
  std::string year, month, day, day_end, month_end, year_end, quarter, half, weekday;
  std::string season;      // 1 spring, 2 summer, 3 fall, 4 winter ("last fall": 1997-FA)
  std::string decade;      // the first three digits of its years ("the 1990s": 199)
  std::string rel_unit;    // "day", "week", "month", "quarter", "year"; empty = absolute
  std::string rel_offset;  // expression; with weekday: -1 last, +1 next
  std::string base;        // anchored: "$group@LIST" of ISO dates, or "$group" (a link)
  std::string mod;         // literal or expression mapped through a list
  std::string vague;       // "PAST_REF", "PRESENT_REF", "FUTURE_REF"
  std::string prefer;      // no year: "past" (on or before the publication date) or
                           // "future"; empty: the nearest, leaning to the past
  std::string dateline;    // "true": a match at the start of a text is its dateline
  std::string dur_amount;  // a duration: how many units (empty: "X", "years" is PXY)
  std::string dur_unit;    // a duration's unit, TIMEX3 style: "Y", "M", "W", "D", "H", "MIN",
                           // "S", "DE", "CE", "Q", "WE", or "$group@LIST" giving one
  std::string time_part;   // a time of day: "MO", "AF", "EV", "NI" or "$group@LIST"
  std::string hour, minute, meridiem;  // a clock time; meridiem adds 0 (a.m.) or 12 (p.m.)
  std::string type;        // "DATE", "TIME", "DURATION", "SET"; empty: DURATION for a
                           // duration, TIME with a time of day, else DATE
  // Counted from the first date of a granularity the document told before the sentence
  // (earnings reports: "a year ago" after "the third quarter" is that quarter a year
  // before), when there is one: "day", "month", "quarter" or "year"; the unit and offset
  // to move it by (a unit finer than the granularity keeps the rule's own value; a day
  // counts only in days: "pukul 15.00 WIB" on the day told), and a year that replaces its
  // own ("the 1988 quarter").
  std::string ref_granularity, ref_unit, ref_offset, ref_year;
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

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_DATE_SPEC_H_
