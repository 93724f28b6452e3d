// Rule test files and `newsgraph test` (issue 3): the format of docs/design.md, what a
// check means (ruleid, ok, todo, expect), coverage, the report, exit codes; the shipped
// rules pass their tests and a broken pattern fails exactly its rule's tests.
#include "authoring/rule_tests.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include <sstream>

#include "authoring/junit.h"
#include "authoring/rule_test_report.h"
#include "authoring/rule_test_runner.h"
#include "cli/cli.h"
#include "rules/builtin.h"
#include "test_util.h"

namespace newsgraph {

namespace {

using Result = testing::CliResult;

Result Run(const std::vector<std::string>& args) { return testing::RunCliCaptured(args); }

using testing::Relative;

std::vector<std::string> Lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.list()) {
    const std::string f = FormatDiagnostic(d);
    out.push_back(f.substr(0, f.find('\n')));
  }
  return out;
}

// A small rule set: two people, one event rule, one rule without tests.
const char kRules[] = R"j({
  "languages": {"id": {"name": "Indonesian"}, "en": {"name": "English", "hints": ["the"]}},
  "event_types": [{"type": "meet", "cameo": "044", "plover": "CONSULT", "roles": ["participant"]}],
  "gazetteer": [{"id": "person:ann-lee", "kind": "person", "name": "Ann Lee"},
                {"id": "person:bob-ray", "kind": "person", "name": "Bob Ray"}],
  "events": [
    {"id": "greet", "type": "meet", "lang": "en",
     "pattern": "(?P<a>{PER}) (?:(?P<planned>will) )?greets (?P<b>{PER})",
     "roles": {"a": "participant", "b": "participant"}},
    {"id": "wave", "type": "meet", "lang": "en", "pattern": "(?P<a>{PER}) waves at (?P<b>{PER})",
     "roles": {"a": "participant", "b": "participant"}}
  ]
})j";

}  // namespace

TEST_CASE("Rule test files parse as docs/design.md says", "[ruletest]") {
  const std::string text =
      "# A comment.\n"
      "# lang: id\n"
      "# dct: 2023-06-20\n"
      "# ruleid: meet.id.verb\n"
      "# expect: participants=person:a,person:b; date=2023-06; place=place:x\n"
      "Menlu Rusia Sergey Lavrov bertemu dengan Menlu AS Antony Blinken di New York.\n"
      "\n"
      "# ok: meet.id.verb, visit.id.verb\n"
      "# todook: call.id.phone\n"
      "Lavrov tidak menyebut pertemuan apa pun.\n"
      "# lang: en\n"
      "# todoruleid: visit.en.verb\n"
      "Mattis, who visited Pakistan, spoke.\n"
      "# dct: none\n"
      "# ok: visit.en.verb\n"
      "Mattis spoke.\n";
  Diagnostics diags;
  const RuleTestFile f =
      ParseRuleTestFile({"events/meet.test.txt", "m.test.txt", text}, {"id", "en"}, &diags);
  CHECK(diags.empty());
  REQUIRE(f.cases.size() == 4);
  const RuleTestCase& c = f.cases[0];
  CHECK(c.location.line == 6);
  CHECK(c.lang == "id");
  CHECK(c.dct == "2023-06-20");
  REQUIRE(c.annotations.size() == 1);
  CHECK(c.annotations[0].kind == AnnotationKind::kRuleId);
  CHECK(c.annotations[0].rule == "meet.id.verb");
  CHECK(c.annotations[0].location.line == 4);
  CHECK(c.annotations[0].location.column == 11);
  REQUIRE(c.annotations[0].expects.size() == 3);
  CHECK(c.annotations[0].expects[0].key == "participants");
  CHECK(c.annotations[0].expects[0].value == "person:a,person:b");
  CHECK(c.annotations[0].expects[2].value == "place:x");
  REQUIRE(f.cases[1].annotations.size() == 3);
  CHECK(f.cases[1].annotations[1].rule == "visit.id.verb");
  CHECK(f.cases[1].annotations[2].kind == AnnotationKind::kTodoOk);
  CHECK(f.cases[2].lang == "en");
  CHECK(f.cases[2].dct == "2023-06-20");
  CHECK(f.cases[2].annotations[0].kind == AnnotationKind::kTodoRuleId);
  CHECK(f.cases[3].dct.empty());
}

