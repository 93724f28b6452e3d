#include "cli/args.h"

#include <fmt/format.h>

namespace newsgraph {

std::string ParsedArgs::Get(const std::string& name, const std::string& dflt) const {
  auto it = values.find(name);
  return it == values.end() || it->second.empty() ? dflt : it->second.back();
}

const std::vector<std::string>& ParsedArgs::All(const std::string& name) const {
  static const std::vector<std::string> kEmpty;
  auto it = values.find(name);
  return it == values.end() ? kEmpty : it->second;
}

bool ParseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs,
               ParsedArgs* out, std::string* error) {
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || a == "-" || a.size() < 2 || a[0] != '-') {
      out->positional.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    const OptionSpec* spec = nullptr;
    std::string value;
    bool inline_value = false;
    if (a[1] == '-') {
      std::string name = a.substr(2);
      const size_t eq = name.find('=');
      if (eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
        inline_value = true;
      }
      for (const OptionSpec& s : specs) {
        if (s.name == name) spec = &s;
      }
      if (!spec) {
        *error = fmt::format("unknown option '--{}'", name);
        return false;
      }
    } else {
      for (const OptionSpec& s : specs) {
        if (s.short_name == a[1]) spec = &s;
      }
      if (!spec) {
        *error = fmt::format("unknown option '{}'", a);
        return false;
      }
      if (a.size() > 2) {
        value = a.substr(2);
        inline_value = true;
      }
    }
    if (spec->takes_value && !inline_value) {
      if (i + 1 >= args.size()) {
        *error = fmt::format("option '--{}' needs a value", spec->name);
        return false;
      }
      value = args[++i];
    } else if (!spec->takes_value && inline_value) {
      *error = fmt::format("option '--{}' takes no value", spec->name);
      return false;
    }
    out->values[spec->name].push_back(value);
  }
  return true;
}

}  // namespace newsgraph
