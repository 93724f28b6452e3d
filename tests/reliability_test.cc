// Issue 13: the library halves of hostile input — JSON that nests too deep or holds more
// than one value, facts with wrongly typed members, invalid text, HTML leftovers, directory
// entries that are no documents — and the output set. tests/hostile/ runs the command line.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "base/html.h"
#include "base/json_source.h"
#include "base/text.h"
#include "cli/output_set.h"
#include "extract/document.h"
#include "extract/facts.h"
#include "test_util.h"

namespace newsgraph {

namespace fs = std::filesystem;

TEST_CASE("JSON deeper than kMaxJsonDepth is an error at its bracket, never a crash",
          "[reliability]") {
  const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  CHECK(FindTooDeep(ok) == std::string_view::npos);
  CHECK(FindTooDeep("[\"[[[[\"]") == std::string_view::npos);  // brackets in strings
  const std::string deep = "[" + ok + "]";
  CHECK(FindTooDeep(deep) == static_cast<size_t>(kMaxJsonDepth));
  rapidjson::Document d;
  std::string error;
  size_t offset = 0;
  CHECK(ParseOneJsonValue(ok, &d, &error, &offset));
  CHECK_FALSE(ParseOneJsonValue(deep, &d, &error, &offset));
  CHECK(error == "nested deeper than 256 levels");
  CHECK(offset == 256);
  const std::string huge(150000, '[');
  CHECK_FALSE(ParseOneJsonValue(huge, &d, &error, &offset));
  CHECK(offset == 256);
  // One value per text: anything after it is an error, white space is not.
  CHECK(ParseOneJsonValue(" {\"a\": 1} \r\n", &d, &error, &offset));
  CHECK_FALSE(ParseOneJsonValue("{} {}", &d, &error, &offset));
  CHECK(offset == 3);
  CHECK_FALSE(ParseOneJsonValue("{}x", &d, &error, &offset));
  JsonSource src;
  Diagnostics diags;
  CHECK_FALSE(src.Parse("r.json", "{\"a\": " + deep + "}", &diags));
  REQUIRE(diags.list().size() == 1);
  CHECK(FormatDiagnostic(diags.list()[0]) ==
        "r.json:1:262: error: JSON nested deeper than 256 levels\n");  // no 500-byte line shown
}

TEST_CASE("A facts line with a wrongly typed member is an error naming document and field",
          "[reliability]") {
  struct Case {
    std::string line, error;
  };
  for (
      const Case& c : std::vector<Case>{
          {R"({"doc": "d", "status": "ok", "entities": [1]})",
           "document d: field \"entities[0]\" must be an object"},
          {R"({"doc": "d", "status": "ok", "events": [{"type": "meet", "evidence": [[]]}]})",
           "document d: field \"events[0].evidence[0]\" must be an object"},
          {R"({"doc": "d", "status": "ok", "events": [{"type": "meet", "participants": [{"entity": 3}]}]})",
           "document d: field \"events[0].participants[0].entity\" must be a string"},
          {R"({"doc": "d", "status": "ok", "events": [{"type": "meet", "evidence": [{"begin": -1}]}]})",
           "document d: field \"events[0].evidence[0].begin\" must be a number from 0 to "
           "4294967295"},
          {R"({"doc": "d", "status": "ok", "entities": [{"id": "person:a", "kind": "person", "gazetteer": "yes"}]})",
           "document d: field \"entities[0].gazetteer\" must be true or false"},
          {R"({"doc": "d", "status": "ok", "events": [{"type": "meet", "place": "place:a b"}]})",
           "document d: field \"events[0].place\" must be an id (letters, digits, '-', '_', "
           "'.', ':')"},
          {R"({"doc": "d", "status": "ok", "events": [{"type": "meet", "reported_by": ["s", 1]}]})",
           "document d: field \"events[0].reported_by[1]\" must be a string"},
          {R"({"doc": "", "status": "ok"})", "field \"doc\" must be a non-empty string"},
          {R"({"doc": ["d"], "status": "ok"})", "field \"doc\" must be a string"},
          {R"({"doc": "d", "status": "skipped", "reason": 5})",
           "document d: field \"reason\" must be a string"},
      }) {
    DocumentFacts f;
    std::string error;
    INFO(c.line);
    CHECK_FALSE(FactsFromJson(c.line, &f, &error));
    CHECK(error == c.error);
  }
}

TEST_CASE("Text read from facts is made valid: bad UTF-8 and controls replaced, counted",
          "[reliability]") {
  const std::string line =
      "{\"doc\": \"d\", \"status\": \"ok\", \"entities\": [{\"id\": \"person:a\", "
      "\"kind\": \"person\", \"name\": \"A\\udc00\\u0001\xff\"}]}";
  DocumentFacts f;
  std::string error;
  size_t replaced = 0;
  REQUIRE(FactsFromJson(line, &f, &error, &replaced));
  REQUIRE(f.entities.size() == 1);
  CHECK(f.entities[0].name == "A?????");
  CHECK(replaced == 5);
  std::string s =
      "a\x01\t\xef\xbf\xbf"
      "b\x7f";
  CHECK(SanitizeText(&s) == 5);
  CHECK(s == "a?\t???b?");
  CHECK(IsNodeId("person:sergey-lavrov"));
  CHECK(IsNodeId("place:\xc3\xa9vian"));
  CHECK_FALSE(IsNodeId(""));
  CHECK_FALSE(IsNodeId("a b"));
  CHECK_FALSE(IsNodeId("a<b"));
}

TEST_CASE("HTML leftovers are decoded in place, keeping every byte offset", "[reliability]") {
  struct Case {
    std::string in, out;
    size_t entities, tags;
  };
  for (const Case& c : std::vector<Case>{
           {"X&nbsp;bertemu Y", "X      bertemu Y", 1, 0},
           {"AT&amp;T &lt;b&gt;", "AT&    T <   b>   ", 3, 0},
           {"<p>Satu.</p><br/>Dua", "\n  Satu.\n   \n    Dua", 0, 3},
           {"a <!-- iklan --> b", "a                b", 0, 1},
           {"caf&eacute; &#233; &#xE9;", "caf\xc3\xa9       \xc3\xa9     \xc3\xa9    ", 3, 0},
           {"a < b > c, AT&T, &unknown; &#0; &#xD800;", "a < b > c, AT&T, &unknown; &#0; &#xD800;",
            0, 0},
           {"<a href=\"x\">Lavrov</a>", "            Lavrov    ", 0, 2},
       }) {
    std::string text = c.in;
    const HtmlCleanup n = CleanHtmlLeftovers(&text);
    INFO(c.in);
    CHECK(text == c.out);
    CHECK(text.size() == c.in.size());
    CHECK(n.entities == c.entities);
    CHECK(n.tags == c.tags);
  }
}

namespace {

// Returns "id|reason" of every skip and "id" of every document the reader gives.
std::vector<std::string> ReadInputs(const std::vector<std::string>& inputs,
                                    InputRepairs* repairs = nullptr) {
  std::istringstream in;
  DocumentReader reader(inputs, &in);
  std::vector<std::string> out;
  Document doc;
  SkipRecord skip;
  for (;;) {
    const auto r = reader.Next(&doc, &skip);
    if (r == DocumentReader::kEnd) break;
    out.push_back(r == DocumentReader::kSkipped ? skip.id + "|" + skip.reason : doc.id);
  }
  if (repairs) *repairs = reader.repairs();
  return out;
}

}  // namespace

TEST_CASE("Every directory entry is a document or a skip with a reason", "[reliability]") {
  testing::TempDir dir;
  dir.Write("in/a.txt", "Satu.");
  dir.Write("real/t.txt", "Dua.");
  const fs::path in = dir.path() / "in";
  fs::create_symlink("../real/t.txt", in / "link.txt");
  fs::create_symlink("nowhere.txt", in / "dangling.txt");
  fs::create_symlink("loop.txt", in / "loop.txt");
  fs::create_directory_symlink("../real", in / "dirlink");
  REQUIRE(mkfifo((in / "fifo.txt").c_str(), 0600) == 0);
  CHECK(ReadInputs({in.string()}) == std::vector<std::string>{
                                         "a",
                                         "dangling.txt|dangling symbolic link",
                                         "dirlink|symbolic link to a directory (not followed)",
                                         "fifo.txt|a FIFO, not a regular file",
                                         "link",
                                         "loop.txt|symbolic link loop",
                                     });
  CHECK(ReadInputs({(in / "loop.txt").string()}) ==
        std::vector<std::string>{(in / "loop.txt").string() + "|symbolic link loop"});
  CHECK(ReadInputs({(in / "fifo.txt").string()}) ==
        std::vector<std::string>{(in / "fifo.txt").string() + "|a FIFO, not a regular file"});
}

TEST_CASE("JSON Lines: a lone CR ends a line; two values on a line are a skip", "[reliability]") {
  testing::TempDir dir;
  const std::string cr =
      dir.Write("cr.jsonl",
                "{\"id\": \"a\", \"text\": \"Satu.\"}\r{\"id\": \"b\", \"text\": "
                "\"Dua.\"}\r\r{\"id\": \"c\", \"text\": \"Tiga.\"}\r");
  CHECK(ReadInputs({cr}) == std::vector<std::string>{"a", "b", "c"});
  const std::string two = dir.Write(
      "two.jsonl", "{\"id\": \"a\", \"text\": \"Satu.\"} {\"id\": \"b\", \"text\": \"Dua.\"}\n");
  CHECK(ReadInputs({two}) ==
        std::vector<std::string>{two + ":1|column 30: invalid JSON: The document root must not "
                                       "be followed by other values."});
  InputRepairs repairs;
  const std::string html =
      dir.Write("h.jsonl", "{\"id\": \"h\", \"text\": \"X&nbsp;bertemu <b>Y</b> \xff.\"}\n");
  CHECK(ReadInputs({html}, &repairs) == std::vector<std::string>{"h"});
  CHECK(repairs.html_entities == 1);
  CHECK(repairs.html_tags == 2);
  CHECK(repairs.invalid_utf8_bytes == 1);
}

TEST_CASE("OutputSet renames only a complete set and leaves nothing behind", "[reliability]") {
  testing::TempDir dir;
  const std::string a = (dir.path() / "a.txt").string(), b = (dir.path() / "b.txt").string();
  dir.Write("a.txt", "old a");
  std::string error;
  {
    OutputSet set;
    std::ostream* out = set.Add(a, &error);
    REQUIRE(out != nullptr);
    *out << "new a";
    REQUIRE(set.Close(&error));
    CHECK(set.Size(a) == 5);
    CHECK(testing::ReadFile(a) == "old a");  // nothing renamed before Commit
    REQUIRE(set.Add(b, "new b", &error));
    // Destroyed without Commit: the old file stays, the temporaries go.
  }
  CHECK(testing::ReadFile(a) == "old a");
  CHECK_FALSE(fs::exists(b));
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
  {
    OutputSet set;
    REQUIRE(set.Add(a, "new a", &error));
    REQUIRE(set.Add(b, "new b", &error));
    REQUIRE(set.Commit(&error));
  }
  CHECK(testing::ReadFile(a) == "new a");
  CHECK(testing::ReadFile(b) == "new b");
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 2);
  // A write error shows with its reason; /dev/full is written in place (not a regular file).
  OutputSet full;
  std::ostream* out = full.Add("/dev/full", &error);
  REQUIRE(out != nullptr);
  *out << "x";
  CHECK_FALSE(full.Commit(&error));
  CHECK(error == "cannot write /dev/full: No space left on device");
  OutputSet missing;
  CHECK(missing.Add((dir.path() / "no" / "c.txt").string(), &error) == nullptr);
  CHECK(error ==
        "cannot write " + (dir.path() / "no" / "c.txt").string() + ": No such file or directory");
}

}  // namespace newsgraph
