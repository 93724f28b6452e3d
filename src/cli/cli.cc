#include "cli/cli.h"

#include <fmt/format.h>

#include <exception>
#include <ostream>

#include "cli/command.h"
#include "cli/version.h"

namespace newsgraph {

namespace {

// The commands, in the order `newsgraph --help` lists them.
const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> kCommands = {
      RunCommandSpec(),  ExtractCommandSpec(), BuildCommandSpec(), ExplainCommandSpec(),
      LintCommandSpec(), TestCommandSpec(),    EvalCommandSpec(),
  };
  return kCommands;
}

void PrintUsage(std::ostream& out) {
  out << "Usage: newsgraph COMMAND [options] [args]\n\n"
         "Rule-based event and entity knowledge-graph builder for Indonesian and English\n"
         "news. Finds people, organisations, places, dates and events with re2 rules and\n"
         "writes the graph as GraphML (Gephi), JSON-LD and facts (JSON Lines).\n\n"
         "Commands:\n";
  for (const CommandSpec& c : Commands()) out << fmt::format("  {:<9} {}\n", c.name, c.summary);
  out << "\nRun 'newsgraph COMMAND --help' for a command's options, 'newsgraph --version'\n"
         "for the version and the commit it was built from.\n"
         "Quick start: newsgraph run articles/ -o out/\n"
         "Exit status: 0 ok, 1 findings or failures, 2 usage, input or rule errors.\n";
}

}  // namespace

int RunCli(const std::vector<std::string>& args, Io& io) {
  if (args.empty()) {
    PrintUsage(io.err);
    return kExitUsage;
  }
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    if (args.size() > 1) return RunCli({args[1], "--help"}, io);
    PrintUsage(io.out);
    return kExitOk;
  }
  if (cmd == "--version" || cmd == "version") {
    io.out << fmt::format("newsgraph {} (commit {})\n", Version(), BuildCommit());
    return kExitOk;
  }
  for (const CommandSpec& c : Commands()) {
    if (cmd != c.name) continue;
    try {
      return RunCommand(c, std::vector<std::string>(args.begin() + 1, args.end()), io);
    } catch (const std::exception& e) {
      // Exceptions from the standard library or Boost are caught once, here.
      io.err << "newsgraph: internal error: " << e.what() << "\n";
      return kExitUsage;
    }
  }
  io.err << fmt::format("newsgraph: unknown command '{}'\n\n", cmd);
  PrintUsage(io.err);
  return kExitUsage;
}

}  // namespace newsgraph
