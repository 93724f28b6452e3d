#include "extract/dates.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>

namespace newsgraph {

namespace {

CivilDate AddDays(const CivilDate& d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

CivilDate AddMonths(const CivilDate& d, int n) {
  int m0 = d.year * 12 + (d.month - 1) + n;
  const int year = m0 / 12;
  const int month = m0 % 12 + 1;
  return {year, month, std::min(d.day, DaysInMonth(year, month))};
}

// Narrows [start, end] to its first, middle or last third for the START / MID / END mods;
// AFTER and BEFORE turn it into the time after its end (up to the publication date, if
// that is later) or before its start.
void ApplyMod(const std::string& mod, const std::optional<CivilDate>& dct, Timex* t) {
  if (!Resolved(*t)) return;
  const int64_t a = DaysFromCivil(*t->start);
  const int64_t b = DaysFromCivil(*t->end);
  if (mod == "AFTER") {
    t->start = CivilFromDays(b + 1);
    t->end.reset();
    if (dct && *t->start <= *dct) t->end = *dct;
    return;
  }
  if (mod == "BEFORE") {
    t->end = CivilFromDays(a - 1);
    t->start.reset();
    return;
  }
  const int64_t third = (b - a + 1) / 3;
  if (third < 1) return;
  if (mod == "START") {
    t->end = CivilFromDays(a + third - 1);
  } else if (mod == "MID") {
    t->start = CivilFromDays(a + third);
    t->end = CivilFromDays(b - third);
  } else if (mod == "END") {
    t->start = CivilFromDays(b - third + 1);
  }
}

// Returns the ISO week-numbering year and week of d.
void IsoWeek(const CivilDate& d, int* year, int* week) {
  const CivilDate thursday = AddDays(d, 4 - IsoWeekday(d));
  *year = thursday.year;
  const int64_t jan1 = DaysFromCivil({thursday.year, 1, 1});
  *week = static_cast<int>((DaysFromCivil(thursday) - jan1) / 7) + 1;
}

// TIMEX3's seasons, by DateSpec::season - 1.
const char* const kSeasons[] = {"SP", "SU", "FA", "WI"};

// Returns the placeholder value of an unresolved relative date of unit.
std::string Unknown(const std::string& unit) {
  if (unit == "week") return "XXXX-WXX";
  if (unit == "quarter") return "XXXX-QX";
  if (unit == "month") return "XXXX-XX";
  if (unit == "year") return "XXXX";
  return "XXXX-XX-XX";
}

// Returns the granularity of a relative unit ("day", "week", "month", "year").
Granularity UnitGranularity(const std::string& unit) {
  return unit == "week"      ? Granularity::kWeek
         : unit == "month"   ? Granularity::kMonth
         : unit == "quarter" ? Granularity::kQuarter
         : unit == "year"    ? Granularity::kYear
                             : Granularity::kDay;
}

// Sets *unit to the unit of a relative date: a word, or a group mapped through a list
// ("$u@UNIT": "pekan" -> "week"). Returns false and sets *error if it is no unit.
bool RelativeUnit(const DateSpec& spec, const DateContext& ctx, std::string* unit,
                  std::string* error) {
  *unit = spec.rel_unit;
  if (!unit->empty() && (*unit)[0] == '$') {
    const std::string_view u = spec.rel_unit;
    const size_t at = u.find('@');
    const std::string text = ctx.group(u.substr(1, at - 1));
    if (at == std::string::npos || !ctx.lookup(u.substr(at + 1), text, unit)) {
      *error = fmt::format("'{}' is not a unit in {}", text, spec.rel_unit);
      return false;
    }
  }
  if (*unit != "day" && *unit != "week" && *unit != "month" && *unit != "quarter" &&
      *unit != "year") {
    *error = fmt::format("unknown relative unit '{}'", *unit);
    return false;
  }
  return true;
}

// Sets *text to the text of the group `base` names and returns true if its list knows the
// start date of the longest leading part of it (*d): "pelantikan Prabowo sebagai presiden"
// finds "pelantikan Prabowo". A bare group ("$event") knows none.
bool BaseDate(const std::string& base, const DateContext& ctx, std::string* text, CivilDate* d) {
  const std::string_view b = std::string_view(base).substr(base[0] == '$');
  const size_t at = b.find('@');
  *text = ctx.group(b.substr(0, at));
  if (at == std::string_view::npos) return false;
  std::string iso;
  bool known = false;
  std::string_view head = *text;
  while (!head.empty() && !known) {
    known = ctx.lookup(b.substr(at + 1), head, &iso) && ParseIsoDate(iso, d);
    const size_t space = head.find_last_of(' ');
    head = head.substr(0, space == std::string_view::npos ? 0 : space);
  }
  return known;
}

// Sets *origin to the date a relative date counts from, and t's anchor: the publication
// date, or the anchor named by `base`. Returns false if that date is unknown: t is then an
// unresolved date of the unit and says why.
bool RelativeOrigin(const DateSpec& spec, const DateContext& ctx, const std::string& unit, Timex* t,
                    CivilDate* origin) {
  t->anchor = "dct";
  if (!spec.base.empty()) {
    std::string text;
    const bool known = BaseDate(spec.base, ctx, &text, origin);
    t->link = text;
    if (known) {
      t->anchor = "event";
      return true;
    }
    t->anchor = "unresolved";
    t->note = fmt::format("counted from \"{}\", whose date is unknown", text);
    t->value = Unknown(unit);
    t->granularity = UnitGranularity(unit);
    return false;
  }
  if (!ctx.dct) {
    t->anchor = "unresolved";
    t->note = "relative to the publication date, which is unknown";
    t->value = Unknown(unit);
    return false;
  }
  *origin = *ctx.dct;
  return true;
}

// Sets t to a weekday relative to origin: offset -1 the last one before, +1 the next one
// after, 0 the one on or before (how news reports use a bare weekday), or on or after with
// prefer "future" ("will meet on Tuesday" written on a Tuesday is that day).
void WeekdayFrom(const CivilDate& origin, int offset, int weekday, const std::string& prefer,
                 Timex* t) {
  const int today = IsoWeekday(origin);
  int delta;
  if (offset == 0 && prefer == "future") {
    delta = ((weekday - today) + 7) % 7;
  } else if (offset < 0) {
    delta = -(((today - weekday) + 7) % 7);
    if (delta == 0) delta = -7;
    delta += (offset + 1) * 7;
  } else if (offset > 0) {
    delta = ((weekday - today) + 7) % 7;
    if (delta == 0) delta = 7;
    delta += (offset - 1) * 7;
  } else {
    delta = -(((today - weekday) + 7) % 7);
    t->weekday_on_or_before = true;
  }
  const CivilDate d = AddDays(origin, delta);
  t->value = FormatDate(d);
  t->granularity = Granularity::kDay;
  t->start = t->end = d;
}

// Sets t to the day, week, month or year `offset` units of unit away from origin.
void CountFrom(const CivilDate& origin, const std::string& unit, int offset, Timex* t) {
  if (unit == "day") {
    const CivilDate d = AddDays(origin, offset);
    t->value = FormatDate(d);
    t->granularity = Granularity::kDay;
    t->start = t->end = d;
  } else if (unit == "week") {
    const CivilDate d = AddDays(origin, static_cast<int64_t>(offset) * 7);
    const CivilDate monday = AddDays(d, 1 - IsoWeekday(d));
    int wy, wn;
    IsoWeek(d, &wy, &wn);
    t->value = fmt::format("{:04d}-W{:02d}", wy, wn);
    t->granularity = Granularity::kWeek;
    t->start = monday;
    t->end = AddDays(monday, 6);
  } else if (unit == "month") {
    const CivilDate d = AddMonths({origin.year, origin.month, 1}, offset);
    t->value = fmt::format("{:04d}-{:02d}", d.year, d.month);
    t->granularity = Granularity::kMonth;
    t->start = d;
    t->end = CivilDate{d.year, d.month, DaysInMonth(d.year, d.month)};
  } else if (unit == "quarter") {
    const int first_month = (origin.month - 1) / 3 * 3 + 1;
    const CivilDate d = AddMonths({origin.year, first_month, 1}, offset * 3);
    const CivilDate last = AddMonths(d, 2);
    t->value = fmt::format("{:04d}-Q{}", d.year, (d.month - 1) / 3 + 1);
    t->granularity = Granularity::kQuarter;
    t->start = d;
    t->end = CivilDate{last.year, last.month, DaysInMonth(last.year, last.month)};
  } else {
    const int y = origin.year + offset;
    t->value = fmt::format("{:04d}", y);
    t->granularity = Granularity::kYear;
    t->start = CivilDate{y, 1, 1};
    t->end = CivilDate{y, 12, 31};
  }
}

// Sets t to a relative date: `offset` units (or a weekday) from its origin.
bool Relative(const DateSpec& spec, const DateContext& ctx, Timex* t, std::string* error) {
  std::optional<int> offset, weekday;
  if (!EvalExpression(spec.rel_offset, ctx, &offset, error)) return false;
  if (!EvalExpression(spec.weekday, ctx, &weekday, error)) return false;
  std::string unit;
  if (!RelativeUnit(spec, ctx, &unit, error)) return false;
  CivilDate origin;
  if (!RelativeOrigin(spec, ctx, unit, t, &origin)) {
    t->near_unknown_dct = t->anchor == "unresolved" && spec.base.empty() && unit == "day" &&
                          (weekday || std::abs(offset.value_or(0)) <= 7);
    return true;
  }
  if (unit == "day" && weekday) {
    WeekdayFrom(origin, offset.value_or(0), *weekday, spec.prefer, t);
  } else {
    CountFrom(origin, unit, offset.value_or(0), t);
  }
  // A month of a relative year: "June last year", "Januari tahun ini".
  std::optional<int> month;
  if (!EvalExpression(spec.month, ctx, &month, error)) return false;
  if (month && unit == "year") {
    if (*month < 1 || *month > 12) {
      *error = fmt::format("month {} out of range", *month);
      return false;
    }
    CountFrom({t->start->year, *month, 1}, "month", 0, t);
  }
  return true;
}

// The fields of an absolute date rule's value; each is empty if its expression names a
// group that did not take part in the match.
struct DateFields {
  std::optional<int> year, month, day, day_end, month_end, year_end, quarter, half, season;
};

// Reads the fields of spec for one match. Two-digit years are of this century or the last
// (21/10/25).
bool ReadFields(const DateSpec& spec, const DateContext& ctx, DateFields* f, std::string* error) {
  if (!EvalExpression(spec.year, ctx, &f->year, error) ||
      !EvalExpression(spec.month, ctx, &f->month, error) ||
      !EvalExpression(spec.day, ctx, &f->day, error) ||
      !EvalExpression(spec.day_end, ctx, &f->day_end, error) ||
      !EvalExpression(spec.month_end, ctx, &f->month_end, error) ||
      !EvalExpression(spec.year_end, ctx, &f->year_end, error) ||
      !EvalExpression(spec.quarter, ctx, &f->quarter, error) ||
      !EvalExpression(spec.half, ctx, &f->half, error) ||
      !EvalExpression(spec.season, ctx, &f->season, error)) {
    return false;
  }
  auto century = [](const std::string& expr, std::optional<int>* y) {
    if (*y && **y < 100 && expr.find('@') == std::string::npos) **y += **y < 50 ? 2000 : 1900;
  };
  century(spec.year, &f->year);
  century(spec.year_end, &f->year_end);
  return true;
}

// Returns false and sets *error if a field is out of range, or if there is neither a year,
// a month, a quarter nor a half.
bool CheckFields(const DateFields& f, std::string* error) {
  const struct {
    const std::optional<int>& value;
    int low, high;
    const char* name;
  } ranges[] = {{f.month, 1, 12, "month"},    {f.month_end, 1, 12, "month"},
                {f.quarter, 1, 4, "quarter"}, {f.half, 1, 2, "half"},
                {f.season, 1, 4, "season"},   {f.day, 1, 31, "day"}};
  for (const auto& r : ranges) {
    if (r.value && (*r.value < r.low || *r.value > r.high)) {
      *error = fmt::format("{} {} out of range", r.name, *r.value);
      return false;
    }
  }
  if (!f.year && !f.month && !f.quarter && !f.half && !f.season) {
    *error = "a date rule needs at least a year or a month";
    return false;
  }
  return true;
}

// Returns the year of a month (and day) without one, from the publication date. News
// reports mostly look back: the year that puts the month within the nine months before the
// publication date or the three after it ("December 25" read in October is this year's;
// "March 3" is the past March). With "prefer": "past" the date is on or before the
// publication date ("Maret lalu"); with "future", on or after it.
int YearNearDct(const std::string& prefer, const CivilDate& dct, int month,
                const std::optional<int>& day, Timex* t) {
  int year = dct.year;
  const int ahead = month - dct.month;  // months after the publication date, this year
  if (prefer == "past") {
    if (ahead > 0 || (ahead == 0 && day && *day > dct.day)) year -= 1;
  } else if (prefer == "future") {
    if (ahead < 0 || (ahead == 0 && day && *day < dct.day)) year += 1;
  } else {
    if (ahead > 3) {
      year -= 1;
    } else if (ahead < -8) {
      year += 1;
    }
    t->year_from_dct = true;
  }
  return year;
}

// Gives f a year and t its anchor: the rule's own year ("absolute"), else one from the
// publication date ("dct": that year for a quarter or half, YearNearDct for a month).
// Returns false if the year is unknown: t is then unresolved and says why.
bool FillYear(const DateSpec& spec, const std::optional<CivilDate>& dct, DateFields* f, Timex* t) {
  if (f->year) {
    t->anchor = "absolute";
    return true;
  }
  if (!dct) {
    t->anchor = "unresolved";
    t->note = "no year, and the publication date is unknown";
    if (f->season) {  // "this summer"
      t->value = std::string("XXXX-") + kSeasons[*f->season - 1];
      t->granularity = Granularity::kSeason;
    } else if (!f->month) {  // "kuartal III", "the second half"
      t->value =
          f->quarter ? fmt::format("XXXX-Q{}", *f->quarter) : fmt::format("XXXX-H{}", *f->half);
      t->granularity = f->quarter ? Granularity::kQuarter : Granularity::kHalf;
    } else {
      t->value = f->day ? fmt::format("XXXX-{:02d}-{:02d}", *f->month, *f->day)
                        : fmt::format("XXXX-{:02d}", *f->month);
      t->granularity = f->day ? Granularity::kDay : Granularity::kMonth;
    }
    return false;
  }
  if (f->season) {
    // A season is near the publication date by its first month; "last fall" is the last
    // one over by then (by its last month: read in October 1998, 1997's).
    const int first = *f->season * 3;
    const int month = spec.prefer == "past" ? (first + 1) % 12 + 1 : first;
    f->year = YearNearDct(spec.prefer, *dct, month, std::nullopt, t);
    if (spec.prefer == "past" && month < first) f->year = *f->year - 1;  // winter: Dec-Feb
  } else {
    f->year = f->month ? YearNearDct(spec.prefer, *dct, *f->month, f->day, t) : dct->year;
  }
  t->anchor = "dct";
  return true;
}

// Sets the interval, granularity and value of t from fields with a year: a day or a range
// of days, a month or a range of months, a quarter, a half, or a year or a range of years.
// Returns false and sets *error if a day does not exist or a range ends before it starts.
bool FillInterval(const DateFields& f, Timex* t, std::string* error) {
  const int year = *f.year;
  const int month = f.month.value_or(0);
  const int y2 = f.year_end.value_or(year);
  if (y2 < year) {
    *error = fmt::format("range end {} is before its start {}", y2, year);
    return false;
  }
  if (f.day) {
    const int day = *f.day;
    if (!IsValidDate(year, month, day)) {
      *error = fmt::format("{:04d}-{:02d}-{:02d} is not a calendar day", year, month, day);
      return false;
    }
    const CivilDate start{year, month, day};
    CivilDate end = start;
    if (f.day_end || f.month_end) {
      const int m2 = f.month_end.value_or(month);
      const int d2 = f.day_end.value_or(day);
      if (!IsValidDate(y2, m2, d2) || !(start < CivilDate{y2, m2, d2})) {
        *error = fmt::format("range end {:04d}-{:02d}-{:02d} is not after its start", y2, m2, d2);
        return false;
      }
      end = {y2, m2, d2};
    }
    t->start = start;
    t->end = end;
    t->granularity = Granularity::kDay;
    t->value = end == start ? FormatDate(start) : FormatDate(start) + "/" + FormatDate(end);
  } else if (f.month) {
    t->start = CivilDate{year, month, 1};
    const int m2 = f.month_end.value_or(month);
    if (CivilDate{y2, m2, 1} < *t->start) {
      *error = fmt::format("range end {:04d}-{:02d} is before its start", y2, m2);
      return false;
    }
    t->end = CivilDate{y2, m2, DaysInMonth(y2, m2)};
    t->granularity = Granularity::kMonth;
    t->value = fmt::format("{:04d}-{:02d}", year, month);
    if (m2 != month || y2 != year) t->value += fmt::format("/{:04d}-{:02d}", y2, m2);
  } else if (f.season) {
    const CivilDate first{year, *f.season * 3, 1};
    const CivilDate last = AddMonths(first, 2);
    t->start = first;
    t->end = CivilDate{last.year, last.month, DaysInMonth(last.year, last.month)};
    t->granularity = Granularity::kSeason;
    t->value = fmt::format("{:04d}-{}", year, kSeasons[*f.season - 1]);
  } else if (f.quarter) {
    const int quarter = *f.quarter;
    t->start = CivilDate{year, (quarter - 1) * 3 + 1, 1};
    t->end = CivilDate{year, quarter * 3, DaysInMonth(year, quarter * 3)};
    t->granularity = Granularity::kQuarter;
    t->value = fmt::format("{:04d}-Q{}", year, quarter);
  } else if (f.half) {
    const int half = *f.half;
    t->start = CivilDate{year, half == 1 ? 1 : 7, 1};
    t->end = CivilDate{year, half == 1 ? 6 : 12, half == 1 ? 30 : 31};
    t->granularity = Granularity::kHalf;
    t->value = fmt::format("{:04d}-H{}", year, half);
  } else {
    t->start = CivilDate{year, 1, 1};
    t->end = CivilDate{y2, 12, 31};
    t->granularity = Granularity::kYear;
    t->value = fmt::format("{:04d}", year);
    if (y2 != year) t->value += fmt::format("/{:04d}", y2);
  }
  return true;
}

// Sets t to a decade ("the 1990s": value 199, 1990-01-01 .. 1999-12-31).
bool Decade(const DateSpec& spec, const DateContext& ctx, Timex* t, std::string* error) {
  std::optional<int> decade;
  if (!EvalExpression(spec.decade, ctx, &decade, error)) return false;
  if (!decade || *decade < 100 || *decade > 999) {
    *error = fmt::format("'{}' is not the first three digits of a decade's years", spec.decade);
    return false;
  }
  t->value = fmt::format("{:03d}", *decade);
  t->granularity = Granularity::kDecade;
  t->anchor = "absolute";
  t->start = CivilDate{*decade * 10, 1, 1};
  t->end = CivilDate{*decade * 10 + 9, 12, 31};
  ApplyMod(t->mod, ctx.dct, t);
  return true;
}

// Sets t to a duration, TIMEX3 style: "P3Y", "P1M", "PT24H" (units of the day after a
// "T"), "PXY" when the amount is not said ("years"). A duration is no point in time: it
// has no interval.
bool Duration(const DateSpec& spec, const DateContext& ctx, Timex* t, std::string* error) {
  std::optional<int> amount;
  std::string unit;
  if (!EvalExpression(spec.dur_amount, ctx, &amount, error) ||
      !EvalWord(spec.dur_unit, ctx, &unit, error)) {
    return false;
  }
  static const char* const kUnits[] = {"Y", "M", "W", "D", "H", "MIN", "S", "DE", "CE", "Q", "WE"};
  if (std::find(std::begin(kUnits), std::end(kUnits), unit) == std::end(kUnits)) {
    *error = fmt::format("'{}' is not a duration unit", unit);
    return false;
  }
  const bool of_day = unit == "H" || unit == "MIN" || unit == "S";
  t->value = fmt::format("P{}{}{}", of_day ? "T" : "", amount ? std::to_string(*amount) : "X",
                         unit == "MIN" ? "M" : unit);
  t->granularity = Granularity::kNone;
  t->anchor = "absolute";
  return true;
}

// Adds the time of day of spec to a day (or an unknown day): "2023-06-14TMO",
// "2023-06-14T20:00". Returns false and sets *error if the hour or minute is out of range;
// sets *added if there was a time to add.
bool AddTime(const DateSpec& spec, const DateContext& ctx, Timex* t, bool* added,
             std::string* error) {
  *added = false;
  std::string part;
  std::optional<int> hour, minute, meridiem;
  if (!EvalWord(spec.time_part, ctx, &part, error) ||
      !EvalExpression(spec.hour, ctx, &hour, error) ||
      !EvalExpression(spec.minute, ctx, &minute, error) ||
      !EvalExpression(spec.meridiem, ctx, &meridiem, error)) {
    return false;
  }
  if (part.empty() && !hour) return true;
  if (hour && meridiem) *hour = *hour % 12 + *meridiem;
  if (hour && (*hour < 0 || *hour > 24 || minute.value_or(0) < 0 || minute.value_or(0) > 59)) {
    *error = fmt::format("{}:{:02d} is not a time of day", *hour, minute.value_or(0));
    return false;
  }
  const bool day = t->value == "XXXX-XX-XX" ||
                   (t->granularity == Granularity::kDay && t->value.find('/') == std::string::npos);
  if (!day) return true;  // "this week at 8 p.m." stays the week
  t->value += hour ? fmt::format("T{:02d}:{:02d}", *hour, minute.value_or(0)) : "T" + part;
  *added = true;
  return true;
}

// Returns true if spec gives a time of day and no day ("pukul 15.00 WIB").
bool TimeOnly(const DateSpec& spec) {
  return (!spec.hour.empty() || !spec.time_part.empty()) && spec.year.empty() &&
         spec.month.empty() && spec.quarter.empty() && spec.half.empty() && spec.season.empty() &&
         spec.decade.empty() && spec.rel_unit.empty();
}

// Sets t to the day of a time told without one: the publication date's, as TimeML reads
// it, marked no_day so that no event takes it (the story's day is often another).
void UnsaidDay(const std::optional<CivilDate>& dct, Timex* t) {
  t->no_day = true;
  t->granularity = Granularity::kDay;
  if (!dct) {
    t->value = "XXXX-XX-XX";
    t->anchor = "unresolved";
    t->note = "a time of day without its day, and the publication date is unknown";
    return;
  }
  t->value = FormatDate(*dct);
  t->start = t->end = *dct;
  t->anchor = "dct";
}

// Sets t to a vague date (PAST_REF, PRESENT_REF, FUTURE_REF): up to, at or from the
// publication date, if it is known.
void FillVague(const std::string& vague, const std::optional<CivilDate>& dct, Timex* t) {
  t->value = vague;
  t->anchor = "vague";
  if (dct && vague == "PAST_REF") {
    t->end = *dct;
  } else if (dct && vague == "FUTURE_REF") {
    t->start = *dct;
  } else if (dct && vague == "PRESENT_REF") {
    t->start = t->end = *dct;
  }
}

// Sets t to an absolute date, or one that takes its year from the publication date.
bool Absolute(const DateSpec& spec, const DateContext& ctx, Timex* t, std::string* error) {
  DateFields f;
  if (!ReadFields(spec, ctx, &f, error) || !CheckFields(f, error)) return false;
  if (!FillYear(spec, ctx.dct, &f, t)) return true;  // unresolved
  if (!FillInterval(f, t, error)) return false;
  ApplyMod(t->mod, ctx.dct, t);
  return true;
}

// Sets *n to offset units of unit counted in units of the granularity g ("year" in
// quarters: 4 each). Returns false if unit is finer than g or no unit of months (days
// count only in days).
bool InUnitsOf(const std::string& unit, Granularity g, int offset, int* n) {
  if (g == Granularity::kDay) {  // a clock time on the day told
    *n = offset;
    return unit == "day";
  }
  auto months = [](std::string_view u) {
    return u == "month" ? 1 : u == "quarter" ? 3 : u == "year" ? 12 : 0;
  };
  const int um = months(unit);
  const int gm = months(GranularityName(g));
  if (um == 0 || gm == 0 || um < gm) return false;
  *n = offset * (um / gm);
  return true;
}

// Moves t to the first date of the reference's granularity the document told before,
// shifted by the reference's offset ("a year ago" after "the third quarter": that quarter a
// year before). Leaves t as it is if there is no such date or the unit is finer.
bool FromReference(const DateSpec& spec, const DateContext& ctx, Timex* t, std::string* error) {
  if (spec.ref_granularity.empty() || ctx.told == nullptr) return true;
  const std::optional<Timex>* told = nullptr;
  for (size_t g = 0; g < ctx.told->size(); ++g) {
    if (spec.ref_granularity == GranularityName(static_cast<Granularity>(g))) {
      told = &(*ctx.told)[g];
    }
  }
  if (told == nullptr || !*told || !(*told)->start) return true;
  std::string unit;
  std::optional<int> offset, year;
  if (!EvalWord(spec.ref_unit, ctx, &unit, error) ||
      !EvalExpression(spec.ref_offset, ctx, &offset, error) ||
      !EvalExpression(spec.ref_year, ctx, &year, error)) {
    return false;
  }
  int n = 0;
  if (!InUnitsOf(unit, (*told)->granularity, offset.value_or(0), &n)) return true;
  CivilDate origin = *(*told)->start;
  if (year) origin.year = *year;
  Timex r;
  CountFrom(origin, GranularityName((*told)->granularity), n, &r);
  r.type = t->type;
  r.mod = t->mod;
  r.anchor = (*told)->anchor;
  r.no_day = t->no_day;
  *t = std::move(r);
  ApplyMod(t->mod, ctx.dct, t);
  return true;
}

}  // namespace

void RecordTold(const Timex& t, const std::optional<CivilDate>& dct, ToldDates* told) {
  if ((t.type != "DATE" && t.type != "TIME") || t.no_day || !Resolved(t) ||
      t.granularity == Granularity::kNone) {
    return;
  }
  if (dct && *dct < *t.start) return;  // "expects a rise in the fourth quarter"
  std::optional<Timex>& first = (*told)[static_cast<size_t>(t.granularity)];
  if (!first) first = t;
}

bool NormalizeDate(const DateSpec& spec, const DateContext& ctx, Timex* out, std::string* error) {
  Timex t;
  if (!EvalWord(spec.mod, ctx, &t.mod, error)) return false;
  if (!spec.vague.empty()) {
    FillVague(spec.vague, ctx.dct, &t);
  } else if (!spec.dur_unit.empty()) {
    if (!Duration(spec, ctx, &t, error)) return false;
  } else if (!spec.rel_unit.empty()) {
    if (!Relative(spec, ctx, &t, error)) return false;
    ApplyMod(t.mod, ctx.dct, &t);
  } else if (!spec.decade.empty()) {
    if (!Decade(spec, ctx, &t, error)) return false;
  } else if (TimeOnly(spec)) {
    UnsaidDay(ctx.dct, &t);
  } else if (!Absolute(spec, ctx, &t, error)) {
    return false;
  }
  if (!FromReference(spec, ctx, &t, error)) return false;
  bool time = false;
  if (!AddTime(spec, ctx, &t, &time, error)) return false;
  t.type = !spec.type.empty()       ? spec.type
           : !spec.dur_unit.empty() ? "DURATION"
           : time                   ? "TIME"
                                    : "DATE";
  *out = std::move(t);
  return true;
}

}  // namespace newsgraph
