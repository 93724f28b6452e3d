// The newsgraph command line. Only this layer touches argv, the standard streams and exit
// codes; everything else is the library.
//
// Exit codes: 0 ok, 1 findings or failures (lint errors, failing rule tests, F1 below the
// threshold, skipped inputs with --strict), 2 usage or input errors.
#ifndef NEWSGRAPH_CLI_H_
#define NEWSGRAPH_CLI_H_

#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "rules/rules.h"

namespace newsgraph {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool err_is_tty = false;
};

// Runs the command line (args without the program name). Returns the exit code.
int RunCli(const std::vector<std::string>& args, Io& io);

// A small option parser: --name VALUE, --name=VALUE, -x VALUE, flags, positionals, "--".
struct OptionSpec {
  std::string name;  // long name without dashes
  char short_name;   // 0 for none
  bool takes_value;
};

struct ParsedArgs {
  std::map<std::string, std::vector<std::string>> values;  // option -> values in order
  std::vector<std::string> positional;

  bool Has(const std::string& name) const { return values.count(name) > 0; }
  // Returns the last value of an option, or dflt.
  std::string Get(const std::string& name, const std::string& dflt = "") const;
  const std::vector<std::string>& All(const std::string& name) const;
};

// Parses args against specs. Returns false and sets *error for an unknown option or a
// missing value.
bool ParseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs,
               ParsedArgs* out, std::string* error);

// The options every rule-using command shares: --rules DIR (repeatable), --no-builtin-rules.
void AddRuleOptions(std::vector<OptionSpec>* specs);

// Loads the rule set the options name; prints diagnostics to io.err. Returns nullptr on
// error.
std::unique_ptr<RuleSet> LoadRulesFromArgs(const ParsedArgs& args, const LoadOptions& options,
                                           Io& io);

// Prints every diagnostic to io.err.
void PrintDiagnostics(const class Diagnostics& diags, Io& io);

}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_H_
