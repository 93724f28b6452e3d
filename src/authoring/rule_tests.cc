#include "authoring/rule_tests.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"

namespace newsgraph {

namespace {

const char* const kExpectKeys[] = {"type",     "participants", "date",  "place",
                                   "modality", "reported_by",  "value", "entity"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Returns the 1-based column (in code points) of byte offset in line.
int Column(std::string_view line, size_t offset) {
  int line_no = 0, column = 0;
  LineColumn(line, offset, &line_no, &column);
  return column;
}

bool IsRuleIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

bool ValidRuleId(std::string_view id) {
  if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) {
    return false;
  }
  return std::all_of(id.begin(), id.end(), IsRuleIdChar);
}

}  // namespace

const char* AnnotationName(AnnotationKind k) {
  switch (k) {
    case AnnotationKind::kRuleId:
      return "ruleid";
    case AnnotationKind::kOk:
      return "ok";
    case AnnotationKind::kTodoRuleId:
      return "todoruleid";
    case AnnotationKind::kTodoOk:
      return "todook";
  }
  return "ruleid";
}

bool IsExpectKey(std::string_view key) {
  return std::find(std::begin(kExpectKeys), std::end(kExpectKeys), key) != std::end(kExpectKeys);
}

std::vector<std::string> ExpectListItems(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string_view::npos) comma = s.size();
    const std::string_view item = Trim(s.substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Parsing

namespace {

// Reads a rule test file line by line, keeping what the lines before say: the language and
// publication date in force, the annotations waiting for their text line, and which of them
// an `expect` line extends.
class RuleTestParser {
 public:
  RuleTestParser(const RuleSource& source, const std::vector<std::string>& languages,
                 Diagnostics* diags)
      : languages_(languages), diags_(diags) {
    out_.file = source.display;
    out_.rel = source.rel;
  }

  RuleTestFile Parse(const std::string& text) {
    for (size_t pos = 0; pos < text.size();) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      line_ = text.substr(pos, end - pos);
      pos = end + 1;
      ++line_no_;
      if (!line_.empty() && line_.back() == '\r') line_.pop_back();
      const std::string_view trimmed = Trim(line_);
      if (trimmed.empty()) continue;
      if (trimmed[0] == '#') {
        ParseComment();
      } else {
        ParseTextLine();
      }
    }
    ReportUnfinished();
    return std::move(out_);
  }

 private:
  Location Loc(size_t offset) const { return {out_.file, line_no_, Column(line_, offset)}; }
  void Error(size_t offset, std::string message) {
    diags_->Error(Loc(offset), std::move(message), line_);
  }

  // A text line: the case of the annotations before it.
  void ParseTextLine() {
    const size_t first = line_.find_first_not_of(" \t");
    if (pending_.empty()) {
      diags_->Warning(Loc(first),
                      "this text line has no ruleid or ok annotation before it; it is not "
                      "checked",
                      line_);
      return;
    }
    RuleTestCase c;
    c.location = Loc(first);
    c.text = std::string(Trim(line_));
    c.lang = lang_;
    c.dct = dct_;
    c.annotations = std::move(pending_);
    pending_.clear();
    expect_ok_ = false;
    out_.cases.push_back(std::move(c));
  }

  // "# word: value" is an annotation; any other comment is free text.
  void ParseComment() {
    size_t i = line_.find('#') + 1;
    while (i < line_.size() && (line_[i] == ' ' || line_[i] == '\t')) ++i;
    const size_t word_begin = i;
    while (i < line_.size() && line_[i] >= 'a' && line_[i] <= 'z') ++i;
    const std::string word = line_.substr(word_begin, i - word_begin);
    size_t j = i;
    while (j < line_.size() && line_[j] == ' ') ++j;
    if (word.empty() || j >= line_.size() || line_[j] != ':') return;  // a comment
    size_t value_begin = j + 1;
    while (value_begin < line_.size() &&
           (line_[value_begin] == ' ' || line_[value_begin] == '\t')) {
      ++value_begin;
    }
    const std::string value(Trim(std::string_view(line_).substr(value_begin)));
    if (word == "lang") {
      ParseLang(value, value_begin);
    } else if (word == "dct") {
      ParseDct(value, value_begin);
    } else if (word == "ruleid" || word == "ok" || word == "todoruleid" || word == "todook") {
      ParseRuleIds(word, value_begin);
    } else if (word == "expect") {
      ParseExpect(word_begin, value_begin);
    } else {
      diags_->Warning(Loc(word_begin),
                      fmt::format("unknown annotation '{}' (ruleid, ok, todoruleid, todook, "
                                  "expect, lang, dct); the line is read as a comment",
                                  word),
                      line_);
    }
  }

  void ParseLang(const std::string& value, size_t value_begin) {
    if (std::find(languages_.begin(), languages_.end(), value) == languages_.end()) {
      Error(value_begin, fmt::format("unknown language '{}' ({})", value, Join(languages_, ", ")));
      return;
    }
    lang_ = value;
  }

  void ParseDct(const std::string& value, size_t value_begin) {
    if (value == "none") {
      dct_.clear();
      return;
    }
    CivilDate d;
    if (value.size() != 10 || !ParseIsoDate(value, &d)) {
      Error(value_begin, fmt::format("'{}' is not a publication date (YYYY-MM-DD, or none)", value));
      return;
    }
    dct_ = value;
  }

  // "# ruleid: ID, ID": one pending annotation per valid id.
  void ParseRuleIds(const std::string& word, size_t value_begin) {
    const AnnotationKind kind = word == "ruleid"       ? AnnotationKind::kRuleId
                                : word == "ok"         ? AnnotationKind::kOk
                                : word == "todoruleid" ? AnnotationKind::kTodoRuleId
                                                       : AnnotationKind::kTodoOk;
    const size_t first = pending_.size();
    bool any = false;
    for (size_t at = value_begin; at < line_.size();) {
      size_t comma = line_.find(',', at);
      if (comma == std::string::npos) comma = line_.size();
      std::string_view id = std::string_view(line_).substr(at, comma - at);
      size_t lead = 0;
      while (lead < id.size() && id[lead] == ' ') ++lead;
      id = Trim(id);
      if (!id.empty()) {
        any = true;
        if (!ValidRuleId(id)) {
          Error(at + lead, fmt::format("'{}' is not a rule id", id));
        } else {
          Annotation a;
          a.kind = kind;
          a.rule = std::string(id);
          a.location = Loc(at + lead);
          a.source_line = line_;
          pending_.push_back(std::move(a));
        }
      }
      at = comma + 1;
    }
    if (!any) {
      Error(value_begin, fmt::format("'{}' needs a rule id", word));
      return;
    }
    expect_ok_ = kind == AnnotationKind::kRuleId || kind == AnnotationKind::kTodoRuleId;
    expect_from_ = first;
    expect_to_ = pending_.size();
  }

  // "# expect: key=value; key=value": added to the annotations of the last ruleid line.
  void ParseExpect(size_t word_begin, size_t value_begin) {
    if (!expect_ok_) {
      Error(word_begin, "an expect line must follow a ruleid or todoruleid line");
      return;
    }
    for (size_t at = value_begin; at < line_.size();) {
      size_t semi = line_.find(';', at);
      if (semi == std::string::npos) semi = line_.size();
      const std::string_view item = std::string_view(line_).substr(at, semi - at);
      const size_t lead = item.find_first_not_of(" \t");
      if (lead != std::string_view::npos) ParseExpectItem(item, lead, at + lead);
      at = semi + 1;
    }
  }

  // One key=value of an expect line; item_at is its offset in the line.
  void ParseExpectItem(std::string_view item, size_t lead, size_t item_at) {
    const size_t eq = item.find('=');
    const std::string key(
        Trim(item.substr(lead, eq == std::string_view::npos ? std::string_view::npos : eq - lead)));
    if (eq == std::string_view::npos) {
      Error(item_at, fmt::format("expected key=value, found '{}'", Trim(item)));
    } else if (!IsExpectKey(key)) {
      Error(item_at, fmt::format("unknown expect key '{}' (type, participants, date, "
                                 "place, modality, reported_by, value, entity)",
                                 key));
    } else if (Trim(item.substr(eq + 1)).empty()) {
      Error(item_at, fmt::format("expect key '{}' has no value", key));
    } else {
      for (size_t k = expect_from_; k < expect_to_; ++k) {
        pending_[k].expects.push_back({key, std::string(Trim(item.substr(eq + 1))), Loc(item_at)});
      }
    }
  }

  // Annotations at the end of the file have no text line to check.
  void ReportUnfinished() {
    for (const Annotation& a : pending_) {
      diags_->Error(
          a.location,
          fmt::format("'{}: {}' has no text line after it", AnnotationName(a.kind), a.rule),
          a.source_line);
    }
  }

  const std::vector<std::string>& languages_;
  Diagnostics* diags_;
  RuleTestFile out_;
  std::string line_;  // the line being read, without its newline
  int line_no_ = 0;
  std::string lang_, dct_;
  std::vector<Annotation> pending_;
  // The annotations of the last ruleid / todoruleid line, which `expect` lines extend.
  size_t expect_from_ = 0, expect_to_ = 0;
  bool expect_ok_ = false;
};

}  // namespace

RuleTestFile ParseRuleTestFile(const RuleSource& source, const std::vector<std::string>& languages,
                               Diagnostics* diags) {
  return RuleTestParser(source, languages, diags).Parse(source.text);
}

}  // namespace newsgraph
