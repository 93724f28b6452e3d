// newsgraph lint: every problem of the linted rule files in one run, at file:line:col with
// the source line and a caret, only the linted files' problems, exit codes (issue 3).
#include "authoring/lint.h"

#include <catch2/catch.hpp>

#include <sstream>

#include "cli/cli.h"
#include "test_util.h"

namespace newsgraph {

namespace {

using Result = testing::CliResult;

Result Run(const std::vector<std::string>& args) { return testing::RunCliCaptured(args); }

using testing::Relative;

// The rule set the test files extend: a language and an event type with its roles.
const char kBase[] =
    R"j({"languages": {"id": {"name": "Indonesian"}, "en": {"name": "English", "hints": ["the"]}},
 "event_types": [{"type": "meet", "cameo": "044", "plover": "CONSULT", "roles": ["participant"]}]}
)j";

}  // namespace

TEST_CASE("lint: five mistakes in one rule file, five located diagnostics in one run", "[lint]") {
  testing::TempDir dir;
  dir.Write("base/types.json", kBase);
  const std::string bad = dir.Write(
      "bad.json",
      "{\n"
      "  \"events\": [\n"
      "    {\"id\": \"e1\", \"type\": \"meet\", \"pattern\": \"(?P<a>{PER}) met (?P<b>{PERSN})\",\n"
      "     \"roles\": {\"a\": \"participant\", \"b\": \"participant\"}},\n"
      "    {\"id\": \"e2\", \"type\": \"meet\", \"pattern\": \"(?P<a>{PER}) greeted "
      "(?P<b>{PER}\",\n"
      "     \"roles\": {\"a\": \"participant\", \"b\": \"participant\"}},\n"
      "    {\"id\": \"e3\", \"type\": \"meet\", \"modality\": \"maybe\", \"pattern\": "
      "\"(?P<a>{PER}) saw (?P<b>{PER})\",\n"
      "     \"roles\": {\"a\": \"participant\", \"b\": \"participant\"}},\n"
      "    {\"id\": \"e1\", \"type\": \"meet\", \"pattern\": \"(?P<a>{PER}) met (?P<b>{PER})\",\n"
      "     \"roles\": {\"a\": \"participant\", \"b\": \"participant\"}},\n"
      "    {\"id\": \"e5\", \"type\": \"meet\", \"pattern\": \"(?P<a>{PER}) hosted "
      "(?P<b>{PER})\",\n"
      "     \"roles\": {\"a\": \"host\", \"b\": \"participant\"}}\n"
      "  ]\n"
      "}\n");
  dir.Write("bad.test.txt",
            "# lang: en\n# ruleid: e5\nAnn Lee hosted Bob Ray.\n# ok: e5\nAnn Lee met Bob Ray.\n");
  const Result r =
      Run({"lint", "--no-builtin-rules", "--rules", (dir.path() / "base").string(), bad});
  CHECK(r.code == kExitFindings);
  CHECK(r.out.empty());
  CHECK(
      Relative(r.err, dir) ==
      "bad.json:3:69: error: unknown fragment {PERSN}\n"
      "      {\"id\": \"e1\", \"type\": \"meet\", \"pattern\": \"(?P<a>{PER}) met "
      "(?P<b>{PERSN})\",\n"
      "                                                                      ^\n"
      "bad.json:5:45: error: rule 'e2' does not compile: missing ): (?P<a>{PER}) greeted "
      "(?P<b>{PER}\n"
      "      {\"id\": \"e2\", \"type\": \"meet\", \"pattern\": \"(?P<a>{PER}) greeted "
      "(?P<b>{PER}\",\n"
      "                                              ^\n"
      "bad.json:7:46: error: \"maybe\" is not one of "
      "[\"held\",\"planned\",\"denied\",\"negated\",\"uncertain\"] (at /events/2/modality)\n"
      "      {\"id\": \"e3\", \"type\": \"meet\", \"modality\": \"maybe\", \"pattern\": "
      "\"(?P<a>{PER}) "
      "saw (?P<b>{PER})\",\n"
      "                                               ^\n"
      "bad.json:9:12: error: duplicate rule id 'e1' (first defined at bad.json:3:12)\n"
      "      {\"id\": \"e1\", \"type\": \"meet\", \"pattern\": \"(?P<a>{PER}) met (?P<b>{PER})\",\n"
      "             ^\n"
      "bad.json:12:21: error: role 'host' of rule 'e5' is not a role of event type 'meet' "
      "(participant)\n"
      "       \"roles\": {\"a\": \"host\", \"b\": \"participant\"}}\n"
      "                      ^\n"
      "newsgraph lint: 5 errors, 0 warnings in 1 of 2 files\n");
}

