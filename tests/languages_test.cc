// Issue 9: languages are data. A third language is a "languages" entry and rules, with no
// change to the engine; "lang" codes must be declared; one fallback at most.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "extract/extract.h"
#include "rules/rules.h"
#include "test_util.h"

namespace newsgraph {

namespace {

const char kMalay[] = R"j({
  "lang": "ms",
  "languages": {"ms": {"name": "Malay", "hints": ["ialah", "kerana", "telah", "dengan"],
                       "short_names": ["first", "last"]}},
  "events": [{"id": "meet.ms.verb", "type": "meet",
              "pattern": "(?P<a>{PER})\\s+telah\\s+berjumpa\\s+dengan\\s+(?P<b>{PER})",
              "roles": {"a": "participant", "b": "participant"}}],
  "gazetteer": [{"id": "person:tun-ms", "kind": "person", "name": "Tun Ms",
                 "aliases": ["Pak Tun Ms"]}]
})j";

std::vector<RuleSource> WithBuiltin(std::vector<RuleSource> extra) {
  std::vector<RuleSource> sources = BuiltinRuleSources();
  for (RuleSource& s : extra) AddOrReplace(std::move(s), &sources);
  return sources;
}

}  // namespace

TEST_CASE("A third language is data: its hints, its rules, its names", "[languages]") {
  Diagnostics diags;
  auto rules = testing::LoadRules(WithBuiltin({{"ms.json", "ms.json", kMalay}}), &diags);
  for (const Diagnostic& d : diags.list()) INFO(FormatDiagnostic(d));
  REQUIRE(rules);
  CHECK(rules->language_codes() == std::vector<std::string>{"id", "en", "ms"});
  CHECK(rules->LangNames(rules->Lang("ms") | rules->Lang("en")) == "English or Malay");

  const std::string text =
      "Perdana Menteri Anwar Ibrahim telah berjumpa dengan Prabowo Subianto kerana "
      "isu sempadan ialah penting.";
  CHECK(DetectLanguage(text, *rules) == rules->Lang("ms"));
  Extractor extractor(*rules, ExtractOptions());
  Document doc;
  doc.id = "ms-1";
  doc.text = text;
  const DocumentFacts facts = extractor.Extract(doc);
  CHECK(facts.lang == "ms");
  REQUIRE(facts.events.size() == 1);
  CHECK(facts.events[0].evidence[0].rule == "meet.ms.verb");
  // The file's language is its aliases' language: a Malay alias is not matched in English.
  const GazetteerEntry* e = rules->Entry("person:tun-ms");
  REQUIRE(e);
  CHECK(e->aliases.front().second == rules->Lang("ms"));
}

TEST_CASE("Language codes must be declared; one fallback at most", "[languages]") {
  struct Case {
    const char* name;
    std::string file;
    std::string message;  // first error
  };
  const std::vector<Case> cases = {
      {"an undeclared rule language",
       R"j({"events": [{"id": "x", "type": "meet", "lang": "fr", "pattern": "x"}]})j",
       "x.json:1:49: error: language 'fr' is not declared in any \"languages\" section (id, en)"},
      {"an undeclared file language", R"j({"lang": "fr", "lists": {"X": ["y"]}})j",
       "x.json:1:10: error: language 'fr' is not declared in any \"languages\" section (id, en)"},
      {"a second fallback", R"j({"languages": {"ms": {"fallback": true}}})j",
       "x.json:1:16: error: language 'ms' is a second fallback language (first: 'en')"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      Diagnostics diags;
      CHECK_FALSE(testing::LoadRules(WithBuiltin({{"x.json", "x.json", c.file}}), &diags));
      REQUIRE_FALSE(diags.list().empty());
      const Diagnostic& d = diags.list().front();
      CHECK(fmt::format("{}:{}:{}: {}: {}", d.location.file, d.location.line, d.location.column,
                        SeverityName(d.severity), d.message) == c.message);
    }
  }
}

}  // namespace newsgraph
