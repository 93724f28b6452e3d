// The command line's option parser: --name VALUE, --name=VALUE, -x VALUE, -xVALUE, flags,
// positionals, "--" (everything after it is positional), "-" (a positional: stdin).
//
//   const std::vector<OptionSpec> specs = {{"output", 'o', true}, {"quiet", 'q', false}};
//   ParsedArgs args;
//   std::string error;
//   if (!ParseArgs(argv, specs, &args, &error)) ...;   // "unknown option '--nope'"
//   args.Get("output", "out");  args.Has("quiet");  args.positional;
#ifndef NEWSGRAPH_ARGS_H_
#define NEWSGRAPH_ARGS_H_

#include <map>
#include <string>
#include <vector>

namespace newsgraph {

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

}  // namespace newsgraph

#endif  // NEWSGRAPH_ARGS_H_
