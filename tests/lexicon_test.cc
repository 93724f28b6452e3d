#include "rules/lexicon.h"

#include <catch2/catch.hpp>

#include "test_util.h"

namespace newsgraph {

namespace {

std::vector<std::string> Found(const RuleSet& rules, const std::string& text, LangMask lang) {
  std::vector<LexiconMatch> found;
  rules.lexicon().Match(text, Tokenize(text), lang, &found);
  std::vector<std::string> out;
  for (const LexiconMatch& m : found) {
    out.push_back(std::string(m.span.Of(text)) + "=" + rules.gazetteer()[m.entry].id);
  }
  return out;
}

}  // namespace

TEST_CASE("Gazetteer lookup: longest match, case, caps, language", "[lexicon]") {
  Diagnostics diags;
  auto rules = testing::LoadRules({{"l.json", "l.json", R"({"languages": {"id": {}, "en": {}}})"},
                                   {"g.json", "g.json", R"({"gazetteer": [
        {"id": "gpe:us", "kind": "country", "name": "United States", "aliases_id": ["AS"], "aliases_en": ["U.S."]},
        {"id": "place:ny", "kind": "place", "name": "New York"},
        {"id": "place:york", "kind": "place", "name": "York"},
        {"id": "place:moscow", "kind": "place", "name": "Moscow", "aliases": ["Moskow"]}]})"}},
                                  &diags);
  REQUIRE(rules);
  using V = std::vector<std::string>;
  CHECK(Found(*rules, "Ia di New York.", rules->Lang("id")) == V{"New York=place:ny"});
  CHECK(Found(*rules, "MOSKOW - Pejabat AS", rules->Lang("id")) ==
        V{"MOSKOW=place:moscow", "AS=gpe:us"});
  CHECK(Found(*rules, "as well as the U.S. and York", rules->Lang("en")) ==
        V{"U.S.=gpe:us", "York=place:york"});
  CHECK(Found(*rules, "AS", rules->Lang("en")).empty());            // Indonesian-only alias
  CHECK(Found(*rules, "ASEAN moskow", rules->Lang("id")).empty());  // whole tokens, exact case
  CHECK(Found(*rules, "New\nYork", rules->Lang("en")) == V{"York=place:york"});  // not across lines
}

TEST_CASE("The built-in gazetteer knows the seed entities", "[lexicon]") {
  const RuleSet& rules = testing::BuiltinRules();
  using V = std::vector<std::string>;
  CHECK(Found(rules, "Menteri Luar Negeri Rusia Sergey Lavrov", rules.Lang("id")) ==
        V{"Rusia=gpe:russia", "Sergey Lavrov=person:sergey-lavrov"});
  CHECK(Found(rules, "The Wall Street Journal dan NBC News", rules.Lang("id")) ==
        V{"The Wall Street Journal=source:the-wall-street-journal", "NBC News=source:nbc-news"});
}

}  // namespace newsgraph
