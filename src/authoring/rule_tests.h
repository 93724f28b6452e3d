// The rule test files: annotated sentences beside the rule file they test
// (`rules/events/meet.test.txt` beside `meet.json`), in the style of semgrep's `ruleid:` /
// `ok:` comments, and their parser. The format is specified in docs/design.md ("Rule test
// files"):
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
// Usage (rule_test_runner.h runs the parsed files, rule_test_report.h prints the results):
//
//   Diagnostics diags;
//   RuleTestFile file = ParseRuleTestFile(source, rules.language_codes(), &diags);  // problems ->
//   diags RuleTestOptions options; options.coverage = {{"rules/events/meet.json", true}};    //
//   rule files to cover, strictly RuleTestReport report = RunRuleTests(rules, {file}, options);
//   std::string text = FormatRuleTestReport(report);          // the CLI prints it
//   if (report.failed_any()) ...;
#ifndef NEWSGRAPH_RULE_TESTS_H_
#define NEWSGRAPH_RULE_TESTS_H_

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

// Returns the items of an expect value that is a list ("person:a, person:b"), without the
// blanks around them.
std::vector<std::string> ExpectListItems(std::string_view value);

// Parses a rule test file. Malformed lines (an unknown annotation, an `expect` without a
// `ruleid`, a bad date, an annotation without a text line) are errors in *diags, located at
// file:line:col; the cases that parsed are returned.
// languages: the codes a "# lang:" line may name (the rule set's, in declaration order).
RuleTestFile ParseRuleTestFile(const RuleSource& source, const std::vector<std::string>& languages,
                               Diagnostics* diags);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULE_TESTS_H_
