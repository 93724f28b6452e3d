// The newsgraph command line. Only this layer touches argv, the standard streams and exit
// codes; everything else is the library. The executable is this library plus main.cc.
//
//   Io io{std::cin, std::cout, std::cerr, isatty(2) != 0};
//   return RunCli({"run", "articles/", "-o", "out"}, io);
//
// Exit codes: 0 ok, 1 findings or failures (lint errors, failing rule tests, F1 below the
// threshold), 2 usage or input errors (a missing INPUT, skipped inputs with --strict).
#ifndef NEWSGRAPH_CLI_H_
#define NEWSGRAPH_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace newsgraph {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

// The streams a command reads and writes (string streams in the tests).
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool err_is_tty = false;
};

// Runs the command line (args without the program name). Returns the exit code.
int RunCli(const std::vector<std::string>& args, Io& io);

}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_H_
