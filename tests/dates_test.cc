#include "dates.h"

#include <catch2/catch.hpp>

#include <map>

namespace newsgraph {

TEST_CASE("Civil date arithmetic", "[dates]") {
  CHECK(DaysFromCivil({1970, 1, 1}) == 0);
  CHECK(DaysFromCivil({2000, 3, 1}) == 11017);
  CHECK(CivilFromDays(11017) == CivilDate{2000, 3, 1});
  CHECK(IsoWeekday({2025, 10, 21}) == 2);  // a Tuesday
  CHECK(IsoWeekday({2023, 4, 2}) == 7);
  CHECK(DaysInMonth(2024, 2) == 29);
  CHECK(DaysInMonth(2100, 2) == 28);
  CHECK_FALSE(IsValidDate(2023, 2, 29));
  CivilDate d;
  CHECK(ParseIsoDate("2025-10-21T20:43:00+07:00", &d));
  CHECK(d == CivilDate{2025, 10, 21});
  CHECK_FALSE(ParseIsoDate("21/10/2025", &d));
  CHECK_FALSE(ParseIsoDate("2025-02-30", &d));
}

namespace {

// Normalizes a spec with the given groups against an optional publication date.
Timex Norm(const DateSpec& spec, std::map<std::string, std::string> groups,
           std::optional<CivilDate> dct, std::string* error = nullptr) {
  static const std::map<std::string, std::map<std::string, std::string>> lists = {
      {"MONTH", {{"April", "4"}, {"Juni", "6"}}},
      {"PART", {{"awal", "START"}, {"akhir", "END"}}},
      {"NUM", {{"tiga", "3"}}},
      {"WD", {{"Senin", "1"}}}};
  DateContext ctx;
  ctx.group = [&](std::string_view g) {
    auto it = groups.find(std::string(g));
    return it == groups.end() ? std::string() : it->second;
  };
  ctx.lookup = [&](std::string_view list, std::string_view word, std::string* value) {
    auto l = lists.find(std::string(list));
    if (l == lists.end()) return false;
    auto w = l->second.find(std::string(word));
    if (w == l->second.end()) return false;
    *value = w->second;
    return true;
  };
  ctx.dct = dct;
  Timex t;
  std::string e;
  const bool ok = NormalizeDate(spec, ctx, &t, &e);
  if (error) *error = ok ? "" : e;
  return t;
}

std::string Interval(const Timex& t) {
  return (t.start ? FormatDate(*t.start) : "?") + ".." + (t.end ? FormatDate(*t.end) : "?");
}

}  // namespace

TEST_CASE("NormalizeDate: absolute values", "[dates]") {
  const CivilDate dct{2025, 10, 21};
  DateSpec ymd;
  ymd.year = "$y";
  ymd.month = "$m@MONTH";
  ymd.day = "$d";
  Timex t = Norm(ymd, {{"y", "2023"}, {"m", "Juni"}, {"d", "14"}}, dct);
  CHECK(t.value == "2023-06-14");
  CHECK(t.granularity == Granularity::kDay);
  CHECK(Interval(t) == "2023-06-14..2023-06-14");

  DateSpec ym;
  ym.year = "$y";
  ym.month = "$m@MONTH";
  t = Norm(ym, {{"y", "2023"}, {"m", "April"}}, std::nullopt);
  CHECK(t.value == "2023-04");
  CHECK(Interval(t) == "2023-04-01..2023-04-30");
  CHECK(t.anchor == "absolute");

  DateSpec y;
  y.year = "$y";
  y.mod = "$p@PART";
  t = Norm(y, {{"y", "2022"}, {"p", "awal"}}, std::nullopt);
  CHECK(t.value == "2022");
  CHECK(t.mod == "START");
  CHECK(Interval(t) == "2022-01-01..2022-05-01");

  DateSpec q;
  q.year = "$y";
  q.quarter = "1";
  CHECK(Norm(q, {{"y", "2024"}}, dct).value == "2024-Q1");

  std::string error;
  Norm(ymd, {{"y", "2023"}, {"m", "Juni"}, {"d", "31"}}, dct, &error);
  CHECK(error == "2023-06-31 is not a calendar day");
  Norm(ymd, {{"y", "2023"}, {"m", "Mai"}, {"d", "1"}}, dct, &error);
  CHECK(error == "'Mai' is not in list MONTH");
}

TEST_CASE("NormalizeDate: the year from the publication date", "[dates]") {
  DateSpec dm;
  dm.month = "$m";
  dm.day = "$d";
  CHECK(Norm(dm, {{"m", "10"}, {"d", "29"}}, CivilDate{2020, 10, 30}).value == "2020-10-29");
  // Late December read in early January belongs to the year before.
  CHECK(Norm(dm, {{"m", "12"}, {"d", "29"}}, CivilDate{2021, 1, 3}).value == "2020-12-29");
  const Timex t = Norm(dm, {{"m", "4"}, {"d", "2"}}, std::nullopt);
  CHECK(t.value == "XXXX-04-02");
  CHECK(t.anchor == "unresolved");
  CHECK_FALSE(Resolved(t));
}

TEST_CASE("NormalizeDate: relative to the publication date", "[dates]") {
  const CivilDate dct{2025, 10, 21};  // Tuesday
  DateSpec yesterday;
  yesterday.rel_unit = "day";
  yesterday.rel_offset = "-1";
  CHECK(Norm(yesterday, {}, dct).value == "2025-10-20");
  DateSpec days_ago;
  days_ago.rel_unit = "day";
  days_ago.rel_offset = "-$n@NUM";
  CHECK(Norm(days_ago, {{"n", "tiga"}}, dct).value == "2025-10-18");
  DateSpec last_week;
  last_week.rel_unit = "week";
  last_week.rel_offset = "-1";
  const Timex w = Norm(last_week, {}, dct);
  CHECK(w.value == "2025-W42");
  CHECK(Interval(w) == "2025-10-13..2025-10-19");
  DateSpec last_month;
  last_month.rel_unit = "month";
  last_month.rel_offset = "-1";
  CHECK(Norm(last_month, {}, dct).value == "2025-09");
  DateSpec last_monday;
  last_monday.rel_unit = "day";
  last_monday.weekday = "$w@WD";
  last_monday.rel_offset = "-1";
  CHECK(Norm(last_monday, {{"w", "Senin"}}, dct).value == "2025-10-20");
  last_monday.rel_offset = "1";
  CHECK(Norm(last_monday, {{"w", "Senin"}}, dct).value == "2025-10-27");
  const Timex unresolved = Norm(yesterday, {}, std::nullopt);
  CHECK(unresolved.anchor == "unresolved");
  CHECK(unresolved.note == "relative to the publication date, which is unknown");
  DateSpec vague;
  vague.vague = "PAST_REF";
  const Timex v = Norm(vague, {}, dct);
  CHECK(v.value == "PAST_REF");
  CHECK(Interval(v) == "?..2025-10-21");
}

TEST_CASE("TimexCompatible and MorePrecise", "[dates]") {
  DateSpec ym;
  ym.year = "$y";
  ym.month = "$m";
  DateSpec m;
  m.month = "$m";
  const Timex april23 = Norm(ym, {{"y", "2023"}, {"m", "4"}}, std::nullopt);
  const Timex may23 = Norm(ym, {{"y", "2023"}, {"m", "5"}}, std::nullopt);
  const Timex april = Norm(m, {{"m", "4"}}, std::nullopt);
  DateSpec y;
  y.year = "2023";
  const Timex y23 = Norm(y, {}, std::nullopt);
  CHECK(TimexCompatible(april23, april));
  CHECK_FALSE(TimexCompatible(may23, april));
  CHECK_FALSE(TimexCompatible(april23, may23));
  CHECK(TimexCompatible(april23, y23));
  CHECK(&MorePrecise(april23, y23) == &april23);
  CHECK(&MorePrecise(april, april23) == &april23);
}

}  // namespace newsgraph