TEST_CASE("Malformed rule test files: every problem at its line and column", "[ruletest]") {
  struct Case {
    std::string text;
    std::string expected;  // the first line of the diagnostic
  };
  const std::vector<Case> cases = {
      {"# lang: fr\n", "t.test.txt:1:9: error: unknown language 'fr' (id, en)"},
      {"# dct: 20/06/2023\n",
       "t.test.txt:1:8: error: '20/06/2023' is not a publication date (YYYY-MM-DD, or none)"},
      {"# expect: date=2023\nText.\n",
       "t.test.txt:1:3: error: an expect line must follow a ruleid or todoruleid line"},
      {"# ok: r\n# expect: date=2023\nText.\n",
       "t.test.txt:2:3: error: an expect line must follow a ruleid or todoruleid line"},
      {"# ruleid: r\n# expect: colour=red\nText.\n",
       "t.test.txt:2:11: error: unknown expect key 'colour' (type, participants, date, place, "
       "modality, reported_by, value, entity)"},
      {"# ruleid: r\n# expect: date=\nText.\n",
       "t.test.txt:2:11: error: expect key 'date' has no value"},
      {"# ruleid: r\n# expect: date\nText.\n",
       "t.test.txt:2:11: error: expected key=value, found 'date'"},
      {"# ruleid: Meet.ID\nText.\n", "t.test.txt:1:11: error: 'Meet.ID' is not a rule id"},
      {"# ruleid:\nText.\n", "t.test.txt:1:10: error: 'ruleid' needs a rule id"},
      {"# ruleid: r\n", "t.test.txt:1:11: error: 'ruleid: r' has no text line after it"},
      {"Text.\n",
       "t.test.txt:1:1: warning: this text line has no ruleid or ok annotation before it; it "
       "is not checked"},
      {"# rulied: r\nText.\n",
       "t.test.txt:1:3: warning: unknown annotation 'rulied' (ruleid, ok, todoruleid, todook, "
       "expect, lang, dct); the line is read as a comment"},
  };
  for (const Case& c : cases) {
    Diagnostics diags;
    ParseRuleTestFile({"t.test.txt", "t.test.txt", c.text}, {"id", "en"}, &diags);
    INFO(c.text);
    const std::vector<std::string> got = Lines(diags);
    REQUIRE(!got.empty());
    CHECK(got[0] == c.expected);
  }
}

