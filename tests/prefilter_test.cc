// The prefilters (rules/prefilter.h) and their second filter, the bytes a pattern requires
// (rules/required_bytes.h). Unit cases of the analysis, then soundness on the built-in
// rules: every text a rule matches, as the rule's stage sees it, holds the bytes the
// analysis says it must, and the prefilter lets the rule run on it.
#include "rules/required_bytes.h"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "authoring/rule_files.h"
#include "authoring/rule_tests.h"
#include "extract/document.h"
#include "rules/prefilter.h"
#include "test_util.h"

namespace newsgraph {

using testing::BuiltinRules;
using testing::SharedDir;

namespace {

std::string Req(std::string_view pattern) { return RequiredBytesOf(pattern).ToString(); }

}  // namespace

TEST_CASE("Required bytes: what every match of a pattern holds", "[prefilter]") {
  CHECK(Req(R"(\d{4})") == "[0-9]");
  CHECK(Req(R"(\b(?P<d>\d{1,2})/(?P<m>\d{1,2})\b)") == "[/] [0-9]");
  CHECK(Req("abc") == "[a] [b] [c]");
  // Optional parts, and alternatives of which one needs nothing, require nothing.
  CHECK(Req(R"(\d*)") == "");
  CHECK(Req(R"(x?\d{0,3})") == "");
  CHECK(Req(R"(a|\d)") == "[0-9a]");
  CHECK(Req(R"(a|)") == "");
  CHECK(Req(R"((?:19|20)\d{2})") == "[12] [29] [01]");  // some joins of the branches
  // Case-insensitive letters: both cases and any non-ASCII byte (the Kelvin sign is a 'k').
  CHECK(Req("(?i:k)") == "[Kk\\x80-\\xff]");
  CHECK(Req("(?i)a(?-i)b") == "[b] [Aa\\x80-\\xff]");
  CHECK(Req("(?i:a)b") == "[b] [Aa\\x80-\\xff]");
  // Classes: ranges, escapes, negation (which may match any non-ASCII character).
  CHECK(Req("[a-c]") == "[a-c]");
  CHECK(Req(R"([\d/])") == "[/-9]");  // '/' is the byte before '0'

  CHECK(Req(R"(\x{41}[\x{30}-\x{39}])") == "[A] [0-9]");
  CHECK(Req("[^a-z]") == "[\\x00-`{-~\\x80-\\xff]");  // everything else, non-ASCII too
  CHECK(Req("é") == "[\\x80-\\xff]");
  CHECK(Req("[é-ü]") == "[\\x80-\\xff]");
  CHECK(Req(R"(\s+-\s+)") == "[-] [\\x09\\x0a\\x0c\\x0d\\x20]");
  // A literal '{' that is no repetition, and a counted repetition that may be zero.
  CHECK(Req("a{,3}") == "[a] [{] [,] [3] [}]");
  CHECK(Req("(?:ab){0}c") == "[c]");
  // What the analysis does not read requires nothing: never a wrong requirement.
  CHECK(Req(R"(\pL\d)") == "[0-9]");
  CHECK(Req(R"([[:alpha:]])") == "");
  CHECK(Req(R"(\1)") == "");
  CHECK(Req("(a") == "");
  CHECK(Req("a)") == "");
  CHECK(Req(".") == "");
  CHECK(Req(R"(\b^$)") == "");
}

TEST_CASE("Required bytes: a text without them cannot match", "[prefilter]") {
  const RequiredBytes req = RequiredBytesOf(R"(\((?P<day>\d{1,2})/(?P<month>\d{1,2})\))");
  CHECK(req.SatisfiedBy(ByteMaskOf("Kamis (16/10)")));
  CHECK_FALSE(req.SatisfiedBy(ByteMaskOf("Kamis (enam belas Oktober)")));
  CHECK_FALSE(req.SatisfiedBy(ByteMaskOf("16/10")));
  CHECK(ByteMaskOf("\xC3\xA9").Has(ByteMask::kNonAscii));
  CHECK(ByteMaskOf("\x7F").Has(ByteMask::kNonAscii));
}

// Every built-in rule's requirement holds in every text it matches: the rule test cases
// (always) and the first documents of the shared corpora (when present), each sentence as
// the rule's stage sees it (raw for dates, rendered for the mention passes and events).
TEST_CASE("Required bytes of the built-in rules hold wherever a rule matches", "[prefilter]") {
  const RuleSet& rules = BuiltinRules();
  std::vector<Document> docs;
  RuleSelection selection;
  Diagnostics selection_diags;
  REQUIRE(SelectRuleFiles(RuleSelectionOptions(), &selection, &selection_diags));
  for (const RuleSource& source : selection.tests) {
    Diagnostics diags;
    const RuleTestFile file = ParseRuleTestFile(source, rules.language_codes(), &diags);
    for (const RuleTestCase& c : file.cases) {
      Document doc;
      doc.id = fmt::format("{}:{}", source.rel, c.location.line);
      doc.text = c.text;
      doc.lang = c.lang;
      doc.date = c.dct;
      docs.push_back(std::move(doc));
    }
  }
  const size_t test_cases = docs.size();
  REQUIRE(test_cases > 500);
  const std::string shared = SharedDir();
  if (!shared.empty()) {
    for (const char* corpus : {"detik-2025.jsonl", "reuters-2017.jsonl"}) {
      // The documents as extract reads them (repairs and all).
      DocumentReader reader({shared + "/corpus/" + corpus}, nullptr);
      Document doc;
      SkipRecord skip;
      for (int n = 0; n < 150 && reader.Next(&doc, &skip) == DocumentReader::kDocument; ++n) {
        docs.push_back(std::move(doc));
      }
    }
  }

  Extractor extractor(rules, ExtractOptions());
  std::map<std::string, int> matched;  // group -> matches checked against the prefilter
  std::map<std::string, int> checked;  // group -> ... and against a byte requirement
  std::vector<int> candidates;
  auto check = [&](const char* group, const Prefilter& filter, const PatternRule& rule,
                   int index, const std::string& subject, const std::string& doc) {
    if (!RE2::PartialMatch(subject, *rule.re)) return;
    // The prefilter as a whole lets every matching rule through.
    filter.Candidates(subject, &candidates);
    ++matched[group];
    INFO(fmt::format("{}: rule {} matches \"{}\"", doc, rule.id, subject));
    CHECK(std::binary_search(candidates.begin(), candidates.end(), index));
    const RequiredBytes* req = filter.Required(index);
    if (req == nullptr) return;
    ++checked[group];
    INFO(fmt::format("it needs {}", req->ToString()));
    CHECK(req->SatisfiedBy(ByteMaskOf(subject)));
  };
  for (const Document& doc : docs) {
    Trace trace;
    const DocumentFacts facts = extractor.Extract(doc, &trace);
    for (size_t s = 0; s < facts.sentences.size(); ++s) {
      const std::string raw(facts.sentences[s].span.Of(doc.text));
      for (size_t i = 0; i < rules.date_rules().size(); ++i) {
        check("dates", rules.date_prefilter(), *rules.date_rules()[i], static_cast<int>(i), raw,
              doc.id);
      }
      if (s >= trace.sentences.size()) continue;
      for (const auto& [stage, rendered] : trace.sentences[s].renders) {
        if (stage == "events") {
          for (size_t i = 0; i < rules.event_rules().size(); ++i) {
            check("events", rules.event_prefilter(), *rules.event_rules()[i],
                  static_cast<int>(i), rendered, doc.id);
          }
          for (size_t i = 0; i < rules.attach_rules().size(); ++i) {
            check("attachments", rules.attach_prefilter(), *rules.attach_rules()[i],
                  static_cast<int>(i), rendered, doc.id);
          }
          continue;
        }
        for (int pass : rules.passes()) {
          if (stage != fmt::format("pass {}", pass)) continue;
          for (int i : rules.pass_rules(pass)) {
            check("mentions", rules.pass_prefilter(pass), *rules.mention_rules()[i], i, rendered,
                  doc.id);
          }
        }
      }
    }
  }
  INFO(fmt::format("{} rule test cases, {} documents", test_cases, docs.size() - test_cases));
  // The check must have something to check in each stage.
  CHECK(matched["dates"] > 1000);
  CHECK(matched["mentions"] > 1000);
  CHECK(matched["events"] > 500);
  CHECK(matched["attachments"] > 100);
  CHECK(checked["dates"] > 100);
  CHECK(checked["mentions"] > 100);
}

}  // namespace newsgraph
