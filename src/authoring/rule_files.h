// Which rule files and rule test files a `lint` or `test` run covers: the rule set the
// files extend (built-in and --rules directories) plus the files named on the command line,
// each named file replacing the file of the set with the same relative path.
//
//   RuleSelectionOptions options;
//   options.paths = {"mine/meet.json"};                 // none: the whole set
//   RuleSelection sel;
//   if (!SelectRuleFiles(options, &sel, &diags)) ...;    // unreadable path: exit 2
//   LoadRuleSet(sel.rules, load_options, &diags);        // the whole set
//   for (const RuleSource& t : sel.tests) if (sel.IsSelected(t.display)) Run(t);
#ifndef NEWSGRAPH_RULE_FILES_H_
#define NEWSGRAPH_RULE_FILES_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "rules/rules.h"

namespace newsgraph {

// Returns true if path names a rule test file ("*.test.txt").
bool IsRuleTestPath(std::string_view path);

// Returns the relative path of the rule file a test file tests ("events/meet.test.txt" ->
// "events/meet.json"), and the other way round.
std::string RuleFileOfTest(std::string_view test_rel);
std::string TestFileOfRule(std::string_view rule_rel);

struct RuleSelectionOptions {
  bool builtin = true;                 // start from the built-in rules (and their tests)
  std::vector<std::string> rule_dirs;  // --rules: directories or single .json files
  std::vector<std::string> paths;      // the files to report on; empty = the whole set
};

struct RuleSelection {
  std::vector<RuleSource> rules;  // the whole rule set, in load order
  std::vector<RuleSource> tests;  // the test files of the whole set
  // Display paths of the rule and test files the command reports on.
  std::set<std::string> selected;
  // Display paths of the files that come from the built-in set (not replaced).
  std::set<std::string> builtin;

  bool IsSelected(const std::string& display) const { return selected.count(display) > 0; }
  bool IsBuiltin(const std::string& display) const { return builtin.count(display) > 0; }
};

// Collects the files. A named file replaces the file of the set whose relative path is the
// longest suffix of its path ("rules/events/meet.json" replaces "events/meet.json"); a
// directory contributes its *.json and *.test.txt files with paths relative to it; a test
// file brings the rule file beside it, and a rule file its test file, when they exist.
// Returns false (with diagnostics) if a path cannot be read.
bool SelectRuleFiles(const RuleSelectionOptions& options, RuleSelection* out, Diagnostics* diags);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULE_FILES_H_
