#include "authoring/gold.h"

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <set>

#include "base/json_source.h"
#include "base/text.h"

namespace newsgraph {

namespace {

// Returns the 1-based column (in code points) of byte offset in a line.
int ColumnOf(std::string_view line, size_t offset) {
  int line_no = 0, column = 0;
  LineColumn(line, offset, &line_no, &column);
  return column;
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

// One non-blank line of a gold file as it is read: its JSON object, and what it reports,
// at its own location, about the members the line kinds require.
class GoldLine {
 public:
  GoldLine(const std::string& file, int line_no, std::string text, Diagnostics* diags)
      : file_(file), line_no_(line_no), text_(std::move(text)), diags_(diags) {}

  // Parses the line; reports invalid JSON or a value that is not an object. Returns false
  // then.
  bool Parse() {
    std::string error;
    size_t offset = 0;
    if (!ParseOneJsonValue(text_, &json_, &error, &offset)) {
      Error(ColumnOf(text_, offset), fmt::format("invalid JSON: {}", error));
      return false;
    }
    if (!json_.IsObject()) {
      Error(1, "a gold line must be a JSON object");
      return false;
    }
    return true;
  }

  // Returns the string member key ("" if absent); reports it missing (when required) or
  // not a non-empty string, and the line is no longer complete().
  std::string String(const char* key, bool required) {
    auto it = json_.FindMember(key);
    if (it == json_.MemberEnd()) {
      if (required) Incomplete(0, fmt::format("missing \"{}\"", key));
      return "";
    }
    if (!it->value.IsString() || it->value.GetStringLength() == 0) {
      Incomplete(KeyColumn(text_, key), fmt::format("\"{}\" must be a non-empty string", key));
      return "";
    }
    return std::string(it->value.GetString(), it->value.GetStringLength());
  }

  // Returns the required array of non-empty strings key; reports it missing or malformed,
  // and the line is no longer complete().
  std::vector<std::string> Strings(const char* key) {
    std::vector<std::string> out;
    auto it = json_.FindMember(key);
    if (it == json_.MemberEnd()) {
      Incomplete(0, fmt::format("missing \"{}\"", key));
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
      Incomplete(KeyColumn(text_, key),
                 fmt::format("\"{}\" must be a non-empty array of non-empty strings", key));
      out.clear();
    }
    return out;
  }

  // Warns about every member whose key is not in known.
  void WarnUnknownKeys(const std::vector<std::string>& known) {
    for (const auto& m : json_.GetObject()) {
      const std::string key(m.name.GetString(), m.name.GetStringLength());
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        const size_t at = text_.find("\"" + key + "\"");
        Warning(at == std::string::npos ? 0 : ColumnOf(text_, at),
                fmt::format("unknown key \"{}\" (ignored)", key));
      }
    }
  }

  void Error(int column, const std::string& message) {
    diags_->Error({file_, line_no_, column}, message, text_);
  }
  void Warning(int column, const std::string& message) {
    diags_->Warning({file_, line_no_, column}, message, text_);
  }
  // Returns the column of the value of key (0 if the line does not have it).
  int Column(std::string_view key) const { return KeyColumn(text_, key); }
  // Returns the location of the line itself, as gold events and entities keep it.
  Location location() const { return {file_, line_no_, 0}; }
  // Returns false once a required member was missing or of the wrong type.
  bool complete() const { return complete_; }

 private:
  void Incomplete(int column, const std::string& message) {
    Error(column, message);
    complete_ = false;
  }

  const std::string& file_;
  const int line_no_;
  const std::string text_;
  Diagnostics* diags_;
  rapidjson::Document json_;
  bool complete_ = true;
};

// Checks the participants of an event line (a listed twice, ids) and returns them sorted and
// unique. Clears *ok on an error.
std::vector<std::string> CheckParticipants(GoldLine& line, std::vector<std::string> parts,
                                           const RuleSet& rules, bool* ok) {
  std::sort(parts.begin(), parts.end());
  if (std::adjacent_find(parts.begin(), parts.end()) != parts.end()) {
    line.Warning(line.Column("participants"), "a participant is listed twice");
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
  }
  for (const std::string& p : parts) {
    if (!IsKnownIdPrefix(p)) {
      line.Error(line.Column("participants"),
                 fmt::format("'{}' is not an entity id (person:, org:, gpe:, place: or "
                             "source: followed by a name)",
                             p));
      *ok = false;
    } else if (p.rfind("person:", 0) != 0 && rules.Entry(p) == nullptr) {
      line.Warning(line.Column("participants"), fmt::format("'{}' is not in the gazetteer", p));
    }
  }
  return parts;
}

// Checks the optional date, place and modality of an event line; fills ev->timex. Clears
// *ok on an error.
void CheckEventFields(GoldLine& line, const RuleSet& rules, GoldEvent* ev, bool* ok) {
  if (!ev->date.empty() && !ParseTimexValue(ev->date, &ev->timex)) {
    line.Error(line.Column("date"),
               fmt::format("'{}' is not a TIMEX value (2023, 2023-04, 2023-04-12, 2023-Q2, "
                           "2023-H1, 2023-W15, XXXX-04-12, PAST_REF)",
                           ev->date));
    *ok = false;
  }
  if (!ev->place.empty()) {
    if (!IsKnownIdPrefix(ev->place)) {
      line.Error(line.Column("place"), fmt::format("'{}' is not an entity id", ev->place));
      *ok = false;
    } else if (rules.Entry(ev->place) == nullptr) {
      line.Warning(line.Column("place"), fmt::format("'{}' is not in the gazetteer", ev->place));
    }
  }
  if (!ev->modality.empty() && ev->modality != "held" && ev->modality != "planned" &&
      ev->modality != "denied" && ev->modality != "negated" && ev->modality != "uncertain") {
    line.Error(line.Column("modality"),
               fmt::format("modality '{}' is not held, planned, denied, negated or uncertain",
                           ev->modality));
    *ok = false;
  }
}

// Reads a `"kind": "event"` line into gold->events unless it has an error. Returns false if
// a required member is missing or malformed (the line's other keys are not checked then).
bool ReadEventLine(GoldLine& line, const std::string& doc, const RuleSet& rules, GoldSet* gold) {
  GoldEvent ev;
  ev.doc = doc;
  ev.location = line.location();
  ev.type = line.String("type", true);
  std::vector<std::string> parts = line.Strings("participants");
  ev.date = line.String("date", false);
  ev.place = line.String("place", false);
  ev.modality = line.String("modality", false);
  if (!line.complete()) return false;
  bool ok = true;
  ev.participants = CheckParticipants(line, std::move(parts), rules, &ok);
  CheckEventFields(line, rules, &ev, &ok);
  if (ok) gold->events.push_back(std::move(ev));
  return true;
}

// Reads a `"kind": "entity"` line into gold->entities. Returns false if it has an error
// (the line's other keys are not checked then).
bool ReadEntityLine(GoldLine& line, const std::string& doc, const RuleSet& rules, GoldSet* gold) {
  GoldEntity en;
  en.doc = doc;
  en.location = line.location();
  en.id = line.String("id", true);
  en.names = line.Strings("names");
  if (!line.complete()) return false;
  if (!IsKnownIdPrefix(en.id)) {
    line.Error(line.Column("id"), fmt::format("'{}' is not an entity id", en.id));
    return false;
  }
  if (en.id.rfind("person:", 0) != 0 && rules.Entry(en.id) == nullptr) {
    line.Warning(line.Column("id"), fmt::format("'{}' is not in the gazetteer", en.id));
  }
  gold->entities.push_back(std::move(en));
  return true;
}

// Reads one non-blank gold line: the JSON, its doc and kind, the members of its kind, then
// its unknown keys.
void ReadGoldLine(GoldLine& line, const RuleSet& rules, GoldSet* gold) {
  if (!line.Parse()) return;
  const std::string doc = line.String("doc", true);
  const std::string kind = line.String("kind", true);
  if (!line.complete()) return;
  std::vector<std::string> known = {"doc", "kind", "note"};
  if (kind == "event") {
    if (!ReadEventLine(line, doc, rules, gold)) return;
    known.insert(known.end(), {"type", "participants", "date", "place", "modality"});
  } else if (kind == "entity") {
    if (!ReadEntityLine(line, doc, rules, gold)) return;
    known.insert(known.end(), {"id", "names", "full_name"});
  } else {
    line.Error(line.Column("kind"),
               fmt::format("kind '{}' is neither \"event\" nor \"entity\"", kind));
    return;
  }
  line.WarnUnknownKeys(known);
}

}  // namespace

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
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    GoldLine gold_line(file, line_no, std::move(line), diags);
    ReadGoldLine(gold_line, rules, gold);
  }
  return diags->error_count() == errors_before;
}

std::string GoldLineName(const Location& loc) {
  return loc.line > 0 ? fmt::format("{}:{}", loc.file, loc.line) : loc.file;
}

}  // namespace newsgraph
