// The graph formats of issue 11: one edge per (source, type, target) with unique ids, the
// APOC flavour of GraphML, GEXF's timeline.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <map>
#include <set>
#include <sstream>

#include "extract/facts.h"
#include "graph/actors.h"
#include "graph/build.h"
#include "graph/dot.h"
#include "graph/gexf.h"
#include "graph/graph.h"
#include "graph/graphml.h"
#include "graph/html.h"
#include "graph/jsonld.h"
#include "graph/neo4j.h"
#include "test_util.h"

namespace newsgraph {

namespace {

Entity MakeEntity(const std::string& id, MentionKind kind, const std::string& name) {
  Entity e;
  e.id = id;
  e.kind = kind;
  e.name = name;
  return e;
}

// Trump holds two spellings of one title of the United States (the corpus case of issue 11),
// and two events, one dated and one not.
KnowledgeGraph TitleVariantsGraph() {
  KnowledgeGraph kg;
  Entity trump = MakeEntity("person:donald-trump", MentionKind::kPerson, "Donald Trump");
  trump.titles = {{"U.S. President", "gpe:united-states"}, {"U.S. president", "gpe:united-states"}};
  kg.entities = {MakeEntity("gpe:united-states", MentionKind::kCountry, "United States"), trump};
  std::sort(kg.entities.begin(), kg.entities.end(),
            [](const Entity& a, const Entity& b) { return a.id < b.id; });
  Event dated;
  dated.id = "event:meet-000000000001";
  dated.type = "meet";
  dated.participants = {{"person:donald-trump", "participant", "Trump", ""}};
  dated.date.value = "2017-11";
  dated.date.granularity = Granularity::kMonth;
  dated.date.start = CivilDate{2017, 11, 1};
  dated.date.end = CivilDate{2017, 11, 30};
  dated.evidence.resize(1);
  Event undated = dated;
  undated.id = "event:meet-000000000002";
  undated.date = Timex();
  kg.events = {dated, undated};
  return kg;
}

}  // namespace

TEST_CASE("Title variants of one person and country are one HOLDS_TITLE edge (issue 11)",
          "[formats]") {
  const KnowledgeGraph kg = TitleVariantsGraph();
  const Graph g = MakeGraph(kg);
  std::set<std::string> ids;
  int titles = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    CHECK(ids.insert(EdgeId(g, e)).second);
    if (g[e].type != "HOLDS_TITLE") continue;
    ++titles;
    CHECK(g[e].titles == std::vector<std::string>{"U.S. President", "U.S. president"});
    CHECK(EdgeId(g, e) == "person:donald-trump_HOLDS_TITLE_gpe:united-states");
  }
  CHECK(titles == 1);
  CHECK(ids.size() == boost::num_edges(g));
}

TEST_CASE("GraphML lists the title variants; the APOC flavour adds labels", "[formats]") {
  const KnowledgeGraph kg = TitleVariantsGraph();
  const Graph g = MakeGraph(kg);
  std::ostringstream plain, apoc;
  WriteGraphml(kg, g, testing::BuiltinRules(), GraphmlOptions(), &plain);
  GraphmlOptions options;
  options.apoc = true;
  WriteGraphml(kg, g, testing::BuiltinRules(), options, &apoc);
  CHECK(plain.str().find("<data key=\"e_titles\">U.S. President; U.S. president</data>") !=
        std::string::npos);
  CHECK(plain.str().find("labels") == std::string::npos);
  CHECK(apoc.str().find("<key id=\"labels\" for=\"node\" attr.name=\"labels\" "
                        "attr.type=\"string\"/>") != std::string::npos);
  CHECK(apoc.str().find("<data key=\"labels\">:Entity:Person</data>") != std::string::npos);
  CHECK(apoc.str().find("<data key=\"labels\">:Event</data>") != std::string::npos);
  CHECK(apoc.str().find("target=\"gpe:united-states\" label=\"HOLDS_TITLE\">") !=
        std::string::npos);
}

