#include "authoring/rule_files.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "extract/document.h"
#include "rules/builtin.h"

namespace newsgraph {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTestSuffix = ".test.txt";
constexpr std::string_view kRuleSuffix = ".json";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Returns the longest relative path in list that is a whole-component suffix of path, or
// "" if there is none.
std::string MatchRel(const std::string& path, const std::vector<RuleSource>& list) {
  const std::string p = fs::path(path).lexically_normal().generic_string();
  std::string best;
  for (const RuleSource& s : list) {
    const bool match = p == s.rel || (EndsWith(p, s.rel) && p[p.size() - s.rel.size() - 1] == '/');
    if (match && s.rel.size() > best.size()) best = s.rel;
  }
  return best;
}

// Returns the relative path a named file takes: the one of the file of the set it replaces
// (for a test file, also the one of its rule file), else fallback.
std::string RelFor(const std::string& path, const RuleSelection& sel, const std::string& fallback) {
  if (!IsRuleTestPath(path)) {
    const std::string rel = MatchRel(path, sel.rules);
    return rel.empty() ? fallback : rel;
  }
  std::string rel = MatchRel(path, sel.tests);
  if (rel.empty()) {
    const std::string rule = MatchRel(RuleFileOfTest(path), sel.rules);
    if (!rule.empty()) rel = TestFileOfRule(rule);
  }
  return rel.empty() ? fallback : rel;
}

bool AddFile(const std::string& path, const std::string& rel, std::vector<RuleSource>* list,
             std::set<std::string>* selected, Diagnostics* diags) {
  std::string text;
  if (!ReadWholeFile(path, &text)) {
    diags->Error({path, 0, 0}, "cannot read file");
    return false;
  }
  AddOrReplace({rel, path, std::move(text)}, list);
  if (selected) selected->insert(path);
  return true;
}

// Adds the rule files and test files under dir (recursively, sorted), with their paths
// relative to dir; a selected directory's files replace the files of the set they match
// (RelFor), so that `lint rules/events` checks the built-in events/*.json as edited.
bool AddDirectory(const std::string& dir, RuleSelection* out, bool select, Diagnostics* diags) {
  std::vector<std::string> files;
  auto rule_or_test = [](const std::string& name) {
    return EndsWith(name, kRuleSuffix) || EndsWith(name, kTestSuffix);
  };
  if (!ListFiles(dir, rule_or_test, &files, diags)) return false;
  bool ok = true;
  for (const std::string& rel : files) {
    const std::string path = (fs::path(dir) / rel).generic_string();
    ok &= AddFile(path, select ? RelFor(path, *out, rel) : rel,
                  IsRuleTestPath(rel) ? &out->tests : &out->rules,
                  select ? &out->selected : nullptr, diags);
  }
  return ok;
}

// Returns the path of the file beside path with the other suffix, or "" if there is none.
std::string Sibling(const std::string& path) {
  std::string other;
  if (IsRuleTestPath(path)) {
    other = RuleFileOfTest(path);
  } else if (EndsWith(path, kRuleSuffix)) {
    other = TestFileOfRule(path);
  }
  std::error_code ec;
  return !other.empty() && fs::is_regular_file(other, ec) ? other : "";
}

}  // namespace

bool IsRuleTestPath(std::string_view path) { return EndsWith(path, kTestSuffix); }

std::string RuleFileOfTest(std::string_view test_rel) {
  if (!EndsWith(test_rel, kTestSuffix)) return std::string(test_rel);
  return std::string(test_rel.substr(0, test_rel.size() - kTestSuffix.size())) +
         std::string(kRuleSuffix);
}

std::string TestFileOfRule(std::string_view rule_rel) {
  if (!EndsWith(rule_rel, kRuleSuffix)) return std::string(rule_rel);
  return std::string(rule_rel.substr(0, rule_rel.size() - kRuleSuffix.size())) +
         std::string(kTestSuffix);
}

bool SelectRuleFiles(const RuleSelectionOptions& options, RuleSelection* out, Diagnostics* diags) {
  std::set<std::string> builtin;
  if (options.builtin) {
    for (const EmbeddedFile& f : BuiltinRuleFiles()) {
      const std::string rel(f.path);
      const bool test = IsRuleTestPath(rel);
      if (!test && !EndsWith(rel, kRuleSuffix)) continue;
      AddOrReplace({rel, "rules/" + rel, std::string(f.content)}, test ? &out->tests : &out->rules);
      builtin.insert("rules/" + rel);
    }
  }
  bool ok = true;
  std::error_code ec;
  for (const std::string& dir : options.rule_dirs) {
    if (fs::is_directory(dir, ec)) {
      ok &= AddDirectory(dir, out, false, diags);
    } else {
      // As `run` does: a single file is added under its file name.
      ok &= AddFile(dir, fs::path(dir).filename().generic_string(),
                    IsRuleTestPath(dir) ? &out->tests : &out->rules, nullptr, diags);
    }
  }
  for (const std::string& path : options.paths) {
    if (fs::is_directory(path, ec)) {
      ok &= AddDirectory(path, out, true, diags);
      continue;
    }
    if (!fs::exists(path, ec)) {
      diags->Error({path, 0, 0}, "no such file or directory");
      ok = false;
      continue;
    }
    if (!IsRuleTestPath(path) && !EndsWith(path, kRuleSuffix)) {
      diags->Error({path, 0, 0}, "not a rule file (*.json) nor a rule test file (*.test.txt)");
      ok = false;
      continue;
    }
    std::string rule_path = IsRuleTestPath(path) ? Sibling(path) : path;
    std::string test_path = IsRuleTestPath(path) ? path : Sibling(path);
    // The test file takes its relative path from its rule file, so that a test file whose
    // rule file is built in replaces the built-in test file even before a rebuild.
    std::string rule_rel;
    if (!rule_path.empty()) {
      rule_rel = RelFor(rule_path, *out, fs::path(rule_path).filename().generic_string());
      ok &= AddFile(rule_path, rule_rel, &out->rules, &out->selected, diags);
    }
    if (!test_path.empty()) {
      const std::string test_rel =
          rule_rel.empty()
              ? RelFor(test_path, *out, fs::path(test_path).filename().generic_string())
              : TestFileOfRule(rule_rel);
      ok &= AddFile(test_path, test_rel, &out->tests, &out->selected, diags);
    }
  }
  if (options.paths.empty()) {
    for (const RuleSource& s : out->rules) out->selected.insert(s.display);
    for (const RuleSource& s : out->tests) out->selected.insert(s.display);
  }
  for (const auto* list : {&out->rules, &out->tests}) {
    for (const RuleSource& s : *list) {
      if (builtin.count(s.display)) out->builtin.insert(s.display);
    }
  }
  return ok;
}

}  // namespace newsgraph
