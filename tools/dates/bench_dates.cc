// Benchmark of date tagging alone: the date rules of pass 0 (MatchDates, with the RE2::Set
// prefilter) over every sentence of a JSON Lines corpus, the corpus taken several times.
// Sentence splitting, reading and JSON parsing happen before the clock starts.
//
// Usage: bench_dates CORPUS.jsonl [REPEAT=10]
// Prints bytes, documents, date mentions, seconds, MB/s (10^6 bytes) and documents/s.
#include <rapidjson/document.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "extract/dateline.h"
#include "extract/sentences.h"
#include "rules/rules.h"

using namespace newsgraph;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_dates CORPUS.jsonl [REPEAT]\n");
    return 2;
  }
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 10;
  Diagnostics diags;
  std::unique_ptr<RuleSet> rules = LoadRuleSet(BuiltinRuleSources(), LoadOptions(), &diags);
  if (!rules) {
    std::fprintf(stderr, "bench_dates: the built-in rules do not load\n");
    return 2;
  }
  struct Doc {
    std::string text;
    LangMask lang;
    std::optional<CivilDate> dct;
    std::vector<Sentence> sentences;
  };
  std::vector<Doc> docs;
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "bench_dates: cannot read %s\n", argv[1]);
    return 2;
  }
  const SentenceSplitter splitter(rules->languages());
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    rapidjson::Document d;
    d.Parse(line.data(), line.size());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("text")) continue;
    Doc doc;
    doc.text = d["text"].GetString();
    doc.lang = d.HasMember("lang") ? rules->Lang(d["lang"].GetString()) : kLangAny;
    if (doc.lang == 0) doc.lang = kLangAny;
    CivilDate c;
    if (d.HasMember("date") && ParseIsoDate(d["date"].GetString(), &c)) doc.dct = c;
    doc.sentences = splitter.Split(doc.text);
    bytes += doc.text.size();
    docs.push_back(std::move(doc));
  }
  size_t found = 0;
  std::vector<DateMatch> matches;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const Doc& doc : docs) {
      for (const Sentence& s : doc.sentences) {
        matches.clear();
        MatchDates(*rules, doc.text, s.span, doc.lang, doc.dct, &matches);
        found += matches.size();
      }
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double total = static_cast<double>(bytes) * repeat;
  std::printf(
      "corpus %s x%d: %.1f MB, %zu documents, %zu date matches (before overlaps), "
      "%.2f s: %.2f MB/s, %.0f documents/s\n",
      argv[1], repeat, total / 1e6, docs.size() * repeat, found, seconds, total / 1e6 / seconds,
      docs.size() * repeat / seconds);
  return 0;
}
