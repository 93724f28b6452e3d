// One test per coreference rule of issue 5, in Indonesian and English: short names,
// parenthesised names, role references (counterparts, offices, "kedua menlu"), metonymy,
// and event coreference (repeats, back-references, details filled across sentences).
#include <catch2/catch.hpp>

#include <set>

#include "test_util.h"

namespace newsgraph {

namespace {

DocumentFacts Extract(const std::string& text, const std::string& lang, bool metonymy = true) {
  ExtractOptions options;
  CivilDate dct{2025, 10, 21};
  options.default_dct = dct;
  options.resolve.metonymy = metonymy;
  Extractor extractor(testing::BuiltinRules(), options);
  Document doc;
  doc.id = "t";
  doc.text = text;
  doc.lang = lang;
  return extractor.Extract(doc);
}

// "type: entity entity ..." per event, participants sorted.
std::vector<std::string> Events(const DocumentFacts& f) {
  std::vector<std::string> out;
  for (const Event& ev : f.events) {
    std::set<std::string> who;
    for (const Participant& p : ev.participants) {
      if (!p.entity.empty()) who.insert(p.entity);
    }
    std::string s = ev.type + ":";
    for (const std::string& w : who) s += " " + w;
    out.push_back(s);
  }
  return out;
}

struct Case {
  std::string name;
  std::string lang;
  std::string text;
  std::vector<std::string> events;
};

void Check(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.name, c.text);
    CHECK(Events(Extract(c.text, c.lang)) == c.events);
  }
}

}  // namespace

TEST_CASE("Short names resolve to the full name introduced earlier", "[coref]") {
  Check({
      {"surname, id",
       "id",
       "Duta Besar Norwegia Lars Haugen tiba di Jakarta. Haugen kemudian bertemu dengan "
       "Menteri Luar Negeri Sugiono.",
       {"visit: person:lars-haugen", "meet: person:lars-haugen person:sugiono"}},
      {"first name, id",
       "id",
       "Menteri Perdagangan Budiman Santosa membuka pameran. Budiman lalu bertemu dengan "
       "Duta Besar Norwegia Lars Haugen.",
       {"meet: person:budiman-santosa person:lars-haugen"}},
      {"surname, en",
       "en",
       "Norwegian Ambassador Lars Haugen arrived in Jakarta. Haugen later met Indonesian "
       "Foreign Minister Retno Marsudi.",
       {"visit: person:lars-haugen", "meet: person:lars-haugen person:retno-marsudi"}},
  });
}

TEST_CASE("A short name two people share is the one who bears its title", "[coref]") {
  Check({
      {"the President, not his wife, id",
       "id",
       "Presiden Susilo Bambang Yudhoyono bertemu Presiden George W. Bush. Ibu Ani Yudhoyono "
       "hadir. Presiden Yudhoyono bertemu Perdana Menteri Australia John Howard.",
       {"meet: person:george-w-bush person:susilo-bambang-yudhoyono",
        "meet: person:john-howard person:susilo-bambang-yudhoyono"}},
      {"no title to tell them apart: a person of its own, id",
       "id",
       "Presiden Susilo Bambang Yudhoyono bertemu Presiden George W. Bush. Ibu Ani Yudhoyono "
       "hadir. Pak Yudhoyono bertemu Perdana Menteri Australia John Howard.",
       {"meet: person:george-w-bush person:susilo-bambang-yudhoyono",
        "meet: person:john-howard person:yudhoyono"}},
  });
}

TEST_CASE("A name in brackets after a person is that person", "[coref]") {
  Check({
      {"id",
       "id",
       "Bupati Kendal Dyah Kartika Permanasari (Tika) membuka acara itu. Tika kemudian "
       "bertemu dengan Gubernur Jawa Tengah Ahmad Luthfi.",
       {"meet: person:ahmad-luthfi person:dyah-kartika-permanasari"}},
      {"en",
       "en",
       "Saudi Crown Prince Mohammed bin Salman (MbS) hosted the summit. MbS later met "
       "French President Emmanuel Macron.",
       {"meet: person:emmanuel-macron person:mohammed-bin-salman"}},
  });
}

