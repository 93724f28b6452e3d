#include "base/calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace newsgraph {

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(const CivilDate& d) {
  const int64_t y = d.year - (d.month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2));
  return {year, month, day};
}

int IsoWeekday(const CivilDate& d) {
  const int64_t z = DaysFromCivil(d);       // 1970-01-01 was a Thursday (4)
  const int64_t w = ((z % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

int DaysInMonth(int year, int month) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

std::string FormatDate(const CivilDate& d) {
  return fmt::format("{:04d}-{:02d}-{:02d}", d.year, d.month, d.day);
}

bool ParseIsoDate(std::string_view text, CivilDate* out) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
  int v[3] = {0, 0, 0};
  const size_t pos[3] = {0, 5, 8};
  const size_t len[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = 0; i < len[k]; ++i) {
      const char c = text[pos[k] + i];
      if (c < '0' || c > '9') return false;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
  if (!IsValidDate(v[0], v[1], v[2])) return false;
  *out = {v[0], v[1], v[2]};
  return true;
}

const char* GranularityName(Granularity g) {
  switch (g) {
    case Granularity::kNone:
      return "none";
    case Granularity::kDay:
      return "day";
    case Granularity::kWeek:
      return "week";
    case Granularity::kMonth:
      return "month";
    case Granularity::kQuarter:
      return "quarter";
    case Granularity::kHalf:
      return "half";
    case Granularity::kYear:
      return "year";
    case Granularity::kDecade:
      return "decade";
    case Granularity::kSeason:
      return "season";
  }
  return "none";
}

namespace {

// Returns the part of an unresolved value after its unknown year ("XXXX-04" -> "-04").
std::string_view AfterYear(const std::string& v) {
  return v.size() >= 4 ? std::string_view(v).substr(4) : std::string_view();
}

}  // namespace

bool TimexCompatible(const Timex& a, const Timex& b) {
  if (a.value.empty() || b.value.empty()) return true;
  const bool ax = a.value.rfind("XXXX", 0) == 0;
  const bool bx = b.value.rfind("XXXX", 0) == 0;
  if (ax || bx) {
    // Compare what is known: the month (and day) after the unknown year.
    const std::string_view sa = AfterYear(a.value), sb = AfterYear(b.value);
    if (sa.empty() || sb.empty() || sa.find('X') != std::string_view::npos ||
        sb.find('X') != std::string_view::npos) {
      return true;
    }
    return sa.substr(0, std::min(sa.size(), sb.size())) ==
           sb.substr(0, std::min(sa.size(), sb.size()));
  }
  // Intervals, with a missing end open.
  if (a.start && b.end && *b.end < *a.start) return false;
  if (b.start && a.end && *a.end < *b.start) return false;
  return true;
}

const Timex& MorePrecise(const Timex& a, const Timex& b) {
  if (!Resolved(a)) return Resolved(b) ? b : (a.value.empty() ? b : a);
  if (!Resolved(b)) return a;
  const int64_t wa = DaysFromCivil(*a.end) - DaysFromCivil(*a.start);
  const int64_t wb = DaysFromCivil(*b.end) - DaysFromCivil(*b.start);
  if (wa != wb) return wa < wb ? a : b;
  return a.value <= b.value ? a : b;
}

std::string TimexKey(const Timex& t) {
  std::string key = t.value;
  if (!t.mod.empty()) key += ";" + t.mod;
  if (!t.link.empty() && t.anchor == "unresolved") key += "@" + t.link;
  return key;
}

}  // namespace newsgraph
