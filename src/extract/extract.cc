#include "extract/extract.h"

#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

#include "base/text.h"
#include "extract/dateline.h"

namespace newsgraph {

LangMask DetectLanguage(std::string_view text, const RuleSet& rules) {
  // Count hint words in the first few kilobytes; that is plenty for news text.
  const std::string_view head = text.substr(0, 4000);
  // Hint word -> the indices (declaration order) of the languages it hints at.
  std::unordered_map<std::string, std::vector<size_t>> hint_langs;
  const std::vector<std::string>& codes = rules.language_codes();
  for (size_t i = 0; i < codes.size(); ++i) {
    for (const std::string& w : rules.languages().at(codes[i]).hints) hint_langs[w].push_back(i);
  }
  std::vector<int> hits(codes.size(), 0);
  for (Span t : Tokenize(head)) {
    auto it = hint_langs.find(Lowercase(t.Of(head)));
    if (it == hint_langs.end()) continue;
    for (size_t i : it->second) ++hits[i];
  }
  // The most hits wins; a tie goes to the language declared first.
  size_t best = 0;
  for (size_t i = 1; i < hits.size(); ++i) {
    if (hits[i] > hits[best]) best = i;
  }
  if (hits.empty() || hits[best] == 0) return 0;
  return rules.Lang(codes[best]);
}

Extractor::Extractor(const RuleSet& rules, const ExtractOptions& options)
    : rules_(rules),
      options_(options),
      splitter_(rules.languages()),
      mentions_(rules),
      events_(rules),
      resolver_(rules, options.resolve) {}

DocumentFacts Extractor::Extract(const Document& doc, Trace* trace, StageTimer* timer) const {
  DocumentFacts facts;
  facts.doc = doc.id;
  facts.origin = doc.origin;
  facts.url = doc.url;
  facts.title = doc.title;

  std::optional<TimedStage> language(std::in_place, timer, "language, dct");
  LangMask lang = 0;
  if (!doc.lang.empty()) {
    lang = rules_.Lang(doc.lang);
    if (lang == 0) {
      facts.status = "skipped";
      facts.reason = fmt::format("language '{}' has no rules", doc.lang);
      return facts;
    }
  } else {
    lang = DetectLanguage(doc.text, rules_);
    const LanguageInfo* fallback = rules_.FallbackLanguage();
    if (lang == 0 && fallback != nullptr) {
      lang = fallback->mask;
      facts.warnings.push_back(
          fmt::format("language not recognised; treated as {}", fallback->name));
    } else if (lang == 0) {
      lang = kLangAny;  // a rule set that declares no language: every rule applies
    }
  }
  facts.lang = rules_.LangCode(lang);

  std::optional<CivilDate> dct;
  CivilDate d;
  if (!doc.date.empty() && ParseIsoDate(doc.date, &d)) {
    dct = d;
    facts.dct_source = "input";
  } else {
    if (!doc.date.empty()) {
      facts.warnings.push_back(
          fmt::format("date '{}' is not an ISO 8601 date; publication date unknown", doc.date));
    }
    if (options_.default_dct) {
      dct = options_.default_dct;
      facts.dct_source = "option";
    } else if (CivilDate line; FindDateline(rules_, doc.text, lang, &line)) {
      // "Jakarta, Kamis (29/10/2020) -": the dateline says when the article was written.
      dct = line;
      facts.dct_source = "dateline";
    }
  }
  if (dct) facts.dct = FormatDate(*dct);
  language.reset();

  {
    TimedStage split(timer, "split");
    facts.sentences = splitter_.Split(doc.text);
    MarkFurniture(rules_, doc.text, &facts.sentences);
  }
  MentionIndex index;
  mentions_.Find(doc.text, lang, dct, &facts, &index, trace, timer);
  std::vector<EventMatch> matches;
  {
    TimedStage stage2(timer, "stage 2");
    events_.Find(doc.text, lang, facts, index, trace, &matches);
  }
  resolver_.Resolve(doc.text, matches, &facts, timer);
  return facts;
}

}  // namespace newsgraph
