// The rule loader: the built-in set loads; broken rule files get every problem reported
// at its file:line:col, in one run.
#include "rules/rules.h"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include "test_util.h"

namespace newsgraph {

using testing::BuiltinRules;
using testing::LoadRules;

namespace {

std::vector<std::string> Formatted(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.list()) {
    out.push_back(fmt::format("{}:{}:{}: {}: {}", d.location.file, d.location.line,
                              d.location.column, SeverityName(d.severity), d.message));
  }
  return out;
}

const char kTypes[] = R"({"event_types": [{"type": "meet", "cameo": "044", "plover": "CONSULT"}]})";

}  // namespace

TEST_CASE("The built-in rule set loads", "[rules]") {
  const RuleSet& rules = BuiltinRules();
  CHECK(rules.gazetteer().size() > 1000);
  CHECK(rules.Entry("gpe:russia") != nullptr);
  CHECK(rules.Type("meet") != nullptr);
  CHECK(rules.List("MONTH_ID") != nullptr);
  CHECK_FALSE(rules.event_rules().empty());
  CHECK(rules.PlaceWithin("place:kyiv", "gpe:ukraine"));
  CHECK_FALSE(rules.PlaceWithin("gpe:ukraine", "place:kyiv"));
}

TEST_CASE("Five mistakes in one rule file give five located diagnostics", "[rules]") {
  const std::string text =
      "{\n"                                                                          // 1
      "  \"fragments\": {\"A\": \"x{B}\", \"B\": \"y{A}\"},\n"                       // 2
      "  \"events\": [\n"                                                            // 3
      "    {\"id\": \"e1\", \"type\": \"meet\", \"pattern\": \"(?P<a>{PERSN})\",\n"  // 4
      "     \"roles\": {\"a\": \"participant\"}},\n"                                 // 5
      "    {\"id\": \"e2\", \"type\": \"meet\", \"pattern\": \"(?P<a>x\",\n"         // 6
      "     \"roles\": {\"a\": \"participant\"}},\n"                                 // 7
      "    {\"id\": \"e3\", \"type\": \"meet\", \"pattern\": \"(?P<a>x)\",\n"        // 8
      "     \"roles\": {\"b\": \"participant\"}, \"colour\": 1},\n"                  // 9
      "    {\"id\": \"e4\", \"type\": \"meet\", \"pattern\": \"(?P<a>x)\",\n"        // 10
      "     \"roles\": {\"z\": \"participant\"}}\n"                                  // 11
      "  ]\n"
      "}\n";
  Diagnostics diags;
  auto rules = LoadRules({{"t.json", "t.json", kTypes}, {"bad.json", "bad.json", text}}, &diags);
  CHECK(rules == nullptr);
  const std::vector<std::string> expected = {
      "bad.json:2:37: error: fragment cycle: {A} -> {B} -> {A}",
      "bad.json:4:52: error: unknown fragment {PERSN}",
      "bad.json:6:46: error: rule 'e2' does not compile: missing ): (?P<a>x",
      "bad.json:9:37: error: unknown key 'colour'",
      "bad.json:11:16: error: role 'participant' names group 'z', which the pattern of rule 'e4' "
      "does not have",
  };
  CHECK(Formatted(diags) == expected);
}

TEST_CASE("Diagnostics show the line and a caret", "[rules]") {
  Diagnostics diags;
  LoadRules({{"t.json", "t.json", kTypes},
             {"r.json", "rules/r.json",
              "{\"events\": [{\"id\": \"x\", \"type\": \"meet\", \"pattern\": \"a{NOPE}\"}]}"}},
            &diags);
  REQUIRE(diags.list().size() == 1);
  CHECK(FormatDiagnostic(diags.list()[0]) ==
        "rules/r.json:1:54: error: unknown fragment {NOPE}\n"
        "  {\"events\": [{\"id\": \"x\", \"type\": \"meet\", \"pattern\": \"a{NOPE}\"}]}\n" +
            std::string(2 + 53, ' ') + "^\n");  // under column 54
}