TEST_CASE("Role references resolve where the text makes them unambiguous", "[coref]") {
  Check({
      {"counterpart, id",
       "id",
       "Direktur CIA William Burns berbicara dengan mitranya dari Rusia, Sergey Naryshkin.",
       {"consult: person:sergey-naryshkin person:william-burns"}},
      {"counterpart, en",
       "en",
       "CIA Director William Burns spoke with his Russian counterpart, Sergei Naryshkin.",
       {"consult: person:sergei-naryshkin person:william-burns"}},
      {"office word alone, id",
       "id",
       "Direktur CIA William Burns tiba di Kyiv. Sang direktur bertemu dengan Presiden "
       "Volodymyr Zelensky.",
       {"visit: person:william-burns", "meet: person:volodymyr-zelensky person:william-burns"}},
      {"the U.S. leader, en",
       "en",
       "U.S. President Donald Trump arrived in Tokyo. The U.S. leader met Japanese Prime "
       "Minister Shinzo Abe.",
       {"visit: person:donald-trump", "meet: person:donald-trump person:shinzo-abe"}},
      {"pemimpin AS, id",
       "id",
       "Presiden AS Donald Trump tiba di Tokyo. Pemimpin AS itu bertemu dengan Perdana "
       "Menteri Jepang Shinzo Abe.",
       {"visit: person:donald-trump", "meet: person:donald-trump person:shinzo-abe"}},
      {"kedua menlu, id",
       "id",
       "Menlu Indonesia Sugiono bertemu dengan Menlu Singapura Vivian Balakrishnan. Kedua "
       "menlu kemudian bertemu dengan Presiden Prabowo Subianto.",
       {"meet: person:sugiono person:vivian-balakrishnan",
        "meet: person:prabowo-subianto person:sugiono person:vivian-balakrishnan"}},
      {"both ministers, en",
       "en",
       "Indonesian Foreign Minister Retno Marsudi met Australian Foreign Minister Julie Bishop. "
       "Both foreign ministers later met Prime Minister Malcolm Turnbull.",
       {"meet: person:julie-bishop person:retno-marsudi",
        "meet: person:julie-bishop person:malcolm-turnbull person:retno-marsudi"}},
  });
}

TEST_CASE("Role references that are not unambiguous stay unresolved", "[coref]") {
  Check({
      {"two directors, id",
       "id",
       "Direktur CIA William Burns dan Direktur FBI Christopher Wray tiba di Kyiv. Direktur "
       "itu bertemu dengan Presiden Volodymyr Zelensky.",
       {"visit: person:christopher-wray person:william-burns", "meet: person:volodymyr-zelensky"}},
      {"indefinite, en",
       "en",
       "CIA Director William Burns arrived in Kyiv. An official met President Volodymyr "
       "Zelensky.",
       {"visit: person:william-burns", "meet: person:volodymyr-zelensky"}},
  });
}

TEST_CASE("Metonymy: a capital or seat of government acting is its country", "[coref]") {
  Check({
      {"Washington, id",
       "id",
       "Washington bertemu dengan Moskow di Jenewa.",
       {"meet: gpe:russia gpe:united-states"}},
      {"Kremlin and White House, en",
       "en",
       "The Kremlin held talks with the White House in Geneva.",
       {"talks: gpe:russia gpe:united-states"}},
  });
  // Configurable: without metonymy the places stay places.
  const DocumentFacts f =
      Extract("Gedung Putih bertemu dengan Kremlin di Jenewa.", "id", /*metonymy=*/false);
  CHECK(Events(f) == std::vector<std::string>{"meet: place:kremlin place:white-house"});
  // A place that does not act stays a place.
  const DocumentFacts g = Extract("Sugiono tiba di Washington.", "id");
  REQUIRE(g.events.size() == 1);
  CHECK(g.events[0].place == "place:washington-dc");
}

TEST_CASE("Event coreference inside a document", "[coref]") {
  // A repeated paragraph is one event with two evidence spans.
  const std::string para =
      "Menlu Indonesia Sugiono bertemu dengan Menlu Singapura Vivian Balakrishnan di Jakarta "
      "pada Senin (20/10/2025).\n";
  DocumentFacts f = Extract(para + "Kabar lain.\n" + para, "id");
  REQUIRE(f.events.size() == 1);
  CHECK(f.events[0].evidence.size() == 2);
  CHECK(f.events[0].date.value == "2025-10-20");

  // A back-reference joins the event and adds its date; details fill across sentences.
  f = Extract(
      "Indonesian Foreign Minister Retno Marsudi met Australian Foreign Minister Julie "
      "Bishop in Canberra. The meeting in October 2017 focused on trade.",
      "en");
  REQUIRE(f.events.size() == 1);
  CHECK(f.events[0].place == "place:canberra");
  CHECK(f.events[0].date.value == "2017-10");
  CHECK(f.events[0].evidence.size() == 2);

  f = Extract(
      "Pertemuan antara Menlu Sugiono dan Menlu Singapura Vivian Balakrishnan "
      "berlangsung di Jakarta. "
      "Dalam pertemuan bulan Oktober itu, keduanya membahas perdagangan.",
      "id");
  REQUIRE(f.events.size() == 1);
  CHECK(f.events[0].date.value == "2025-10");
}

