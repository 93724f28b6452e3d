// Gazetteer lookup: finds the aliases of gazetteer entries in a text as whole-token
// sequences, case-sensitively (an ALL-CAPS text token also matches an alias of three
// letters or more written in mixed case, for datelines such as "MOSKOW -"),
// leftmost-longest, without overlaps.
//
//   Lexicon lex(rules.gazetteer());
//   std::vector<LexiconMatch> found;
//   lex.Match(text, Tokenize(text), rules.Lang("id"), &found);
#ifndef NEWSGRAPH_LEXICON_H_
#define NEWSGRAPH_LEXICON_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/text.h"
#include "rules/rules.h"

namespace newsgraph {

struct LexiconMatch {
  Span span;
  int entry = -1;  // index into the gazetteer
  int alias = -1;  // index into the entry's aliases
};

class Lexicon {
 public:
  explicit Lexicon(const std::vector<GazetteerEntry>& entries);

  // Appends to *out the matches among tokens (spans into text) for a document in lang.
  // A match never spans a line break.
  void Match(std::string_view text, const std::vector<Span>& tokens, LangMask lang,
             std::vector<LexiconMatch>* out) const;

  // Returns the number of alias forms indexed.
  size_t size() const { return size_; }

 private:
  struct Form {
    std::vector<std::string> tokens;  // the alias split into tokens
    int entry;
    int alias;
    LangMask langs;
  };
  // First token -> forms starting with it. `caps_` holds the uppercased forms of aliases
  // that have lowercase letters.
  std::unordered_map<std::string, std::vector<Form>> exact_;
  std::unordered_map<std::string, std::vector<Form>> caps_;
  size_t size_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_LEXICON_H_
