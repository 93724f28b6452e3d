#include "authoring/junit.h"

#include <fmt/format.h>

#include <map>

#include "authoring/rule_test_report.h"
#include "base/text.h"
#include "base/xml.h"

namespace newsgraph {

namespace {

// Returns text escaped for an XML attribute or element: newlines as &#10; (kept in
// attributes), and what XML 1.0 forbids, invalid UTF-8 included, as U+FFFD: a test file's
// text is not checked like a document.
std::string XmlEscapeNewlinesAndInvalidUtf8(std::string_view text) {
  return XmlEscape(text, XmlInvalid::kReplace, /*newline_reference=*/true);
}

struct Suite {
  std::string name;
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  std::string body;
};

// Returns the lines, each ended by a newline.
std::string Lines(const std::vector<std::string>& lines) {
  return lines.empty() ? std::string() : Join(lines, "\n") + "\n";
}

}  // namespace

namespace {

// The suites in order of first use, by name.
class Suites {
 public:
  Suite& Get(const std::string& name) {
    auto [it, added] = index_.emplace(name, list_.size());
    if (added) list_.push_back({name});
    return list_[it->second];
  }
  const std::vector<Suite>& list() const { return list_; }

 private:
  std::vector<Suite> list_;
  std::map<std::string, size_t> index_;
};

// One <testcase> per check of the case, in the suite of its test file.
void AddCheckCases(const CaseResult& c, Suite* s) {
  for (const CheckResult& check : c.checks) {
    const Annotation& a = check.annotation;
    ++s->tests;
    s->body += fmt::format("    <testcase classname=\"{}\" name=\"{}\">",
                           XmlEscapeNewlinesAndInvalidUtf8(a.rule),
                           XmlEscapeNewlinesAndInvalidUtf8(
                               fmt::format("{}:{} {}", c.test_case.location.file,
                                           c.test_case.location.line, AnnotationName(a.kind))));
    switch (check.outcome) {
      case Outcome::kPass:
        break;
      case Outcome::kFixed:
        s->body += fmt::format(
            "<system-out>{}</system-out>",
            XmlEscapeNewlinesAndInvalidUtf8(fmt::format("fixed: this {} check passes now; "
                                                        "remove the todo",
                                                        AnnotationName(a.kind))));
        break;
      case Outcome::kKnownGap:
        ++s->skipped;
        s->body +=
            fmt::format("<skipped>{}</skipped>",
                        XmlEscapeNewlinesAndInvalidUtf8(fmt::format(
                            "known gap ({}): {}", AnnotationName(a.kind), Lines(check.problems))));
        break;
      case Outcome::kFail:
        ++s->failures;
        s->body += fmt::format("\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    ",
                               AnnotationName(a.kind),
                               XmlEscapeNewlinesAndInvalidUtf8(
                                   check.problems.empty() ? "failed" : check.problems.front()),
                               XmlEscapeNewlinesAndInvalidUtf8(Lines(ExplainFailure(c, check))));
        break;
    }
    s->body += "</testcase>\n";
  }
}

// A malformed line of a test file: an <error> test case of its file's suite.
void AddTestFileError(const Diagnostic& d, Suite* s) {
  ++s->tests;
  ++s->errors;
  s->body += fmt::format(
      "    <testcase classname=\"(test file)\" name=\"{}\">\n"
      "      <error type=\"test file\" message=\"{}\">{}</error>\n    </testcase>\n",
      XmlEscapeNewlinesAndInvalidUtf8(
          fmt::format("{}:{}:{}", d.location.file, d.location.line, d.location.column)),
      XmlEscapeNewlinesAndInvalidUtf8(d.message),
      XmlEscapeNewlinesAndInvalidUtf8(FormatDiagnostic(d)));
}

// A rule without a ruleid or an ok check: a failure, or skipped when it is only a warning.
void AddCoverageGap(const CoverageGap& g, Suite* s) {
  ++s->tests;
  const std::string message =
      fmt::format("rule '{}' has {} (add to {})", g.rule, g.missing, g.test_file);
  s->body += fmt::format(
      "    <testcase classname=\"{}\" name=\"{}\">", XmlEscapeNewlinesAndInvalidUtf8(g.rule),
      XmlEscapeNewlinesAndInvalidUtf8(fmt::format("coverage: a ruleid and an ok check")));
  if (g.error) {
    ++s->failures;
    s->body += fmt::format("\n      <failure type=\"coverage\" message=\"{}\">{}</failure>\n    ",
                           XmlEscapeNewlinesAndInvalidUtf8(message),
                           XmlEscapeNewlinesAndInvalidUtf8(fmt::format(
                               "{}:{}:{}: {}\n", g.origin.location.file, g.origin.location.line,
                               g.origin.location.column, message)));
  } else {
    ++s->skipped;
    s->body += fmt::format("<skipped>{}</skipped>", XmlEscapeNewlinesAndInvalidUtf8(message));
  }
  s->body += "</testcase>\n";
}

// Returns the document: the totals, then every suite.
std::string WriteSuites(const std::vector<Suite>& suites) {
  int tests = 0, failures = 0, errors = 0;
  for (const Suite& s : suites) {
    tests += s.tests;
    failures += s.failures;
    errors += s.errors;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<testsuites name=\"newsgraph rule tests\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
      tests, failures, errors);
  for (const Suite& s : suites) {
    out += fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
        XmlEscapeNewlinesAndInvalidUtf8(s.name), s.tests, s.failures, s.errors, s.skipped);
    out += s.body;
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace

std::string RuleTestJunit(const RuleTestReport& report,
                          const std::vector<Diagnostic>& test_file_errors) {
  Suites suites;
  for (const FileResult& file : report.files) {
    if (file.cases.empty()) continue;
    Suite& s = suites.Get(file.file);
    for (const CaseResult& c : file.cases) AddCheckCases(c, &s);
  }
  for (const Diagnostic& d : test_file_errors) {
    if (d.severity == Severity::kError) AddTestFileError(d, &suites.Get(d.location.file));
  }
  for (const CoverageGap& g : report.coverage) AddCoverageGap(g, &suites.Get("coverage"));
  return WriteSuites(suites.list());
}

}  // namespace newsgraph
