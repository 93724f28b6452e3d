#include "extract/dateline.h"

#include <fmt/format.h>

#include "extract/match.h"
#include "rules/prefilter.h"

namespace newsgraph {

void MatchDates(const RuleSet& rules, std::string_view text, Span sentence, LangMask lang,
                const std::optional<CivilDate>& dct, std::vector<DateMatch>* out,
                std::vector<std::string>* notes, const ToldDates* told) {
  const std::string_view st = sentence.Of(text);
  std::vector<int> candidates;
  rules.date_prefilter().Candidates(st, &candidates);
  for (int r : candidates) {
    const DateRule& rule = *rules.date_rules()[r];
    if ((rule.langs & lang) == 0) continue;
    // The mention is the `span` group if the rule has one: context outside it ("pada" in
    // "pada 2014") is matched but not part of the date, and the next search starts at the
    // end of the span (lookahead emulation, since re2 has none).
    const int g_span = rule.Group("span");
    const Groups* match = nullptr;  // the match being normalized
    DateContext ctx;
    ctx.group = [&](std::string_view name) {
      return std::string(GroupText(*match, rule.Group(name)));
    };
    ctx.lookup = [&](std::string_view list, std::string_view word, std::string* value) {
      const WordList* l = rules.List(list);
      return l != nullptr && l->Lookup(word, value);
    };
    ctx.dct = dct;
    ctx.told = told;
    ForEachMatch(*rule.re, st, g_span, [&](const Groups& g) {
      const re2::StringPiece& whole = g_span > 0 && g[g_span].data() != nullptr ? g[g_span] : g[0];
      if (whole.empty()) return;
      match = &g;
      const uint32_t b = static_cast<uint32_t>(whole.data() - st.data()) + sentence.begin;
      DateMatch m;
      m.span = {b, b + static_cast<uint32_t>(whole.size())};
      m.rule = r;
      std::string error;
      if (NormalizeDate(rule.spec, ctx, &m.timex, &error)) {
        out->push_back(std::move(m));
      } else if (notes) {
        notes->push_back(
            fmt::format("date rule {} matched \"{}\" but: {}", rule.id, m.span.Of(text), error));
      }
    });
  }
}

bool FindDateline(const RuleSet& rules, std::string_view text, LangMask lang, CivilDate* out) {
  const size_t eol = text.find('\n');
  const Span line{0, static_cast<uint32_t>(eol == std::string_view::npos ? text.size() : eol)};
  std::vector<DateMatch> found;
  MatchDates(rules, text, line, lang, std::nullopt, &found);
  const DateMatch* best = nullptr;
  for (const DateMatch& m : found) {
    if (rules.date_rules()[m.rule]->spec.dateline.empty()) continue;
    if (m.timex.anchor != "absolute" || m.timex.granularity != Granularity::kDay ||
        !m.timex.start || m.timex.start != m.timex.end) {
      continue;
    }
    if (best == nullptr || m.span.begin < best->span.begin) best = &m;
  }
  if (best == nullptr) return false;
  *out = *best->timex.start;
  return true;
}

}  // namespace newsgraph