TEST_CASE("lint: JSON syntax errors, and unknown keys with their JSON pointer", "[lint]") {
  testing::TempDir dir;
  dir.Write("types.json", kBase);
  dir.Write("a.json", "{\"events\": [\n  {\"id\": \"x\",, \"type\": \"meet\"}\n]}\n");
  dir.Write(
      "b.json",
      "{\"events\": [{\"id\": \"y\", \"type\": \"meet\", \"pattern\": \"x\", \"colour\": 1}]}\n");
  const Result r = Run({"lint", "--no-builtin-rules", dir.path().string()});
  CHECK(r.code == kExitFindings);
  CHECK(Relative(r.err, dir) ==
        "a.json:2:14: error: JSON syntax error: Missing a name for object member.\n"
        "    {\"id\": \"x\",, \"type\": \"meet\"}\n"
        "               ^\n"
        "b.json: warning: no test file beside it: add b.test.txt (see docs/rules.md, "
        "\"Testing rules\")\n"
        "b.json:1:57: error: unknown key 'colour' (at /events/0/colour)\n"
        "  {\"events\": [{\"id\": \"y\", \"type\": \"meet\", \"pattern\": \"x\", \"colour\": 1}]}\n"
        "                                                          ^\n"
        "newsgraph lint: 2 errors, 1 warning in 2 of 3 files\n");
}

TEST_CASE("lint: checks of its own, of rule files and of test files", "[lint]") {
  struct Case {
    const char* name;
    std::string rules;                  // x.json
    std::string tests;                  // x.test.txt ("" = none)
    std::vector<std::string> expected;  // first lines of the diagnostics
  };
  const std::string rule =
      R"j({"events": [{"id": "greet", "type": "meet", "lang": "en", "pattern": "(?P<a>{PER}) greets (?P<b>{PER})", "roles": {"a": "participant", "b": "participant"}}]})j";
  const std::vector<Case> cases = {
      {"clean", rule, "# lang: en\n# ruleid: greet\nA greets B.\n", {}},
      {"unused fragment and a group without a role",
       R"j({"fragments": {"UNUSED": "x"},
 "events": [{"id": "greet", "type": "meet", "pattern": "(?P<a>{PER}) (?P<how>\\w+) (?P<b>{PER})", "roles": {"a": "participant", "b": "participant"}}]})j",
       "# ruleid: greet\nA greets B.\n",
       {"x.json:1:16: warning: fragment {UNUSED} is not used by any rule or fragment",
        "x.json:2:56: warning: group 'how' of rule 'greet' maps to no role"}},
      {"no test file",
       rule,
       "",
       {"x.json: warning: no test file beside it: add x.test.txt (see docs/rules.md, "
        "\"Testing rules\")"}},
      {"test file naming an unknown rule, in the wrong language, with a mention key",
       rule,
       "# lang: id\n# ruleid: greets\nA greets B.\n# ok: greet\n# expect: entity=person:a\n"
       "A waves.\n# ruleid: greet\n# expect: value=2020\nA greets B.\n",
       {"x.test.txt:2:11: error: unknown rule id 'greets' (did you mean 'greet'?)",
        "x.test.txt:4:7: warning: rule 'greet' applies to English text, but this case is read "
        "as 'id' (# lang:)",
        "x.test.txt:5:3: error: an expect line must follow a ruleid or todoruleid line",
        "x.test.txt:7:11: warning: rule 'greet' applies to English text, but this case is read "
        "as 'id' (# lang:)",
        "x.test.txt:8:11: error: expect key 'value' describes a mention, but 'greet' makes "
        "events"}},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      testing::TempDir dir;
      dir.Write("base/types.json", kBase);
      const std::string x = dir.Write("x.json", c.rules);
      if (!c.tests.empty()) dir.Write("x.test.txt", c.tests);
      LintOptions options;
      RuleSelectionOptions select;
      select.builtin = false;
      select.rule_dirs = {(dir.path() / "base").string()};
      select.paths = {x};
      RuleSelection selection;
      Diagnostics diags;
      REQUIRE(SelectRuleFiles(select, &selection, &diags));
      const LintResult result = LintRuleFiles(selection, options);
      std::vector<std::string> got;
      for (const Diagnostic& d : result.diags.list()) {
        got.push_back(Relative(FormatDiagnostic(d).substr(0, FormatDiagnostic(d).find('\n')), dir));
      }
      CHECK(got == c.expected);
    }
  }
}

