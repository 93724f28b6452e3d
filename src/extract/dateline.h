// Date tagging over raw text — the date half of pass 0 of stage 1 — and the publication
// date a dateline gives when the input carries none.
//
//   std::vector<DateMatch> found;
//   MatchDates(rules, text, sentence_span, rules.Lang("id"), dct, &found, &notes);
//   for (const DateMatch& m : found) ... m.span, m.timex, rules.date_rules()[m.rule]->id
//
//   CivilDate dct;
//   if (FindDateline(rules, text, rules.Lang("id"), &dct)) ...   // "Jakarta, Kamis (29/10/2020) -"
#ifndef NEWSGRAPH_DATELINE_H_
#define NEWSGRAPH_DATELINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.h"
#include "extract/dates.h"
#include "rules/rules.h"

namespace newsgraph {

// One date rule match: the mention's span in the text, its value and the rule's index in
// RuleSet::date_rules().
struct DateMatch {
  Span span;
  Timex timex;
  int rule = -1;
};

// Appends every match of the date rules of lang in the sentence `sentence` of text,
// normalized against dct (and told, the dates of the document before the sentence, for
// rules with a reference), to *out (overlaps are left to the caller). A match whose value
// cannot be normalized (an impossible day) is skipped; if notes is not null, it says why.
void MatchDates(const RuleSet& rules, std::string_view text, Span sentence, LangMask lang,
                const std::optional<CivilDate>& dct, std::vector<DateMatch>* out,
                std::vector<std::string>* notes = nullptr, const ToldDates* told = nullptr);

// Returns true and sets *out if the first line of text opens with a dateline: a match of
// a date rule marked "dateline" that gives an absolute day.
bool FindDateline(const RuleSet& rules, std::string_view text, LangMask lang, CivilDate* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_DATELINE_H_
