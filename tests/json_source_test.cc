#include "base/json_source.h"

#include <catch2/catch.hpp>

namespace newsgraph {

TEST_CASE("JsonSource maps pointers to lines and columns", "[json]") {
  const std::string text =
      "{\n"
      "  \"events\": [\n"
      "    {\"id\": \"a\", \"pattern\": \"x\\\\dy\"},\n"
      "    {\"id\": \"b/c\"}\n"
      "  ]\n"
      "}\n";
  JsonSource src;
  Diagnostics diags;
  REQUIRE(src.Parse("f.json", text, &diags));
  Location l = src.ValueAt("/events/0/pattern");
  CHECK(l.line == 3);
  CHECK(l.column == 28);  // the opening quote
  l = src.KeyAt("/events/0/pattern");
  CHECK(l.column == 17);
  // The pattern is x\dy (4 bytes), written "x\\dy": its backslash is written twice, at
  // columns 30-31, so 'd' is column 32 and 'y' column 33.
  l = src.InString("/events/0/pattern", 1);
  CHECK(l.column == 30);
  l = src.InString("/events/0/pattern", 2);
  CHECK(l.column == 32);
  l = src.InString("/events/0/pattern", 3);
  CHECK(l.column == 33);
  CHECK(src.ValueAt("/events/1/id").line == 4);
  CHECK(src.ValueAt("/events/7/nothing").line == 2);  // nearest indexed ancestor
  CHECK(src.SourceLine(l) == "    {\"id\": \"a\", \"pattern\": \"x\\\\dy\"},");
}

TEST_CASE("JsonSource reports syntax errors with a location", "[json]") {
  JsonSource src;
  Diagnostics diags;
  CHECK_FALSE(src.Parse("bad.json", "{\n  \"a\": [1, 2,\n}", &diags));
  REQUIRE(diags.list().size() == 1);
  const Diagnostic& d = diags.list()[0];
  CHECK(d.location.line == 3);
  CHECK(d.location.column == 1);
  CHECK(d.message.rfind("JSON syntax error: ", 0) == 0);
}

TEST_CASE("DecodeJsonString handles escapes and surrogates", "[json]") {
  std::vector<uint32_t> offsets;
  CHECK(DecodeJsonString("\"a\\u00e9\\ud83d\\ude00\\n\"", &offsets) ==
        "a\xc3\xa9\xf0\x9f\x98\x80\n");
  CHECK(offsets[0] == 1);
  CHECK(offsets[1] == 2);
  CHECK(offsets[3] == 8);
}

}  // namespace newsgraph
