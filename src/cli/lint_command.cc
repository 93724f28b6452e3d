// newsgraph lint: every problem of some rule files (and their test files) in one run.
#include <fmt/format.h>

#include <cstdlib>
#include <ostream>

#include "authoring/lint.h"
#include "authoring/rule_files.h"
#include "cli/command.h"

namespace newsgraph {

namespace {

const char kLintUsageHead[] =
    "Usage: newsgraph lint [options] [PATH...]\n\n"
    "Report every problem of the rule files PATH (files or directories; default:\n"
    "the built-in rules) and of the rule test files beside them, in one run, as\n"
    "FILE:LINE:COL: error|warning: MESSAGE with the source line and a caret. The\n"
    "files are loaded together with the rule set they extend (the built-in rules\n"
    "and --rules), so fragments and event types defined elsewhere resolve; a PATH\n"
    "file replaces the file of the set whose relative path ends its path\n"
    "(rules/events/meet.json replaces the built-in events/meet.json). Only the\n"
    "PATH files' problems are shown.\n\n"
    "Checks: JSON syntax; the schema (schemas/rules.schema.json), naming the JSON\n"
    "pointer; regexes (re2's message, at the fragment at fault); unknown\n"
    "{FRAGMENT}s and fragment cycles; duplicate rule ids; roles whose group the\n"
    "pattern lacks, and named groups that map to no role (warning); roles that\n"
    "the event type does not list; re2 programs over --max-program-size\n"
    "(warning); unused fragments (warning); rule files without a test file\n"
    "(warning); test files: malformed lines, unknown rule ids, expect keys that\n"
    "do not fit the rule.\n\n"
    "Options:\n"
    "  --rules DIR            add the rule files under DIR to the set the PATH files\n"
    "                         extend (as for run); repeatable\n"
    "  --no-builtin-rules     the PATH files extend only the --rules files\n"
    "  --max-program-size N   warn about rules whose re2 program is larger than N\n"
    "                         (default: ";

const char kLintUsageTail[] =
    ")\n\n"
    "Diagnostics and a summary line go to stderr.\n"
    "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage or unreadable\n"
    "files.\n";

// Reads --max-program-size. Returns false after printing the error.
bool LintOptionsFromArgs(const ParsedArgs& args, LintOptions* options, Io& io) {
  if (!args.Has("max-program-size")) return true;
  const std::string v = args.Get("max-program-size");
  char* end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n < 1 || n > 100000000) {
    io.err << fmt::format("newsgraph lint: --max-program-size '{}' is not a positive number\n", v);
    return false;
  }
  options->max_program_size = static_cast<int>(n);
  return true;
}

int Lint(const ParsedArgs& args, Io& io) {
  LintOptions options;
  if (!LintOptionsFromArgs(args, &options, io)) return kExitUsage;
  RuleSelection selection;
  if (!SelectRulesFromArgs(args, &selection, io)) return kExitUsage;
  const LintResult result = LintRuleFiles(selection, options);
  PrintDiagnostics(result.diags, io);
  io.err << "newsgraph lint: " << LintSummary(result) << "\n";
  return result.diags.has_errors() ? kExitFindings : kExitOk;
}

}  // namespace

CommandSpec LintCommandSpec() {
  std::vector<OptionSpec> options = {{"max-program-size", 0, true}};
  AddRuleOptions(&options);
  return {"lint", "report every problem of rule files and their tests: [PATH...]",
          kLintUsageHead + std::to_string(LoadOptions().max_program_size) + kLintUsageTail, options,
          Lint};
}

}  // namespace newsgraph
