// Benchmark of date tagging alone: the date rules of pass 0 (MatchDates, with the RE2::Set
// prefilter) over every sentence of a JSON Lines corpus, the corpus taken several times.
// Sentence splitting, reading and JSON parsing happen before the clock starts.
//
// Usage: bench_dates CORPUS.jsonl [REPEAT=10] [RULES_DIR]
// RULES_DIR adds or replaces rule files as `newsgraph --rules` does (time a rule edit).
// Prints bytes, documents, date mentions, seconds, MB/s (10^6 bytes) and documents/s, and
// the CPU seconds and MB/s (steadier than the wall clock on a shared machine).
#include <rapidjson/document.h>

#include <chrono>
#include <ctime>
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
    std::fprintf(stderr, "usage: bench_dates CORPUS.jsonl [REPEAT] [RULES_DIR]\n");
    return 2;
  }
  const int repeat = argc > 2 ? std::atoi(argv[2]) : 10;
  Diagnostics diags;
  std::vector<RuleSource> sources = BuiltinRuleSources();
  if (argc > 3 && !AddRuleDirectory(argv[3], &sources, &diags)) {
    std::fprintf(stderr, "bench_dates: cannot read the rules in %s\n", argv[3]);
    return 2;
  }
  std::unique_ptr<RuleSet> rules = LoadRuleSet(sources, LoadOptions(), &diags);
  if (!rules) {
    std::fprintf(stderr, "bench_dates: the rules do not load\n");
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
  const std::clock_t cpu_start = std::clock();
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
  // CPU time as well: on a machine shared with other builds the wall clock also counts the
  // time the process waited for a core.
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double total = static_cast<double>(bytes) * repeat;
  std::printf(
      "corpus %s x%d: %.1f MB, %zu documents, %zu date matches (before overlaps), "
      "%.2f s: %.2f MB/s, %.0f documents/s; CPU %.2f s: %.2f MB/s\n",
      argv[1], repeat, total / 1e6, docs.size() * repeat, found, seconds, total / 1e6 / seconds,
      docs.size() * repeat / seconds, cpu, total / 1e6 / cpu);
  return 0;
}
