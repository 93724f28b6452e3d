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
  std::unordered_map<std::string, std::vector<LangMask>> hint_langs;
  for (const auto& [code, info] : rules.languages()) {
    for (const std::string& w : info.hints) hint_langs[w].push_back(LangFromCode(code));
  }
  int id_hits = 0, en_hits = 0;
  for (Span t : Tokenize(head)) {
    auto it = hint_langs.find(Lowercase(t.Of(head)));
    if (it == hint_langs.end()) continue;
    for (LangMask l : it->second) {
      id_hits += l == kLangId;
      en_hits += l == kLangEn;
    }
  }
  if (id_hits == 0 && en_hits == 0) return 0;
  return id_hits >= en_hits ? kLangId : kLangEn;
}

Extractor::Extractor(const RuleSet& rules, const ExtractOptions& options)
    : rules_(rules),
      options_(options),
      splitter_(rules.languages()),
      mentions_(rules),
      events_(rules),
      resolver_(rules, options.resolve) {}

DocumentFacts Extractor::Extract(const Document& doc, Trace* trace) const {
  DocumentFacts facts;
  facts.doc = doc.id;
  facts.origin = doc.origin;
  facts.url = doc.url;
  facts.title = doc.title;

  LangMask lang = 0;
  if (!doc.lang.empty()) {
    lang = LangFromCode(doc.lang);
    if (lang == 0 || rules_.languages().count(doc.lang) == 0) {
      facts.status = "skipped";
      facts.reason = fmt::format("language '{}' has no rules", doc.lang);
      return facts;
    }
  } else {
    lang = DetectLanguage(doc.text, rules_);
    if (lang == 0) {
      lang = kLangEn;
      facts.warnings.push_back("language not recognised; treated as English");
    }
  }
  facts.lang = LangCode(lang);

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

  facts.sentences = splitter_.Split(doc.text);
  MentionIndex index;
  mentions_.Find(doc.text, lang, dct, &facts, &index, trace);
  std::vector<EventMatch> matches;
  events_.Find(doc.text, lang, facts, index, trace, &matches);
  resolver_.Resolve(doc.text, matches, &facts);
  return facts;
}

}  // namespace newsgraph