TEST_CASE("ruleid, ok, todo and expect checks; the report and coverage", "[ruletest]") {
  Diagnostics diags;
  auto rules = testing::LoadRules({{"r.json", "r.json", kRules}}, &diags);
  REQUIRE(rules);
  const std::string text =
      "# lang: en\n"
      "# ruleid: greet\n"  // 2
      "# expect: type=meet; participants=person:ann-lee,person:bob-ray; modality=held\n"
      "Ann Lee greets Bob Ray.\n"  // 4
      "# ok: greet\n"
      "Ann Lee waves at Bob Ray.\n"  // 6
      "# todoruleid: greet\n"
      "Ann Lee greeted Bob Ray.\n"  // 8
      "# todook: greet\n"
      "Ann Lee smiles.\n"  // 10
      "# ruleid: greet\n"
      "# expect: participants=person:ann-lee,person:carl-fox; modality=planned\n"
      "Ann Lee greets Bob Ray.\n"  // 13
      "# ok: greet\n"
      "Bob Ray greets Ann Lee.\n"  // 15
      "# ruleid: greet\n"
      "Ann Lee waves at Bob Ray.\n"  // 17
      "# ruleid: nosuch\n"
      "Ann Lee greets Bob Ray.\n";  // 19
  const RuleTestFile file =
      ParseRuleTestFile({"r.test.txt", "r.test.txt", text}, {"id", "en"}, &diags);
  REQUIRE(diags.empty());
  RuleTestOptions options;
  options.coverage = {{"r.json", true}};
  const RuleTestReport report = RunRuleTests(*rules, {file}, options);
  CHECK(report.passed == 2);
  CHECK(report.failed == 4);
  CHECK(report.known_gaps == 1);
  CHECK(report.fixed == 1);
  CHECK(report.failed_any());
  CHECK(FormatRuleTestReport(report) ==
        "r.test.txt\n"
        "  FAIL  greet (3 of 7 checks failed, 1 known gap, 1 fixed)\n"
        "        todo:  r.test.txt:8: todoruleid (known gap)\n"
        "        fixed: r.test.txt:10: todook greet passes now: remove the todo\n"
        "        r.test.txt:13: ruleid: greet\n"
        "          text:     Ann Lee greets Bob Ray.\n"
        "          expect:   participants=person:ann-lee,person:carl-fox\n"
        "          expect:   modality=planned\n"
        "          expected participants \u2287 {person:ann-lee, person:carl-fox}, got "
        "{person:ann-lee, person:bob-ray}\n"
        "          expected modality=planned, got held\n"
        "          rendered: \u27e6PER\u27e7 greets \u27e6PER\u27e7.\n"
        "          fired:    greet: event meet {person:ann-lee, person:bob-ray}\n"
        "        r.test.txt:15: ok: greet\n"
        "          text:     Bob Ray greets Ann Lee.\n"
        "          expected no fact from greet, got event meet {person:bob-ray, person:ann-lee}\n"
        "          rendered: \u27e6PER\u27e7 greets \u27e6PER\u27e7.\n"
        "          fired:    greet: event meet {person:bob-ray, person:ann-lee}\n"
        "        r.test.txt:17: ruleid: greet\n"
        "          text:     Ann Lee waves at Bob Ray.\n"
        "          expected a fact from greet, got none\n"
        "          greet does not match the sentence as it sees it (events)\n"
        "          rendered: \u27e6PER\u27e7 waves at \u27e6PER\u27e7.\n"
        "          fired:    wave: event meet {person:ann-lee, person:bob-ray}\n"
        "  FAIL  nosuch (1 of 1 check failed)\n"
        "        r.test.txt:19: ruleid: nosuch\n"
        "          text:     Ann Lee greets Bob Ray.\n"
        "          unknown rule 'nosuch': no rule of the rule set has this id\n"
        "          rendered: \u27e6PER\u27e7 greets \u27e6PER\u27e7.\n"
        "          fired:    greet: event meet {person:ann-lee, person:bob-ray}\n"
        "coverage\n"
        "  r.json:10:5: error: rule 'wave' has no ruleid and no ok check (add to r.test.txt)\n"
        "8 checks: 2 passed, 4 failed, 1 known gap, 1 fixed (remove the todo); 1 rule without "
        "a ruleid or ok check\n");

  // Coverage gaps of files that are not built in are warnings.
  options.coverage = {{"r.json", false}};
  const RuleTestReport lenient = RunRuleTests(*rules, {file}, options);
  REQUIRE(lenient.coverage.size() == 1);
  CHECK_FALSE(lenient.coverage[0].error);
  CHECK(lenient.coverage_errors() == 0);

  // --filter runs the checks of matching rules only.
  options.filter = "wa*";
  const RuleTestReport filtered = RunRuleTests(*rules, {file}, options);
  CHECK(filtered.passed + filtered.failed + filtered.known_gaps + filtered.fixed == 0);
  CHECK(filtered.coverage.size() == 1);
}

TEST_CASE("Attachment, mention and date checks", "[ruletest]") {
  // Built-in rules: an attachment check passes when the rule gave the event its date,
  // place or a source; a mention check when the rule made the mention.
  const std::string text =
      "# lang: en\n"
      "# dct: 2017-12-08\n"
      "# ruleid: attach.date.prep.en, attach.place.en, meet.en.verb, title.en.office\n"
      "# ok: attach.date\n"
      "Secretary of State Rex Tillerson met Sergei Lavrov in Vienna on Thursday.\n"
      "# ruleid: person.title-name\n"
      "# expect: entity=person:rex-tillerson\n"
      "Secretary of State Rex Tillerson met Sergei Lavrov in Vienna on Thursday.\n"
      "# ruleid: attach.place.en\n"
      "# expect: place=place:moscow\n"
      "Tillerson met Lavrov in Vienna on Thursday.\n";
  Diagnostics diags;
  const RuleTestFile file =
      ParseRuleTestFile({"x.test.txt", "x.test.txt", text}, {"id", "en"}, &diags);
  REQUIRE(diags.empty());
  const RuleTestReport report = RunRuleTests(testing::BuiltinRules(), {file}, {});
  CHECK(report.passed == 6);
  CHECK(report.failed == 1);
  const std::string out = FormatRuleTestReport(report);
  CHECK(out.find("          expected place=place:moscow, got place:vienna-austria\n") !=
        std::string::npos);
}

