#include "extract/dates.h"

#include <fmt/format.h>

#include <cstdlib>

namespace newsgraph {

namespace {

CivilDate AddDays(const CivilDate& d, int64_t n) { return CivilFromDays(DaysFromCivil(d) + n); }

CivilDate AddMonths(const CivilDate& d, int n) {
  int m0 = d.year * 12 + (d.month - 1) + n;
  const int year = m0 / 12;
  const int month = m0 % 12 + 1;
  return {year, month, std::min(d.day, DaysInMonth(year, month))};
}

// Parses a decimal integer, allowing '.' thousands separators ("1.302").
bool ParseInt(std::string_view s, int* out) {
  int sign = 1;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  long v = 0;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      digit = true;
      if (v > 100000000) return false;
    } else if (c != '.' && c != ',') {
      return false;
    }
  }
  if (!digit) return false;
  *out = sign * static_cast<int>(v);
  return true;
}

// Evaluates an expression (see dates.h). *present is false if it names a group that did
// not take part in the match (or the expression is empty).
bool Eval(const std::string& expr, const DateContext& ctx, int* out, bool* present,
          std::string* error) {
  *present = false;
  if (expr.empty()) return true;
  std::string_view e = expr;
  int sign = 1;
  if (e[0] == '-' || e[0] == '+') {
    sign = e[0] == '-' ? -1 : 1;
    e.remove_prefix(1);
  }
  // A literal adjustment after a group: "$n-1".
  int adjust = 0;
  const size_t k = e.find_last_of("+-");
  if (k != std::string_view::npos && k > 0 && !e.empty() && e[0] == '$') {
    if (!ParseInt(e.substr(k + 1), &adjust)) {
      *error = fmt::format("'{}' is not an adjustment", expr);
      return false;
    }
    if (e[k] == '-') adjust = -adjust;
    e = e.substr(0, k);
  }
  if (e.empty() || e[0] != '$') {
    if (!ParseInt(e, out)) {
      *error = fmt::format("'{}' is not an integer", expr);
      return false;
    }
    *out *= sign;
    *present = true;
    return true;
  }
  e.remove_prefix(1);
  const size_t at = e.find('@');
  const std::string_view group = e.substr(0, at);
  const std::string text = ctx.group(group);
  if (text.empty()) return true;
  std::string value = text;
  if (at != std::string_view::npos) {
    const std::string_view list = e.substr(at + 1);
    int digits;
    // Digits pass through a word list: "$n@NUMBER" reads both "tiga" and "3".
    if (!ctx.lookup(list, text, &value) && !ParseInt(text, &digits)) {
      *error = fmt::format("'{}' is not in list {}", text, list);
      return false;
    }
  }
  if (!ParseInt(value, out)) {
    *error = fmt::format("group {} = '{}' is not a number", group, value);
    return false;
  }
  *out = sign * (*out + adjust);
  *present = true;
  return true;
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

// Returns the placeholder value of an unresolved relative date of unit.
std::string Unknown(const std::string& unit) {
  if (unit == "week") return "XXXX-WXX";
  if (unit == "month") return "XXXX-XX";
  if (unit == "year") return "XXXX";
  return "XXXX-XX-XX";
}

bool Relative(const DateSpec& spec, const DateContext& ctx, Timex* t, std::string* error) {
  int offset = 0;
  bool has_offset = false;
  if (!Eval(spec.rel_offset, ctx, &offset, &has_offset, error)) return false;
  int weekday = 0;
  bool has_weekday = false;
  if (!Eval(spec.weekday, ctx, &weekday, &has_weekday, error)) return false;
  // The unit: a word, or a group mapped through a list ("$u@UNIT": "pekan" -> "week").
  std::string unit = spec.rel_unit;
  if (!unit.empty() && unit[0] == '$') {
    const size_t at = unit.find('@');
    const std::string text = ctx.group(std::string_view(unit).substr(1, at - 1));
    if (at == std::string::npos ||
        !ctx.lookup(std::string_view(unit).substr(at + 1), text, &unit)) {
      *error = fmt::format("'{}' is not a unit in {}", text, spec.rel_unit);
      return false;
    }
  }
  if (unit != "day" && unit != "week" && unit != "month" && unit != "year") {
    *error = fmt::format("unknown relative unit '{}'", unit);
    return false;
  }
  // The origin: the publication date, or the anchor named by `base`.
  std::optional<CivilDate> origin = ctx.dct;
  t->anchor = "dct";
  if (!spec.base.empty()) {
    const std::string_view b = std::string_view(spec.base).substr(spec.base[0] == '$');
    const size_t at = b.find('@');
    const std::string text = ctx.group(b.substr(0, at));
    // The longest leading part of the anchor's text that the list knows: "pelantikan
    // Prabowo sebagai presiden" finds "pelantikan Prabowo".
    std::string iso;
    CivilDate d;
    bool known = false;
    if (at != std::string_view::npos) {
      std::string_view head = text;
      while (!head.empty() && !known) {
        known = ctx.lookup(b.substr(at + 1), head, &iso) && ParseIsoDate(iso, &d);
        const size_t space = head.find_last_of(' ');
        head = head.substr(0, space == std::string_view::npos ? 0 : space);
      }
    }
    t->link = std::string(text);
    if (known) {
      origin = d;
      t->anchor = "event";
    } else {
      t->anchor = "unresolved";
      t->note = fmt::format("counted from \"{}\", whose date is unknown", text);
      t->value = Unknown(unit);
      t->granularity = unit == "week"    ? Granularity::kWeek
                       : unit == "month" ? Granularity::kMonth
                       : unit == "year"  ? Granularity::kYear
                                         : Granularity::kDay;
      return true;
    }
  }
  if (!origin) {
    t->anchor = "unresolved";
    t->note = "relative to the publication date, which is unknown";
    t->value = Unknown(unit);
    return true;
  }
  const CivilDate dct = *origin;
  if (unit == "day" && has_weekday) {
    // Weekday relative to the publication date: -1 the last one before, +1 the next one
    // after, 0 the one on or before (how news reports use a bare weekday).
    const int today = IsoWeekday(dct);
    int delta;
    if (offset < 0) {
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
    const CivilDate d = AddDays(dct, delta);
    t->value = FormatDate(d);
    t->granularity = Granularity::kDay;
    t->start = t->end = d;
    return true;
  }
  if (unit == "day") {
    const CivilDate d = AddDays(dct, offset);
    t->value = FormatDate(d);
    t->granularity = Granularity::kDay;
    t->start = t->end = d;
  } else if (unit == "week") {
    const CivilDate d = AddDays(dct, static_cast<int64_t>(offset) * 7);
    const CivilDate monday = AddDays(d, 1 - IsoWeekday(d));
    int wy, wn;
    IsoWeek(d, &wy, &wn);
    t->value = fmt::format("{:04d}-W{:02d}", wy, wn);
    t->granularity = Granularity::kWeek;
    t->start = monday;
    t->end = AddDays(monday, 6);
  } else if (unit == "month") {
    const CivilDate d = AddMonths({dct.year, dct.month, 1}, offset);
    t->value = fmt::format("{:04d}-{:02d}", d.year, d.month);
    t->granularity = Granularity::kMonth;
    t->start = d;
    t->end = CivilDate{d.year, d.month, DaysInMonth(d.year, d.month)};
  } else {
    const int y = dct.year + offset;
    t->value = fmt::format("{:04d}", y);
    t->granularity = Granularity::kYear;
    t->start = CivilDate{y, 1, 1};
    t->end = CivilDate{y, 12, 31};
  }
  return true;
}

}  // namespace

bool NormalizeDate(const DateSpec& spec, const DateContext& ctx, Timex* out, std::string* error) {
  Timex t;
  std::string mod = spec.mod;
  if (!mod.empty() && mod[0] == '$') {
    const size_t at = mod.find('@');
    const std::string text = ctx.group(std::string_view(mod).substr(1, at - 1));
    mod.clear();
    if (!text.empty() && at != std::string::npos &&
        !ctx.lookup(std::string_view(spec.mod).substr(at + 1), text, &mod)) {
      *error = fmt::format("'{}' is not in list {}", text, spec.mod.substr(at + 1));
      return false;
    }
  }
  t.mod = mod;

  if (!spec.vague.empty()) {
    t.value = spec.vague;
    t.anchor = "vague";
    if (ctx.dct && spec.vague == "PAST_REF") {
      t.end = *ctx.dct;
    } else if (ctx.dct && spec.vague == "FUTURE_REF") {
      t.start = *ctx.dct;
    } else if (ctx.dct && spec.vague == "PRESENT_REF") {
      t.start = t.end = *ctx.dct;
    }
    *out = std::move(t);
    return true;
  }
  if (!spec.rel_unit.empty()) {
    if (!Relative(spec, ctx, &t, error)) return false;
    ApplyMod(t.mod, ctx.dct, &t);
    *out = std::move(t);
    return true;
  }

  int year = 0, month = 0, day = 0, day_end = 0, month_end = 0, year_end = 0, quarter = 0, half = 0;
  bool has_year, has_month, has_day, has_day_end, has_month_end, has_year_end, has_quarter,
      has_half;
  if (!Eval(spec.year, ctx, &year, &has_year, error) ||
      !Eval(spec.month, ctx, &month, &has_month, error) ||
      !Eval(spec.day, ctx, &day, &has_day, error) ||
      !Eval(spec.day_end, ctx, &day_end, &has_day_end, error) ||
      !Eval(spec.month_end, ctx, &month_end, &has_month_end, error) ||
      !Eval(spec.year_end, ctx, &year_end, &has_year_end, error) ||
      !Eval(spec.quarter, ctx, &quarter, &has_quarter, error) ||
      !Eval(spec.half, ctx, &half, &has_half, error)) {
    return false;
  }
  // Two-digit years: 21/10/25.
  if (has_year && year < 100 && spec.year.find('@') == std::string::npos) {
    year += year < 50 ? 2000 : 1900;
  }
  if (has_year_end && year_end < 100 && spec.year_end.find('@') == std::string::npos) {
    year_end += year_end < 50 ? 2000 : 1900;
  }
  if (has_month && (month < 1 || month > 12)) {
    *error = fmt::format("month {} out of range", month);
    return false;
  }
  if (has_month_end && (month_end < 1 || month_end > 12)) {
    *error = fmt::format("month {} out of range", month_end);
    return false;
  }
  if (has_quarter && (quarter < 1 || quarter > 4)) {
    *error = fmt::format("quarter {} out of range", quarter);
    return false;
  }
  if (has_half && (half < 1 || half > 2)) {
    *error = fmt::format("half {} out of range", half);
    return false;
  }
  if (has_day && (day < 1 || day > 31)) {
    *error = fmt::format("day {} out of range", day);
    return false;
  }
  if (!has_year && !has_month && !has_quarter && !has_half) {
    *error = "a date rule needs at least a year or a month";
    return false;
  }
  if (!has_year && !has_month) {
    // "kuartal III", "the second half": of the publication date's year.
    if (!ctx.dct) {
      t.anchor = "unresolved";
      t.note = "no year, and the publication date is unknown";
      t.value = has_quarter ? fmt::format("XXXX-Q{}", quarter) : fmt::format("XXXX-H{}", half);
      t.granularity = has_quarter ? Granularity::kQuarter : Granularity::kHalf;
      *out = std::move(t);
      return true;
    }
    year = ctx.dct->year;
    t.anchor = "dct";
  } else if (!has_year) {
    // Year from the publication date: the year that puts the day nearest to it.
    if (!ctx.dct) {
      t.anchor = "unresolved";
      t.note = "no year, and the publication date is unknown";
      t.value = has_day ? fmt::format("XXXX-{:02d}-{:02d}", month, day)
                        : fmt::format("XXXX-{:02d}", month);
      t.granularity = has_day ? Granularity::kDay : Granularity::kMonth;
      *out = std::move(t);
      return true;
    }
    // Year from the publication date. News reports mostly look back: the year that puts
    // the month within the nine months before the publication date or the three after it
    // ("December 25" read in October is this year's; "March 3" is the past March). With
    // "prefer": "past" the date is on or before the publication date ("Maret lalu").
    const CivilDate dct = *ctx.dct;
    year = dct.year;
    const int ahead = month - dct.month;  // months after the publication date, this year
    if (spec.prefer == "past") {
      if (ahead > 0 || (ahead == 0 && has_day && day > dct.day)) year -= 1;
    } else if (spec.prefer == "future") {
      if (ahead < 0 || (ahead == 0 && has_day && day < dct.day)) year += 1;
    } else {
      if (ahead > 3) {
        year -= 1;
      } else if (ahead < -8) {
        year += 1;
      }
      t.year_from_dct = true;
    }
    t.anchor = "dct";
  } else {
    t.anchor = "absolute";
  }
  const int y2 = has_year_end ? year_end : year;
  if (y2 < year) {
    *error = fmt::format("range end {} is before its start {}", y2, year);
    return false;
  }
  if (has_day) {
    if (!IsValidDate(year, month, day)) {
      *error = fmt::format("{:04d}-{:02d}-{:02d} is not a calendar day", year, month, day);
      return false;
    }
    const CivilDate start{year, month, day};
    CivilDate end = start;
    if (has_day_end || has_month_end) {
      const int m2 = has_month_end ? month_end : month;
      const int d2 = has_day_end ? day_end : day;
      if (!IsValidDate(y2, m2, d2) || !(start < CivilDate{y2, m2, d2})) {
        *error = fmt::format("range end {:04d}-{:02d}-{:02d} is not after its start", y2, m2, d2);
        return false;
      }
      end = {y2, m2, d2};
    }
    t.start = start;
    t.end = end;
    t.granularity = Granularity::kDay;
    t.value = end == start ? FormatDate(start) : FormatDate(start) + "/" + FormatDate(end);
  } else if (has_month) {
    t.start = CivilDate{year, month, 1};
    const int m2 = has_month_end ? month_end : month;
    if (CivilDate{y2, m2, 1} < *t.start) {
      *error = fmt::format("range end {:04d}-{:02d} is before its start", y2, m2);
      return false;
    }
    t.end = CivilDate{y2, m2, DaysInMonth(y2, m2)};
    t.granularity = Granularity::kMonth;
    t.value = fmt::format("{:04d}-{:02d}", year, month);
    if (m2 != month || y2 != year) t.value += fmt::format("/{:04d}-{:02d}", y2, m2);
  } else if (has_quarter) {
    t.start = CivilDate{year, (quarter - 1) * 3 + 1, 1};
    t.end = CivilDate{year, quarter * 3, DaysInMonth(year, quarter * 3)};
    t.granularity = Granularity::kQuarter;
    t.value = fmt::format("{:04d}-Q{}", year, quarter);
  } else if (has_half) {
    t.start = CivilDate{year, half == 1 ? 1 : 7, 1};
    t.end = CivilDate{year, half == 1 ? 6 : 12, half == 1 ? 30 : 31};
    t.granularity = Granularity::kHalf;
    t.value = fmt::format("{:04d}-H{}", year, half);
  } else {
    t.start = CivilDate{year, 1, 1};
    t.end = CivilDate{y2, 12, 31};
    t.granularity = Granularity::kYear;
    t.value = fmt::format("{:04d}", year);
    if (y2 != year) t.value += fmt::format("/{:04d}", y2);
  }
  ApplyMod(t.mod, ctx.dct, &t);
  *out = std::move(t);
  return true;
}

}  // namespace newsgraph
