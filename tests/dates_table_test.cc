// The date table (tests/dates/expressions.tsv): every row's text, extracted with the
// built-in rules against the table's pinned publication date, must give the expected first
// date (or none). tools/dates/compare.py runs the same rows through dateparser and chrono.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace newsgraph {

namespace {

struct Row {
  int line = 0;
  std::string lang, expected, category, text;
};

// Reads the table: "# dct: YYYY-MM-DD" and tab-separated rows after the header.
std::vector<Row> ReadTable(const std::string& path, std::string* dct) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<Row> rows;
  std::string line;
  bool header = true;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.rfind("# dct:", 0) == 0) {
      *dct = line.substr(line.find_first_not_of(' ', 6));
      continue;
    }
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // lang expected category text
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    INFO(path << ":" << n << ": " << line);
    REQUIRE(f.size() == 4);
    rows.push_back({n, f[0], f[1], f[2], f[3]});
  }
  return rows;
}

// Returns the key of the first date mention of the text, or "none".
std::string FirstDate(const Row& r, const std::string& dct) {
  const DocumentFacts facts = testing::ExtractText(r.text, r.lang, dct);
  const Mention* first = nullptr;
  for (const Mention& m : facts.mentions) {
    if (m.kind != MentionKind::kDate) continue;
    if (first == nullptr || m.span.begin < first->span.begin) first = &m;
  }
  return first == nullptr ? "none" : TimexKey(first->timex);
}

const std::string kTable = std::string(NEWSGRAPH_SOURCE_DIR) + "/tests/dates/expressions.tsv";

}  // namespace

TEST_CASE("The date table: every expression as a careful reader takes it", "[dates][table]") {
  std::string dct;
  const std::vector<Row> rows = ReadTable(kTable, &dct);
  REQUIRE(dct == "2025-10-21");
  std::map<std::string, int> positives, negatives;
  for (const Row& r : rows) {
    (r.expected == "none" ? negatives : positives)[r.lang]++;
    INFO("tests/dates/expressions.tsv:" << r.line << ": [" << r.lang << "] " << r.text);
    CHECK(FirstDate(r, dct) == r.expected);
  }
  // The acceptance: at least 200 expressions, at least 40 of them negatives, in
  // both languages.
  CHECK(rows.size() >= 200);
  CHECK(negatives["id"] + negatives["en"] >= 40);
  CHECK(positives["id"] >= 50);
  CHECK(positives["en"] >= 50);
  CHECK(negatives["id"] >= 15);
  CHECK(negatives["en"] >= 15);
}

// Issue 4: the publication date from a dateline, the date of the sentence before, and a
// held event dated after the publication date.
TEST_CASE("Dates reach events as a reader means them", "[dates]") {
  // No date in the input, none given: the dateline gives it, and "kemarin" resolves.
  DocumentFacts f = testing::ExtractText(
      "Jakarta, Kamis (29/10/2020) - Presiden Joko Widodo tiba di Bogor kemarin.", "id");
  CHECK(f.dct == "2020-10-29");
  CHECK(f.dct_source == "dateline");
  bool yesterday = false;
  for (const Mention& m : f.mentions) {
    yesterday |= m.kind == MentionKind::kDate && m.timex.value == "2020-10-28";
  }
  CHECK(yesterday);
  // Without a dateline nor a date, relative dates stay unresolved and say so.
  f = testing::ExtractText("Presiden Joko Widodo tiba di Bogor kemarin.", "id");
  CHECK(f.dct.empty());
  REQUIRE_FALSE(f.mentions.empty());
  for (const Mention& m : f.mentions) {
    if (m.kind != MentionKind::kDate) continue;
    CHECK(m.timex.anchor == "unresolved");
    CHECK(m.timex.note == "relative to the publication date, which is unknown");
  }

  // An event without a date in its sentence takes the one of the sentence before, in the
  // same paragraph; never across paragraphs.
  f = testing::ExtractText(
      "Prabowo tiba di Beijing pada Senin (20/10/2025). Prabowo kemudian bertemu dengan "
      "Presiden China Xi Jinping.\nPrabowo bertemu dengan Presiden China Xi Jinping.",
      "id", "2025-10-21");
  std::vector<std::string> dates;
  for (const Event& e : f.events) {
    if (e.type == "meet") dates.push_back(e.date.value + " " + e.date_rule);
  }
  CHECK(dates == std::vector<std::string>{"2025-10-20 attach.date.prep.id@previous-sentence"});

  // "bertemu pekan depan": told as held, dated after the publication date: planned.
  f = testing::ExtractText("Menlu Sugiono bertemu Menlu AS Marco Rubio pekan depan.", "id",
                           "2025-10-21");
  REQUIRE(f.events.size() == 1);
  CHECK(f.events[0].date.value == "2025-W44");
  CHECK(f.events[0].modality == "planned");
}

// Issue 10: every date mention has its TIMEX3 type, and only DATE and TIME date events:
// a duration, a set or the present is a mention that no event takes, not even from the
// sentence before; an event takes the day of a TIME ("last night").
TEST_CASE("Durations, sets and the present date no event", "[dates]") {
  const std::string kDct = "2017-12-08";  // a Friday
  struct Case {
    const char* text;
    const char* mention;  // the text of the mention checked
    const char* type;     // its type
    const char* value;    // its value
    const char* event_date;  // the date of the event ("" = none)
  };
  const Case cases[] = {
      {"Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Vienna "
       "for two hours.",
       "two hours", "DURATION", "PT2H", ""},
      {"Rex Tillerson was in Vienna on Thursday. Secretary of State Rex Tillerson met Russian "
       "Foreign Minister Sergei Lavrov in Vienna now.",
       "now", "DATE", "PRESENT_REF", "2017-12-07"},
      {"Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Vienna "
       "every week.",
       "every week", "SET", "P1W", ""},
      {"Secretary of State Rex Tillerson met Russian Foreign Minister Sergei Lavrov in Vienna "
       "last night.",
       "last night", "TIME", "2017-12-07TNI", "2017-12-07"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const DocumentFacts f = testing::ExtractText(c.text, "en", kDct);
    const Mention* found = nullptr;
    for (const Mention& m : f.mentions) {
      if (m.kind == MentionKind::kDate && m.span.Of(c.text) == c.mention) found = &m;
    }
    REQUIRE(found != nullptr);
    CHECK(found->timex.type == c.type);
    CHECK(found->timex.value == c.value);
    std::vector<std::string> dates;
    for (const Event& e : f.events) {
      if (e.type == "meet") dates.push_back(e.date.value);
    }
    CHECK(dates == std::vector<std::string>{c.event_date});
  }
}

}  // namespace newsgraph