TEST_CASE("newsgraph test: the shipped rules pass their tests", "[ruletest]") {
  const Result r = Run({"test"});
  INFO(r.out << r.err);
  CHECK(r.code == kExitOk);
  CHECK(r.out.find("  FAIL  ") == std::string::npos);
  CHECK(r.out.find(" 0 failed") != std::string::npos);
}

// Writes the built-in rule files and their tests into dir/rules.
void WriteBuiltinRules(const testing::TempDir& dir) {
  for (const EmbeddedFile& f : BuiltinRuleFiles()) {
    dir.Write("rules/" + std::string(f.path), std::string(f.content));
  }
}

TEST_CASE("newsgraph test: a broken pattern fails exactly its rule's tests", "[ruletest]") {
  testing::TempDir dir;
  WriteBuiltinRules(dir);
  const std::string talks = (dir.path() / "rules/events/talks.json").string();
  std::string json = testing::ReadFile(talks);
  const std::string good = "berunding\\\\s+dengan";
  const size_t at = json.find(good);
  REQUIRE(at != std::string::npos);
  json.replace(at, good.size(), "berunding\\\\s+bersama");
  dir.Write("rules/events/talks.json", json);
  const std::string rules = (dir.path() / "rules").string();
  const Result r = Run({"test", "--no-builtin-rules", "--rules", rules});
  INFO(r.out << r.err);
  CHECK(r.code == kExitFindings);
  // One FAIL line, for the rule whose pattern broke, with the case and what differs.
  size_t fails = 0;
  for (size_t p = 0; (p = r.out.find("  FAIL  ", p)) != std::string::npos; ++p) ++fails;
  CHECK(fails == 1);
  // Pinned to the case, not to how many cases talks.test.txt holds or where this one is.
  const std::string cases =
      testing::ReadFile((dir.path() / "rules/events/talks.test.txt").string());
  const size_t case_at = cases.find("Luhut berunding dengan China");
  REQUIRE(case_at != std::string::npos);
  const int case_line =
      1 + static_cast<int>(std::count(cases.begin(), cases.begin() + case_at, '\n'));
  CHECK(r.out.find("  FAIL  talks.id.verb (1 of ") != std::string::npos);
  CHECK(
      Relative(r.out, dir)
          .find(
              "        rules/events/talks.test.txt:" + std::to_string(case_line) +
              ": ruleid: talks.id.verb\n"
              "          text:     Luhut berunding dengan China soal restrukturisasi utang kereta "
              "cepat.\n"
              "          expect:   type=talks\n"
              "          expect:   participants=person:luhut-binsar-pandjaitan,gpe:china\n"
              "          expected a fact from talks.id.verb, got none\n"
              "          talks.id.verb does not match the sentence as it sees it (events)\n"
              "          rendered: \u27e6PER\u27e7 berunding dengan \u27e6GPE\u27e7 soal "
              "restrukturisasi utang kereta cepat.\n") != std::string::npos);
  CHECK(r.out.find(", 1 failed") != std::string::npos);
}

