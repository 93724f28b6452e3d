// Stage 1 of the cascade (DESIGN §2): mentions.
//
//  pass 0   gazetteer lookup and date rules over the raw sentence;
//  pass 1.. mention rules (titles, names, references), each pass over the sentence rendered
//           with the mentions of the earlier passes as typed tokens;
//  aliases  short names of the people found ("Lavrov" after "Sergey Lavrov", "Jokowi" from
//           "Joko Widodo (Jokowi)"), anywhere in the document;
//  groups   coordinated mentions of one kind ("Donetsk, Luhansk, Kherson dan Zaporizhzhia").
//
//   MentionFinder finder(rules);
//   finder.Find(doc_text, lang, dct, &facts, trace);   // fills facts.mentions
#ifndef NEWSGRAPH_MENTIONS_H_
#define NEWSGRAPH_MENTIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/stage_timer.h"
#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// What `explain` shows of a run: each sentence as every pass saw it.
struct Trace {
  struct SentenceTrace {
    std::vector<std::pair<std::string, std::string>> renders;  // (stage name, rendered text)
  };
  std::vector<SentenceTrace> sentences;
  std::vector<std::string> notes;  // e.g. date matches that did not normalize
};

// The mentions of one document, with the top-level ones per sentence.
struct MentionIndex {
  std::vector<std::vector<int>> top;  // per sentence: top-level mention ids, by position
};

class MentionFinder {
 public:
  explicit MentionFinder(const RuleSet& rules) : rules_(rules) {}

  // Finds the mentions of facts->sentences in text; fills facts->mentions and *index. Each
  // pass starts and stops on timer, if not null.
  void Find(std::string_view text, LangMask lang, const std::optional<CivilDate>& dct,
            DocumentFacts* facts, MentionIndex* index, Trace* trace,
            StageTimer* timer = nullptr) const;

 private:
  const RuleSet& rules_;
};

// Returns the top-level mention ids of a sentence, by position.
std::vector<int> TopLevel(const std::vector<Mention>& mentions, int sentence);

// Returns the words of a name, without punctuation: "Sergey Lavrov," -> {"Sergey", "Lavrov"}.
std::vector<std::string> NameWords(std::string_view name);

// Returns true if mentions of kind k name an entity (every kind but titles and dates).
bool IsEntityKind(MentionKind k);

}  // namespace newsgraph

#endif  // NEWSGRAPH_MENTIONS_H_
