// ForEachMatch (extract/match.h): every match left to right, resuming after the `span`
// group when it took part, else after the match; an empty match moves on one character.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/match.h"
#include "extract/mentions.h"

namespace newsgraph {

TEST_CASE("ForEachMatch: resume after the span group or the match", "[match]") {
  struct Case {
    const char* pattern;
    const char* text;
    bool resume_at_span;
    std::vector<std::string> found;  // group 1 of each match
  };
  const Case cases[] = {
      // "A B C": with the span resume, "B" is matched again as the start of the next match.
      {"(?P<span>[A-Z]) ([A-Z])", "A B C", true, {"A", "B"}},
      {"(?P<span>[A-Z]) ([A-Z])", "A B C", false, {"A"}},
      // A span group that did not take part: the search goes on after the match.
      {"(?:(?P<span>x)|y)z", "yzxz", true, {"", "x"}},
      // Empty matches move on one character, a whole UTF-8 sequence at a time.
      {"(a*)", "é", false, {"", ""}},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << " over " << c.text);
    const RE2 re(c.pattern);
    REQUIRE(re.ok());
    const int resume = c.resume_at_span ? re.NamedCapturingGroups().at("span") : kResumeAfterMatch;
    std::vector<std::string> found;
    ForEachMatch(re, c.text, resume, [&](const Groups& g) { found.emplace_back(GroupText(g, 1)); });
    CHECK(found == c.found);
  }
}

TEST_CASE("NameWords: the words of a name, without punctuation", "[match]") {
  CHECK(NameWords("Sergey Lavrov,") == std::vector<std::string>{"Sergey", "Lavrov"});
  CHECK(NameWords("Joko Widodo (Jokowi)") == std::vector<std::string>{"Joko", "Widodo", "Jokowi"});
  CHECK(NameWords("").empty());
}

}  // namespace newsgraph
