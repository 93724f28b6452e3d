// Runs rule test files: each text line is extracted as one document with the whole rule
// set, and each of its annotations is checked against the facts; then the coverage of the
// rule files (every rule needs a ruleid and an ok check).
//
//   RuleTestOptions options;
//   options.filter = "meet.id.*";                             // only these rules' checks
//   options.coverage = {{"rules/events/meet.json", true}};    // rule files to cover, strictly
//   RuleTestReport report = RunRuleTests(rules, files, options);
//   if (report.failed_any()) ...;
//
// "Produces a fact from rule R" means: an event with evidence from R; an event whose date,
// place or a source R attached; a mention (title, person, date, ...) R made; for an
// `exclude` attachment rule, a mention it kept from being attached.
#ifndef NEWSGRAPH_RULE_TEST_RUNNER_H_
#define NEWSGRAPH_RULE_TEST_RUNNER_H_

#include <map>
#include <string>
#include <vector>

#include "authoring/rule_tests.h"
#include "rules/rules.h"

namespace newsgraph {

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

// Returns true if rule_id is selected by filter: equal to it, or starting with it less its
// last character when that is '*' ("meet.id.*"); an empty filter selects every rule.
bool RuleFilterMatches(const std::string& filter, const std::string& rule_id);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULE_TEST_RUNNER_H_