TEST_CASE("A fragment inside a character class is the class's contents", "[rules]") {
  const std::string text =
      "{\"fragments\": {\"UP\": \"A-Z\"},\n"
      " \"events\": [\n"
      "  {\"id\": \"ok\", \"type\": \"meet\", \"pattern\": \"(?P<a>[{UP}.][^{UP}]+)\",\n"
      "   \"roles\": {\"a\": \"participant\"}}]}\n";
  Diagnostics diags;
  auto rules = LoadRules({{"t.json", "t.json", kTypes}, {"r.json", "r.json", text}}, &diags);
  REQUIRE(rules != nullptr);
  const PatternRule& r = *rules->event_rules().at(0);
  CHECK(r.expanded == "(?P<a>[A-Z.][^A-Z]+)");
  // Not "[(?:A-Z).]": a class that took '(' ')' '?' ':' would match them.
  CHECK(RE2::FullMatch("Xab", *r.re));
  CHECK_FALSE(RE2::FullMatch("(ab", *r.re));

  // A fragment that is not a class's contents, a word list or a token in a class: errors.
  const std::string bad =
      "{\"fragments\": {\"ALT\": \"(a|b)\"},\n"
      " \"events\": [\n"
      "  {\"id\": \"b1\", \"type\": \"meet\", \"pattern\": \"[{ALT}]\"},\n"
      "  {\"id\": \"b2\", \"type\": \"meet\", \"pattern\": \"[{PER}]\"}]}\n";
  Diagnostics bad_diags;
  LoadRules({{"t.json", "t.json", kTypes}, {"r.json", "r.json", bad}}, &bad_diags);
  CHECK(Formatted(bad_diags) ==
        std::vector<std::string>{
            "r.json:3:45: error: fragment {ALT} is used inside a character class, but it is "
            "not a class's contents (such as 'A-Za-z')",
            "r.json:4:45: error: {PER} is used inside a character class; only a fragment "
            "holding a class's contents may be"});
}

TEST_CASE("Duplicate rule ids, unknown types and lists are errors", "[rules]") {
  const std::string text =
      "{\"events\": [\n"
      " {\"id\": \"same\", \"type\": \"meet\", \"pattern\": \"a\"},\n"
      " {\"id\": \"same\", \"type\": \"greet\", \"pattern\": \"b\"}],\n"
      " \"dates\": [{\"id\": \"d\", \"pattern\": \"(?P<m>x)\", \"value\": {\"month\": "
      "\"$m@NOLIST\"}}]}\n";
  Diagnostics diags;
  LoadRules({{"t.json", "t.json", kTypes}, {"r.json", "r.json", text}}, &diags);
  const auto got = Formatted(diags);
  REQUIRE(got.size() == 3);
  CHECK(got[0].find("r.json:3:9: error: duplicate rule id 'same' (first defined at r.json:2:9)") ==
        0);
  CHECK(got[1] == "r.json:3:25: error: unknown event type 'greet' (declare it in event_types)");
  CHECK(got[2] == "r.json:4:12: error: rule 'd' uses unknown word list 'NOLIST'");
}

TEST_CASE("Schema errors name the key and the allowed values", "[rules]") {
  const std::string text =
      "{\"mentions\": [{\"id\": \"m\", \"kind\": \"persn\", \"pattern\": \"x\"}],\n"
      " \"gazetteer\": [{\"id\": \"gpe:x\", \"name\": \"X\"}],\n"
      " \"lists\": {\"lower\": [\"a\"]}}\n";
  Diagnostics diags;
  LoadRules({{"r.json", "r.json", text}}, &diags);
  const auto got = Formatted(diags);
  REQUIRE(got.size() == 3);
  CHECK(got[0] ==
        "r.json:1:35: error: \"persn\" is not one of "
        "[\"person\",\"organization\",\"country\",\"place\",\"source\",\"title\"]");
  CHECK(got[1] == "r.json:2:16: error: missing required key 'kind'");
  CHECK(got[2].find("'lower' is not a valid list name") != std::string::npos);
}

TEST_CASE("Extending the gazetteer and replacing a file by its path", "[rules]") {
  std::vector<RuleSource> sources = {
      {"g.json", "g.json",
       R"({"gazetteer": [{"id": "gpe:x", "kind": "country", "name": "Xland"}]})"},
      {"e.json", "e.json", R"({"extend": [{"id": "gpe:x", "aliases_en": ["Xish"]}]})"},
      {"l.json", "l.json", R"({"languages": {"id": {}, "en": {}}})"}};
  Diagnostics diags;
  auto rules = LoadRules(sources, &diags);
  REQUIRE(rules);
  const GazetteerEntry* e = rules->Entry("gpe:x");
  REQUIRE(e);
  REQUIRE(e->aliases.size() == 2);
  CHECK(e->aliases[1] == std::make_pair(std::string("Xish"), rules->Lang("en")));

  sources.push_back({"e.json", "other/e.json", R"({"extend": [{"id": "gpe:nope"}]})"});
  Diagnostics d2;
  testing::TempDir dir;
  dir.Write("e.json", R"({"extend": [{"id": "gpe:nope"}]})");
  std::vector<RuleSource> replaced = {sources[0], sources[1], sources[2]};
  REQUIRE(AddRuleDirectory(dir.path().string(), &replaced, &d2));
  REQUIRE(replaced.size() == 3);  // same relative path: replaced, not added
  CHECK_FALSE(LoadRules(replaced, &d2));
  CHECK(Formatted(d2)[0].find("'gpe:nope' is not a gazetteer id") != std::string::npos);
}

