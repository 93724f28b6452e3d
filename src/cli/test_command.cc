// newsgraph test: run the rule test files (*.test.txt) beside the rule files.
#include <fmt/format.h>

#include <fstream>
#include <ostream>

#include "authoring/junit.h"
#include "authoring/rule_files.h"
#include "authoring/rule_test_report.h"
#include "authoring/rule_test_runner.h"
#include "authoring/rule_tests.h"
#include "cli/command.h"

namespace newsgraph {

namespace {

const char kTestUsage[] =
    "Usage: newsgraph test [options] [PATH...]\n\n"
    "Run the rule test files: the *.test.txt file beside each rule file, whose\n"
    "annotated lines say which rule must (ruleid) or must not (ok) produce a fact\n"
    "from the line; see docs/design.md, \"Rule test files\". Each text line is\n"
    "extracted as one document with the whole rule set. PATH names rule files,\n"
    "test files or directories whose tests to run (a PATH file replaces the file\n"
    "of the set whose relative path ends its path, and brings the file beside it);\n"
    "default: every test file of the rule set (the built-in tests are compiled\n"
    "in; those of --rules directories are read from disk).\n\n"
    "Prints, per test file and rule, ok or FAIL; for each failure the case's\n"
    "FILE:LINE, its text, what was expected and what came out, the sentence as the\n"
    "event rules saw it and the rules that fired. todoruleid / todook checks are\n"
    "known gaps, never failures (one that passes is reported as fixed). Every\n"
    "mention, date, event and attachment rule must have a ruleid and an ok check:\n"
    "a gap is a failure for the built-in rules and a warning for other files.\n\n"
    "Options:\n"
    "  --rules DIR            add the rule files under DIR (and their tests) to the\n"
    "                         built-in rules; repeatable\n"
    "  --no-builtin-rules     start from no rules: only --rules and PATH files\n"
    "  --filter ID            run only the checks of rule ID (ID* for a prefix)\n"
    "  --junit FILE           also write the results as JUnit XML (one testsuite per\n"
    "                         test file, one testcase per check)\n\n"
    "The report goes to stdout; problems of the test files themselves to stderr.\n"
    "Exit status: 0 all checks pass, 1 failures, coverage gaps or malformed test\n"
    "files, 2 usage, rule or file errors.\n";

// Returns true if some mention, date, event or attachment rule is selected by filter.
bool AnyRuleMatches(const RuleSet& rules, const std::string& filter) {
  bool any = false;
  auto check = [&](const auto& list) {
    for (const auto& r : list) any |= RuleFilterMatches(filter, r->id);
  };
  check(rules.mention_rules());
  check(rules.date_rules());
  check(rules.event_rules());
  check(rules.attach_rules());
  return any;
}

// Reads --filter and the coverage to require: every selected rule file, strictly for the
// built-in ones. Returns false after printing the error if no rule matches the filter.
bool TestOptionsFromArgs(const ParsedArgs& args, const RuleSet& rules,
                         const RuleSelection& selection, RuleTestOptions* options, Io& io) {
  options->filter = args.Get("filter");
  if (!options->filter.empty() && !AnyRuleMatches(rules, options->filter)) {
    io.err << fmt::format("newsgraph test: no rule matches --filter '{}'\n", options->filter);
    return false;
  }
  for (const RuleSource& s : selection.rules) {
    if (selection.IsSelected(s.display)) {
      options->coverage[s.display] = selection.IsBuiltin(s.display);
    }
  }
  return true;
}

// Returns the selected test files, parsed; their problems go to *diags.
std::vector<RuleTestFile> ParseTestFiles(const RuleSelection& selection, const RuleSet& rules,
                                         Diagnostics* diags) {
  std::vector<RuleTestFile> files;
  for (const RuleSource& t : selection.tests) {
    if (selection.IsSelected(t.display)) {
      files.push_back(ParseRuleTestFile(t, rules.language_codes(), diags));
    }
  }
  return files;
}

// Writes the JUnit XML of the run to path. Returns false after printing the error.
bool WriteJunit(const std::string& path, const RuleTestReport& report,
                const Diagnostics& test_diags, Io& io) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << RuleTestJunit(report, test_diags.list());
  out.close();
  if (!out) {
    io.err << fmt::format("newsgraph test: cannot write {}\n", path);
    return false;
  }
  return true;
}

int Test(const ParsedArgs& args, Io& io) {
  RuleSelection selection;
  if (!SelectRulesFromArgs(args, &selection, io)) return kExitUsage;
  Diagnostics diags;
  std::unique_ptr<RuleSet> rules = LoadRuleSet(selection.rules, LoadOptions(), &diags);
  PrintDiagnostics(diags, io);
  if (!rules) {
    io.err << fmt::format("newsgraph test: the rule set has {} error(s); run newsgraph lint\n",
                          std::max(1, diags.error_count()));
    return kExitUsage;
  }
  RuleTestOptions options;
  if (!TestOptionsFromArgs(args, *rules, selection, &options, io)) return kExitUsage;
  Diagnostics test_diags;
  const std::vector<RuleTestFile> files = ParseTestFiles(selection, *rules, &test_diags);
  PrintDiagnostics(test_diags, io);

  const RuleTestReport report = RunRuleTests(*rules, files, options);
  io.out << FormatRuleTestReport(report);
  if (test_diags.has_errors()) {
    io.out << fmt::format("{} in the test files (see stderr)\n",
                          test_diags.error_count() == 1
                              ? std::string("1 error")
                              : fmt::format("{} errors", test_diags.error_count()));
  }
  if (args.Has("junit") && !WriteJunit(args.Get("junit"), report, test_diags, io)) {
    return kExitUsage;
  }
  return report.failed_any() || test_diags.has_errors() ? kExitFindings : kExitOk;
}

}  // namespace

CommandSpec TestCommandSpec() {
  std::vector<OptionSpec> options = {{"junit", 0, true}, {"filter", 0, true}};
  AddRuleOptions(&options);
  return {"test", "run the rule test files (*.test.txt) beside the rule files", kTestUsage, options,
          Test};
}

}  // namespace newsgraph