TEST_CASE("Neo4jLabel is the kind in PascalCase", "[formats]") {
  CHECK(Neo4jLabel(MentionKind::kPerson) == "Person");
  CHECK(Neo4jLabel(MentionKind::kOrganization) == "Organization");
  CHECK(Neo4jLabel(MentionKind::kCountry) == "Country");
}

TEST_CASE("GEXF: events live over their date interval, entities over their events", "[formats]") {
  const KnowledgeGraph kg = TitleVariantsGraph();
  const Graph g = MakeGraph(kg);
  std::ostringstream keep, drop;
  WriteGexf(kg, g, testing::BuiltinRules(), GexfOptions(), &keep);
  GexfOptions options;
  options.drop_undated = true;
  WriteGexf(kg, g, testing::BuiltinRules(), options, &drop);
  const std::string k = keep.str(), d = drop.str();
  CHECK(k.find("<graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\" "
               "timerepresentation=\"interval\">") != std::string::npos);
  CHECK(k.find("<node id=\"event:meet-000000000001\" label=\"meet: Donald Trump (2017-11)\" "
               "start=\"2017-11-01\" end=\"2017-11-30\">") != std::string::npos);
  CHECK(k.find("<node id=\"event:meet-000000000002\" label=\"meet: Donald Trump\">") !=
        std::string::npos);
  CHECK(k.find("<spell start=\"2017-11-01\" end=\"2017-11-30\"/>") != std::string::npos);
  CHECK(k.find("target=\"event:meet-000000000001\" label=\"PARTICIPANT_IN\" weight=\"1\" "
               "start=\"2017-11-01\" end=\"2017-11-30\">") != std::string::npos);
  // Trump: HOLDS_TITLE and two PARTICIPANT_IN edges, then one fewer without the undated event.
  CHECK(k.find("<size value=\"4\"/>") != std::string::npos);
  CHECK(d.find("event:meet-000000000002") == std::string::npos);
  CHECK(d.find("event:meet-000000000001") != std::string::npos);
  CHECK(d.find("<size value=\"3\"/>") != std::string::npos);
}

TEST_CASE("The actor projection: one edge per co-participant pair and event type", "[formats]") {
  KnowledgeGraph kg = TitleVariantsGraph();
  kg.entities.push_back(MakeEntity("person:xi-jinping", MentionKind::kPerson, "Xi Jinping"));
  kg.entities.push_back(MakeEntity("place:beijing", MentionKind::kPlace, "Beijing"));
  // Two meetings of Trump and Xi (one in Beijing, with the place as a participant that must
  // not count), and a call.
  for (Event& ev : kg.events) {
    ev.participants.push_back({"person:xi-jinping", "participant", "Xi", ""});
    ev.participants.push_back({"place:beijing", "participant", "Beijing", ""});
  }
  kg.events[0].place = "place:beijing";
  Event call = kg.events[1];
  call.id = "event:call-000000000003";
  call.type = "call";
  kg.events.push_back(call);
  const Graph g = ProjectActors(kg);
  CHECK(g[boost::graph_bundle].actors);
  CHECK(boost::num_vertices(g) == 3);  // Trump, Xi, the United States; not Beijing
  REQUIRE(boost::num_edges(g) == 2);
  std::map<std::string, std::pair<double, size_t>> edges;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    edges[EdgeId(g, e)] = {g[e].weight, g[e].events.size()};
  }
  CHECK(edges["person:donald-trump_MEET_person:xi-jinping"] == std::make_pair(2.0, size_t{2}));
  CHECK(edges["person:donald-trump_CALL_person:xi-jinping"] == std::make_pair(1.0, size_t{1}));
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    if (g[e].type != "MEET") continue;
    const SharedEvents shared = SummarizeEvents(kg, g[e]);
    CHECK(shared.ids ==
          std::vector<std::string>{"event:meet-000000000001", "event:meet-000000000002"});
    CHECK(shared.dates == std::vector<std::string>{"2017-11"});
    CHECK(shared.places == std::vector<std::string>{"Beijing"});
  }
  // The United States shares no event: --drop-isolated leaves it out.
  const Graph lean = DropLowDegree(g, 1);
  CHECK(boost::num_vertices(lean) == 2);
  CHECK(boost::num_edges(lean) == 2);
  CHECK(boost::num_vertices(DropLowDegree(g, 3)) == 0);
}

