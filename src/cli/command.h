// What a command of the CLI is made of, and what the commands share.
//
// A command is one CommandSpec, written once: its name, the summary `newsgraph --help` lists,
// its usage text (printed by --help), its options and the function that runs it. RunCommand
// is the step every command shares: parse the arguments against the options (every command
// also takes -h/--help), print the usage for --help, report a usage error as
//
//   newsgraph NAME: unknown option '--bogus'
//   (see newsgraph NAME --help)
//
// and otherwise run the command with the parsed arguments. The commands live one group per
// file (pipeline_commands.cc: run, extract, build; explain_command.cc; lint_command.cc;
// test_command.cc; eval_command.cc); cli.cc lists them.
#ifndef NEWSGRAPH_COMMAND_H_
#define NEWSGRAPH_COMMAND_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "authoring/rule_files.h"
#include "base/diagnostic.h"
#include "cli/args.h"
#include "cli/cli.h"
#include "extract/extract.h"
#include "rules/rules.h"

namespace newsgraph {

struct CommandSpec {
  std::string name;
  std::string summary;              // one line in `newsgraph --help`
  std::string usage;                // the text of `newsgraph NAME --help`
  std::vector<OptionSpec> options;  // without help, which RunCommand adds
  // Runs the command once its arguments parsed; returns the exit code.
  int (*run)(const ParsedArgs& args, Io& io);
};

// Parses argv (the arguments after the command name) against the options of spec, prints
// the usage for -h/--help or a usage error to io.err, else runs the command. Returns the
// exit code.
int RunCommand(const CommandSpec& spec, const std::vector<std::string>& argv, Io& io);

// The commands, in the order `newsgraph --help` lists them.
CommandSpec RunCommandSpec();
CommandSpec ExtractCommandSpec();
CommandSpec BuildCommandSpec();
CommandSpec ExplainCommandSpec();
CommandSpec LintCommandSpec();
CommandSpec TestCommandSpec();
CommandSpec EvalCommandSpec();

// ---------------------------------------------------------------------------------------
// Shared by several commands

// Adds the options every rule-using command takes: --rules DIR (repeatable),
// --no-builtin-rules.
void AddRuleOptions(std::vector<OptionSpec>* specs);

// Loads the rule set the options name; prints diagnostics to io.err. Returns nullptr on
// error.
std::unique_ptr<RuleSet> LoadRulesFromArgs(const ParsedArgs& args, const LoadOptions& options,
                                           Io& io);

// Selects the rule files and test files the rule options and the positional PATHs name
// (lint, test). Returns false after printing the problems if a path cannot be read.
bool SelectRulesFromArgs(const ParsedArgs& args, RuleSelection* selection, Io& io);

// Prints every diagnostic to io.err.
void PrintDiagnostics(const Diagnostics& diags, Io& io);

// Sets options->default_dct from --dct DATE (YYYY-MM-DD), if given. Returns false after
// printing the error if it is no date.
bool ReadDctOption(const ParsedArgs& args, ExtractOptions* options, Io& io);

// Writes text to path through a temporary file, so a reader never sees half a file. Returns
// false after printing "WHO: cannot write ..." to io.err.
bool WriteFileAtomically(const std::string& path, const std::string& text, std::string_view who,
                         Io& io);

}  // namespace newsgraph

#endif  // NEWSGRAPH_COMMAND_H_
