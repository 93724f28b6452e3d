#include "extract/document.h"

#include <catch2/catch.hpp>

#include <sstream>

#include "test_util.h"

namespace newsgraph {

namespace {

struct Item {
  bool skipped;
  std::string id;
  std::string origin;
  std::string detail;  // reason, or text
};

std::vector<Item> ReadAll(std::vector<std::string> inputs, const std::string& stdin_text = "",
                          std::vector<std::string>* warnings = nullptr) {
  std::istringstream in(stdin_text);
  DocumentReader reader(std::move(inputs), &in);
  std::vector<Item> out;
  Document doc;
  SkipRecord skip;
  for (;;) {
    const auto r = reader.Next(&doc, &skip);
    if (r == DocumentReader::kEnd) break;
    if (r == DocumentReader::kSkipped) {
      out.push_back({true, skip.id, skip.origin, skip.reason});
    } else {
      out.push_back({false, doc.id, doc.origin, doc.text});
    }
    for (auto& w : reader.TakeWarnings()) {
      if (warnings) warnings->push_back(w);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("JSON Lines: every line is a document or a skip with its location", "[input]") {
  testing::TempDir dir;
  const std::string path =
      dir.Write("c.jsonl",
                "{\"id\": \"a\", \"text\": \"Satu.\", \"date\": \"2025-01-02\"}\n"
                "\n"
                "{\"id\": \"b\", \"text\": 5}\n"
                "{\"id\": \"c\" \"text\": \"x\"}\n"
                "{\"text\": \"Tanpa id.\"}\n"
                "[1]\n"
                "{\"id\": \"e\", \"text\": \"  \"}\n"
                "{\"id\": 7, \"text\": \"Nomor.\"}\n");
  const auto items = ReadAll({path});
  REQUIRE(items.size() == 7);
  CHECK((!items[0].skipped && items[0].id == "a" && items[0].origin == path + ":1"));
  CHECK((items[1].skipped && items[1].id == "b" &&
         items[1].detail == "field \"text\" must be a string"));
  CHECK((items[2].skipped && items[2].origin == path + ":4" &&
         items[2].detail.rfind("column 12: invalid JSON", 0) == 0));
  CHECK((!items[3].skipped && items[3].id == path + ":5"));
  CHECK((items[4].skipped && items[4].detail == "a JSON Lines record must be an object"));
  CHECK((items[5].skipped && items[5].id == "e" && items[5].detail == "empty text"));
  CHECK((!items[6].skipped && items[6].id == "7"));
}

TEST_CASE("Directories are read recursively in sorted order", "[input]") {
  testing::TempDir dir;
  dir.Write("b/2.txt", "Dua.");
  dir.Write("a.txt", "Satu.");
  dir.Write("b/1.jsonl", "{\"id\": \"j\", \"text\": \"Tiga.\"}\n");
  dir.Write("notes.md", "# no");
  dir.Write(".hidden/x.txt", "no");
  const auto items = ReadAll({dir.path().string()});
  REQUIRE(items.size() == 4);
  CHECK(items[0].id == "a");
  CHECK(items[1].id == "j");
  CHECK(items[2].id == "b/2");
  CHECK((items[3].skipped && items[3].detail == "not a .txt or .jsonl file"));
}

TEST_CASE("Missing inputs, duplicate ids and invalid UTF-8 are accounted for", "[input]") {
  testing::TempDir dir;
  const std::string a = dir.Write("x/doc.txt", "Satu.");
  const std::string b = dir.Write("y/doc.txt",
                                  "Du\xff"
                                  "a.");
  std::vector<std::string> warnings;
  const auto items = ReadAll({a, b, (dir.path() / "nope.txt").string()}, "", &warnings);
  REQUIRE(items.size() == 3);
  CHECK(items[0].id == "doc");
  CHECK(items[1].id == "doc~2");
  CHECK(items[1].detail == "Du?a.");
  CHECK((items[2].skipped && items[2].detail == "no such file or directory"));
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].find("byte(s) of invalid UTF-8 replaced") != std::string::npos);
  CHECK(warnings[1].find("document id 'doc' was already used; this document is 'doc~2'") !=
        std::string::npos);
}

TEST_CASE("stdin is JSON Lines when it starts with '{', else one text", "[input]") {
  auto items = ReadAll({"-"}, "\n{\"id\": \"s\", \"text\": \"Halo.\"}\n{bad\n");
  REQUIRE(items.size() == 2);
  CHECK(items[0].id == "s");
  CHECK((items[1].skipped && items[1].origin == "<stdin>:3"));
  items = ReadAll({"-"}, "\nSatu dua.\nTiga.");
  REQUIRE(items.size() == 1);
  CHECK(items[0].id == "stdin");
  CHECK(items[0].detail == "\nSatu dua.\nTiga.");
}

TEST_CASE("The reader tells how much of the input it has read, for the progress estimate",
          "[document]") {
  testing::TempDir dir;
  const std::string lines = "{\"id\": \"a\", \"text\": \"Satu.\"}\n\n{\"id\": \"b\", \"text\": \"Dua.\"}\n";
  const std::string jsonl = dir.Write("in.jsonl", lines);
  const std::string txt = dir.Write("c.txt", "Tiga empat.");
  DocumentReader reader({jsonl, txt, (dir.path() / "missing.txt").string()}, nullptr);
  CHECK(reader.input_bytes_total() == lines.size() + 11);  // a missing input counts nothing
  CHECK(reader.input_bytes_read() == 0);
  Document doc;
  SkipRecord skip;
  REQUIRE(reader.Next(&doc, &skip) == DocumentReader::kDocument);
  CHECK(reader.input_bytes_read() == lines.find('\n') + 1);
  while (reader.Next(&doc, &skip) != DocumentReader::kEnd) {
  }
  CHECK(reader.input_bytes_read() == reader.input_bytes_total());

  std::istringstream in("Lima.");
  DocumentReader from_stdin({"-"}, &in);
  CHECK(from_stdin.input_bytes_total() == 0);  // unknown: no estimate
  REQUIRE(from_stdin.Next(&doc, &skip) == DocumentReader::kDocument);
  CHECK(from_stdin.input_bytes_read() == 5);
}

}  // namespace newsgraph