TEST_CASE("JSON-LD: attendees in range, sameAs, source documents as NewsArticle (issue 11)",
          "[formats]") {
  KnowledgeGraph kg = TitleVariantsGraph();
  kg.entities[0].external["wikidata"] = "Q30";  // gpe:united-states
  kg.events[0].participants.push_back({"gpe:united-states", "participant", "AS", ""});
  kg.events[0].evidence[0].doc = "reuters-1";
  kg.sources = {{"reuters-1", "https://example.com/a", "Trump meets", "2017-11-02", "en"},
                {"reuters-2", "", "", "", "en"}};
  std::ostringstream out;
  WriteJsonLd(kg, testing::BuiltinRules(), &out);
  rapidjson::Document d;
  d.Parse(out.str().c_str());
  REQUIRE_FALSE(d.HasParseError());
  std::map<std::string, const rapidjson::Value*> nodes;
  for (const auto& n : d["@graph"].GetArray()) nodes[n["@id"].GetString()] = &n;
  const rapidjson::Value& ev = *nodes.at("event:meet-000000000001");
  REQUIRE(ev["attendee"].Size() == 1);
  CHECK(std::string(ev["attendee"][0].GetString()) == "person:donald-trump");
  REQUIRE(ev["actor"].Size() == 2);
  CHECK(std::string(ev["actor"][1].GetString()) == "gpe:united-states");
  CHECK(std::string((*nodes.at("gpe:united-states"))["sameAs"].GetString()) ==
        "http://www.wikidata.org/entity/Q30");
  const rapidjson::Value& doc = *nodes.at("doc:reuters-1");
  CHECK(std::string(doc["@type"].GetString()) == "NewsArticle");
  CHECK(std::string(doc["url"].GetString()) == "https://example.com/a");
  CHECK(std::string(doc["datePublished"].GetString()) == "2017-11-02");
  CHECK(std::string(doc["headline"].GetString()) == "Trump meets");
  CHECK(std::string(ev["wasDerivedFrom"][0]["document"].GetString()) == "doc:reuters-1");
  CHECK(nodes.count("doc:reuters-2") == 0);  // no event cites it
}

TEST_CASE("facts.jsonl: the format version, graph_event after each event id (issue 11)",
          "[formats]") {
  const std::string text =
      "Menteri Luar Negeri Rusia Sergey Lavrov bertemu dengan Richard Haass di New York.";
  DocumentFacts f = testing::ExtractText(text, "id");
  f.doc = "d1";
  for (Event& ev : f.events) {
    for (Evidence& x : ev.evidence) x.doc = f.doc;
  }
  REQUIRE(f.events.size() == 1);
  const std::string line = FactsToJson(f, text, testing::BuiltinRules());
  CHECK(line.rfind("{\"format\":\"newsgraph-facts/1\",\"doc\":\"d1\",", 0) == 0);
  GraphBuilder builder(testing::BuiltinRules());
  builder.Add(f);
  const KnowledgeGraph kg = builder.Build();
  REQUIRE(kg.merged_into.size() == 1);
  const std::string id = kg.merged_into.at({"d1", "e1"});
  CHECK(id == kg.events[0].id);
  const std::string with = WithGraphEvents(line, [&](const std::string& doc, const std::string& e) {
    auto it = kg.merged_into.find({doc, e});
    return it == kg.merged_into.end() ? std::string() : it->second;
  });
  // The same bytes FactsToJson writes for an event that knows its graph event.
  DocumentFacts g = f;
  g.events[0].graph_event = id;
  CHECK(with == FactsToJson(g, text, testing::BuiltinRules()));
  CHECK(with.find("{\"id\":\"e1\",\"graph_event\":\"" + id + "\",\"type\":\"meet\"") !=
        std::string::npos);
  CHECK(WithGraphEvents(SkipToJson("x", "x.txt", "empty"), [](auto&, auto&) {
          return std::string("never");
        }) == SkipToJson("x", "x.txt", "empty"));
  // Another format version is refused; a line without one is read as version 1.
  DocumentFacts back;
  std::string error;
  std::string v2 = line;
  v2.replace(v2.find("facts/1"), 7, "facts/2");
  CHECK_FALSE(FactsFromJson(v2, &back, &error));
  CHECK(error ==
        "facts format 'newsgraph-facts/2' is not one this newsgraph reads (newsgraph-facts/1)");
  std::string v0 = line;
  v0.erase(1, std::string("\"format\":\"newsgraph-facts/1\",").size());
  CHECK(FactsFromJson(v0, &back, &error));
  CHECK(FactsFromJson(with, &back, &error));
  CHECK(back.events[0].graph_event == id);
}

