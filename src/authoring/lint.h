// Lint: every problem of some rule files and their test files, in one run. The files are
// loaded together with the rule set they extend (so that {PARTIES} and event types defined
// elsewhere resolve), with the loader's warnings on; then checks that only lint makes:
//
//   - an event rule's role that its event type does not list in `roles` (error);
//   - a fragment defined in a linted file that no pattern or fragment uses (warning);
//   - a rule file without a test file beside it (warning);
//   - test files: malformed lines, rule ids that no rule has, `# lang:` that the rule
//     does not apply to, `expect` keys that do not describe what the rule makes.
//
// Only the diagnostics of the linted files are kept; problems of the other files of the set
// are counted, not shown, so they are not taken for the linted files' own.
//
//   LintOptions options;
//   LintResult result = LintRuleFiles(selection, options);
//   for (const Diagnostic& d : result.diags.list()) std::cerr << FormatDiagnostic(d);
#ifndef NEWSGRAPH_LINT_H_
#define NEWSGRAPH_LINT_H_

#include <string>

#include "authoring/rule_files.h"
#include "base/diagnostic.h"
#include "rules/rules.h"

namespace newsgraph {

struct LintOptions {
  // Largest re2 program a rule may compile to before lint warns.
  int max_program_size = LoadOptions().max_program_size;
};

struct LintResult {
  Diagnostics diags;  // of the linted files, in file order, then line and column
  int files = 0;      // linted files (rule files and test files)
  int files_with_problems = 0;
  int hidden_errors = 0;  // errors in other files of the rule set (not shown)
  int hidden_warnings = 0;
};

// Lints the selected files of selection (RuleSelection::selected).
LintResult LintRuleFiles(const RuleSelection& selection, const LintOptions& options);

// Returns the summary line: "3 errors, 1 warning in 2 of 24 files" or "no problems in 24
// files".
std::string LintSummary(const LintResult& result);

}  // namespace newsgraph

#endif  // NEWSGRAPH_LINT_H_
