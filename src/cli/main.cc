// newsgraph: the library plus main().
#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  newsgraph::Io io{std::cin, std::cout, std::cerr, isatty(2) != 0};
  return newsgraph::RunCli(args, io);
}
