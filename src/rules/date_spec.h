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

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_DATE_SPEC_H_
