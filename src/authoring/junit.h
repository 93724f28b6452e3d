// JUnit XML for rule test results, the format CI servers read (Jenkins, GitLab, GitHub
// actions that publish test reports): one <testsuite> per rule test file, one <testcase> per
// check (a text line checked against one rule; classname = the rule id), <failure> with the
// difference, <skipped> for known gaps; coverage gaps form a last suite, "coverage".
// Validated against the Jenkins JUnit schema (tests/junit_check.sh).
//
//   RuleTestReport report = RunRuleTests(rules, files, options);
//   std::string xml = RuleTestJunit(report, test_file_errors);
#ifndef NEWSGRAPH_JUNIT_H_
#define NEWSGRAPH_JUNIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "authoring/rule_test_runner.h"
#include "base/diagnostic.h"

namespace newsgraph {

// Returns the JUnit XML document of a rule test run. Problems of the test files themselves
// (test_file_errors: malformed lines) become <error> test cases of their file's suite. The
// output holds nothing unstable (no times, host names or absolute paths beyond the given
// file names).
std::string RuleTestJunit(const RuleTestReport& report,
                          const std::vector<Diagnostic>& test_file_errors);

}  // namespace newsgraph

#endif  // NEWSGRAPH_JUNIT_H_
