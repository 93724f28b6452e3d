// Pattern expansion, the rule loader's stage between reading a pattern and compiling it:
// {NAME} becomes a fragment (its own expansion, as a non-capturing group), a word list (an
// alternation of its words, longest first) or the typed token of an earlier stage ({PER}
// {ORG} {GPE} {LOC} {SRC} {TITLE} {DATE}). Inside a character class ("[{LATIN}.-]") only a
// fragment holding a class's contents may be used, and it is inserted bare.
//
//   PatternExpander expander(lists, &diags);
//   if (!expander.HasFragment("VERB")) expander.AddFragment("VERB", "bertemu|berjumpa",
//                                                           &src, "/fragments/VERB");
//   expander.CheckFragments();   // every fragment compiles, reported where it is written
//   std::string expanded;
//   if (expander.Expand(pattern, src, "/events/0/pattern", &expanded)) Compile(expanded);
//
// Every problem is reported at its place in the pattern (file:line:col), not only the first.
#ifndef NEWSGRAPH_RULES_EXPAND_H_
#define NEWSGRAPH_RULES_EXPAND_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/json_source.h"
#include "rules/rules.h"

namespace newsgraph {

// Returns true if s can name a word list or a fragment: capital letters, digits and _,
// starting with a letter.
bool IsFragmentName(std::string_view s);

// Returns true if name is one of the built-in token fragments ({PER}, {ORG}, ...).
bool IsTokenFragment(std::string_view name);

class PatternExpander {
 public:
  // Expands word lists from lists, which must outlive the expander (as must the sources of
  // the fragments added), and reports problems to *diags.
  PatternExpander(const std::map<std::string, WordList>& lists, Diagnostics* diags)
      : lists_(lists), diags_(diags) {}

  // Returns true if a fragment of this name has been added.
  bool HasFragment(const std::string& name) const { return defs_.count(name) > 0; }

  // Adds fragment name, written as pattern at pointer of *src.
  void AddFragment(const std::string& name, std::string pattern, const JsonSource* src,
                   std::string pointer);

  // Expands every fragment added, so that a fragment that does not compile is reported
  // where it is written, used or not.
  void CheckFragments();

  // Expands the {NAME}s of pattern, the string at pointer of src, into *out. Returns false
  // if any could not be expanded.
  bool Expand(std::string_view pattern, const JsonSource& src, const std::string& pointer,
              std::string* out);

 private:
  struct FragmentDef {
    std::string pattern;
    const JsonSource* src;
    std::string pointer;
  };
  // What inserting one {NAME} did: kCycle stops the expansion of the whole pattern.
  enum class Insertion { kInserted, kFailed, kCycle };

  // Expands pattern with `stack` holding the fragments being expanded (for cycles).
  bool Expand(std::string_view pattern, const JsonSource& src, const std::string& pointer,
              std::vector<std::string>* stack, std::string* out);
  // Sets *out to the expansion of fragment name, "(?:...)", computed once.
  bool ExpandFragment(const std::string& name, std::vector<std::string>* stack, std::string* out);
  // Appends to *out what {name}, at byte `at` of the pattern, stands for.
  Insertion Insert(const std::string& name, bool in_class, const JsonSource& src,
                   const std::string& pointer, size_t at, std::vector<std::string>* stack,
                   std::string* out);
  // Appends to *out the expansion of fragment name (bare inside a class).
  Insertion InsertFragment(const std::string& name, bool in_class, const JsonSource& src,
                           const std::string& pointer, size_t at, std::vector<std::string>* stack,
                           std::string* out);
  // Reports message at byte `at` of the pattern at pointer of src.
  void ErrorAt(const JsonSource& src, const std::string& pointer, size_t at,
               const std::string& message);

  const std::map<std::string, WordList>& lists_;
  Diagnostics* diags_;
  std::map<std::string, FragmentDef> defs_;
  std::map<std::string, std::string> expanded_;  // fragment -> expansion (cached)
  std::set<std::string> broken_;                 // fragments that failed to expand
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_EXPAND_H_
