// The corpus-level merge: order- and sharding-independent, deterministic ids.
#include "graph/build.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "extract/facts.h"
#include "test_util.h"

namespace newsgraph {

namespace {

DocumentFacts Doc(const std::string& id, const std::string& text) {
  DocumentFacts f = testing::ExtractText(text, "id");
  f.doc = id;
  for (Event& ev : f.events) {
    for (Evidence& e : ev.evidence) e.doc = id;
  }
  return f;
}

std::string Fingerprint(const KnowledgeGraph& kg) {
  std::string s;
  for (const Entity& e : kg.entities) s += e.id + "|" + e.name + ";";
  for (const Event& ev : kg.events) {
    s += ev.id + ":" + ev.type + ":" + ev.date.value + ":" + ev.place + ":" +
         std::to_string(ev.evidence.size()) + ";";
  }
  return s;
}

}  // namespace

TEST_CASE("Build merges the same event across documents, in any order", "[build]") {
  const std::vector<DocumentFacts> docs = {
      Doc("a",
          "Presiden Joko Widodo bertemu dengan Presiden Vladimir Putin di Moskow pada bulan "
          "Juni 2022."),
      Doc("b", "Jokowi bertemu Putin di Moskow pada 30 Juni 2022."),
      Doc("c", "Joko Widodo bertemu Vladimir Putin pada bulan Mei 2021."),
  };
  std::vector<int> order = {0, 1, 2};
  std::string first;
  do {
    GraphBuilder b(testing::BuiltinRules());
    for (int i : order) b.Add(docs[i]);
    const KnowledgeGraph kg = b.Build();
    REQUIRE(kg.events.size() == 2);  // June 2022 (two reports) and May 2021
    const std::string fp = Fingerprint(kg);
    if (first.empty()) first = fp;
    CHECK(fp == first);
  } while (std::next_permutation(order.begin(), order.end()));
  GraphBuilder b(testing::BuiltinRules());
  for (const auto& d : docs) b.Add(d);
  const KnowledgeGraph kg = b.Build();
  const auto june = std::find_if(kg.events.begin(), kg.events.end(),
                                 [](const Event& e) { return e.evidence.size() == 2; });
  REQUIRE(june != kg.events.end());
  CHECK(june->date.value == "2022-06-30");  // the more precise report
  CHECK(june->id.rfind("event:meet-", 0) == 0);
}

TEST_CASE("Facts survive a round trip through JSON and merge the same", "[build]") {
  const DocumentFacts d = Doc("a", "Rusia mencaplok Krimea pada tahun 2014.");
  const std::string line =
      FactsToJson(d, "Rusia mencaplok Krimea pada tahun 2014.", testing::BuiltinRules());
  DocumentFacts back;
  std::string error;
  REQUIRE(FactsFromJson(line, &back, &error));
  GraphBuilder b1(testing::BuiltinRules()), b2(testing::BuiltinRules());
  b1.Add(d);
  b2.Add(back);
  CHECK(Fingerprint(b1.Build()) == Fingerprint(b2.Build()));
  CHECK_FALSE(b2.Add(back));  // the same document twice is ignored
  CHECK_FALSE(FactsFromJson("{\"doc\": 1}", &back, &error));

  // An anchored date keeps what it counts from ("link"), whether its date is known or not.
  const std::string anchored =
      "Beberapa hari setelah pemberontakan Grup Wagner, Presiden Vladimir Putin bertemu "
      "Menteri Pertahanan Sergei Shoigu.";
  const DocumentFacts a = Doc("b", anchored);
  REQUIRE(a.events.size() == 1);
  CHECK(a.events[0].date.anchor == "unresolved");
  CHECK(a.events[0].date.link == "pemberontakan Grup Wagner");
  const std::string a_line = FactsToJson(a, anchored, testing::BuiltinRules());
  CHECK(a_line.find("\"link\":\"pemberontakan Grup Wagner\"") != std::string::npos);
  REQUIRE(FactsFromJson(a_line, &back, &error));
  REQUIRE(back.events.size() == 1);
  CHECK(back.events[0].date.link == "pemberontakan Grup Wagner");
  CHECK(error == "not a facts record (needs \"doc\" and \"status\")");
}

}  // namespace newsgraph
