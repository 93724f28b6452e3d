#include "cli/command.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <ostream>

#include "base/calendar.h"
#include "cli/output_set.h"

namespace newsgraph {

namespace fs = std::filesystem;

int RunCommand(const CommandSpec& spec, const std::vector<std::string>& argv, Io& io) {
  std::vector<OptionSpec> options = spec.options;
  options.push_back({"help", 'h', false});
  ParsedArgs args;
  std::string error;
  if (!ParseArgs(argv, options, &args, &error)) {
    io.err << "newsgraph " << spec.name << ": " << error << "\n(see newsgraph " << spec.name
           << " --help)\n";
    return kExitUsage;
  }
  if (args.Has("help")) {
    io.out << spec.usage;
    return kExitOk;
  }
  return spec.run(args, io);
}

void AddRuleOptions(std::vector<OptionSpec>* specs) {
  specs->push_back({"rules", 0, true});
  specs->push_back({"no-builtin-rules", 0, false});
}

void PrintDiagnostics(const Diagnostics& diags, Io& io) {
  for (const Diagnostic& d : diags.list()) io.err << FormatDiagnostic(d);
}

std::unique_ptr<RuleSet> LoadRulesFromArgs(const ParsedArgs& args, const LoadOptions& options,
                                           Io& io) {
  Diagnostics diags;
  std::vector<RuleSource> sources;
  if (!args.Has("no-builtin-rules")) sources = BuiltinRuleSources();
  bool ok = true;
  for (const std::string& dir : args.All("rules")) {
    ok &= fs::is_directory(dir) ? AddRuleDirectory(dir, &sources, &diags)
                                : AddRuleFile(dir, &sources, &diags);
  }
  std::unique_ptr<RuleSet> rules;
  if (ok) rules = LoadRuleSet(sources, options, &diags);
  PrintDiagnostics(diags, io);
  if (!rules) {
    io.err << fmt::format("newsgraph: the rule set has {} error(s)\n",
                          std::max(1, diags.error_count()));
  }
  return rules;
}

bool SelectRulesFromArgs(const ParsedArgs& args, RuleSelection* selection, Io& io) {
  RuleSelectionOptions select;
  select.builtin = !args.Has("no-builtin-rules");
  select.rule_dirs = args.All("rules");
  select.paths = args.positional;
  Diagnostics diags;
  if (SelectRuleFiles(select, selection, &diags)) return true;
  PrintDiagnostics(diags, io);
  return false;
}

bool ReadDctOption(const ParsedArgs& args, ExtractOptions* options, Io& io) {
  if (!args.Has("dct")) return true;
  CivilDate d;
  const std::string v = args.Get("dct");
  if (!ParseIsoDate(v, &d) || v.size() != 10) {
    io.err << fmt::format("newsgraph: --dct '{}' is not a date (YYYY-MM-DD)\n", v);
    return false;
  }
  options->default_dct = d;
  return true;
}

bool WriteFileAtomically(const std::string& path, const std::string& text, std::string_view who,
                         Io& io) {
  std::string error;
  if (!WriteFileAtomically(path, text, &error)) {
    io.err << fmt::format("{}: {}\n", who, error);
    return false;
  }
  return true;
}

}  // namespace newsgraph
