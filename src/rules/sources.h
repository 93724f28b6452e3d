// The rule files a rule set is loaded from: the built-in ones (compiled in from rules/),
// then directories or single files that add to them or replace them by relative path.
//
//   std::vector<RuleSource> sources = BuiltinRuleSources();
//   if (!AddRuleDirectory("my-rules", &sources, &diags)) ...;   // same path = replace
//   if (!AddRuleFile("extra.json", &sources, &diags)) ...;
//   std::unique_ptr<RuleSet> rules = LoadRuleSet(sources, options, &diags);   // rules.h
#ifndef NEWSGRAPH_RULES_SOURCES_H_
#define NEWSGRAPH_RULES_SOURCES_H_

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace newsgraph {

// One rule file's text and where it came from.
struct RuleSource {
  std::string rel;      // path relative to its rules directory ("events/meet.json")
  std::string display;  // path shown in diagnostics ("rules/events/meet.json")
  std::string text;
};

// Returns the built-in rule files (compiled into the binary from rules/).
std::vector<RuleSource> BuiltinRuleSources();

// Adds the *.json files under dir (recursively, sorted) to *sources; a file whose relative
// path equals one already present replaces it. Returns false (with a diagnostic) if dir
// cannot be read.
bool AddRuleDirectory(const std::string& dir, std::vector<RuleSource>* sources, Diagnostics* diags);

// Adds src to *sources, replacing the entry with the same relative path.
void AddOrReplace(RuleSource src, std::vector<RuleSource>* sources);

// Adds one rule file (rel = its file name). Returns false (with a diagnostic) if it cannot
// be read.
bool AddRuleFile(const std::string& path, std::vector<RuleSource>* sources, Diagnostics* diags);

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_SOURCES_H_
