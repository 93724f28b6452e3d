// The expressions of date rules (dates.h is the manual) and what they are evaluated
// against: the match's groups, the word lists, the publication date and the dates the
// document told before.
//
//   DateContext ctx{group_text, list_lookup, dct};
//   std::optional<int> n;
//   EvalExpression("-$n@NUMBER", ctx, &n, &error);   // "tiga hari lalu": -3
//   EvalWord("$part@PART_MOD", ctx, &mod, &error);    // "awal": "START"
#ifndef NEWSGRAPH_EXTRACT_DATE_EXPR_H_
#define NEWSGRAPH_EXTRACT_DATE_EXPR_H_

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/calendar.h"

namespace newsgraph {

// The first date of each granularity (indexed by Granularity) a document told before the
// sentence being read, not after its publication date: the period the document is about
// (an earnings report's quarter), which rules with a "reference" count from.
using ToldDates = std::array<std::optional<Timex>, static_cast<size_t>(Granularity::kSeason) + 1>;

// Supplies the text of a named group ("" if it did not take part), and maps a word through
// a word list (returns false if the list or word is unknown).
struct DateContext {
  std::function<std::string(std::string_view group)> group;
  std::function<bool(std::string_view list, std::string_view word, std::string* value)> lookup;
  std::optional<CivilDate> dct;     // the publication date
  const ToldDates* told = nullptr;  // dates told before in the document, if known
};

// Sets *out to an integer expression: a literal ("-1"), a group ("$day"), a group mapped
// through a word list ("$n@NUMBER"; digits pass through), negated ("-$n") or adjusted
// ("$n-1"). *out is empty if the group did not take part. Returns false and sets *error if
// the expression cannot be evaluated.
bool EvalExpression(const std::string& expr, const DateContext& ctx, std::optional<int>* out,
                    std::string* error);

// Sets *out to a word expression: a literal ("START"), or a group mapped through a list
// ("$part@PART_MOD"; empty if the group did not take part). Returns false and sets *error
// if the group's text is not in the list.
bool EvalWord(const std::string& expr, const DateContext& ctx, std::string* out,
              std::string* error);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_DATE_EXPR_H_
