#include "extract/render.h"

#include <catch2/catch.hpp>

namespace newsgraph {

TEST_CASE("Rendering replaces mentions by tokens and maps back", "[render]") {
  const std::string text = "Lavrov bertemu Haass di New York.";
  std::vector<Mention> mentions(3);
  mentions[0].kind = MentionKind::kPerson;
  mentions[0].span = {0, 6};
  mentions[1].kind = MentionKind::kPerson;
  mentions[1].span = {15, 20};
  mentions[2].kind = MentionKind::kPlace;
  mentions[2].span = {24, 32};
  const Rendered r(text, {0, 33}, {0, 1, 2}, mentions);
  CHECK(r.text() == "⟦PER⟧ bertemu ⟦PER⟧ di ⟦LOC⟧.");
  const size_t bertemu = r.text().find("bertemu");
  CHECK(r.ToDocument(bertemu, bertemu + 7) == Span{7, 14});
  // A range that starts inside a token widens to the whole token.
  CHECK(r.ToDocument(2, bertemu + 7) == Span{0, 14});
  std::vector<int> inside;
  r.MentionsIn(0, r.text().size(), &inside);
  CHECK(inside == std::vector<int>{0, 1, 2});
  CHECK(r.FromDocument(7) == bertemu);
}

}  // namespace newsgraph
