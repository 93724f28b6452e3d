// The "same event?" criterion (extract/event_compat.h) over the built-in types and
// gazetteer: consult <- meet <- talks, consult <- call; Kyiv within Ukraine.
#include <catch2/catch.hpp>

#include "extract/event_compat.h"
#include "test_util.h"

namespace newsgraph {

TEST_CASE("Event types: depth, refinement and compatibility", "[event_compat]") {
  const RuleSet& rules = testing::BuiltinRules();
  struct Case {
    const char* a;
    const char* b;
    bool a_refines_b;
    bool compatible;
    const char* merged;
  };
  const Case cases[] = {
      {"meet", "meet", false, true, "meet"},    {"meet", "consult", true, true, "meet"},
      {"consult", "meet", false, true, "meet"}, {"talks", "consult", true, true, "talks"},
      {"meet", "call", false, false, ""},       {"visit", "meet", false, false, ""},
      {"unknown", "consult", false, false, ""}, {"consult", "", false, false, ""},
  };
  for (const Case& c : cases) {
    INFO(c.a << " / " << c.b);
    CHECK(Refines(rules, c.a, c.b) == c.a_refines_b);
    std::string merged;
    CHECK(TypesCompatible(rules, c.a, c.b, &merged) == c.compatible);
    CHECK(merged == c.merged);
    CHECK(TypesCompatible(rules, c.b, c.a) == c.compatible);
  }
  CHECK(TypeDepth(rules, "consult") == 0);
  CHECK(TypeDepth(rules, "meet") == 1);
  CHECK(TypeDepth(rules, "talks") == 2);
  CHECK(TypeDepth(rules, "unknown") == 0);
}

TEST_CASE("Event places and occasions", "[event_compat]") {
  const RuleSet& rules = testing::BuiltinRules();
  CHECK(PlacesCompatible(rules, "place:kyiv", "gpe:ukraine"));
  CHECK(PlacesCompatible(rules, "gpe:ukraine", "place:kyiv"));
  CHECK(PlacesCompatible(rules, "", "gpe:ukraine"));
  CHECK_FALSE(PlacesCompatible(rules, "gpe:russia", "gpe:ukraine"));

  Event a;
  a.type = "meet";
  a.participants = {{"person:b", "participant", "B"},
                    {"", "participant", "x"},
                    {"person:a", "participant", "A"},
                    {"person:b", "object", "B"}};
  Event b = a;
  b.type = "consult";
  CHECK(SameOccasion(rules, a, b));
  b.modality = "planned";
  CHECK_FALSE(SameOccasion(rules, a, b));
  b.modality = a.modality;
  b.place = "gpe:ukraine";
  a.place = "gpe:russia";
  CHECK_FALSE(SameOccasion(rules, a, b));
  CHECK(ParticipantIds(a) == std::vector<std::string>{"person:a", "person:b"});
}

}  // namespace newsgraph
