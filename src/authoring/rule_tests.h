// The rule test files: parse and run. A rule test file holds annotated sentences beside the
// rule file it tests (`rules/events/meet.test.txt` beside `meet.json`), in the style of
// semgrep's `ruleid:` / `ok:` comments. The format is specified in docs/design.md ("Rule
// test files"):
//
//   # lang: id                   the language of the following lines (default: detected)
//   # dct: 2023-06-20            their publication date (default: none)
//   # ruleid: meet.id.verb       the next text line must produce a fact from this rule
//   # expect: participants=person:sergey-lavrov,person:antony-blinken; date=2023-06
//   Menlu Rusia Sergey Lavrov bertemu dengan Menlu AS Antony Blinken pada Juni 2023.
//   # ok: meet.id.verb           the next text line must not produce a fact from this rule
//   Lavrov tidak menyebut pertemuan apa pun.
//   # todoruleid: ID / # todook: ID    known gaps: reported, never failures
//
// Usage:
//
//   Diagnostics diags;
//   RuleTestFile file = ParseRuleTestFile(source, &diags);   // malformed lines -> diags
//   RuleTestOptions options;
//   options.coverage = {{"rules/events/meet.json", true}};    // rule files to cover, strictly
//   RuleTestReport report = RunRuleTests(rules, {file}, options);
//   std::string text = FormatRuleTestReport(report);          // the CLI prints it
//   if (report.failed()) ...;
//
// "Produces a fact from rule R" means: an event with evidence from R; an event whose date,
// place or a source R attached; a mention (title, person, date, ...) R made; for an
// `exclude` attachment rule, a mention it kept from being attached.
#ifndef NEWSGRAPH_RULE_TESTS_H_
#define NEWSGRAPH_RULE_TESTS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "rules/rules.h"

namespace newsgraph {

enum class AnnotationKind { kRuleId, kOk, kTodoRuleId, kTodoOk };

// Returns "ruleid", "ok", "todoruleid", "todook".
const char* AnnotationName(AnnotationKind k);

// One `key=value` of an `# expect:` line.
struct Expectation {
  std::string key;    // type participants date place modality reported_by value entity
  std::string value;  // as written: "person:a,person:b"
  Location location;  // of the key
};

// One rule named by a `ruleid` / `ok` / `todo...` line: a text line checked against a rule.
struct Annotation {
  AnnotationKind kind = AnnotationKind::kRuleId;
  std::string rule;
  Location location;  // of the rule id
  std::string source_line;
  std::vector<Expectation> expects;  // from the `# expect:` lines that follow it
};

// One text line with the annotations before it.
struct RuleTestCase {
  Location location;  // of the text line
  std::string text;
  std::string lang;  // "" = detected
  std::string dct;   // "" = none
  std::vector<Annotation> annotations;
};

struct RuleTestFile {
  std::string file;  // display path
  std::string rel;   // path relative to its rules directory
  std::vector<RuleTestCase> cases;
};

// Returns true if key is an `expect` key.
bool IsExpectKey(std::string_view key);

// Parses a rule test file. Malformed lines (an unknown annotation, an `expect` without a
// `ruleid`, a bad date, an annotation without a text line) are errors in *diags, located at
// file:line:col; the cases that parsed are returned.
RuleTestFile ParseRuleTestFile(const RuleSource& source, Diagnostics* diags);

struct RuleTestOptions {
  // Run only the checks of rules whose id equals filter, or starts with it when it ends in
  // '*' ("meet.id.*"). Empty: all.
  std::string filter;
  // The rule files (display paths) whose every mention, date, event and attachment rule
  // must have a `ruleid` and an `ok` check; true = a gap is a failure, false = a warning.
  std::map<std::string, bool> coverage;
};

enum class Outcome {
  kPass,
  kFail,
  kKnownGap,  // a todo check that still fails
  kFixed,     // a todo check that passes now: remove the todo
};

// The result of one annotation.
struct CheckResult {
  Annotation annotation;
  Outcome outcome = Outcome::kPass;
  std::vector<std::string> problems;  // what differs, one line each ("expected ..., got ...")
};

struct CaseResult {
  RuleTestCase test_case;  // a copy: the report outlives the parsed files
  std::vector<CheckResult> checks;
  std::vector<std::string> fired;     // "rule: fact" for every rule that produced a fact
  std::vector<std::string> rendered;  // the sentences as the event rules saw them
  std::string skipped;                // why the text was not processed, if it was not
};

struct FileResult {
  std::string file;
  std::vector<CaseResult> cases;
};

// A rule without a `ruleid` or an `ok` check.
struct CoverageGap {
  std::string rule;
  Origin origin;
  std::string missing;    // "no ruleid check", "no ok check", "no ruleid and no ok check"
  std::string test_file;  // where the checks belong
  bool error = true;
};

struct RuleTestReport {
  std::vector<FileResult> files;
  std::vector<CoverageGap> coverage;
  int passed = 0, failed = 0, known_gaps = 0, fixed = 0;

  int coverage_errors() const;
  bool failed_any() const { return failed > 0 || coverage_errors() > 0; }
};

// Runs every case of files: each text line is extracted as one document with the whole rule
// set, then each annotation is checked against the facts.
RuleTestReport RunRuleTests(const RuleSet& rules, const std::vector<RuleTestFile>& files,
                            const RuleTestOptions& options);

// Returns the report as text: per test file, per rule, ok / FAIL / todo / fixed, and for each
// failure the case's file:line, its text, what differs, the rendered sentence and the rules
// that fired; then the coverage gaps and a summary line.
std::string FormatRuleTestReport(const RuleTestReport& report);

// Returns the lines that explain a failed check, without indentation: the text, what was
// expected, what differs, the sentence as the event rules saw it and what fired.
std::vector<std::string> ExplainFailure(const CaseResult& c, const CheckResult& check);

// Returns the summary line: "182 checks: 180 passed, 1 failed, 1 known gap".
std::string RuleTestSummary(const RuleTestReport& report);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULE_TESTS_H_
