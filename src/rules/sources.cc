#include "rules/sources.h"

#include <filesystem>
#include <string_view>

#include "base/files.h"
#include "rules/builtin.h"

namespace newsgraph {

namespace fs = std::filesystem;

std::vector<RuleSource> BuiltinRuleSources() {
  std::vector<RuleSource> out;
  for (const EmbeddedFile& f : BuiltinRuleFiles()) {
    const std::string_view path = f.path;
    if (path.size() < 5 || path.substr(path.size() - 5) != ".json") continue;
    out.push_back({std::string(path), "rules/" + std::string(path), std::string(f.content)});
  }
  return out;
}

void AddOrReplace(RuleSource src, std::vector<RuleSource>* sources) {
  for (RuleSource& s : *sources) {
    if (s.rel == src.rel) {
      s = std::move(src);
      return;
    }
  }
  sources->push_back(std::move(src));
}

bool AddRuleDirectory(const std::string& dir, std::vector<RuleSource>* sources,
                      Diagnostics* diags) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags->Error({dir, 0, 0}, "not a directory of rule files");
    return false;
  }
  std::vector<std::string> files;
  if (!ListFiles(
          dir, [](const std::string& name) { return fs::path(name).extension() == ".json"; },
          &files, diags)) {
    return false;
  }
  bool ok = true;
  for (const std::string& rel : files) {
    const std::string path = (fs::path(dir) / rel).generic_string();
    std::string text;
    if (!ReadWholeFile(path, &text)) {
      diags->Error({path, 0, 0}, "cannot read file");
      ok = false;
      continue;
    }
    AddOrReplace({rel, path, std::move(text)}, sources);
  }
  return ok;
}

bool AddRuleFile(const std::string& path, std::vector<RuleSource>* sources, Diagnostics* diags) {
  std::string text;
  if (!ReadWholeFile(path, &text)) {
    diags->Error({path, 0, 0}, "cannot read rule file");
    return false;
  }
  AddOrReplace({fs::path(path).filename().generic_string(), path, std::move(text)}, sources);
  return true;
}

}  // namespace newsgraph