TEST_CASE("DOT: colours by kind, events as boxes, quoted ids; actors undirected", "[formats]") {
  KnowledgeGraph kg = TitleVariantsGraph();
  kg.entities[1].name = "Donald \"The\" Trump";
  std::ostringstream full, actors;
  WriteDot(kg, MakeGraph(kg), &full);
  const std::string d = full.str();
  CHECK(d.rfind("digraph newsgraph {\n", 0) == 0);
  CHECK(d.find("  \"person:donald-trump\" [label=\"Donald \\\"The\\\" Trump\", shape=ellipse, "
               "fillcolor=\"#377eb8\"];\n") != std::string::npos);
  CHECK(d.find("  \"event:meet-000000000001\" [label=\"meet\\n2017-11\", shape=box, "
               "fillcolor=\"#e41a1c\"];\n") != std::string::npos);
  CHECK(d.find("  \"person:donald-trump\" -> \"gpe:united-states\" [label=\"HOLDS_TITLE\"];\n") !=
        std::string::npos);
  kg.entities.push_back(MakeEntity("person:xi-jinping", MentionKind::kPerson, "Xi Jinping"));
  kg.events[0].participants.push_back({"person:xi-jinping", "participant", "Xi", ""});
  WriteDot(kg, ProjectActors(kg), &actors);
  CHECK(actors.str().rfind("graph newsgraph {\n", 0) == 0);
  CHECK(actors.str().find("  \"person:donald-trump\" -- \"person:xi-jinping\" [label=\"MEET "
                          "(1)\"];\n") != std::string::npos);
}

TEST_CASE("HTML: one page with the graph as JSON, </script> in a name escaped", "[formats]") {
  KnowledgeGraph kg = TitleVariantsGraph();
  kg.entities[1].name = "Donald </script><script>alert(1)</script> Trump";
  const Graph g = MakeGraph(kg);
  std::ostringstream out;
  WriteHtml(kg, g, &out);
  const std::string page = out.str();
  CHECK(page.rfind("<!DOCTYPE html>\n", 0) == 0);
  CHECK(page.find("<title>newsgraph: graph (" + std::to_string(boost::num_vertices(g)) +
                  " nodes, " + std::to_string(boost::num_edges(g)) + " edges)</title>") !=
        std::string::npos);
  CHECK(page.find("http") == std::string::npos);  // nothing to fetch at view time
  const std::string open = "<script type=\"application/json\" id=\"graph-data\">";
  const size_t begin = page.find(open);
  REQUIRE(begin != std::string::npos);
  const size_t start = begin + open.size();
  const size_t end = page.find("</script>", start);
  REQUIRE(end != std::string::npos);
  const std::string json = page.substr(start, end - start);
  CHECK(json.find("</") == std::string::npos);
  CHECK(json.find("Donald <\\/script><script>alert(1)<\\/script> Trump") != std::string::npos);
  CHECK(json == HtmlGraphJson(kg, g));
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["directed"].GetBool());
  REQUIRE(doc["nodes"].Size() == boost::num_vertices(g));
  REQUIRE(doc["edges"].Size() == boost::num_edges(g));
  std::map<std::string, std::string> names;
  for (const auto& n : doc["nodes"].GetArray()) {
    names[n["id"].GetString()] = n["label"].GetString();
  }
  CHECK(names["person:donald-trump"] == "Donald </script><script>alert(1)</script> Trump");
  CHECK(names["event:meet-000000000001"] == "meet 2017-11");
  const auto& trump = doc["nodes"][1];
  CHECK(std::string(trump["color"].GetString()) == "#377eb8");
  CHECK(std::string(trump["attrs"]["titles"].GetString()) ==
        "U.S. President (United States); U.S. president (United States)");
  const auto& dated = doc["nodes"][2];
  CHECK(dated["event"].GetBool());
  CHECK(std::string(dated["kind"].GetString()) == "event");
  CHECK(std::string(dated["attrs"]["date"].GetString()) == "2017-11");
  for (const auto& e : doc["edges"].GetArray()) {
    CHECK(e["source"].GetUint() < boost::num_vertices(g));
    CHECK(e["target"].GetUint() < boost::num_vertices(g));
  }
  // The actor projection: undirected, edges labelled with the event type and count.
  kg.entities.push_back(MakeEntity("person:xi-jinping", MentionKind::kPerson, "Xi Jinping"));
  kg.events[0].participants.push_back({"person:xi-jinping", "participant", "Xi", ""});
  rapidjson::Document actors;
  actors.Parse(HtmlGraphJson(kg, ProjectActors(kg)).c_str());
  REQUIRE_FALSE(actors.HasParseError());
  CHECK_FALSE(actors["directed"].GetBool());
  REQUIRE(actors["edges"].Size() == 1);
  CHECK(std::string(actors["edges"][0]["label"].GetString()) == "MEET (1)");
}

