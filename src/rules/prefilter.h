// The prefilter of a group of rules (re2's FilteredRE2): the literal strings ("atoms") each
// rule needs are found in the text by one case-insensitive literal RE2::Set, and only rules
// whose atoms are all there run. For the rules with no literal of three bytes, which the
// atoms cannot filter, a second filter reads the bytes the pattern must contain
// (rules/required_bytes.h: a digit for a numeric date) and skips them on a text without
// those bytes, instead of running them on every sentence. It never drops a rule that could
// match, and falls back to all rules if no filter could be built.
//
//   const Prefilter& filter = rules.event_prefilter();
//   std::vector<int> candidates;
//   filter.Candidates(sentence, &candidates);       // indices into rules.event_rules()
//   for (int i : candidates) Run(*rules.event_rules()[i], sentence);
//
// The rule loader fills one while it compiles the group's patterns:
//
//   Prefilter filter;
//   int id;
//   if (!filter.Add(expanded_pattern, &id)) ...;    // compile again for re2's message
//   rule->re = &filter.GetRE2(id);
//   filter.Build(rule_indices, filter_ids);         // once, after the last Add
#ifndef NEWSGRAPH_RULES_PREFILTER_H_
#define NEWSGRAPH_RULES_PREFILTER_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "rules/required_bytes.h"

namespace re2 {
class FilteredRE2;
}  // namespace re2

namespace newsgraph {

// Returns the options every rule pattern, fragment and reject_pattern is compiled with:
// UTF-8, errors reported by the loader (not logged), a 64 MiB memory budget.
RE2::Options PatternOptions();

class Prefilter {
 public:
  Prefilter();
  ~Prefilter();
  Prefilter(const Prefilter&) = delete;
  Prefilter& operator=(const Prefilter&) = delete;

  // Compiles pattern with PatternOptions() into the group and sets *id to its index. Returns
  // false if re2 rejects it; the filter keeps no failed pattern.
  bool Add(const std::string& pattern, int* id);

  // Returns the compiled pattern with this id; it lives as long as the prefilter.
  const RE2& GetRE2(int id) const;

  // Analyses the patterns added: rules holds the group's rule indices, ascending, and
  // filter_ids[i] the id Add() gave the pattern of rules[i]. A pattern added but not listed
  // (its rule was dropped) is never a candidate. Call once, after the last Add().
  void Build(std::vector<int> rules, const std::vector<int>& filter_ids);

  // Fills *out with the indices of the rules that may match text, ascending.
  void Candidates(std::string_view text, std::vector<int>* out) const;

  // Returns the atoms (lowercase literals) the filter looks for, in atom index order; empty
  // if the filter is not active. For tools/bench/bench_pipeline.cc's literal reference.
  const std::vector<std::string>& atoms() const { return atom_strings_; }
  // Returns the rules that need no atom, ascending: candidates for every text that holds
  // their required bytes.
  const std::vector<int>& unfiltered() const { return active_ ? no_atoms_ : rules_; }
  // Returns the bytes rule (an index of the group) requires, or null if none (or if the
  // rule has atoms: only rules the atoms cannot filter are analysed).
  const RequiredBytes* Required(int rule) const;

 private:
  std::unique_ptr<re2::FilteredRE2> filter_;  // owns the rules' compiled patterns
  std::unique_ptr<RE2::Set> atoms_;           // the filter's atoms, set index = atom index
  std::vector<std::string> atom_strings_;     // ... and their text
  bool active_ = false;                       // false: every rule is a candidate
  std::vector<int> rules_;                    // the group's rule indices, ascending
  std::vector<int> ids_;                      // filter regexp id -> rule index (-1: rule dropped)
  std::vector<int> no_atoms_;                 // the candidates of a text with none of the atoms
  std::vector<RequiredBytes> required_by_rule_;  // rule index -> its bytes (empty: none);
                                                 // for the rules of no_atoms_ only

  void AtomCandidates(std::string_view text, std::vector<int>* out) const;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_PREFILTER_H_
