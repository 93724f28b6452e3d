#include "base/text.h"

#include <catch2/catch.hpp>

namespace newsgraph {

TEST_CASE("Tokenize splits words and punctuation", "[text]") {
  struct Case {
    std::string text;
    std::vector<std::string> tokens;
  };
  const Case cases[] = {
      {"Menlu AS, Sergey Lavrov.", {"Menlu", "AS", ",", "Sergey", "Lavrov", "."}},
      {"O'Brien dan Jum'at", {"O'Brien", "dan", "Jum'at"}},
      {"Trump’s aide, Paris's mayor", {"Trump", "’", "s", "aide", ",", "Paris", "'", "s", "mayor"}},
      {"Rusia-Ukraina", {"Rusia", "-", "Ukraina"}},
      {"U.S. Secretary", {"U", ".", "S", ".", "Secretary"}},
      {"Erdoğan  (Türkiye)", {"Erdoğan", "(", "Türkiye", ")"}},
      {"⟦PER⟧ bertemu", {"⟦", "PER", "⟧", "bertemu"}},
      {"", {}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    for (Span s : Tokenize(c.text)) got.emplace_back(s.Of(c.text));
    CAPTURE(c.text);
    CHECK(got == c.tokens);
  }
}

TEST_CASE("Slugify makes readable ASCII ids", "[text]") {
  const std::pair<std::string, std::string> cases[] = {
      {"Sergey Lavrov", "sergey-lavrov"},
      {"Recep Tayyip Erdoğan", "recep-tayyip-erdogan"},
      {"Zaporizhzhia  Oblast", "zaporizhzhia-oblast"},
      {"O'Brien", "obrien"},
      {"U.S.", "us"},
      {"Kim Jong-un", "kim-jong-un"},
      {"Ł Ś Ž", "l-s-z"},
  };
  for (const auto& [in, out] : cases) CHECK(Slugify(in) == out);
}

TEST_CASE("SanitizeUtf8 keeps offsets", "[text]") {
  std::string s =
      "ab\xff"
      "cd\xc3";
  size_t first = 0;
  CHECK(SanitizeUtf8(&s, &first) == 2);
  CHECK(first == 2);
  CHECK(s == "ab?cd?");
  std::string ok = "Erdoğan ⟦x⟧";
  CHECK(SanitizeUtf8(&ok, nullptr) == 0);
  std::string overlong = "\xc0\xaf";
  CHECK(SanitizeUtf8(&overlong, nullptr) == 2);
}

TEST_CASE("Case helpers", "[text]") {
  CHECK(IsAllCaps("MOSKOW"));
  CHECK(IsAllCaps("AS"));
  CHECK_FALSE(IsAllCaps("Moskow"));
  CHECK_FALSE(IsAllCaps("123"));
  CHECK(Uppercase("Türkiye") == "TÜRKIYE");
  CHECK(Lowercase("ĞÜŞ") == "ğüş");
  CHECK(StartsUpper("Ğazi"));
  CHECK_FALSE(StartsUpper("ğazi"));
}

TEST_CASE("LineColumn counts code points", "[text]") {
  const std::string t = "ab\n⟦x\ny";
  int line, col;
  LineColumn(t, 0, &line, &col);
  CHECK((line == 1 && col == 1));
  LineColumn(t, 3 + 3, &line, &col);  // the 'x' after a 3-byte character
  CHECK((line == 2 && col == 2));
  CHECK(LineAt(t, 4) == "⟦x");
  CHECK(LineAt(t, 2) == "ab");
}

TEST_CASE("Fnv1a64 is stable", "[text]") {
  CHECK(Fnv1a64("") == 14695981039346656037ull);
  CHECK(Fnv1a64("a") == 0xaf63dc4c8601ec8cull);
}

}  // namespace newsgraph
