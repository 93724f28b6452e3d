// The subcommands of the CLI, one function each (cli.cc dispatches).
#ifndef NEWSGRAPH_COMMANDS_H_
#define NEWSGRAPH_COMMANDS_H_

#include <string>
#include <vector>

#include "cli/cli.h"

namespace newsgraph {

int CmdRun(const std::vector<std::string>& args, Io& io);
int CmdExtract(const std::vector<std::string>& args, Io& io);
int CmdBuild(const std::vector<std::string>& args, Io& io);
int CmdExplain(const std::vector<std::string>& args, Io& io);
int CmdLint(const std::vector<std::string>& args, Io& io);
int CmdTest(const std::vector<std::string>& args, Io& io);
int CmdEval(const std::vector<std::string>& args, Io& io);

}  // namespace newsgraph

#endif  // NEWSGRAPH_COMMANDS_H_
