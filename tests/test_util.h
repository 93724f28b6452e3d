// Helpers shared by the unit tests: the built-in rule set (loaded once), temporary
// directories, and the shared data directory (tests that need it skip without it).
#ifndef NEWSGRAPH_TEST_UTIL_H_
#define NEWSGRAPH_TEST_UTIL_H_

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "cli/cli.h"
#include "extract/extract.h"
#include "rules/rules.h"

namespace newsgraph::testing {

// Returns the built-in rule set; fails the test (with the diagnostics) if it does not load.
inline const RuleSet& BuiltinRules() {
  static std::unique_ptr<RuleSet> rules = [] {
    Diagnostics diags;
    auto r = LoadRuleSet(BuiltinRuleSources(), LoadOptions(), &diags);
    std::string text;
    for (const Diagnostic& d : diags.list()) text += FormatDiagnostic(d);
    INFO(text);
    REQUIRE(r != nullptr);
    return r;
  }();
  return *rules;
}

// Loads rule files given as (relative path, text) pairs, without the built-in set.
inline std::unique_ptr<RuleSet> LoadRules(const std::vector<RuleSource>& sources,
                                          Diagnostics* diags, bool warnings = false) {
  LoadOptions options;
  options.warnings = warnings;
  return LoadRuleSet(sources, options, diags);
}

// A fresh temporary directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("newsgraph-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::string Write(const std::string& rel, const std::string& text) const {
    const auto p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Returns the shared data directory, or "" (and the test should SKIP-by-return).
inline std::string SharedDir() {
  const std::string dir = NEWSGRAPH_SHARED_DIR;
  return std::filesystem::is_directory(dir + "/seeds") ? dir : "";
}

// Extracts one text with the built-in rules.
inline DocumentFacts ExtractText(const std::string& text, const std::string& lang = "",
                                 const std::string& dct = "") {
  ExtractOptions options;
  if (!dct.empty()) {
    CivilDate d;
    REQUIRE(ParseIsoDate(dct, &d));
    options.default_dct = d;
  }
  Extractor extractor(BuiltinRules(), options);
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.lang = lang;
  return extractor.Extract(doc);
}

// What `newsgraph ARGS` printed and returned, run in-process with `in` as standard input.
struct CliResult {
  int code;
  std::string out, err;
};

inline CliResult RunCliCaptured(const std::vector<std::string>& args, const std::string& in = "") {
  std::istringstream i(in);
  std::ostringstream o, e;
  Io io{i, o, e, false};
  const int code = RunCli(args, io);
  return {code, o.str(), e.str()};
}

// Returns text with every "DIR/" of the temporary directory removed, so that outputs pin
// relative paths.
inline std::string Relative(std::string text, const TempDir& dir) {
  const std::string prefix = dir.path().string() + "/";
  for (size_t at; (at = text.find(prefix)) != std::string::npos;) text.erase(at, prefix.size());
  return text;
}

}  // namespace newsgraph::testing

#endif  // NEWSGRAPH_TEST_UTIL_H_
