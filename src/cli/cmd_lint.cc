// newsgraph lint: every problem of some rule files (and their test files) in one run.
#include <fmt/format.h>

#include <ostream>

#include "authoring/lint.h"
#include "authoring/rule_files.h"
#include "cli/commands.h"

namespace newsgraph {

int CmdLint(const std::vector<std::string>& argv, Io& io) {
  std::vector<OptionSpec> specs = {{"max-program-size", 0, true}, {"help", 'h', false}};
  AddRuleOptions(&specs);
  ParsedArgs args;
  std::string error;
  if (!ParseArgs(argv, specs, &args, &error)) {
    io.err << "newsgraph lint: " << error << "\n(see newsgraph lint --help)\n";
    return kExitUsage;
  }
  if (args.Has("help")) {
    io.out << "Usage: newsgraph lint [options] [PATH...]\n\n"
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
              "                         (default: "
           << LoadOptions().max_program_size
           << ")\n\n"
              "Diagnostics and a summary line go to stderr.\n"
              "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage or unreadable\n"
              "files.\n";
    return kExitOk;
  }
  LintOptions options;
  if (args.Has("max-program-size")) {
    const std::string v = args.Get("max-program-size");
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1 || n > 100000000) {
      io.err << fmt::format("newsgraph lint: --max-program-size '{}' is not a positive number\n",
                            v);
      return kExitUsage;
    }
    options.max_program_size = static_cast<int>(n);
  }
  RuleSelectionOptions select;
  select.builtin = !args.Has("no-builtin-rules");
  select.rule_dirs = args.All("rules");
  select.paths = args.positional;
  RuleSelection selection;
  Diagnostics path_diags;
  if (!SelectRuleFiles(select, &selection, &path_diags)) {
    PrintDiagnostics(path_diags, io);
    return kExitUsage;
  }
  const LintResult result = LintRuleFiles(selection, options);
  PrintDiagnostics(result.diags, io);
  io.err << "newsgraph lint: " << LintSummary(result) << "\n";
  return result.diags.has_errors() ? kExitFindings : kExitOk;
}

}  // namespace newsgraph
