#include "extract/dates.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>

#include <set>
#include <string>
#include <utility>
#include <vector>
#include "test_util.h"

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
      {"WD", {{"Senin", "1"}}},
      {"REL", {{"lalu", "-1"}, {"depan", "+1"}}},
      {"UNIT", {{"pekan", "week"}}},
      {"DUR", {{"years", "Y"}, {"hours", "H"}, {"minutes", "MIN"}, {"eons", "EON"}}},
      {"DAYPART", {{"night", "NI"}}},
      {"MER", {{"a.m.", "0"}, {"p.m.", "12"}}},
      {"START", {{"invasi Rusia", "2022-02-24"}}}};
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

// Returns the values of the date mentions of facts, in text order.
std::vector<std::string> DateValues(const DocumentFacts& facts) {
  std::vector<std::pair<uint32_t, std::string>> dates;
  for (const Mention& m : facts.mentions) {
    if (m.kind == MentionKind::kDate) dates.emplace_back(m.span.begin, m.timex.value);
  }
  std::sort(dates.begin(), dates.end());
  std::vector<std::string> values;
  for (const auto& d : dates) values.push_back(d.second);
  return values;
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

// Issue 4: expressions that say what the rules need, not more.
TEST_CASE("NormalizeDate: expressions, ranges, anchors and preferences", "[dates]") {
  const CivilDate dct{2025, 10, 21};  // Tuesday
  struct Case {
    const char* name;
    DateSpec spec;
    std::map<std::string, std::string> groups;
    std::string key;       // TimexKey, or "error: ..."
    std::string interval;  // "" = not checked
  };
  auto spec = [](std::function<void(DateSpec*)> f) {
    DateSpec s;
    f(&s);
    return s;
  };
  const std::vector<Case> cases = {
      {"digits pass through a list",
       spec([](DateSpec* s) {
         s->rel_unit = "day";
         s->rel_offset = "-$n@NUM";
       }),
       {{"n", "5"}},
       "2025-10-16",
       ""},
      {"a list value with a sign",
       spec([](DateSpec* s) {
         s->rel_unit = "$u@UNIT";
         s->rel_offset = "$r@REL";
       }),
       {{"u", "pekan"}, {"r", "lalu"}},
       "2025-W42",
       "2025-10-13..2025-10-19"},
      {"day n of a period: $n-1 from its start",
       spec([](DateSpec* s) {
         s->rel_unit = "day";
         s->rel_offset = "$n-1";
         s->base = "$p@START";
       }),
       {{"n", "1.302"}, {"p", "invasi Rusia ke Ukraina"}},
       "2025-09-17",
       "2025-09-17..2025-09-17"},
      {"an unknown anchor keeps its link",
       spec([](DateSpec* s) {
         s->rel_unit = "day";
         s->base = "$e@START";
         s->mod = "AFTER";
       }),
       {{"e", "the mutiny"}},
       "XXXX-XX-XX;AFTER@the mutiny",
       "?..?"},
      {"after a known anchor: up to the publication date",
       spec([](DateSpec* s) {
         s->rel_unit = "day";
         s->base = "$e@START";
         s->mod = "AFTER";
       }),
       {{"e", "invasi Rusia"}},
       "2022-02-24;AFTER",
       "2022-02-25..2025-10-21"},
      {"a range across years",
       spec([](DateSpec* s) {
         s->year = "$y";
         s->month = "12";
         s->day = "30";
         s->year_end = "$y2";
         s->month_end = "1";
         s->day_end = "2";
       }),
       {{"y", "2023"}, {"y2", "2024"}},
       "2023-12-30/2024-01-02",
       "2023-12-30..2024-01-02"},
      {"a range of years",
       spec([](DateSpec* s) {
         s->year = "2019";
         s->year_end = "2024";
       }),
       {},
       "2019/2024",
       "2019-01-01..2024-12-31"},
      {"a range that ends before it starts",
       spec([](DateSpec* s) {
         s->year = "2024";
         s->year_end = "2019";
       }),
       {},
       "error: range end 2019 is before its start 2024",
       ""},
      {"no year: within nine months before or three after",
       spec([](DateSpec* s) {
         s->month = "3";
         s->day = "3";
       }),
       {},
       "2025-03-03",
       ""},
      {"no year: December is this year's in October",
       spec([](DateSpec* s) {
         s->month = "12";
         s->day = "25";
       }),
       {},
       "2025-12-25",
       ""},
      {"no year, prefer past",
       spec([](DateSpec* s) {
         s->month = "12";
         s->prefer = "past";
       }),
       {},
       "2024-12",
       ""},
      {"no year, prefer future",
       spec([](DateSpec* s) {
         s->month = "3";
         s->prefer = "future";
       }),
       {},
       "2026-03",
       ""},
      {"a quarter without a year",
       spec([](DateSpec* s) { s->quarter = "3"; }),
       {},
       "2025-Q3",
       "2025-07-01..2025-09-30"},
      {"END of last year",
       spec([](DateSpec* s) {
         s->rel_unit = "year";
         s->rel_offset = "-1";
         s->mod = "END";
       }),
       {},
       "2024;END",
       "2024-09-01..2024-12-31"},
      {"an unknown unit word",
       spec([](DateSpec* s) { s->rel_unit = "$u@UNIT"; }),
       {{"u", "abad"}},
       "error: 'abad' is not a unit in $u@UNIT",
       ""},
      // Issue 10: TimeML values.
      {"a duration (no interval)",
       spec([](DateSpec* s) {
         s->dur_amount = "$n@NUM";
         s->dur_unit = "$u@DUR";
       }),
       {{"n", "tiga"}, {"u", "years"}},
       "P3Y",
       "?..?"},
      {"a duration of hours takes a T",
       spec([](DateSpec* s) {
         s->dur_amount = "$n";
         s->dur_unit = "$u@DUR";
       }),
       {{"n", "24"}, {"u", "hours"}},
       "PT24H",
       ""},
      {"minutes are M after the T",
       spec([](DateSpec* s) {
         s->dur_amount = "$n";
         s->dur_unit = "$u@DUR";
       }),
       {{"n", "5"}, {"u", "minutes"}},
       "PT5M",
       ""},
      {"a duration without its amount",
       spec([](DateSpec* s) { s->dur_unit = "$u@DUR"; }),
       {{"u", "years"}},
       "PXY",
       ""},
      {"a duration unit TIMEX3 does not have",
       spec([](DateSpec* s) { s->dur_unit = "$u@DUR"; }),
       {{"u", "eons"}},
       "error: 'EON' is not a duration unit",
       ""},
      {"a part of the day on a weekday",
       spec([](DateSpec* s) {
         s->rel_unit = "day";
         s->weekday = "$w@WD";
         s->rel_offset = "0";
         s->time_part = "$p@DAYPART";
       }),
       {{"w", "Senin"}, {"p", "night"}},
       "2025-10-20TNI",
       "2025-10-20..2025-10-20"},
      {"a clock time, p.m.",
       spec([](DateSpec* s) {
         s->rel_unit = "day";
         s->rel_offset = "0";
         s->hour = "$h";
         s->minute = "$m";
         s->meridiem = "$mer@MER";
       }),
       {{"h", "8"}, {"m", "30"}, {"mer", "p.m."}},
       "2025-10-21T20:30",
       ""},
      {"12 a.m. is midnight",
       spec([](DateSpec* s) {
         s->rel_unit = "day";
         s->rel_offset = "0";
         s->hour = "$h";
         s->meridiem = "$mer@MER";
       }),
       {{"h", "12"}, {"mer", "a.m."}},
       "2025-10-21T00:00",
       ""},
      {"no time on a week",
       spec([](DateSpec* s) {
         s->rel_unit = "week";
         s->rel_offset = "0";
         s->time_part = "NI";
       }),
       {},
       "2025-W43",
       ""},
      {"a weekday on or after the publication date (prefer future)",
       spec([](DateSpec* s) {
         s->rel_unit = "day";
         s->weekday = "2";
         s->rel_offset = "0";
         s->prefer = "future";
       }),
       {},
       "2025-10-21",
       ""},
      {"the last quarter",
       spec([](DateSpec* s) {
         s->rel_unit = "quarter";
         s->rel_offset = "-1";
       }),
       {},
       "2025-Q3",
       "2025-07-01..2025-09-30"},
      {"next quarter crosses the year",
       spec([](DateSpec* s) {
         s->rel_unit = "quarter";
         s->rel_offset = "1";
       }),
       {},
       "2026-Q1",
       "2026-01-01..2026-03-31"},
      {"a decade",
       spec([](DateSpec* s) { s->decade = "$d"; }),
       {{"d", "199"}},
       "199",
       "1990-01-01..1999-12-31"},
      {"the mid-1980s",
       spec([](DateSpec* s) {
         s->decade = "$d";
         s->mod = "MID";
       }),
       {{"d", "198"}},
       "198;MID",
       "1983-05-02..1986-09-01"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    std::string error;
    const Timex t = Norm(c.spec, c.groups, dct, &error);
    if (!error.empty()) {
      CHECK("error: " + error == c.key);
      continue;
    }
    CHECK(TimexKey(t) == c.key);
    if (!c.interval.empty()) CHECK(Interval(t) == c.interval);
  }
}

TEST_CASE("DateSpecKeys names every DateSpec member once", "[dates]") {
  std::vector<std::string DateSpec::*> fields;  // member pointers have no order: a list
  std::set<std::string> keys;
  for (const DateSpecKey& k : DateSpecKeys()) {
    CHECK(std::find(fields.begin(), fields.end(), k.field) == fields.end());
    fields.push_back(k.field);
    CHECK(keys.insert(std::string(k.object) + "/" + k.key).second);
  }
  // year month day day_end month_end year_end quarter half decade, unit offset weekday base,
  // mod vague prefer dateline, duration amount and unit, time part hour minute meridiem,
  // type, value season, reference granularity unit offset year (issue 10).
  CHECK(fields.size() == 29);
  CHECK(keys.count("reference/granularity") == 1);
  CHECK(keys.count("value/season") == 1);
  CHECK(keys.count("duration/unit") == 1);
  CHECK(keys.count("time/part") == 1);
  CHECK(keys.count("/type") == 1);
  CHECK(keys.count("relative/base") == 1);
  CHECK(keys.count("/dateline") == 1);
}

TEST_CASE("A planned event's bare weekday is the next one", "[dates]") {
  // 2017-11-20 was a Monday: "on Tuesday" reads as 2017-11-14 for what happened, and as
  // 2017-11-21 for what will happen.
  const DocumentFacts held = testing::ExtractText(
      "Putin and Trump held a telephone conversation on Tuesday.", "en", "2017-11-20");
  REQUIRE(held.events.size() == 1);
  CHECK(held.events[0].date.value == "2017-11-14");
  const DocumentFacts planned = testing::ExtractText(
      "Putin and Trump will hold a telephone conversation on Tuesday.", "en", "2017-11-20");
  REQUIRE(planned.events.size() == 1);
  CHECK(planned.events[0].modality == "planned");
  CHECK(planned.events[0].date.value == "2017-11-21");
}

// Issue 10: an earnings report tells its quarter once; "a year ago", "the quarter" and "the
// 1988 period" in later sentences count from it (the document's reference), not from the
// publication date, and a quarter told as still to come is no reference.
TEST_CASE("Dates count from the quarter the document told first (issue 10)", "[dates]") {
  struct Case {
    const char* text;
    std::vector<std::string> values;  // the date mentions' values, in text order
  };
  const Case cases[] = {
      {"Net income rose 5% in the third quarter. Profit was $3 million a year ago.",
       {"1989-Q3", "1988-Q3"}},
      {"Net income rose 5% in the second quarter. In the quarter, sales fell. The year-ago "
       "results included a charge. Revenue was flat from the 1988 period.",
       {"1989-Q2", "1989-Q2", "1988-Q2", "1988-Q2"}},
      // No quarter before: "a year ago" is the year before the publication date's.
      {"Profit was $3 million a year ago. Sales rose in the third quarter.", {"1988", "1989-Q3"}},
      // The first quarter of 1990 is still to come on 1989-11-02: no reference.
      {"The company expects a loss in the first quarter of 1990. A year ago it earned $1 "
       "million.",
       {"1990-Q1", "1988"}},
      // A finer unit keeps its own value.
      {"Net income rose 5% in the third quarter. The plant closed two days ago.",
       {"1989-Q3", "1989-10-31"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(DateValues(testing::ExtractText(c.text, "en", "1989-11-02")) == c.values);
  }
}

TEST_CASE("Indonesian earnings reports count from their quarter too (issue 10)", "[dates]") {
  const DocumentFacts facts = testing::ExtractText(
      "Laba bersih naik 5% pada kuartal III 2025. Pada periode yang sama tahun lalu, laba "
      "turun. Pendapatan setahun sebelumnya Rp 3 triliun.",
      "id", "2025-10-21");
  CHECK(DateValues(facts) == std::vector<std::string>{"2025-Q3", "2024-Q3", "2024-Q3"});
}

TEST_CASE("A clock time without its day takes the day told first, and dates no event", "[dates]") {
  const DocumentFacts facts = testing::ExtractText(
      "Presiden tiba di Bandung, Senin (20/10/2025). Acara dimulai pukul 15.00 WIB.", "id",
      "2025-10-21");
  std::vector<std::string> times;
  for (const Mention& m : facts.mentions) {
    if (m.kind == MentionKind::kDate && m.timex.type == "TIME") {
      times.push_back(m.timex.value);
      CHECK_FALSE(DatesEvents(m.timex));
    }
  }
  CHECK(times == std::vector<std::string>{"2025-10-20T15:00"});
}

}  // namespace newsgraph
