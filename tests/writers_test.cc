#include <catch2/catch.hpp>

#include <set>

#include <rapidjson/document.h>

#include <sstream>

#include "base/xml.h"
#include "graph/build.h"
#include "graph/graph.h"
#include "graph/graphml.h"
#include "graph/jsonld.h"
#include "test_util.h"

namespace newsgraph {

namespace {

KnowledgeGraph SmallGraph() {
  DocumentFacts f = testing::ExtractText(
      "Menteri Luar Negeri Rusia Sergey Lavrov bertemu dengan Richard Haass di New York pada "
      "bulan April 2023, NBC News melaporkan.",
      "id");
  f.doc = "d & <1>";
  for (Event& ev : f.events) {
    for (Evidence& e : ev.evidence) e.doc = f.doc;
  }
  GraphBuilder b(testing::BuiltinRules());
  b.Add(f);
  return b.Build();
}

}  // namespace

TEST_CASE("XmlEscape escapes markup and drops characters XML forbids", "[writers]") {
  CHECK(XmlEscape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(XmlEscape(std::string("x\x01y\tz", 5)) == "xy\tz");
  CHECK(XmlEscape("\xef\xbf\xbe!") == "!");
  CHECK(XmlEscape("a\nb") == "a\nb");
  // Issue 13: bytes that are not UTF-8 (a lone surrogate's CESU-8 form, a stray byte) are
  // dropped too, so that GraphML is well-formed whatever a facts file held.
  CHECK(XmlEscape("a\xed\xb0\x80"
                  "b\xff"
                  "c") == "abc");
}

TEST_CASE("XmlEscape for unchecked text replaces what XML forbids and keeps newlines",
          "[writers]") {
  struct Case {
    std::string in, out;
  };
  for (const Case& c : std::vector<Case>{{"a\nb", "a&#10;b"},
                                         {std::string("x\x01y", 3), "x\xef\xbf\xbdy"},
                                         {"bad \xff byte", "bad \xef\xbf\xbd byte"},
                                         {"\xef\xbf\xbe", "\xef\xbf\xbd"},
                                         {"caf\xc3\xa9 & <b>", "caf\xc3\xa9 &amp; &lt;b&gt;"}}) {
    CHECK(XmlEscape(c.in, XmlInvalid::kReplace, true) == c.out);
  }
}

TEST_CASE("The Boost graph has entities, events and role edges", "[writers]") {
  const KnowledgeGraph kg = SmallGraph();
  REQUIRE(kg.events.size() == 1);
  const Graph g = MakeGraph(kg);
  CHECK(boost::num_vertices(g) == kg.entities.size() + 1);
  std::multiset<std::string> types;
  for (auto e : boost::make_iterator_range(boost::edges(g))) types.insert(g[e].type);
  CHECK(types.count("PARTICIPANT_IN") == 2);
  CHECK(types.count("LOCATED_IN") == 1);
  CHECK(types.count("REPORTED_BY") == 1);
  CHECK(types.count("HOLDS_TITLE") == 1);  // Lavrov: Menteri Luar Negeri Rusia -> Russia
}

TEST_CASE("GraphML declares typed keys and writes booleans as true/false", "[writers]") {
  const KnowledgeGraph kg = SmallGraph();
  std::ostringstream out;
  WriteGraphml(kg, MakeGraph(kg), testing::BuiltinRules(), GraphmlOptions(), &out);
  const std::string xml = out.str();
  CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);
  CHECK(xml.find("<key id=\"n_gazetteer\" for=\"node\" attr.name=\"gazetteer\" "
                 "attr.type=\"boolean\"/>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_gazetteer\">true</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"n_gazetteer\">1</data>") == std::string::npos);
  CHECK(xml.find("<node id=\"person:sergey-lavrov\">") != std::string::npos);
  CHECK(xml.find("<data key=\"n_doc\">d &amp; &lt;1&gt;</data>") != std::string::npos);
}

TEST_CASE("JSON-LD has an inline context and typed partial dates", "[writers]") {
  const KnowledgeGraph kg = SmallGraph();
  std::ostringstream out;
  WriteJsonLd(kg, testing::BuiltinRules(), &out);
  rapidjson::Document d;
  d.Parse(out.str().c_str());
  REQUIRE_FALSE(d.HasParseError());
  REQUIRE(d["@context"].IsObject());
  bool found = false;
  for (const auto& node : d["@graph"].GetArray()) {
    if (std::string(node["@type"].GetString()) != "Event") continue;
    found = true;
    CHECK(std::string(node["startDate"]["@value"].GetString()) == "2023-04");
    CHECK(std::string(node["startDate"]["@type"].GetString()) == "xsd:gYearMonth");
    CHECK(std::string(node["wasDerivedFrom"][0]["document"].GetString()) ==
          "doc:d%20%26%20%3C1%3E");
  }
  CHECK(found);
  CHECK(DocumentIri("001_x") == "doc:001_x");
}

}  // namespace newsgraph
