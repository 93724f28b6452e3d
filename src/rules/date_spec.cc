#include "rules/date_spec.h"

namespace newsgraph {

const std::vector<DateSpecKey>& DateSpecKeys() {
  using K = DateSpecKey;
  static const std::vector<DateSpecKey> kKeys = {
      {"value", "year", &DateSpec::year, K::kExpression},
      {"value", "month", &DateSpec::month, K::kExpression},
      {"value", "day", &DateSpec::day, K::kExpression},
      {"value", "day_end", &DateSpec::day_end, K::kExpression},
      {"value", "month_end", &DateSpec::month_end, K::kExpression},
      {"value", "year_end", &DateSpec::year_end, K::kExpression},
      {"value", "quarter", &DateSpec::quarter, K::kExpression},
      {"value", "half", &DateSpec::half, K::kExpression},
      {"value", "decade", &DateSpec::decade, K::kExpression},
      {"value", "season", &DateSpec::season, K::kExpression},
      {"relative", "unit", &DateSpec::rel_unit, K::kExpression},
      {"relative", "offset", &DateSpec::rel_offset, K::kExpression},
      {"relative", "weekday", &DateSpec::weekday, K::kExpression},
      {"relative", "base", &DateSpec::base, K::kExpression},
      {"", "mod", &DateSpec::mod, K::kExpression},
      {"", "vague", &DateSpec::vague, K::kWord},
      {"", "prefer", &DateSpec::prefer, K::kWord},
      {"", "dateline", &DateSpec::dateline, K::kFlag},
      {"duration", "amount", &DateSpec::dur_amount, K::kExpression},
      {"duration", "unit", &DateSpec::dur_unit, K::kExpression},
      {"time", "part", &DateSpec::time_part, K::kExpression},
      {"time", "hour", &DateSpec::hour, K::kExpression},
      {"time", "minute", &DateSpec::minute, K::kExpression},
      {"time", "meridiem", &DateSpec::meridiem, K::kExpression},
      {"", "type", &DateSpec::type, K::kWord},
      {"reference", "granularity", &DateSpec::ref_granularity, K::kWord},
      {"reference", "unit", &DateSpec::ref_unit, K::kExpression},
      {"reference", "offset", &DateSpec::ref_offset, K::kExpression},
      {"reference", "year", &DateSpec::ref_year, K::kExpression},
  };
  return kKeys;
}

}  // namespace newsgraph
