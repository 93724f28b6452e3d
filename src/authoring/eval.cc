#include "authoring/eval.h"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "base/json_writer.h"
#include "base/text.h"

namespace newsgraph {

namespace {

// Returns the 1-based column (in code points) of byte offset in line.
int ColumnOf(std::string_view line, size_t offset) {
  int col = 1;
  for (size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
}

// Returns the column of the value of "key" in a one-line JSON object (0 if not found), so
// that a problem with a field points at it.
int KeyColumn(std::string_view line, std::string_view key) {
  const std::string quoted = fmt::format("\"{}\"", key);
  const size_t at = line.find(quoted);
  if (at == std::string_view::npos) return 0;
  size_t v = line.find(':', at + quoted.size());
  if (v == std::string_view::npos) return ColumnOf(line, at);
  ++v;
  while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
  return ColumnOf(line, v);
}

bool ParseDigits(std::string_view s, int* out) {
  if (s.empty()) return false;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  *out = n;
  return true;
}

bool IsKnownIdPrefix(std::string_view id) {
  for (const char* p : {"person:", "org:", "gpe:", "place:", "source:"}) {
    if (id.rfind(p, 0) == 0 && id.size() > std::string_view(p).size()) return true;
  }
  return false;
}

// Returns true if type `narrow` refines `wide` through `parent` links (not if equal).
bool Refines(const std::string& narrow, const std::string& wide, const RuleSet& rules) {
  const EventType* t = rules.Type(narrow);
  for (int depth = 0; t != nullptr && depth < 16; ++depth) {
    if (t->parent.empty()) return false;
    if (t->parent == wide) return true;
    t = rules.Type(t->parent);
  }
  return false;
}

// Returns true if name occurs in text with no word character right before or after it.
bool OccursAsWord(std::string_view text, std::string_view name) {
  if (name.empty()) return false;
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    bool ok = true;
    if (at > 0) {
      size_t b = at - 1;
      while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
      char32_t cp;
      int len;
      if (DecodeUtf8(text, b, &cp, &len) && IsWordChar(cp)) ok = false;
    }
    const size_t end = at + name.size();
    if (ok && end < text.size()) {
      char32_t cp;
      int len;
      if (DecodeUtf8(text, end, &cp, &len) && IsWordChar(cp)) ok = false;
    }
    if (ok) return true;
  }
  return false;
}

std::string FormatLocation(const Location& loc) {
  return loc.line > 0 ? fmt::format("{}:{}", loc.file, loc.line) : loc.file;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Gold

std::vector<std::string> GoldSet::Docs() const {
  std::set<std::string> docs;
  for (const GoldEvent& e : events) docs.insert(e.doc);
  for (const GoldEntity& e : entities) docs.insert(e.doc);
  return {docs.begin(), docs.end()};
}

Location GoldSet::FirstLine(const std::string& doc) const {
  // Lines are appended file by file, so the earliest is the one with the lowest
  // (file order, line).
  Location best;
  size_t best_file = files.size();
  auto consider = [&](const Location& loc) {
    size_t f = std::find(files.begin(), files.end(), loc.file) - files.begin();
    if (best.file.empty() || f < best_file || (f == best_file && loc.line < best.line)) {
      best = loc;
      best_file = f;
    }
  };
  for (const GoldEvent& e : events) {
    if (e.doc == doc) consider(e.location);
  }
  for (const GoldEntity& e : entities) {
    if (e.doc == doc) consider(e.location);
  }
  return best;
}

bool ParseTimexValue(std::string_view v, Timex* out) {
  Timex t;
  t.value = std::string(v);
  if (v == "PAST_REF" || v == "PRESENT_REF" || v == "FUTURE_REF") {
    t.anchor = "vague";
    *out = t;
    return true;
  }
  if (v.size() < 4) return false;
  const std::string_view year_part = v.substr(0, 4);
  const std::string_view rest = v.substr(4);
  int year = 0;
  if (year_part == "XXXX") {
    // The year is unknown: only the month (and day) can be compared.
    int month = 0, day = 0;
    if (rest.size() == 3 && rest[0] == '-' && ParseDigits(rest.substr(1), &month) && month >= 1 &&
        month <= 12) {
      t.granularity = Granularity::kMonth;
    } else if (rest.size() == 6 && rest[0] == '-' && rest[3] == '-' &&
               ParseDigits(rest.substr(1, 2), &month) && ParseDigits(rest.substr(4), &day) &&
               IsValidDate(2000, month, day)) {  // 2000 is a leap year: 02-29 is allowed
      t.granularity = Granularity::kDay;
    } else {
      return false;
    }
    t.anchor = "unresolved";
    *out = t;
    return true;
  }
  if (!ParseDigits(year_part, &year)) return false;
  t.anchor = "absolute";
  auto set = [&](CivilDate s, CivilDate e, Granularity g) {
    t.start = s;
    t.end = e;
    t.granularity = g;
  };
  int a = 0, b = 0;
  if (rest.empty()) {
    set({year, 1, 1}, {year, 12, 31}, Granularity::kYear);
  } else if (rest.size() == 3 && rest[0] == '-' && ParseDigits(rest.substr(1), &a) && a >= 1 &&
             a <= 12) {
    set({year, a, 1}, {year, a, DaysInMonth(year, a)}, Granularity::kMonth);
  } else if (rest.size() == 6 && rest[0] == '-' && rest[3] == '-' &&
             ParseDigits(rest.substr(1, 2), &a) && ParseDigits(rest.substr(4), &b) &&
             IsValidDate(year, a, b)) {
    set({year, a, b}, {year, a, b}, Granularity::kDay);
  } else if (rest.size() == 3 && rest.substr(0, 2) == "-Q" && ParseDigits(rest.substr(2), &a) &&
             a >= 1 && a <= 4) {
    set({year, 3 * a - 2, 1}, {year, 3 * a, DaysInMonth(year, 3 * a)}, Granularity::kQuarter);
  } else if (rest.size() == 3 && rest.substr(0, 2) == "-H" && ParseDigits(rest.substr(2), &a) &&
             a >= 1 && a <= 2) {
    set({year, 6 * a - 5, 1}, {year, 6 * a, DaysInMonth(year, 6 * a)}, Granularity::kHalf);
  } else if (rest.size() == 4 && rest.substr(0, 2) == "-W" && ParseDigits(rest.substr(2), &a) &&
             a >= 1 && a <= 53) {
    // ISO 8601: week 1 holds 4 January; weeks start on Monday.
    const CivilDate jan4{year, 1, 4};
    const int64_t monday = DaysFromCivil(jan4) - (IsoWeekday(jan4) - 1) + 7 * (a - 1);
    // 28 December is always in the last week of its year: week 53 exists only if it is
    // that week.
    const CivilDate dec28{year, 12, 28};
    if (monday > DaysFromCivil(dec28) - (IsoWeekday(dec28) - 1)) return false;
    set(CivilFromDays(monday), CivilFromDays(monday + 6), Granularity::kWeek);
  } else {
    return false;
  }
  *out = t;
  return true;
}

bool ParseGold(const std::string& file, std::string_view text, const RuleSet& rules, GoldSet* gold,
               Diagnostics* diags) {
  if (std::find(gold->files.begin(), gold->files.end(), file) == gold->files.end()) {
    gold->files.push_back(file);
  }
  const int errors_before = diags->error_count();
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto error = [&](int col, const std::string& msg) {
      diags->Error({file, line_no, col}, msg, line);
    };
    auto warning = [&](int col, const std::string& msg) {
      diags->Warning({file, line_no, col}, msg, line);
    };
    rapidjson::Document d;
    d.Parse(line.data(), line.size());
    if (d.HasParseError()) {
      error(ColumnOf(line, d.GetErrorOffset()),
            fmt::format("invalid JSON: {}", rapidjson::GetParseError_En(d.GetParseError())));
      continue;
    }
    if (!d.IsObject()) {
      error(1, "a gold line must be a JSON object");
      continue;
    }
    // Returns the string member key ("" if absent); reports a wrong type.
    bool line_ok = true;
    auto str = [&](const char* key, bool required) -> std::string {
      auto it = d.FindMember(key);
      if (it == d.MemberEnd()) {
        if (required) {
          error(0, fmt::format("missing \"{}\"", key));
          line_ok = false;
        }
        return "";
      }
      if (!it->value.IsString() || it->value.GetStringLength() == 0) {
        error(KeyColumn(line, key), fmt::format("\"{}\" must be a non-empty string", key));
        line_ok = false;
        return "";
      }
      return std::string(it->value.GetString(), it->value.GetStringLength());
    };
    auto strings = [&](const char* key) -> std::vector<std::string> {
      std::vector<std::string> out;
      auto it = d.FindMember(key);
      if (it == d.MemberEnd()) {
        error(0, fmt::format("missing \"{}\"", key));
        line_ok = false;
        return out;
      }
      bool ok = it->value.IsArray() && !it->value.Empty();
      if (ok) {
        for (const auto& v : it->value.GetArray()) {
          if (!v.IsString() || v.GetStringLength() == 0) {
            ok = false;
            break;
          }
          out.emplace_back(v.GetString(), v.GetStringLength());
        }
      }
      if (!ok) {
        error(KeyColumn(line, key),
              fmt::format("\"{}\" must be a non-empty array of non-empty strings", key));
        line_ok = false;
        out.clear();
      }
      return out;
    };
    const std::string doc = str("doc", true);
    const std::string kind = str("kind", true);
    if (!line_ok) continue;
    std::vector<std::string> known = {"doc", "kind", "note"};
    if (kind == "event") {
      known.insert(known.end(), {"type", "participants", "date", "place", "modality"});
      GoldEvent ev;
      ev.doc = doc;
      ev.location = {file, line_no, 0};
      ev.type = str("type", true);
      std::vector<std::string> parts = strings("participants");
      ev.date = str("date", false);
      ev.place = str("place", false);
      ev.modality = str("modality", false);
      if (!line_ok) continue;
      std::sort(parts.begin(), parts.end());
      if (std::adjacent_find(parts.begin(), parts.end()) != parts.end()) {
        warning(KeyColumn(line, "participants"), "a participant is listed twice");
        parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
      }
      for (const std::string& p : parts) {
        if (!IsKnownIdPrefix(p)) {
          error(KeyColumn(line, "participants"),
                fmt::format("'{}' is not an entity id (person:, org:, gpe:, place: or "
                            "source: followed by a name)",
                            p));
          line_ok = false;
        } else if (p.rfind("person:", 0) != 0 && rules.Entry(p) == nullptr) {
          warning(KeyColumn(line, "participants"), fmt::format("'{}' is not in the gazetteer", p));
        }
      }
      ev.participants = std::move(parts);
      if (!ev.date.empty() && !ParseTimexValue(ev.date, &ev.timex)) {
        error(KeyColumn(line, "date"),
              fmt::format("'{}' is not a TIMEX value (2023, 2023-04, 2023-04-12, 2023-Q2, "
                          "2023-H1, 2023-W15, XXXX-04-12, PAST_REF)",
                          ev.date));
        line_ok = false;
      }
      if (!ev.place.empty()) {
        if (!IsKnownIdPrefix(ev.place)) {
          error(KeyColumn(line, "place"), fmt::format("'{}' is not an entity id", ev.place));
          line_ok = false;
        } else if (rules.Entry(ev.place) == nullptr) {
          warning(KeyColumn(line, "place"), fmt::format("'{}' is not in the gazetteer", ev.place));
        }
      }
      if (!ev.modality.empty() && ev.modality != "held" && ev.modality != "planned" &&
          ev.modality != "denied" && ev.modality != "negated" && ev.modality != "uncertain") {
        error(KeyColumn(line, "modality"),
              fmt::format("modality '{}' is not held, planned, denied, negated or uncertain",
                          ev.modality));
        line_ok = false;
      }
      if (line_ok) gold->events.push_back(std::move(ev));
    } else if (kind == "entity") {
      known.insert(known.end(), {"id", "names", "full_name"});
      GoldEntity en;
      en.doc = doc;
      en.location = {file, line_no, 0};
      en.id = str("id", true);
      en.names = strings("names");
      if (!line_ok) continue;
      if (!IsKnownIdPrefix(en.id)) {
        error(KeyColumn(line, "id"), fmt::format("'{}' is not an entity id", en.id));
        continue;
      }
      if (en.id.rfind("person:", 0) != 0 && rules.Entry(en.id) == nullptr) {
        warning(KeyColumn(line, "id"), fmt::format("'{}' is not in the gazetteer", en.id));
      }
      gold->entities.push_back(std::move(en));
    } else {
      error(KeyColumn(line, "kind"),
            fmt::format("kind '{}' is neither \"event\" nor \"entity\"", kind));
      continue;
    }
    for (const auto& m : d.GetObject()) {
      const std::string key(m.name.GetString(), m.name.GetStringLength());
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        const size_t at = line.find("\"" + key + "\"");
        warning(at == std::string::npos ? 0 : ColumnOf(line, at),
                fmt::format("unknown key \"{}\" (ignored)", key));
      }
    }
  }
  return diags->error_count() == errors_before;
}

// ---------------------------------------------------------------------------------------
// Scoring events

double Counts::Precision() const { return tp + fp == 0 ? 0.0 : double(tp) / (tp + fp); }
double Counts::Recall() const { return tp + fn == 0 ? 0.0 : double(tp) / (tp + fn); }
double Counts::F1() const {
  // 2PR/(P+R) written over the counts, so equal counts give bit-identical figures.
  return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
}
Counts& Counts::operator+=(const Counts& o) {
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
  exact += o.exact;
  return *this;
}

std::vector<std::string> ResolvedParticipants(const Event& ev) {
  std::vector<std::string> ids;
  for (const Participant& p : ev.participants) {
    if (!p.entity.empty()) ids.push_back(p.entity);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

PairCheck ComparePair(const GoldEvent& g, const Event& p, const RuleSet& rules) {
  PairCheck c;
  c.type_exact = p.type == g.type;
  c.type_ok = c.type_exact || Refines(p.type, g.type, rules);
  c.modality_ok = g.modality.empty() || g.modality == p.modality;
  const std::vector<std::string> pred = ResolvedParticipants(p);
  std::vector<std::string> common;
  std::set_intersection(pred.begin(), pred.end(), g.participants.begin(), g.participants.end(),
                        std::back_inserter(common));
  const size_t inter = common.size();
  const size_t uni = pred.size() + g.participants.size() - inter;
  c.jaccard = uni == 0 ? 0.0 : double(inter) / uni;
  const bool participants_ok = uni > 0 && 2 * inter >= uni;  // Jaccard >= 0.5, exactly
  c.date_ok = g.date.empty() || p.date.value.empty() || TimexCompatible(g.timex, p.date);
  c.place_ok = g.place.empty() || p.place.empty() || g.place == p.place ||
               rules.PlaceWithin(p.place, g.place) || rules.PlaceWithin(g.place, p.place);
  c.match = c.type_ok && c.modality_ok && participants_ok && c.date_ok && c.place_ok;
  const bool date_same = !g.date.empty() && p.date.value == g.date;
  const bool place_same = !g.place.empty() && p.place == g.place;
  c.exact = c.match && c.type_exact && inter == uni && (g.date.empty() || date_same) &&
            (g.place.empty() || place_same);
  c.quality = static_cast<int>(std::lround(c.jaccard * 1000)) + (c.type_exact ? 100 : 0) +
              (date_same ? 50 : 0) + (place_same ? 50 : 0);
  if (!c.match) {
    std::vector<std::string> why;
    if (!c.type_ok) {
      why.push_back(fmt::format("type {} is not {} nor a refinement of it", p.type, g.type));
    }
    if (!participants_ok) {
      why.push_back(
          fmt::format("participants share {} of {} (Jaccard {:.2f} < 0.5)", inter, uni, c.jaccard));
    }
    if (!c.date_ok) {
      why.push_back(fmt::format("date {} does not overlap {}", p.date.value, g.date));
    }
    if (!c.place_ok) {
      why.push_back(
          fmt::format("place {} is neither {} nor inside or around it", p.place, g.place));
    }
    if (!c.modality_ok) {
      why.push_back(fmt::format("modality {}, gold {}", p.modality, g.modality));
    }
    c.why = Join(why, "; ");
  }
  return c;
}

std::vector<int> MaxWeightAssignment(const std::vector<std::vector<int64_t>>& w, size_t cols) {
  const size_t rows = w.size();
  const size_t n = std::max(rows, cols);
  std::vector<int> result(rows, -1);
  if (rows == 0 || cols == 0) return result;
  // The Hungarian algorithm (potentials, O(n^3)) minimising -weight on the square n x n
  // table padded with zeros; 1-based as in the classic formulation.
  auto cost = [&](size_t i, size_t j) -> int64_t {
    return i <= rows && j <= cols ? -w[i - 1][j - 1] : 0;
  };
  const int64_t kInf = std::numeric_limits<int64_t>::max() / 4;
  std::vector<int64_t> u(n + 1, 0), v(n + 1, 0);
  std::vector<size_t> p(n + 1, 0), way(n + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<int64_t> minv(n + 1, kInf);
    std::vector<bool> used(n + 1, false);
    do {
      used[j0] = true;
      const size_t i0 = p[j0];
      int64_t delta = kInf;
      size_t j1 = 0;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const int64_t cur = cost(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  for (size_t j = 1; j <= cols; ++j) {
    const size_t i = p[j];
    if (i >= 1 && i <= rows && w[i - 1][j - 1] > 0) result[i - 1] = static_cast<int>(j - 1);
  }
  return result;
}

std::string EventKey(const Event& ev) {
  std::string key = fmt::format("{} [{}]", ev.type, Join(ResolvedParticipants(ev), ", "));
  if (!ev.date.value.empty()) {
    key += " date=" + ev.date.value;
    if (!ev.date.mod.empty()) key += "(" + ev.date.mod + ")";
  }
  if (!ev.place.empty()) key += " place=" + ev.place;
  key += " modality=" + ev.modality;
  return key;
}

std::string GoldKey(const GoldEvent& g) {
  std::string key = fmt::format("{} [{}]", g.type, Join(g.participants, ", "));
  if (!g.date.empty()) key += " date=" + g.date;
  if (!g.place.empty()) key += " place=" + g.place;
  if (!g.modality.empty()) key += " modality=" + g.modality;
  return key;
}

EventScore ScoreEvents(const GoldSet& gold,
                       const std::map<std::string, std::vector<Event>>& predicted,
                       const RuleSet& rules) {
  EventScore score;
  static const std::vector<Event> kNone;
  for (const std::string& doc : gold.Docs()) {
    ++score.documents;
    std::vector<const GoldEvent*> golds;
    for (const GoldEvent& g : gold.events) {
      if (g.doc == doc) golds.push_back(&g);
    }
    auto it = predicted.find(doc);
    const std::vector<Event>& preds = it == predicted.end() ? kNone : it->second;
    score.gold += static_cast<int>(golds.size());
    score.predicted += static_cast<int>(preds.size());

    std::vector<std::vector<PairCheck>> checks(golds.size());
    for (size_t i = 0; i < golds.size(); ++i) {
      for (const Event& p : preds) checks[i].push_back(ComparePair(*golds[i], p, rules));
    }
    // Weights make the number of matches dominate: any extra match outweighs every
    // quality difference (quality <= 1200 per pair), then quality breaks ties.
    const int64_t base = 1201 * static_cast<int64_t>(std::max(golds.size(), preds.size())) + 1;
    std::vector<std::vector<int64_t>> w(golds.size(), std::vector<int64_t>(preds.size(), 0));
    for (size_t i = 0; i < golds.size(); ++i) {
      for (size_t j = 0; j < preds.size(); ++j) {
        if (checks[i][j].match) w[i][j] = base + checks[i][j].quality;
      }
    }
    const std::vector<int> assigned = MaxWeightAssignment(w, preds.size());
    std::vector<int> gold_of(preds.size(), -1);
    for (size_t i = 0; i < golds.size(); ++i) {
      if (assigned[i] >= 0) gold_of[assigned[i]] = static_cast<int>(i);
    }
    auto rules_of = [](const Event& ev) {
      std::set<std::string> r;
      for (const Evidence& e : ev.evidence) r.insert(e.rule);
      return std::vector<std::string>(r.begin(), r.end());
    };
    // The nearest unmatched counterpart: most shared participants, then the closer type.
    auto nearest = [&](size_t i, size_t j, bool gold_side, int* best, double* best_j,
                       bool* best_type) {
      const PairCheck& c = checks[i][j];
      if (c.jaccard <= 0) return;
      const int idx = static_cast<int>(gold_side ? i : j);
      if (*best < 0 || c.jaccard > *best_j || (c.jaccard == *best_j && c.type_ok && !*best_type)) {
        *best = idx;
        *best_j = c.jaccard;
        *best_type = c.type_ok;
      }
    };
    for (size_t i = 0; i < golds.size(); ++i) {
      const GoldEvent& g = *golds[i];
      if (assigned[i] >= 0) {
        const Event& p = preds[assigned[i]];
        const PairCheck& c = checks[i][assigned[i]];
        Counts& t = score.by_type[g.type];
        ++t.tp;
        ++score.overall.tp;
        if (c.exact) {
          ++t.exact;
          ++score.overall.exact;
        }
        for (const std::string& r : rules_of(p)) ++score.by_rule[r].tp;
        if (!g.date.empty()) {
          ++score.dates.given;
          if (p.date.value.empty()) {
            ++score.dates.missing;
          } else if (p.date.value == g.date) {
            ++score.dates.same;
          } else {
            ++score.dates.compatible;
          }
        }
        if (!g.place.empty()) {
          ++score.places.given;
          if (p.place.empty()) {
            ++score.places.missing;
          } else if (p.place == g.place) {
            ++score.places.same;
          } else {
            ++score.places.compatible;
          }
        }
        continue;
      }
      ++score.by_type[g.type].fn;
      ++score.overall.fn;
      FalseNegative fn{doc, g.location, GoldKey(g), ""};
      int best = -1;
      double best_j = 0;
      bool best_type = false;
      for (size_t j = 0; j < preds.size(); ++j) {
        if (gold_of[j] < 0) nearest(i, j, false, &best, &best_j, &best_type);
      }
      if (best >= 0) {
        fn.near =
            fmt::format("nearest prediction {}: {}", EventKey(preds[best]), checks[i][best].why);
      }
      score.false_negatives.push_back(std::move(fn));
    }
    for (size_t j = 0; j < preds.size(); ++j) {
      if (gold_of[j] >= 0) continue;
      const Event& p = preds[j];
      ++score.by_type[p.type].fp;
      ++score.overall.fp;
      FalsePositive fp{doc, EventKey(p), rules_of(p), "", ""};
      for (const std::string& r : fp.rules) ++score.by_rule[r].fp;
      std::vector<std::string> att;
      if (!p.date_rule.empty()) att.push_back("date by " + p.date_rule);
      if (!p.place_rule.empty()) att.push_back("place by " + p.place_rule);
      fp.attachments = Join(att, "; ");
      int best = -1;
      double best_j = 0;
      bool best_type = false;
      for (size_t i = 0; i < golds.size(); ++i) {
        if (assigned[i] < 0) nearest(i, j, true, &best, &best_j, &best_type);
      }
      if (best >= 0) {
        fp.near = fmt::format("nearest gold {} {}: {}", FormatLocation(golds[best]->location),
                              GoldKey(*golds[best]), checks[best][j].why);
      }
      score.false_positives.push_back(std::move(fp));
    }
  }
  return score;
}

// ---------------------------------------------------------------------------------------
// Scoring entity resolution

EntityScore ScoreEntities(const GoldSet& gold, const std::vector<ScoredDocument>& docs) {
  EntityScore score;
  for (const ScoredDocument& d : docs) {
    // name -> gold ids, for the names that occur in the text.
    std::map<std::string, std::set<std::string>> gold_ids;
    for (const GoldEntity& e : gold.entities) {
      if (e.doc != d.id) continue;
      for (const std::string& name : e.names) {
        if (OccursAsWord(d.text, name)) {
          gold_ids[name].insert(e.id);
        } else {
          score.not_in_text.push_back({e.location, name});
        }
      }
    }
    if (gold_ids.empty()) continue;
    std::map<std::string, std::set<std::string>> pred_ids;
    if (d.facts != nullptr) {
      for (const Mention& m : d.facts->mentions) {
        if (m.entity.empty()) continue;
        for (const Span s : {m.span, m.name}) {
          const std::string t = CollapseSpace(s.Of(d.text));
          if (gold_ids.count(t)) pred_ids[t].insert(m.entity);
        }
      }
    }
    for (const auto& [name, ids] : gold_ids) {
      const std::set<std::string>& pred = pred_ids[name];
      for (const std::string& id : ids) {
        if (pred.count(id)) {
          ++score.links.tp;
        } else {
          ++score.links.fn;
          score.missing.push_back(
              {d.id, name, id, Join(std::vector<std::string>(pred.begin(), pred.end()), ", ")});
        }
      }
      for (const std::string& id : pred) {
        if (ids.count(id)) continue;
        ++score.links.fp;
        score.wrong.push_back(
            {d.id, name, id, Join(std::vector<std::string>(ids.begin(), ids.end()), ", ")});
      }
    }
  }
  score.links.exact = score.links.tp;
  return score;
}

// ---------------------------------------------------------------------------------------
// Comparing two runs

RunDiff CompareRuns(const std::vector<DocumentFacts>& baseline,
                    const std::vector<DocumentFacts>& run) {
  using Keys = std::map<std::string, int>;  // key -> how many events have it
  auto index = [](const std::vector<DocumentFacts>& facts) {
    std::map<std::string, Keys> out;
    for (const DocumentFacts& f : facts) {
      Keys& keys = out[f.doc];
      for (const Event& ev : f.events) ++keys[EventKey(ev)];
    }
    return out;
  };
  const std::map<std::string, Keys> before = index(baseline);
  const std::map<std::string, Keys> after = index(run);
  RunDiff diff;
  for (const auto& [doc, keys] : before) {
    if (!after.count(doc)) diff.only_in_baseline.push_back(doc);
  }
  for (const auto& [doc, keys] : after) {
    auto b = before.find(doc);
    if (b == before.end()) {
      diff.only_in_run.push_back(doc);
      continue;
    }
    RunDiff::Doc d{doc, {}, {}};
    std::set<std::string> all;
    for (const auto& [k, n] : keys) all.insert(k);
    for (const auto& [k, n] : b->second) all.insert(k);
    for (const std::string& k : all) {
      auto count = [&](const Keys& m) {
        auto it = m.find(k);
        return it == m.end() ? 0 : it->second;
      };
      const int now = count(keys), was = count(b->second);
      diff.unchanged += std::min(now, was);
      for (int i = was; i < now; ++i) d.added.push_back(k);
      for (int i = now; i < was; ++i) d.removed.push_back(k);
    }
    diff.added += static_cast<int>(d.added.size());
    diff.removed += static_cast<int>(d.removed.size());
    if (!d.added.empty() || !d.removed.empty()) diff.docs.push_back(std::move(d));
  }
  return diff;
}

// ---------------------------------------------------------------------------------------
// The report

bool EvalReport::Passed() const { return !min_f1 || events.overall.F1() >= *min_f1; }

namespace {

std::string Figures(const Counts& c) {
  return fmt::format("{:6.3f} {:6.3f} {:6.3f}", c.Precision(), c.Recall(), c.F1());
}

std::string FieldLine(const char* what, const FieldCounts& f) {
  return fmt::format("{} of matched events (gold gives {}): {} same, {} compatible, {} missing\n",
                     what, f.given, f.same, f.compatible, f.missing);
}

}  // namespace

std::string FormatReport(const EvalReport& r) {
  const EventScore& s = r.events;
  std::string out =
      fmt::format("newsgraph eval: {} document{}, {} gold events, {} predicted (gold: {})\n\n",
                  s.documents, s.documents == 1 ? "" : "s", s.gold, s.predicted, r.gold_dir);

  size_t width = 10;
  for (const auto& [type, c] : s.by_type) width = std::max(width, type.size() + 4);
  out += fmt::format("{:<{}} {:>5} {:>5} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}\n", "events",
                     width + 2, "gold", "pred", "TP", "FP", "FN", "P", "R", "F1");
  auto no_rules = [&](const std::string& type) {
    return std::find(r.types_without_rules.begin(), r.types_without_rules.end(), type) !=
           r.types_without_rules.end();
  };
  for (const auto& [type, c] : s.by_type) {
    out += fmt::format("  {:<{}} {:>5} {:>5} {:>5} {:>5} {:>5} {}\n",
                       type + (no_rules(type) ? " *" : ""), width, c.tp + c.fn, c.tp + c.fp, c.tp,
                       c.fp, c.fn, Figures(c));
  }
  const Counts& o = s.overall;
  out += fmt::format("  {:<{}} {:>5} {:>5} {:>5} {:>5} {:>5} {}\n", "all", width, o.tp + o.fn,
                     o.tp + o.fp, o.tp, o.fp, o.fn, Figures(o));
  if (!r.types_without_rules.empty()) {
    out += "  * the rule set defines no event type of this name\n";
  }
  const Counts strict{o.exact, o.fp + (o.tp - o.exact), o.fn + (o.tp - o.exact), o.exact};
  out += fmt::format(
      "exact: {} of {} matches equal the gold in type, participants and every date and place "
      "it gives (strict P {:.3f} R {:.3f} F1 {:.3f})\n",
      o.exact, o.tp, strict.Precision(), strict.Recall(), strict.F1());
  out += FieldLine("dates", s.dates);
  out += FieldLine("places", s.places);

  if (!s.by_rule.empty()) {
    size_t rw = 10;
    for (const auto& [rule, c] : s.by_rule) rw = std::max(rw, rule.size());
    out += fmt::format("\n{:<{}} {:>6} {:>5} {:>5} {:>6}\n", "rules", rw + 2, "events", "TP", "FP",
                       "P");
    for (const auto& [rule, c] : s.by_rule) {
      out += fmt::format("  {:<{}} {:>6} {:>5} {:>5} {:6.3f}\n", rule, rw, c.tp + c.fp, c.tp, c.fp,
                         double(c.tp) / (c.tp + c.fp));
    }
  }
  if (!s.false_positives.empty()) {
    out += fmt::format("\nfalse positives ({}):\n", s.false_positives.size());
    for (const FalsePositive& fp : s.false_positives) {
      out += fmt::format("  {} {}\n      rules: {}{}\n", fp.doc, fp.key, Join(fp.rules, ", "),
                         fp.attachments.empty() ? "" : "; " + fp.attachments);
      if (!fp.near.empty()) out += "      " + fp.near + "\n";
    }
  }
  if (!s.false_negatives.empty()) {
    out += fmt::format("\nfalse negatives ({}):\n", s.false_negatives.size());
    for (const FalseNegative& fn : s.false_negatives) {
      out += fmt::format("  {} {} {}\n", FormatLocation(fn.location), fn.doc, fn.key);
      if (!fn.near.empty()) out += "      " + fn.near + "\n";
    }
  }
  if (r.has_entities) {
    const EntityScore& e = r.entities;
    const Counts& l = e.links;
    out += fmt::format(
        "\nentities: {} gold links (document, name -> id), {} predicted: TP {} FP {} FN {}  "
        "P {:.3f} R {:.3f} F1 {:.3f}\n",
        l.tp + l.fn, l.tp + l.fp, l.tp, l.fp, l.fn, l.Precision(), l.Recall(), l.F1());
    for (const EntityLinkError& w : e.wrong) {
      out +=
          fmt::format("  wrong    {} \"{}\" -> {} (gold: {})\n", w.doc, w.name, w.id, w.expected);
    }
    for (const EntityLinkError& m : e.missing) {
      out += fmt::format("  missing  {} \"{}\" -> {} (predicted: {})\n", m.doc, m.name, m.id,
                         m.expected.empty() ? "no resolved mention" : m.expected);
    }
    for (const auto& [loc, name] : e.not_in_text) {
      out += fmt::format("  not in the text: {} \"{}\"\n", FormatLocation(loc), name);
    }
  }
  if (r.has_baseline) {
    const RunDiff& d = r.diff;
    out += fmt::format(
        "\nbaseline {}: {} added, {} removed, {} unchanged; event F1 {:.3f} -> "
        "{:.3f}\n",
        r.baseline_file, d.added, d.removed, d.unchanged, r.baseline_events.overall.F1(),
        s.overall.F1());
    for (const RunDiff::Doc& doc : d.docs) {
      for (const std::string& k : doc.removed) out += fmt::format("  - {} {}\n", doc.doc, k);
      for (const std::string& k : doc.added) out += fmt::format("  + {} {}\n", doc.doc, k);
    }
    if (!d.only_in_baseline.empty()) {
      out += "  not compared, only in the baseline: " + Join(d.only_in_baseline, ", ") + "\n";
    }
    if (!d.only_in_run.empty()) {
      out += "  not compared, not in the baseline: " + Join(d.only_in_run, ", ") + "\n";
    }
  }
  if (r.min_f1) {
    out += r.Passed() ? fmt::format("\nevent F1 {:.3f} >= --min-f1 {}: ok\n", o.F1(), *r.min_f1)
                      : fmt::format("\nFAILED: event F1 {:.3f} < --min-f1 {}\n", o.F1(), *r.min_f1);
  }
  return out;
}

namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void JNum(JsonWriter& w, double x) { w.Double(std::round(x * 1e4) / 1e4); }

void JCounts(JsonWriter& w, const Counts& c) {
  w.Key("tp");
  w.Int(c.tp);
  w.Key("fp");
  w.Int(c.fp);
  w.Key("fn");
  w.Int(c.fn);
  w.Key("exact");
  w.Int(c.exact);
  w.Key("precision");
  JNum(w, c.Precision());
  w.Key("recall");
  JNum(w, c.Recall());
  w.Key("f1");
  JNum(w, c.F1());
}

void JField(JsonWriter& w, const char* key, const FieldCounts& f) {
  w.Key(key);
  w.StartObject();
  w.Key("given");
  w.Int(f.given);
  w.Key("same");
  w.Int(f.same);
  w.Key("compatible");
  w.Int(f.compatible);
  w.Key("missing");
  w.Int(f.missing);
  w.EndObject();
}

}  // namespace

std::string ReportToJson(const EvalReport& r) {
  rapidjson::StringBuffer buf;
  JsonWriter w(buf);
  w.SetIndent(' ', 2);
  const EventScore& s = r.events;
  w.StartObject();
  w.Key("gold");
  WriteString(w, r.gold_dir);
  w.Key("documents");
  w.Int(s.documents);
  w.Key("gold_events");
  w.Int(s.gold);
  w.Key("predicted_events");
  w.Int(s.predicted);
  w.Key("events");
  w.StartObject();
  JCounts(w, s.overall);
  w.EndObject();
  w.Key("by_type");
  w.StartArray();
  for (const auto& [type, c] : s.by_type) {
    w.StartObject();
    w.Key("type");
    WriteString(w, type);
    w.Key("in_rule_set");
    w.Bool(std::find(r.types_without_rules.begin(), r.types_without_rules.end(), type) ==
           r.types_without_rules.end());
    JCounts(w, c);
    w.EndObject();
  }
  w.EndArray();
  JField(w, "dates", s.dates);
  JField(w, "places", s.places);
  w.Key("by_rule");
  w.StartArray();
  for (const auto& [rule, c] : s.by_rule) {
    w.StartObject();
    w.Key("rule");
    WriteString(w, rule);
    w.Key("tp");
    w.Int(c.tp);
    w.Key("fp");
    w.Int(c.fp);
    w.Key("precision");
    JNum(w, double(c.tp) / (c.tp + c.fp));
    w.EndObject();
  }
  w.EndArray();
  w.Key("false_positives");
  w.StartArray();
  for (const FalsePositive& fp : s.false_positives) {
    w.StartObject();
    w.Key("doc");
    WriteString(w, fp.doc);
    w.Key("key");
    WriteString(w, fp.key);
    w.Key("rules");
    WriteStrings(w, fp.rules);
    w.Key("attachments");
    WriteString(w, fp.attachments);
    w.Key("near");
    WriteString(w, fp.near);
    w.EndObject();
  }
  w.EndArray();
  w.Key("false_negatives");
  w.StartArray();
  for (const FalseNegative& fn : s.false_negatives) {
    w.StartObject();
    w.Key("doc");
    WriteString(w, fn.doc);
    w.Key("gold");
    WriteString(w, FormatLocation(fn.location));
    w.Key("key");
    WriteString(w, fn.key);
    w.Key("near");
    WriteString(w, fn.near);
    w.EndObject();
  }
  w.EndArray();
  if (r.has_entities) {
    const EntityScore& e = r.entities;
    w.Key("entities");
    w.StartObject();
    JCounts(w, e.links);
    for (const auto& [key, list] :
         {std::pair{"wrong", &e.wrong}, std::pair{"missing", &e.missing}}) {
      w.Key(key);
      w.StartArray();
      for (const EntityLinkError& x : *list) {
        w.StartObject();
        w.Key("doc");
        WriteString(w, x.doc);
        w.Key("name");
        WriteString(w, x.name);
        w.Key("id");
        WriteString(w, x.id);
        w.Key(std::string_view(key) == "wrong" ? "gold" : "predicted");
        WriteString(w, x.expected);
        w.EndObject();
      }
      w.EndArray();
    }
    w.Key("not_in_text");
    w.StartArray();
    for (const auto& [loc, name] : e.not_in_text) {
      w.StartObject();
      w.Key("gold");
      WriteString(w, FormatLocation(loc));
      w.Key("name");
      WriteString(w, name);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  if (r.has_baseline) {
    const RunDiff& d = r.diff;
    w.Key("baseline");
    w.StartObject();
    w.Key("file");
    WriteString(w, r.baseline_file);
    w.Key("f1");
    JNum(w, r.baseline_events.overall.F1());
    w.Key("added");
    w.Int(d.added);
    w.Key("removed");
    w.Int(d.removed);
    w.Key("unchanged");
    w.Int(d.unchanged);
    w.Key("changes");
    w.StartArray();
    for (const RunDiff::Doc& doc : d.docs) {
      w.StartObject();
      w.Key("doc");
      WriteString(w, doc.doc);
      w.Key("added");
      WriteStrings(w, doc.added);
      w.Key("removed");
      WriteStrings(w, doc.removed);
      w.EndObject();
    }
    w.EndArray();
    w.Key("only_in_baseline");
    WriteStrings(w, d.only_in_baseline);
    w.Key("only_in_run");
    WriteStrings(w, d.only_in_run);
    w.EndObject();
  }
  if (r.min_f1) {
    w.Key("min_f1");
    JNum(w, *r.min_f1);
  }
  w.Key("passed");
  w.Bool(r.Passed());
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace newsgraph
