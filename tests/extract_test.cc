// End-to-end extraction of single texts with the built-in rules: the cascade, the
// resolution and the merging the seed articles need, as small tables.
#include "extract/extract.h"

#include <catch2/catch.hpp>

#include <set>

#include "extract/facts.h"
#include "test_util.h"

namespace newsgraph {

using testing::ExtractText;

namespace {

// "type: entity, entity (date) @place" for each event.
std::vector<std::string> Summaries(const DocumentFacts& f) {
  std::vector<std::string> out;
  for (const Event& ev : f.events) {
    std::string s = ev.type + ":";
    for (const Participant& p : ev.participants) {
      if (!p.entity.empty()) s += " " + p.entity;
    }
    if (!ev.date.value.empty()) s += " (" + ev.date.value + ")";
    if (!ev.place.empty()) s += " @" + ev.place;
    if (ev.modality != "held") s += " [" + ev.modality + "]";
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("Language detection", "[extract]") {
  CHECK(DetectLanguage("Menteri itu mengatakan bahwa dia akan datang.", testing::BuiltinRules()) ==
        testing::BuiltinRules().Lang("id"));
  CHECK(DetectLanguage("The minister said that he would come.", testing::BuiltinRules()) ==
        testing::BuiltinRules().Lang("en"));
  CHECK(DetectLanguage("12345 !!!", testing::BuiltinRules()) == 0);
}

TEST_CASE("Events from single sentences", "[extract]") {
  struct Case {
    std::string text;
    std::string lang;
    std::vector<std::string> events;
  };
  const Case cases[] = {
      {"Direktur CIA William Burns bertemu dengan Presiden Volodymyr Zelensky di Kyiv.",
       "id",
       {"meet: person:william-burns person:volodymyr-zelensky @place:kyiv"}},
      {"Menteri Luar Negeri Rusia Sergey Lavrov akan bertemu Menlu AS Antony Blinken.",
       "id",
       {"meet: person:sergey-lavrov person:antony-blinken [planned]"}},
      {"Rusia mencaplok Krimea pada tahun 2014.", "id", {"annex: gpe:russia place:crimea (2014)"}},
      {"Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Rex Tillerson in "
       "Vienna on Thursday.",
       "en",
       {"meet: person:sergey-lavrov person:rex-tillerson (2017-12-07) @place:vienna-austria"}},
      {"Kremlin mengatakan Rusia tidak akan menyerah.", "id", {}},
      // Issue 10: a clock time without its day is a TIME mention, yet dates no event (its
      // value takes the publication date's day, which the story's need not be).
      {"Direktur CIA William Burns bertemu dengan Presiden Volodymyr Zelensky di Kyiv pukul "
       "15.00 WIB.",
       "id",
       {"meet: person:william-burns person:volodymyr-zelensky @place:kyiv"}},
      {"Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Rex Tillerson in "
       "Vienna at 8 p.m.",
       "en",
       {"meet: person:sergey-lavrov person:rex-tillerson @place:vienna-austria"}},
      // English tells the past by its verb: a month or day without a year that would fall
      // after the publication date (2017-12-08) is last year's; with "will" it is planned.
      {"Michael Flynn met Sergei Kislyak in December.",
       "en",
       {"meet: person:michael-flynn person:sergei-kislyak (2017-12)"}},
      {"Michael Flynn met Sergei Kislyak in February.",
       "en",
       {"meet: person:michael-flynn person:sergei-kislyak (2017-02)"}},
      {"Michael Flynn met Sergei Kislyak on Dec. 29-30.",
       "en",
       {"meet: person:michael-flynn person:sergei-kislyak (2016-12-29/2016-12-30)"}},
      {"Michael Flynn will meet Sergei Kislyak on Dec. 29.",
       "en",
       {"meet: person:michael-flynn person:sergei-kislyak (2017-12-29) [planned]"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(Summaries(ExtractText(c.text, c.lang, "2017-12-08")) == c.events);
  }
}

TEST_CASE("Date and place told in one sentence, names in the next: one event", "[extract]") {
  const std::string text =
      "NBC News melaporkan bahwa pertemuan terjadi pada bulan April 2023 antara Menteri Luar "
      "Negeri Rusia Sergey Lavrov dan mantan pejabat senior AS di New York.\n"
      "Mantan pejabat AS yang bertemu Lavrov adalah Richard Haass, mantan diplomat, pakar "
      "Eropa Charles Kupchan dan pakar Rusia Thomas Graham.\n"
      "Dalam pertemuan bulan April, beberapa masalah dibahas.\n";
  const DocumentFacts f = ExtractText(text);
  REQUIRE(f.events.size() == 1);
  const Event& ev = f.events[0];
  CHECK(ev.type == "meet");
  CHECK(ev.date.value == "2023-04");
  CHECK(ev.place == "place:new-york");
  CHECK(ev.reported_by == std::vector<std::string>{"source:nbc-news"});
  std::set<std::string> who;
  for (const Participant& p : ev.participants) {
    if (!p.entity.empty()) who.insert(p.entity);
  }
  CHECK(who == std::set<std::string>{"person:sergey-lavrov", "person:richard-haass",
                                     "person:charles-kupchan", "person:thomas-graham"});
  CHECK(ev.evidence.size() == 3);
}

TEST_CASE("Short names and titles resolve to one entity", "[extract]") {
  const DocumentFacts f = ExtractText(
      "Direktur CIA William Burns tiba di Kyiv. Burns kemudian berbicara dengan mitranya dari "
      "Rusia, Sergey Naryshkin. The Wall Street Journal pertama kali melaporkan panggilan "
      "tersebut.",
      "id");
  CHECK(Summaries(f) ==
        std::vector<std::string>{"visit: person:william-burns @place:kyiv",
                                 "call: person:william-burns person:sergey-naryshkin"});
  REQUIRE(f.events.size() == 2);
  CHECK(f.events[1].reported_by == std::vector<std::string>{"source:the-wall-street-journal"});
  int burns = 0;
  for (const Entity& e : f.entities) burns += e.id == "person:william-burns";
  CHECK(burns == 1);
}

TEST_CASE("A back-reference with nothing before it invents no event", "[extract]") {
  CHECK(ExtractText("Pertemuan tersebut berlangsung singkat.", "id").events.empty());
  CHECK(ExtractText("The meeting was short.", "en").events.empty());
}

TEST_CASE("Headlines in Title Case make no people", "[extract]") {
  const DocumentFacts f =
      ExtractText("Mantan Pejabat AS Gelar Pertemuan Rahasia dengan Rusia\nIa datang.", "id");
  for (const Entity& e : f.entities) CHECK(e.kind != MentionKind::kPerson);
}

// Issue 12: a stage timer sees every stage of the cascade start and stop, in order, and
// the facts are the same with and without it.
TEST_CASE("A stage timer sees every stage and changes nothing", "[extract]") {
  class Recorder : public StageTimer {
   public:
    void Start(std::string_view stage, int part) override {
      CHECK(open_.empty());  // stages do not nest
      open_ = std::string(stage) + (part >= 0 ? " " + std::to_string(part) : "");
    }
    void Stop() override {
      REQUIRE(!open_.empty());
      stages.push_back(open_);
      open_.clear();
    }
    std::vector<std::string> stages;

   private:
    std::string open_;
  };
  Extractor extractor(testing::BuiltinRules(), ExtractOptions());
  Document doc;
  doc.id = "t";
  doc.text = "Menlu Rusia Sergey Lavrov bertemu dengan Menlu AS Antony Blinken di New York.";
  Recorder recorder;
  const DocumentFacts timed = extractor.Extract(doc, nullptr, &recorder);
  const DocumentFacts plain = extractor.Extract(doc);
  CHECK(FactsToJson(timed, doc.text, testing::BuiltinRules()) ==
        FactsToJson(plain, doc.text, testing::BuiltinRules()));
  std::vector<std::string> expected = {"language, dct", "split", "stage 1 pass 0"};
  for (int pass : testing::BuiltinRules().passes()) {
    expected.push_back("stage 1 pass " + std::to_string(pass));
  }
  for (const char* s : {"stage 1 aliases", "stage 1 groups", "stage 2", "resolution entities",
                        "resolution events"}) {
    expected.push_back(s);
  }
  CHECK(recorder.stages == expected);
  CHECK(timed.events.size() == 1);
}

}  // namespace newsgraph