// Issue 14: the office-holder table (rules/offices/) is checked like the gazetteer.
TEST_CASE("Office holders: terms half-open, people, countries and sources checked", "[rules]") {
  const char kGazetteer[] =
      R"({"gazetteer": [{"id": "gpe:x", "kind": "country", "name": "Xland"},
                        {"id": "person:a", "kind": "person", "name": "A"},
                        {"id": "person:b", "kind": "person", "name": "B"}]})";
  const std::string good =
      "{\"office_sources\": {\"s\": {\"title\": \"List\", \"url\": \"https://x.invalid\"}},\n"
      " \"office_holders\": [\n"
      "  {\"office\": \"head_of_state\", \"country\": \"gpe:x\", \"person\": \"person:a\", "
      "\"from\": \"2000-01-01\", \"to\": \"2010-05-05\", \"source\": \"s\"},\n"
      "  {\"office\": \"head_of_state\", \"country\": \"gpe:x\", \"person\": \"person:b\", "
      "\"from\": \"2010-05-05\", \"to\": null, \"source\": \"s\"}]}\n";
  Diagnostics diags;
  auto rules = LoadRules({{"g.json", "g.json", kGazetteer}, {"o.json", "o.json", good}}, &diags);
  REQUIRE(rules);
  struct Case {
    const char* date;
    const char* holder;  // "" = none
  };
  for (const Case& c :
       {Case{"1999-12-31", ""}, Case{"2000-01-01", "person:a"}, Case{"2010-05-04", "person:a"},
        Case{"2010-05-05", "person:b"}, Case{"2030-01-01", "person:b"}}) {
    CivilDate d;
    REQUIRE(ParseIsoDate(c.date, &d));
    const OfficeHolder* h = rules->OfficeHolderAt("head_of_state", "gpe:x", d);
    INFO(c.date);
    CHECK((h ? h->person : std::string()) == c.holder);
  }
  CHECK(rules->OfficeHolderAt("foreign_minister", "gpe:x", {2005, 1, 1}) == nullptr);

  const std::string bad =
      "{\"office_sources\": {\"s\": {\"title\": \"List\", \"url\": \"https://x.invalid\"}},\n"
      " \"office_holders\": [\n"
      "  {\"office\": \"head_of_state\", \"country\": \"gpe:x\", \"person\": \"person:a\", "
      "\"from\": \"2000-01-01\", \"to\": \"2010-05-05\", \"source\": \"s\"},\n"
      "  {\"office\": \"head_of_state\", \"country\": \"gpe:x\", \"person\": \"person:b\", "
      "\"from\": \"2009-01-01\", \"source\": \"s\"},\n"
      "  {\"office\": \"head_of_state\", \"country\": \"gpe:y\", \"person\": \"person:c\", "
      "\"from\": \"2000-01-01\", \"source\": \"t\"},\n"
      "  {\"office\": \"foreign_minister\", \"country\": \"gpe:x\", \"person\": \"person:a\", "
      "\"from\": \"2000-01-01\", \"to\": \"1999-01-01\", \"source\": \"s\"}]}\n";
  Diagnostics d2;
  CHECK_FALSE(LoadRules({{"g.json", "g.json", kGazetteer}, {"o.json", "o.json", bad}}, &d2));
  const auto got = Formatted(d2);
  REQUIRE(got.size() == 5);  // in file order
  CHECK(got[0] ==
        "o.json:4:81: error: the term of 'person:b' as head_of_state of gpe:x overlaps that of "
        "'person:a'");
  CHECK(got[1] == "o.json:5:42: error: 'gpe:y' is not a gazetteer country");
  CHECK(got[2] == "o.json:5:61: error: 'person:c' is not a gazetteer person");
  CHECK(got[3] == "o.json:5:105: error: source 't' is not in office_sources");
  CHECK(got[4] == "o.json:6:104: error: the term ends before it begins");
}

TEST_CASE("Lint warns about groups without a role and large programs", "[rules]") {
  const std::string text =
      "{\"events\": [{\"id\": \"e\", \"type\": \"meet\", \"pattern\": \"(?P<a>x)(?P<extra>y)\",\n"
      "  \"roles\": {\"a\": \"participant\"}}]}";
  Diagnostics diags;
  auto rules = LoadRules({{"t.json", "t.json", kTypes}, {"r.json", "r.json", text}}, &diags, true);
  CHECK(rules != nullptr);  // warnings only
  REQUIRE(diags.list().size() == 1);
  CHECK(diags.list()[0].severity == Severity::kWarning);
  CHECK(diags.list()[0].message == "group 'extra' of rule 'e' maps to no role");
}

}  // namespace newsgraph
