#include "authoring/rule_tests.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "authoring/rule_files.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "extract/render.h"

namespace newsgraph {

namespace {

const char* const kExpectKeys[] = {"type",     "participants", "date",  "place",
                                   "modality", "reported_by",  "value", "entity"};
// Keys that describe an event; the others describe a mention.
const char* const kEventKeys[] = {"type",  "participants", "date",
                                  "place", "modality",     "reported_by"};

bool IsEventKey(std::string_view key) {
  return std::find(std::begin(kEventKeys), std::end(kEventKeys), key) != std::end(kEventKeys);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Returns the 1-based column (in code points) of byte offset in line.
int Column(std::string_view line, size_t offset) {
  int col = 1;
  for (size_t i = 0; i < offset && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  }
  return col;
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

std::vector<std::string> SplitList(std::string_view s) {
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

std::string Braced(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "}";
}

bool Matches(const std::string& filter, const std::string& rule) {
  if (filter.empty() || filter == rule) return true;
  return filter.back() == '*' &&
         rule.compare(0, filter.size() - 1, filter, 0, filter.size() - 1) == 0;
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

// ---------------------------------------------------------------------------------------
// Parsing

RuleTestFile ParseRuleTestFile(const RuleSource& source, Diagnostics* diags) {
  RuleTestFile out;
  out.file = source.display;
  out.rel = source.rel;
  const std::string& text = source.text;
  std::string lang, dct;
  std::vector<Annotation> pending;
  // The annotations of the last ruleid / todoruleid line, which `expect` lines extend.
  size_t expect_from = 0, expect_to = 0;
  bool expect_ok = false;
  int line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty()) continue;
    auto loc = [&](size_t offset) {
      return Location{source.display, line_no, Column(line, offset)};
    };
    auto error = [&](size_t offset, std::string message) {
      diags->Error(loc(offset), std::move(message), line);
    };
    if (trimmed[0] != '#') {
      const size_t first = line.find_first_not_of(" \t");
      if (pending.empty()) {
        diags->Warning(loc(first),
                       "this text line has no ruleid or ok annotation before it; it is not "
                       "checked",
                       line);
        continue;
      }
      RuleTestCase c;
      c.location = loc(first);
      c.text = std::string(Trim(line));
      c.lang = lang;
      c.dct = dct;
      c.annotations = std::move(pending);
      pending.clear();
      expect_ok = false;
      out.cases.push_back(std::move(c));
      continue;
    }
    // "# word: value"; any other comment is free text.
    size_t i = line.find('#') + 1;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const size_t word_begin = i;
    while (i < line.size() && line[i] >= 'a' && line[i] <= 'z') ++i;
    const std::string word = line.substr(word_begin, i - word_begin);
    size_t j = i;
    while (j < line.size() && line[j] == ' ') ++j;
    if (word.empty() || j >= line.size() || line[j] != ':') continue;  // a comment
    size_t value_begin = j + 1;
    while (value_begin < line.size() && (line[value_begin] == ' ' || line[value_begin] == '\t')) {
      ++value_begin;
    }
    const std::string value(Trim(std::string_view(line).substr(value_begin)));
    if (word == "lang") {
      if (value != "id" && value != "en") {
        error(value_begin, fmt::format("unknown language '{}' (id, en)", value));
        continue;
      }
      lang = value;
    } else if (word == "dct") {
      CivilDate d;
      if (value.size() != 10 || !ParseIsoDate(value, &d)) {
        error(value_begin, fmt::format("'{}' is not a publication date (YYYY-MM-DD)", value));
        continue;
      }
      dct = value;
    } else if (word == "ruleid" || word == "ok" || word == "todoruleid" || word == "todook") {
      const AnnotationKind kind = word == "ruleid"       ? AnnotationKind::kRuleId
                                  : word == "ok"         ? AnnotationKind::kOk
                                  : word == "todoruleid" ? AnnotationKind::kTodoRuleId
                                                         : AnnotationKind::kTodoOk;
      const size_t first = pending.size();
      size_t at = value_begin;
      bool any = false;
      while (at < line.size()) {
        size_t comma = line.find(',', at);
        if (comma == std::string::npos) comma = line.size();
        std::string_view id = std::string_view(line).substr(at, comma - at);
        size_t lead = 0;
        while (lead < id.size() && id[lead] == ' ') ++lead;
        id = Trim(id);
        if (!id.empty()) {
          any = true;
          if (!ValidRuleId(id)) {
            error(at + lead, fmt::format("'{}' is not a rule id", id));
          } else {
            Annotation a;
            a.kind = kind;
            a.rule = std::string(id);
            a.location = loc(at + lead);
            a.source_line = line;
            pending.push_back(std::move(a));
          }
        }
        at = comma + 1;
      }
      if (!any) {
        error(value_begin, fmt::format("'{}' needs a rule id", word));
        continue;
      }
      expect_ok = kind == AnnotationKind::kRuleId || kind == AnnotationKind::kTodoRuleId;
      expect_from = first;
      expect_to = pending.size();
    } else if (word == "expect") {
      if (!expect_ok) {
        error(word_begin, "an expect line must follow a ruleid or todoruleid line");
        continue;
      }
      size_t at = value_begin;
      while (at < line.size()) {
        size_t semi = line.find(';', at);
        if (semi == std::string::npos) semi = line.size();
        const std::string_view item = std::string_view(line).substr(at, semi - at);
        const size_t lead = item.find_first_not_of(" \t");
        if (lead != std::string_view::npos) {
          const size_t item_at = at + lead;
          const size_t eq = item.find('=');
          const std::string key(Trim(item.substr(
              lead, eq == std::string_view::npos ? std::string_view::npos : eq - lead)));
          if (eq == std::string_view::npos) {
            error(item_at, fmt::format("expected key=value, found '{}'", Trim(item)));
          } else if (!IsExpectKey(key)) {
            error(item_at, fmt::format("unknown expect key '{}' (type, participants, date, "
                                       "place, modality, reported_by, value, entity)",
                                       key));
          } else if (Trim(item.substr(eq + 1)).empty()) {
            error(item_at, fmt::format("expect key '{}' has no value", key));
          } else {
            for (size_t k = expect_from; k < expect_to; ++k) {
              pending[k].expects.push_back(
                  {key, std::string(Trim(item.substr(eq + 1))), loc(item_at)});
            }
          }
        }
        at = semi + 1;
      }
    } else {
      diags->Warning(loc(word_begin),
                     fmt::format("unknown annotation '{}' (ruleid, ok, todoruleid, todook, "
                                 "expect, lang, dct); the line is read as a comment",
                                 word),
                     line);
    }
  }
  for (const Annotation& a : pending) {
    diags->Error(a.location,
                 fmt::format("'{}: {}' has no text line after it", AnnotationName(a.kind), a.rule),
                 a.source_line);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Running

namespace {

// What a rule produced in one case.
struct Fact {
  std::string rule;
  int event = -1;    // index into facts.events
  int mention = -1;  // index into facts.mentions
  std::string via;   // how an attachment rule contributed: date, place, source, exclude
};

struct RuleInfo {
  const PatternRule* rule = nullptr;
  std::string what;          // "mention", "date", "event", "attachment"
  std::string render_stage;  // the trace stage whose text the rule matches ("" = raw)
};

std::string Quoted(std::string_view s) { return "\u201C" + std::string(s) + "\u201D"; }

std::string DescribeEvent(const Event& e) {
  std::vector<std::string> parts;
  for (const Participant& p : e.participants) {
    parts.push_back((p.entity.empty() ? "(unresolved " + Quoted(p.text) + ")" : p.entity) +
                    (p.role == "participant" ? "" : " as " + p.role));
  }
  std::string out = fmt::format("event {} {}", e.type, Braced(parts));
  if (e.modality != "held") out += " modality=" + e.modality;
  if (!e.date.value.empty()) out += " date=" + e.date.value;
  if (!e.place.empty()) out += " place=" + e.place;
  if (!e.reported_by.empty()) out += " reported_by=" + Braced(e.reported_by);
  return out;
}

std::string DescribeMention(const std::string& text, const Mention& m) {
  std::string out = fmt::format("{} {}", KindName(m.kind), Quoted(m.span.Of(text)));
  if (!m.timex.value.empty()) out += " = " + m.timex.value;
  if (!m.entity.empty()) out += " -> " + m.entity;
  return out;
}

std::string Describe(const DocumentFacts& facts, const std::string& text, const Fact& f) {
  if (f.event >= 0) {
    const std::string e = DescribeEvent(facts.events[f.event]);
    return f.via.empty() ? e : fmt::format("the {} of {}", f.via, e);
  }
  const std::string m = DescribeMention(text, facts.mentions[f.mention]);
  return f.via == "exclude" ? "kept " + m + " from being attached" : m;
}

// Returns the differences between what is expected and fact ("" when an expectation holds).
std::vector<std::string> Mismatches(const DocumentFacts& facts, const Fact& fact,
                                    const std::vector<Expectation>& expects) {
  std::vector<std::string> out;
  for (const Expectation& x : expects) {
    const bool event_key = IsEventKey(x.key);
    if (event_key != (fact.event >= 0)) {
      out.push_back(fmt::format("expect key '{}' describes {}, but {} makes {}", x.key,
                                event_key ? "an event" : "a mention", fact.rule,
                                fact.event >= 0 ? "events" : "mentions"));
      continue;
    }
    auto scalar = [&](const std::string& got) {
      if (got != x.value) {
        out.push_back(
            fmt::format("expected {}={}, got {}", x.key, x.value, got.empty() ? "none" : got));
      }
    };
    auto superset = [&](std::vector<std::string> got) {
      std::sort(got.begin(), got.end());
      got.erase(std::unique(got.begin(), got.end()), got.end());
      const std::vector<std::string> want = SplitList(x.value);
      for (const std::string& w : want) {
        if (!std::binary_search(got.begin(), got.end(), w)) {
          out.push_back(
              fmt::format("expected {} \u2287 {}, got {}", x.key, Braced(want), Braced(got)));
          return;
        }
      }
    };
    if (fact.event >= 0) {
      const Event& e = facts.events[fact.event];
      if (x.key == "type") scalar(e.type);
      if (x.key == "date") scalar(e.date.value);
      if (x.key == "place") scalar(e.place);
      if (x.key == "modality") scalar(e.modality);
      if (x.key == "reported_by") superset(e.reported_by);
      if (x.key == "participants") {
        std::vector<std::string> got;
        for (const Participant& p : e.participants) {
          got.push_back(p.entity.empty() ? "(unresolved)" : p.entity);
        }
        superset(got);
      }
    } else {
      const Mention& m = facts.mentions[fact.mention];
      if (x.key == "value") scalar(m.timex.value);
      if (x.key == "entity") scalar(m.entity);
    }
  }
  return out;
}

class Runner {
 public:
  Runner(const RuleSet& rules, const RuleTestOptions& options)
      : rules_(rules), options_(options), extractor_(rules, ExtractOptions()) {
    for (const auto& r : rules.mention_rules()) {
      rule_info_[r->id] = {r.get(), "mention", fmt::format("pass {}", r->pass)};
    }
    for (const auto& r : rules.date_rules()) rule_info_[r->id] = {r.get(), "date", ""};
    for (const auto& r : rules.event_rules()) rule_info_[r->id] = {r.get(), "event", "events"};
    for (const auto& r : rules.attach_rules()) {
      rule_info_[r->id] = {r.get(), "attachment", "events"};
    }
  }

  CaseResult Run(const RuleTestCase& c) const;

 private:
  std::vector<Fact> CollectFacts(const std::string& text, const DocumentFacts& facts) const;
  void Hints(const RuleInfo& info, const Annotation& a, const std::string& text,
             const DocumentFacts& facts, const Trace& trace, std::vector<std::string>* out) const;

  const RuleSet& rules_;
  const RuleTestOptions& options_;
  Extractor extractor_;
  std::map<std::string, RuleInfo> rule_info_;
};

std::vector<Fact> Runner::CollectFacts(const std::string& text, const DocumentFacts& facts) const {
  std::vector<Fact> out;
  for (size_t i = 0; i < facts.events.size(); ++i) {
    const Event& e = facts.events[i];
    const int ei = static_cast<int>(i);
    std::set<std::string> seen;
    for (const Evidence& ev : e.evidence) {
      if (seen.insert(ev.rule).second) out.push_back({ev.rule, ei, -1, ""});
    }
    if (!e.date_rule.empty()) out.push_back({e.date_rule, ei, -1, "date"});
    if (!e.place_rule.empty()) out.push_back({e.place_rule, ei, -1, "place"});
    std::set<std::string> sources;
    for (const std::string& r : e.source_rules) {
      if (!r.empty() && sources.insert(r).second) out.push_back({r, ei, -1, "source"});
    }
  }
  for (size_t i = 0; i < facts.mentions.size(); ++i) {
    out.push_back({facts.mentions[i].rule, -1, static_cast<int>(i), ""});
  }
  // An exclude attachment leaves no trace on an event: find what it keeps out directly,
  // on the sentence as the event rules see it.
  for (const auto& rule : rules_.attach_rules()) {
    if (rule->slot != "exclude") continue;
    const int group = rule->Group(rule->slot);
    for (size_t s = 0; s < facts.sentences.size(); ++s) {
      const Rendered r(text, facts.sentences[s].span, TopLevel(facts.mentions, static_cast<int>(s)),
                       facts.mentions);
      const int n = rule->re->NumberOfCapturingGroups() + 1;
      std::vector<re2::StringPiece> g(n);
      if (group < 0 ||
          !rule->re->Match(r.text(), 0, r.text().size(), RE2::UNANCHORED, g.data(), n)) {
        continue;
      }
      if (g[group].data() == nullptr) continue;
      const size_t b = g[group].data() - r.text().data();
      std::vector<int> found;
      r.MentionsIn(b, b + g[group].size(), &found);
      for (int m : found) out.push_back({rule->id, -1, m, "exclude"});
    }
  }
  return out;
}

void Runner::Hints(const RuleInfo& info, const Annotation& a, const std::string& text,
                   const DocumentFacts& facts, const Trace& trace,
                   std::vector<std::string>* out) const {
  const PatternRule& rule = *info.rule;
  const LangMask lang = LangFromCode(facts.lang);
  if ((rule.langs & lang) == 0) {
    out->push_back(fmt::format("{} is a rule for {}, but the text was read as '{}'{}", a.rule,
                               rule.langs == kLangId ? "Indonesian" : "English", facts.lang,
                               facts.lang.empty() ? "" : " (set it with '# lang:')"));
    return;
  }
  bool matched = false;
  for (size_t s = 0; s < facts.sentences.size(); ++s) {
    std::string subject(facts.sentences[s].span.Of(text));
    if (!info.render_stage.empty() && s < trace.sentences.size()) {
      for (const auto& [stage, rendered] : trace.sentences[s].renders) {
        if (stage == info.render_stage) subject = rendered;
      }
    }
    re2::StringPiece m;
    if (rule.re->Match(subject, 0, subject.size(), RE2::UNANCHORED, &m, 1)) {
      matched = true;
      out->push_back(fmt::format("{} matches {}{}, but that made no {}", a.rule,
                                 Quoted(std::string_view(m.data(), m.size())),
                                 info.render_stage.empty() ? "" : " in the rendered sentence",
                                 info.what == "event" ? "event (no participant resolved, or a "
                                                        "back-reference with nothing to join)"
                                 : info.what == "attachment"
                                     ? "attachment (no event in the sentence, or a "
                                       "nearer or higher-priority candidate won)"
                                     : "mention (a longer or earlier match won, or "
                                       "the name was trimmed or rejected)"));
      break;
    }
  }
  if (!matched) {
    out->push_back(fmt::format(
        "{} does not match the {}", a.rule,
        info.render_stage.empty() ? "text" : "sentence as it sees it (" + info.render_stage + ")"));
  }
}

CaseResult Runner::Run(const RuleTestCase& c) const {
  CaseResult result;
  result.test_case = c;
  std::vector<const Annotation*> selected;
  for (const Annotation& a : c.annotations) {
    if (Matches(options_.filter, a.rule)) selected.push_back(&a);
  }
  if (selected.empty()) return result;
  Document doc;
  doc.id = "test";
  doc.origin = fmt::format("{}:{}", c.location.file, c.location.line);
  doc.text = c.text;
  doc.lang = c.lang;
  doc.date = c.dct;
  Trace trace;
  const DocumentFacts facts = extractor_.Extract(doc, &trace);
  if (facts.status != "ok") result.skipped = facts.reason;
  const std::vector<Fact> all = CollectFacts(doc.text, facts);
  for (const Fact& f : all) {
    if (f.rule == "gazetteer") continue;
    result.fired.push_back(f.rule + ": " + Describe(facts, doc.text, f));
  }
  for (size_t s = 0; s < trace.sentences.size(); ++s) {
    for (const auto& [stage, rendered] : trace.sentences[s].renders) {
      if (stage == "events") result.rendered.push_back(rendered);
    }
  }
  for (const Annotation* a : selected) {
    CheckResult check;
    check.annotation = *a;
    const bool positive =
        a->kind == AnnotationKind::kRuleId || a->kind == AnnotationKind::kTodoRuleId;
    const bool todo = a->kind == AnnotationKind::kTodoRuleId || a->kind == AnnotationKind::kTodoOk;
    auto info = rule_info_.find(a->rule);
    std::vector<const Fact*> mine;
    for (const Fact& f : all) {
      if (f.rule == a->rule) mine.push_back(&f);
    }
    if (info == rule_info_.end()) {
      check.problems.push_back(
          fmt::format("unknown rule '{}': no rule of the rule set has "
                      "this id",
                      a->rule));
      check.outcome = Outcome::kFail;
      result.checks.push_back(std::move(check));
      continue;
    }
    if (!result.skipped.empty()) {
      check.problems.push_back("the text was not processed: " + result.skipped);
    } else if (positive && mine.empty()) {
      check.problems.push_back(fmt::format("expected a fact from {}, got none", a->rule));
      Hints(info->second, *a, doc.text, facts, trace, &check.problems);
    } else if (positive && !a->expects.empty()) {
      std::vector<std::string> best;
      bool found = false;
      for (const Fact* f : mine) {
        std::vector<std::string> m = Mismatches(facts, *f, a->expects);
        if (!found || m.size() < best.size()) best = std::move(m);
        found = true;
        if (best.empty()) break;
      }
      if (!best.empty()) {
        if (mine.size() > 1) {
          best.push_back(
              fmt::format("(the closest of the {} facts from {})", mine.size(), a->rule));
        }
        check.problems = std::move(best);
      }
    } else if (!positive && !mine.empty()) {
      for (const Fact* f : mine) {
        check.problems.push_back(fmt::format("expected no fact from {}, got {}", a->rule,
                                             Describe(facts, doc.text, *f)));
      }
    }
    const bool pass = check.problems.empty();
    check.outcome = todo ? (pass ? Outcome::kFixed : Outcome::kKnownGap)
                         : (pass ? Outcome::kPass : Outcome::kFail);
    result.checks.push_back(std::move(check));
  }
  return result;
}

}  // namespace

int RuleTestReport::coverage_errors() const {
  int n = 0;
  for (const CoverageGap& g : coverage) n += g.error;
  return n;
}

RuleTestReport RunRuleTests(const RuleSet& rules, const std::vector<RuleTestFile>& files,
                            const RuleTestOptions& options) {
  RuleTestReport report;
  const Runner runner(rules, options);
  std::map<std::string, std::pair<int, int>> counts;  // rule -> (positive, negative)
  for (const RuleTestFile& file : files) {
    FileResult fr;
    fr.file = file.file;
    for (const RuleTestCase& c : file.cases) {
      CaseResult cr = runner.Run(c);
      if (cr.checks.empty()) continue;
      for (const CheckResult& check : cr.checks) {
        const AnnotationKind k = check.annotation.kind;
        auto& count = counts[check.annotation.rule];
        (k == AnnotationKind::kRuleId || k == AnnotationKind::kTodoRuleId ? count.first
                                                                          : count.second)++;
        switch (check.outcome) {
          case Outcome::kPass:
            ++report.passed;
            break;
          case Outcome::kFail:
            ++report.failed;
            break;
          case Outcome::kKnownGap:
            ++report.known_gaps;
            break;
          case Outcome::kFixed:
            ++report.fixed;
            break;
        }
      }
      fr.cases.push_back(std::move(cr));
    }
    report.files.push_back(std::move(fr));
  }
  auto cover = [&](const PatternRule& rule) {
    auto it = options.coverage.find(rule.origin.file);
    if (it == options.coverage.end() || !Matches(options.filter, rule.id)) return;
    const auto count = counts[rule.id];
    if (count.first > 0 && count.second > 0) return;
    CoverageGap gap;
    gap.rule = rule.id;
    gap.origin = rule.origin;
    gap.missing = count.first == 0 && count.second == 0 ? "no ruleid and no ok check"
                  : count.first == 0                    ? "no ruleid check"
                                                        : "no ok check";
    gap.test_file = TestFileOfRule(rule.origin.file);
    gap.error = it->second;
    report.coverage.push_back(std::move(gap));
  };
  for (const auto& r : rules.mention_rules()) cover(*r);
  for (const auto& r : rules.date_rules()) cover(*r);
  for (const auto& r : rules.event_rules()) cover(*r);
  for (const auto& r : rules.attach_rules()) cover(*r);
  std::stable_sort(report.coverage.begin(), report.coverage.end(),
                   [](const CoverageGap& a, const CoverageGap& b) {
                     if (a.origin.file != b.origin.file) return a.origin.file < b.origin.file;
                     return a.origin.location.line < b.origin.location.line;
                   });
  return report;
}

// ---------------------------------------------------------------------------------------
// Formatting

namespace {

std::string Plural(int n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string RuleTestSummary(const RuleTestReport& r) {
  const int total = r.passed + r.failed + r.known_gaps + r.fixed;
  std::string out =
      fmt::format("{}: {} passed, {} failed", Plural(total, "check", "checks"), r.passed, r.failed);
  if (r.known_gaps) out += ", " + Plural(r.known_gaps, "known gap", "known gaps");
  if (r.fixed) out += fmt::format(", {} fixed (remove the todo)", r.fixed);
  const int gaps = static_cast<int>(r.coverage.size());
  if (gaps) {
    out += fmt::format("; {} without a ruleid or ok check", Plural(gaps, "rule", "rules"));
    if (r.coverage_errors() < gaps) {
      out += fmt::format(" ({} of them an error)", r.coverage_errors());
    }
  }
  return out;
}

std::vector<std::string> ExplainFailure(const CaseResult& c, const CheckResult& check) {
  std::vector<std::string> out;
  out.push_back("text:     " + c.test_case.text);
  for (const Expectation& x : check.annotation.expects) {
    out.push_back(fmt::format("expect:   {}={}", x.key, x.value));
  }
  for (const std::string& p : check.problems) out.push_back(p);
  for (size_t i = 0; i < c.rendered.size(); ++i) {
    out.push_back((i == 0 ? "rendered: " : "          ") + c.rendered[i]);
  }
  if (c.fired.empty()) out.push_back("fired:    nothing but gazetteer names");
  for (size_t i = 0; i < c.fired.size(); ++i) {
    out.push_back((i == 0 ? "fired:    " : "          ") + c.fired[i]);
  }
  return out;
}

std::string FormatRuleTestReport(const RuleTestReport& report) {
  std::string out;
  for (const FileResult& file : report.files) {
    if (file.cases.empty()) continue;
    out += file.file + "\n";
    // Rules in the order of their first check in the file.
    std::vector<std::string> order;
    std::map<std::string, std::vector<std::pair<const CaseResult*, const CheckResult*>>> by_rule;
    for (const CaseResult& c : file.cases) {
      for (const CheckResult& check : c.checks) {
        const std::string& rule = check.annotation.rule;
        if (!by_rule.count(rule)) order.push_back(rule);
        by_rule[rule].emplace_back(&c, &check);
      }
    }
    for (const std::string& rule : order) {
      const auto& checks = by_rule[rule];
      int failed = 0, gaps = 0, fixed = 0;
      for (const auto& [c, check] : checks) {
        failed += check->outcome == Outcome::kFail;
        gaps += check->outcome == Outcome::kKnownGap;
        fixed += check->outcome == Outcome::kFixed;
      }
      const int n = static_cast<int>(checks.size());
      std::string notes;
      if (gaps) notes += ", " + Plural(gaps, "known gap", "known gaps");
      if (fixed) notes += fmt::format(", {} fixed", fixed);
      if (failed) {
        out += fmt::format("  FAIL  {} ({} of {} failed{})\n", rule, failed,
                           Plural(n, "check", "checks"), notes);
      } else {
        out += fmt::format("  ok    {} ({}{})\n", rule, Plural(n, "check", "checks"), notes);
      }
      for (const auto& [c, check] : checks) {
        const Annotation& a = check->annotation;
        const Location& at = c->test_case.location;
        if (check->outcome == Outcome::kFixed) {
          out += fmt::format("        fixed: {}:{}: {} {} passes now: remove the todo\n", at.file,
                             at.line, AnnotationName(a.kind), rule);
          continue;
        }
        if (check->outcome == Outcome::kKnownGap) {
          out += fmt::format("        todo:  {}:{}: {} (known gap)\n", at.file, at.line,
                             AnnotationName(a.kind));
          continue;
        }
        if (check->outcome != Outcome::kFail) continue;
        out +=
            fmt::format("        {}:{}: {}: {}\n", at.file, at.line, AnnotationName(a.kind), rule);
        for (const std::string& line : ExplainFailure(*c, *check)) {
          out += "          " + line + "\n";
        }
      }
    }
  }
  if (!report.coverage.empty()) {
    out += "coverage\n";
    for (const CoverageGap& g : report.coverage) {
      Diagnostic d;
      d.severity = g.error ? Severity::kError : Severity::kWarning;
      d.location = g.origin.location;
      d.message = fmt::format("rule '{}' has {} (add to {})", g.rule, g.missing, g.test_file);
      out += "  " + FormatDiagnostic(d);
    }
  }
  out += RuleTestSummary(report) + "\n";
  return out;
}

}  // namespace newsgraph
