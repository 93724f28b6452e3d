#include "extract/sentences.h"

#include <catch2/catch.hpp>

#include "test_util.h"

namespace newsgraph {

TEST_CASE("Sentence splitting knows abbreviations and quotes", "[sentences]") {
  const SentenceSplitter splitter(testing::BuiltinRules().languages());
  struct Case {
    std::string text;
    std::vector<std::string> sentences;
  };
  const Case cases[] = {
      {"Prof. Budi dkk. datang. Mereka pergi.", {"Prof. Budi dkk. datang.", "Mereka pergi."}},
      {"Ia tinggal di Jl. Sudirman. Besok pindah.",
       {"Ia tinggal di Jl. Sudirman.", "Besok pindah."}},
      {"The U.S. Secretary spoke. Dr. Smith left.",
       {"The U.S. Secretary spoke.", "Dr. Smith left."}},
      {"He met J. Smith. Then he left!", {"He met J. Smith.", "Then he left!"}},
      {"“Kami siap.” Kata dia.", {"“Kami siap.”", "Kata dia."}},
      {"Harga naik 2.5 persen. Itu tinggi.", {"Harga naik 2.5 persen.", "Itu tinggi."}},
      {"Baris satu\nBaris dua. Tiga.", {"Baris satu", "Baris dua.", "Tiga."}},
      {"Dia bilang... lalu pergi.", {"Dia bilang... lalu pergi."}},
      // Scraped text glues sentences; initials, acronyms and domains stay whole.
      {"dengan Presiden George W.Bush.Sebelum pertemuan itu, Presiden datang.",
       {"dengan Presiden George W.Bush.", "Sebelum pertemuan itu, Presiden datang."}},
      {"The U.S.Navy left detik.com and Liputan6.com today.Then it rained.",
       {"The U.S.Navy left detik.com and Liputan6.com today.", "Then it rained."}},
      {"Kantor PBB.Sekjen datang.", {"Kantor PBB.Sekjen datang."}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    for (const Sentence& s : splitter.Split(c.text)) got.emplace_back(s.span.Of(c.text));
    CAPTURE(c.text);
    CHECK(got == c.sentences);
  }
}

TEST_CASE("Paragraphs and headlines", "[sentences]") {
  const SentenceSplitter splitter(testing::BuiltinRules().languages());
  const std::string text =
      "Mantan Pejabat AS Gelar Pertemuan Rahasia dengan Rusia\n\nIa datang. Ia pergi.\n";
  const auto s = splitter.Split(text);
  REQUIRE(s.size() == 3);
  CHECK(s[0].headline);
  CHECK(s[0].paragraph == 0);
  CHECK_FALSE(s[1].headline);
  CHECK(s[1].paragraph == 1);
  CHECK(s[2].paragraph == 1);
  CHECK_FALSE(LooksLikeHeadline("President Donald Trump met Russian President Vladimir Putin."));
  CHECK(LooksLikeHeadline("Trump Meets Putin In Helsinki Amid Protests"));
}

TEST_CASE("Run-on text is cut into bounded sentences", "[sentences]") {
  const SentenceSplitter splitter(testing::BuiltinRules().languages());
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "kata ";
  for (const Sentence& s : splitter.Split(text)) CHECK(s.span.size() <= kMaxSentenceBytes);
}

}  // namespace newsgraph