TEST_CASE("lint shows only the linted files' problems, and counts the others", "[lint]") {
  testing::TempDir dir;
  dir.Write("base/types.json", kBase);
  dir.Write("base/broken.json",
            R"j({"events": [{"id": "b", "type": "meet", "pattern": "{NOPE}"}]})j");
  const std::string good = dir.Write(
      "good.json",
      R"j({"events": [{"id": "g", "type": "meet", "pattern": "(?P<a>{PER}) x", "roles": {"a": "participant"}}]})j");
  dir.Write("good.test.txt", "# ruleid: g\nA x.\n# ok: g\nA y.\n");
  const Result r =
      Run({"lint", "--no-builtin-rules", "--rules", (dir.path() / "base").string(), good});
  CHECK(r.code == kExitOk);
  CHECK(Relative(r.err, dir) ==
        "newsgraph lint: no problems in 2 files (the rule set they extend has 1 error "
        "elsewhere, not shown)\n");
}

TEST_CASE("lint: the built-in rules and rules/ have no errors; usage errors exit 2", "[lint]") {
  const Result builtin = Run({"lint"});
  INFO(builtin.err);
  CHECK(builtin.code == kExitOk);
  CHECK(builtin.err.find("newsgraph lint: ") != std::string::npos);
  const Result tree = Run({"lint", std::string(NEWSGRAPH_SOURCE_DIR) + "/rules"});
  INFO(tree.err);
  CHECK(tree.code == kExitOk);
  // A subdirectory or a single file of the tree replaces the built-in files it matches by the
  // end of its path ("events/meet.json"), rather than adding them a second time.
  for (const char* sub : {"/rules/events", "/rules/events/meet.json"}) {
    const Result part = Run({"lint", std::string(NEWSGRAPH_SOURCE_DIR) + sub});
    INFO(sub << "\n" << part.err);
    CHECK(part.code == kExitOk);
    CHECK(part.err.find("defined twice") == std::string::npos);
  }

  CHECK(Run({"lint", "--help"}).out.find("Usage: newsgraph lint") == 0);
  CHECK(Run({"lint", "--max-program-size", "x"}).err ==
        "newsgraph lint: --max-program-size 'x' is not a positive number\n");
  const Result missing = Run({"lint", "/nonexistent/rules.json"});
  CHECK(missing.code == kExitUsage);
  CHECK(missing.err == "/nonexistent/rules.json: error: no such file or directory\n");
  CHECK(Run({"lint", "--bogus"}).code == kExitUsage);
}

TEST_CASE("lint --max-program-size warns about large rules", "[lint]") {
  testing::TempDir dir;
  dir.Write("types.json", kBase);
  const std::string x = dir.Write(
      "x.json",
      R"j({"events": [{"id": "big", "type": "meet", "pattern": "(?P<a>{PER}) [a-z]{20} (?P<b>{PER})", "roles": {"a": "participant", "b": "participant"}}]})j");
  dir.Write("x.test.txt", "# ruleid: big\nA b.\n# ok: big\nA c.\n");
  const Result small =
      Run({"lint", "--no-builtin-rules", "--max-program-size", "30", dir.path().string()});
  CHECK(small.code == kExitOk);  // warnings only
  CHECK(small.err.find("warning: rule 'big' compiles to a re2 program of size") !=
        std::string::npos);
  CHECK(small.err.find("(budget 30)") != std::string::npos);
  const Result large = Run({"lint", "--no-builtin-rules", dir.path().string()});
  CHECK(large.err.find("re2 program") == std::string::npos);
}

}  // namespace newsgraph