TEST_CASE("Neo4j CSVs: neo4j-admin headers, typed fields, RFC 4180 quoting", "[formats]") {
  KnowledgeGraph kg = TitleVariantsGraph();
  kg.entities[1].name = "Donald \"The Donald\" Trump";  // after gpe:united-states
  kg.entities[1].aliases = {"Trump", "a;b"};
  const std::vector<NamedFile> files = Neo4jFiles(kg, MakeGraph(kg), testing::BuiltinRules());
  std::map<std::string, std::string> by_name;
  for (const NamedFile& f : files) by_name[f.name] = f.text;
  REQUIRE(by_name.count("Person.csv"));
  CHECK(by_name["Person.csv"] ==
        "id:ID(Entity),:LABEL,name,aliases:string[],titles:string[],type,part_of,"
        "gazetteer:boolean,mentions:int,iso3166,wikidata\n"
        "\"person:donald-trump\",\"Entity;Person\",\"Donald \"\"The Donald\"\" Trump\","
        "\"Trump;a,b\",\"U.S. President;U.S. president\",,,false,0,,\n");
  // A month has no :date, only its interval; an undated event has none of them.
  CHECK(by_name["Event.csv"].find(
            "\"event:meet-000000000001\",\"Event\",\"meet\",\"meet: Donald \"\"The Donald\"\" "
            "Trump (2017-11)\",\"2017-11\",,2017-11-01,2017-11-30,\"month\",,,\"held\",") !=
        std::string::npos);
  CHECK(by_name["HOLDS_TITLE.csv"] ==
        ":START_ID(Entity),:END_ID(Entity),:TYPE,titles:string[]\n"
        "\"person:donald-trump\",\"gpe:united-states\",\"HOLDS_TITLE\","
        "\"U.S. President;U.S. president\"\n");
  CHECK(by_name["PARTICIPANT_IN.csv"].rfind(
            ":START_ID(Entity),:END_ID(Event),:TYPE,roles:string[],weight:double\n", 0) == 0);
  CHECK(by_name["Source.csv"].find('\n') == by_name["Source.csv"].size() - 1);  // header only
  CHECK(by_name["README.md"].find("--nodes=Person.csv") != std::string::npos);
  CHECK(by_name["import.cypher"].find("MERGE (n:Entity {id: row.`id:ID(Entity)`})") !=
        std::string::npos);
  CHECK(by_name["import.cypher"].find("n.date = date(row.`date:date`)") != std::string::npos);
}

}  // namespace newsgraph
