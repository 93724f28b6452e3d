#include "authoring/junit.h"

#include <fmt/format.h>

#include <map>

#include "base/text.h"

namespace newsgraph {

namespace {

// Returns text escaped for an XML attribute or element. Unlike graphml.cc's XmlEscape it
// keeps newlines in attributes (as &#10;) and replaces what XML 1.0 forbids, invalid UTF-8
// included, by U+FFFD: a test file's text is not checked like a document.
std::string XmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    int len = 1;
    if (!DecodeUtf8(text, i, &cp, &len)) cp = 0xFFFD;  // len is 1 then
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";  // kept in attributes, where a raw newline would be normalised away
        break;
      default: {
        // XML 1.0 allows tab, CR, LF and everything from U+0020 except the surrogates and
        // U+FFFE / U+FFFF; invalid UTF-8 decodes to U+FFFD above.
        const bool allowed = (cp >= 0x20 || cp == '\t' || cp == '\r') &&
                             !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
        if (allowed && cp != 0xFFFD) {
          out.append(text.substr(i, len));
        } else {
          AppendUtf8(0xFFFD, &out);
        }
      }
    }
    i += len;
  }
  return out;
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

std::string RuleTestJunit(const RuleTestReport& report,
                          const std::vector<Diagnostic>& test_file_errors) {
  std::vector<Suite> suites;
  std::map<std::string, size_t> index;
  auto suite = [&](const std::string& name) -> Suite& {
    auto [it, added] = index.emplace(name, suites.size());
    if (added) suites.push_back({name});
    return suites[it->second];
  };
  for (const FileResult& file : report.files) {
    if (file.cases.empty()) continue;
    Suite& s = suite(file.file);
    for (const CaseResult& c : file.cases) {
      for (const CheckResult& check : c.checks) {
        const Annotation& a = check.annotation;
        ++s.tests;
        s.body +=
            fmt::format("    <testcase classname=\"{}\" name=\"{}\">", XmlEscape(a.rule),
                        XmlEscape(fmt::format("{}:{} {}", c.test_case.location.file,
                                              c.test_case.location.line, AnnotationName(a.kind))));
        switch (check.outcome) {
          case Outcome::kPass:
            break;
          case Outcome::kFixed:
            s.body += fmt::format("<system-out>{}</system-out>",
                                  XmlEscape(fmt::format("fixed: this {} check passes now; "
                                                        "remove the todo",
                                                        AnnotationName(a.kind))));
            break;
          case Outcome::kKnownGap:
            ++s.skipped;
            s.body +=
                fmt::format("<skipped>{}</skipped>",
                            XmlEscape(fmt::format("known gap ({}): {}", AnnotationName(a.kind),
                                                  Lines(check.problems))));
            break;
          case Outcome::kFail:
            ++s.failures;
            s.body +=
                fmt::format("\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    ",
                            AnnotationName(a.kind),
                            XmlEscape(check.problems.empty() ? "failed" : check.problems.front()),
                            XmlEscape(Lines(ExplainFailure(c, check))));
            break;
        }
        s.body += "</testcase>\n";
      }
    }
  }
  for (const Diagnostic& d : test_file_errors) {
    if (d.severity != Severity::kError) continue;
    Suite& s = suite(d.location.file);
    ++s.tests;
    ++s.errors;
    s.body += fmt::format(
        "    <testcase classname=\"(test file)\" name=\"{}\">\n"
        "      <error type=\"test file\" message=\"{}\">{}</error>\n    </testcase>\n",
        XmlEscape(fmt::format("{}:{}:{}", d.location.file, d.location.line, d.location.column)),
        XmlEscape(d.message), XmlEscape(FormatDiagnostic(d)));
  }
  if (!report.coverage.empty()) {
    Suite& s = suite("coverage");
    for (const CoverageGap& g : report.coverage) {
      ++s.tests;
      const std::string message =
          fmt::format("rule '{}' has {} (add to {})", g.rule, g.missing, g.test_file);
      s.body += fmt::format("    <testcase classname=\"{}\" name=\"{}\">", XmlEscape(g.rule),
                            XmlEscape(fmt::format("coverage: a ruleid and an ok check")));
      if (g.error) {
        ++s.failures;
        s.body += fmt::format(
            "\n      <failure type=\"coverage\" message=\"{}\">{}</failure>\n    ",
            XmlEscape(message),
            XmlEscape(fmt::format("{}:{}:{}: {}\n", g.origin.location.file, g.origin.location.line,
                                  g.origin.location.column, message)));
      } else {
        ++s.skipped;
        s.body += fmt::format("<skipped>{}</skipped>", XmlEscape(message));
      }
      s.body += "</testcase>\n";
    }
  }
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
        XmlEscape(s.name), s.tests, s.failures, s.errors, s.skipped);
    out += s.body;
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace newsgraph
