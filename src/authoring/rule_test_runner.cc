#include "authoring/rule_test_runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "authoring/rule_files.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "extract/render.h"

namespace newsgraph {

namespace {

// Keys that describe an event; the others describe a mention.
const char* const kEventKeys[] = {"type",  "participants", "date",
                                  "place", "modality",     "reported_by"};

bool IsEventKey(std::string_view key) {
  return std::find(std::begin(kEventKeys), std::end(kEventKeys), key) != std::end(kEventKeys);
}

std::string Braced(const std::vector<std::string>& items) {
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "}";
}

}  // namespace

bool RuleFilterMatches(const std::string& filter, const std::string& rule) {
  if (filter.empty() || filter == rule) return true;
  return filter.back() == '*' &&
         rule.compare(0, filter.size() - 1, filter, 0, filter.size() - 1) == 0;
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
      const std::vector<std::string> want = ExpectListItems(x.value);
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

  // Extracts the case's text and checks each of its annotations that the filter selects.
  CaseResult Run(const RuleTestCase& c) const;

 private:
  // One case extracted: its text, facts and trace, and the facts each rule made.
  struct Extracted {
    const std::string& text;
    const DocumentFacts& facts;
    const Trace& trace;
    const std::vector<Fact>& made;
    const std::string& skipped;  // why the text was not processed, or ""
  };

  std::vector<Fact> CollectFacts(const std::string& text, const DocumentFacts& facts) const;
  CheckResult Check(const Annotation& a, const Extracted& x) const;
  std::vector<std::string> Problems(const RuleInfo& info, const Annotation& a,
                                    const std::vector<const Fact*>& mine, const Extracted& x) const;
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
  const LangMask lang = rules_.Lang(facts.lang);
  if ((rule.langs & lang) == 0) {
    out->push_back(fmt::format("{} is a rule for {}, but the text was read as '{}'{}", a.rule,
                               rules_.LangNames(rule.langs), facts.lang,
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

// Returns the document a test case is extracted as.
Document CaseDocument(const RuleTestCase& c) {
  Document doc;
  doc.id = "test";
  doc.origin = fmt::format("{}:{}", c.location.file, c.location.line);
  doc.text = c.text;
  doc.lang = c.lang;
  doc.date = c.dct;
  return doc;
}

// Records what fired (gazetteer names aside) and the sentences as the event rules saw them.
void RecordWhatFired(const std::string& text, const DocumentFacts& facts,
                     const std::vector<Fact>& made, const Trace& trace, CaseResult* result) {
  for (const Fact& f : made) {
    if (f.rule == "gazetteer") continue;
    result->fired.push_back(f.rule + ": " + Describe(facts, text, f));
  }
  for (size_t s = 0; s < trace.sentences.size(); ++s) {
    for (const auto& [stage, rendered] : trace.sentences[s].renders) {
      if (stage == "events") result->rendered.push_back(rendered);
    }
  }
}

CaseResult Runner::Run(const RuleTestCase& c) const {
  CaseResult result;
  result.test_case = c;
  std::vector<const Annotation*> selected;
  for (const Annotation& a : c.annotations) {
    if (RuleFilterMatches(options_.filter, a.rule)) selected.push_back(&a);
  }
  if (selected.empty()) return result;
  const Document doc = CaseDocument(c);
  Trace trace;
  const DocumentFacts facts = extractor_.Extract(doc, &trace);
  if (facts.status != "ok") result.skipped = facts.reason;
  const std::vector<Fact> made = CollectFacts(doc.text, facts);
  RecordWhatFired(doc.text, facts, made, trace, &result);
  const Extracted x{doc.text, facts, trace, made, result.skipped};
  for (const Annotation* a : selected) result.checks.push_back(Check(*a, x));
  return result;
}

CheckResult Runner::Check(const Annotation& a, const Extracted& x) const {
  CheckResult check;
  check.annotation = a;
  auto info = rule_info_.find(a.rule);
  if (info == rule_info_.end()) {
    check.problems.push_back(
        fmt::format("unknown rule '{}': no rule of the rule set has "
                    "this id",
                    a.rule));
    check.outcome = Outcome::kFail;
    return check;
  }
  std::vector<const Fact*> mine;
  for (const Fact& f : x.made) {
    if (f.rule == a.rule) mine.push_back(&f);
  }
  check.problems = Problems(info->second, a, mine, x);
  const bool todo = a.kind == AnnotationKind::kTodoRuleId || a.kind == AnnotationKind::kTodoOk;
  const bool pass = check.problems.empty();
  check.outcome = todo ? (pass ? Outcome::kFixed : Outcome::kKnownGap)
                       : (pass ? Outcome::kPass : Outcome::kFail);
  return check;
}

// Returns what is wrong with the facts mine that rule a.rule made in the case, for a
// positive annotation (ruleid: a fact, fitting the expect lines) or a negative one (ok: none).
std::vector<std::string> Runner::Problems(const RuleInfo& info, const Annotation& a,
                                          const std::vector<const Fact*>& mine,
                                          const Extracted& x) const {
  std::vector<std::string> problems;
  const bool positive = a.kind == AnnotationKind::kRuleId || a.kind == AnnotationKind::kTodoRuleId;
  if (!x.skipped.empty()) {
    problems.push_back("the text was not processed: " + x.skipped);
  } else if (positive && mine.empty()) {
    problems.push_back(fmt::format("expected a fact from {}, got none", a.rule));
    Hints(info, a, x.text, x.facts, x.trace, &problems);
  } else if (positive && !a.expects.empty()) {
    // The fact closest to the expectations.
    bool found = false;
    for (const Fact* f : mine) {
      std::vector<std::string> m = Mismatches(x.facts, *f, a.expects);
      if (!found || m.size() < problems.size()) problems = std::move(m);
      found = true;
      if (problems.empty()) break;
    }
    if (!problems.empty() && mine.size() > 1) {
      problems.push_back(fmt::format("(the closest of the {} facts from {})", mine.size(), a.rule));
    }
  } else if (!positive && !mine.empty()) {
    for (const Fact* f : mine) {
      problems.push_back(
          fmt::format("expected no fact from {}, got {}", a.rule, Describe(x.facts, x.text, *f)));
    }
  }
  return problems;
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
    if (it == options.coverage.end() || !RuleFilterMatches(options.filter, rule.id)) return;
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

}  // namespace newsgraph