TEST_CASE("newsgraph test --junit writes one suite per test file", "[ruletest]") {
  testing::TempDir dir;
  dir.Write("r.json", kRules);
  dir.Write("r.test.txt",
            "# lang: en\n# ruleid: greet\nAnn Lee greets Bob Ray.\n# ok: greet\n"
            "Ann Lee greets Bob Ray & co.\n# todoruleid: wave\nAnn Lee waved.\n# lang: fr\n");
  const std::string xml = (dir.path() / "out.xml").string();
  const Result r = Run({"test", "--no-builtin-rules", "--junit", xml, dir.path().string()});
  INFO(r.out << r.err);
  CHECK(r.code == kExitFindings);
  CHECK(Relative(testing::ReadFile(xml), dir) ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"newsgraph rule tests\" tests=\"5\" failures=\"1\" errors=\"1\">\n"
        "  <testsuite name=\"r.test.txt\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\">\n"
        "    <testcase classname=\"greet\" name=\"r.test.txt:3 ruleid\"></testcase>\n"
        "    <testcase classname=\"greet\" name=\"r.test.txt:5 ok\">\n"
        "      <failure type=\"ok\" message=\"expected no fact from greet, got event meet "
        "{person:ann-lee, person:bob-ray}\">text:     Ann Lee greets Bob Ray &amp; co.&#10;"
        "expected no fact from greet, got event meet {person:ann-lee, person:bob-ray}&#10;"
        "rendered: \u27e6PER\u27e7 greets \u27e6PER\u27e7 &amp; co.&#10;"
        "fired:    greet: event meet {person:ann-lee, person:bob-ray}&#10;</failure>\n"
        "    </testcase>\n"
        "    <testcase classname=\"wave\" name=\"r.test.txt:7 todoruleid\"><skipped>known gap "
        "(todoruleid): expected a fact from wave, got none&#10;wave does not match the sentence "
        "as it sees it (events)&#10;</skipped></testcase>\n"
        "    <testcase classname=\"(test file)\" name=\"r.test.txt:8:9\">\n"
        "      <error type=\"test file\" message=\"unknown language &apos;fr&apos; (id, en)\">"
        "r.test.txt:8:9: error: unknown language &apos;fr&apos; (id, en)&#10;  # lang: fr&#10;"
        "          ^&#10;</error>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "  <testsuite name=\"coverage\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\">\n"
        "    <testcase classname=\"wave\" name=\"coverage: a ruleid and an ok check\"><skipped>"
        "rule &apos;wave&apos; has no ok check (add to r.test.txt)</skipped></testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

TEST_CASE("newsgraph test: usage and rule errors exit 2", "[ruletest]") {
  CHECK(Run({"test", "--help"}).out.find("Usage: newsgraph test") == 0);
  CHECK(Run({"test", "--bogus"}).code == kExitUsage);
  const Result filter = Run({"test", "--filter", "no.such.rule"});
  CHECK(filter.code == kExitUsage);
  CHECK(filter.err == "newsgraph test: no rule matches --filter 'no.such.rule'\n");
  const Result one = Run({"test", "--filter", "talks.*"});
  INFO(one.out);
  CHECK(one.code == kExitOk);
  CHECK(one.out.find("  ok    talks.id.verb (") != std::string::npos);
  CHECK(one.out.find("meet.") == std::string::npos);
  testing::TempDir dir;
  dir.Write("bad.json", "{\"events\": 3}");
  CHECK(Run({"test", "--rules", dir.path().string()}).code == kExitUsage);
}

TEST_CASE("explain --rule shows why a rule did or did not fire", "[ruletest]") {
  const Result r = Run({"explain", "--lang", "en", "--rule", "meet.en.verb",
                        "Jared Kushner declined to comment. Tillerson met Lavrov."});
  CHECK(r.code == kExitOk);
  const size_t at = r.out.find("\nrule meet.en.verb (event rule, rules/events/meet.json:");
  REQUIRE(at != std::string::npos);
  const std::string tail = r.out.substr(r.out.find("):\n", at) + 3);
  CHECK(tail ==
        "  [1] prefilter: skips it (no match possible); 0 match(es) in events; 0 fact(s)\n"
        "  [2] prefilter: runs; 1 match(es) in events; 1 fact(s)\n"
        "      match \"\u27e6PER\u27e7 met \u27e6PER\u27e7\"\n");
  // A back-reference with no event before it matches but makes nothing, and says why.
  const Result alone = Run({"explain", "--lang", "en", "--rule", "meet.en.back-reference",
                            "The meeting lasted two hours."});
  CHECK(alone.out.find("  [1] prefilter: runs; 1 match(es) in events; 0 fact(s)\n"
                       "      match \"The meeting\"\n"
                       "      a match made no event: no participant resolved, or a "
                       "back-reference with nothing to join\n") != std::string::npos);
  CHECK(Run({"explain", "--rule", "meet.en.verbb", "x"}).err ==
        "newsgraph explain: no rule has the id 'meet.en.verbb'\n");
}

}  // namespace newsgraph