TEST_CASE("A back-reference makes a bare consult specific, not a meeting talks", "[coref]") {
  struct Case {
    std::string text, lang, type;
  };
  const Case cases[] = {
      // "berbicara" is a consult; "panggilan tersebut" says how: a call.
      {"Direktur CIA William Burns berbicara dengan kepala intelijen Rusia Sergey Naryshkin. "
       "Panggilan tersebut membahas pemberontakan.",
       "id", "call"},
      // "Diskusi tersebut" names the meeting loosely: it stays a meeting.
      {"Menlu Sugiono bertemu dengan Menlu Rusia Sergey Lavrov di Moskow. Diskusi tersebut "
       "membahas perdagangan.",
       "id", "meet"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const DocumentFacts f = Extract(c.text, c.lang);
    REQUIRE(f.events.size() == 1);
    CHECK(f.events[0].type == c.type);
    CHECK(f.events[0].evidence.size() == 2);
  }
}

}  // namespace newsgraph

namespace newsgraph {

// Issue 14: a report naming a country and one naming the person who represents it tell one
// event; pronouns resolve to the subject before them, or to nobody.
TEST_CASE("A country stands in for its representative; pronouns name the subject", "[coref]") {
  Check({
      {"country and its minister, id",
       "id",
       "Jokowi menerima kunjungan kehormatan Menlu Brasil. Presiden Joko Widodo menerima "
       "kunjungan kehormatan Menteri Luar Negeri Brasil Mauro Vieira di Istana.",
       {"meet: person:joko-widodo person:mauro-vieira"}},
      {"a different country stays apart, id",
       "id",
       "Jokowi menerima kunjungan kehormatan Menlu Argentina. Presiden Joko Widodo menerima "
       "kunjungan kehormatan Menteri Luar Negeri Brasil Mauro Vieira di Istana.",
       {"meet: gpe:argentina person:joko-widodo", "meet: person:joko-widodo person:mauro-vieira"}},
      {"pronoun subject, en",
       "en",
       "Foreign Minister Shah Mehmood Qureshi arrived in Kabul on Monday. He met Afghan "
       "President Ashraf Ghani.",
       {"visit: person:shah-mehmood-qureshi",
        "meet: person:ashraf-ghani person:shah-mehmood-qureshi"}},
      {"a headline sums up the text: its report joins one told far below, id",
       "id",
       "Jokowi Terima Kunjungan Menlu Brasil\n\nJakarta - Presiden sibuk pekan ini. Ia "
       "membuka pameran. Ia meresmikan jembatan. Ia melantik pejabat. Presiden Joko Widodo "
       "menerima kunjungan kehormatan Menteri Luar Negeri Brasil Mauro Vieira di Istana.",
       {"meet: person:joko-widodo person:mauro-vieira"}},
      {"a report in the body joins only nearby reports, en",
       "en",
       "Trump met the Brazilian foreign minister. Trump spoke. Trump ate. Trump left. Trump "
       "slept. Trump met Brazilian Foreign Minister Mauro Vieira.",
       {"meet: gpe:brazil person:donald-trump", "meet: person:donald-trump person:mauro-vieira"}},
      {"a bracketed abbreviation repeats the title: 'Wapres' names the Wakil Presiden (Wapres)",
       "id",
       "Wakil Presiden (Wapres) KH. Ma’ruf Amin tiba di Madiun. Wapres disambut oleh Gubernur "
       "Jawa Timur Khofifah Indar Parawansa.",
       {"visit: person:khofifah-indar-parawansa person:maruf-amin"}},
      {"'the meeting' after a hosted visit: the visitor and the host met, id",
       "id",
       "Kedatangan Panglima TNI Agus Subiyanto disambut oleh Kapolri Listyo Sigit Prabowo. "
       "Dalam pertemuan tersebut Panglima TNI menyampaikan terima kasih.",
       {"visit: person:agus-subiyanto person:listyo-sigit-prabowo",
        "meet: person:agus-subiyanto person:listyo-sigit-prabowo"}},
      {"'the meeting' after a hosted visit, en",
       "en",
       "Vladimir Putin welcomed Chinese President Xi Jinping to the Kremlin on Monday. The "
       "meeting lasted three hours.",
       {"visit: person:vladimir-putin person:xi-jinping",
        "meet: person:vladimir-putin person:xi-jinping"}},
      {"'the meeting' after a visit without a host tells nothing, en",
       "en",
       "Chinese President Xi Jinping arrived in Moscow on Monday. The meeting lasted three hours.",
       {"visit: person:xi-jinping"}},
      {"a possessive country's title is the office's: 'the two leaders', en",
       "en",
       "US President Barack Obama arrived in Jakarta to meet Indonesia’s President Susilo "
       "Bambang Yudhoyono. The two leaders are now holding a closed-door meeting.",
       {"visit: person:barack-obama", "meet: person:barack-obama person:susilo-bambang-yudhoyono"}},
      {"pronoun with two candidates coordinated: no event, en",
       "en",
       "Donald Trump and Shinzo Abe arrived in Seoul. He met South Korean President Moon Jae-in.",
       {"visit: person:donald-trump person:shinzo-abe"}},
  });
}

}  // namespace newsgraph
