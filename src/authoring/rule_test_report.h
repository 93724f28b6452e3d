// The text report of a rule test run, as `newsgraph test` prints it (junit.h writes the same
// results as JUnit XML).
//
//   RuleTestReport report = RunRuleTests(rules, files, options);
//   std::cout << FormatRuleTestReport(report);   // ... then "182 checks: 180 passed, ..."
#ifndef NEWSGRAPH_RULE_TEST_REPORT_H_
#define NEWSGRAPH_RULE_TEST_REPORT_H_

#include <string>
#include <vector>

#include "authoring/rule_test_runner.h"

namespace newsgraph {

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

#endif  // NEWSGRAPH_RULE_TEST_REPORT_H_
