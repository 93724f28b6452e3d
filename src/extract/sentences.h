// Sentence splitting for news text. Every line is a paragraph; inside it, a sentence ends
// at . ! ? or … (with any closing quotes or brackets) followed by a space and a sentence
// start, unless the word before the stop is a known abbreviation (rules: languages.*.
// abbreviations, e.g. "dkk.", "Jl.", "Prof.", "U.S.", "Dr.") or a single initial ("J.").
//
//   SentenceSplitter splitter(rules.languages());
//   std::vector<Sentence> sentences = splitter.Split(text);
#ifndef NEWSGRAPH_SENTENCES_H_
#define NEWSGRAPH_SENTENCES_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// Returns true if the sentence looks like a headline: no final stop, and three quarters or
// more of its words of four letters or more are capitalised.
bool LooksLikeHeadline(std::string_view sentence);

// Sentences longer than this are cut at a space, so one run-on line cannot dominate
// the time spent on a document.
inline constexpr size_t kMaxSentenceBytes = 2000;

// Marks the sentences of page furniture: every paragraph that starts with a FURNITURE_PREFIX
// phrase ("Baca juga:", "Read more", "Penulis:"), and the list items ("- ...") right after
// a furniture paragraph that is only its prefix ("Baca Juga" followed by linked headlines).
void MarkFurniture(const RuleSet& rules, std::string_view text, std::vector<Sentence>* sentences);

class SentenceSplitter {
 public:
  explicit SentenceSplitter(const std::map<std::string, LanguageInfo>& languages);

  // Returns the sentences of text, in order, trimmed of surrounding space.
  std::vector<Sentence> Split(std::string_view text) const;

 private:
  // Appends the sentences of one paragraph (a trimmed line of text) to *out.
  void SplitParagraph(std::string_view text, Span line, int paragraph,
                      std::vector<Sentence>* out) const;
  // Returns true if the dot at text[dot] ends an abbreviation ("Prof.", "dkk.") or a single
  // initial ("J.") of the word after start, not a sentence.
  bool AbbreviationDot(std::string_view text, size_t start, size_t dot) const;
  // Returns true if the word (with its dot) is a known abbreviation.
  bool IsAbbreviation(std::string_view word_with_dot) const;

  std::unordered_set<std::string> abbreviations_;
  std::unordered_set<std::string> folded_;  // lowercase forms of all-lowercase abbreviations
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_SENTENCES_H_
