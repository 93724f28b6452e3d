#include "authoring/rule_test_report.h"

#include <fmt/format.h>

#include <map>

#include "base/diagnostic.h"

namespace newsgraph {

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
