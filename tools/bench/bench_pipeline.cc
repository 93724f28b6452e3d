// The pipeline benchmark of issue 12: one run over a corpus that prints what `run -j1` does
// with it, stage by stage, and the reference it is measured against.
//
//   bench_pipeline [--no-reference | --reference-only] [--reference-mb MB] INPUT...
//
// INPUT is anything `newsgraph run` reads (.jsonl, .txt, directories). The documents are
// read, extracted, written as facts.jsonl lines and merged into the graph one by one on one
// thread, as `run -j1` does, with every stage timed through the library's StageTimer
// (base/stage_timer.h); then the graph is built and every writer writes into memory (no
// disk, so the figures are the writers' own). The reference is one pass per document of an
// RE2::Set (unanchored) holding every pattern of the built-in rule set (mention, date,
// event and attachment rules, as the loader expanded them) over the same text -- its first
// 4 MB by default: with this rule set's patterns re2's DFA builds a new state at nearly
// every byte, so that pass runs at a fraction of a MB/s. A second reference is what any
// prefilter must do at least: one RE2::Set of the rules' literal atoms (case-insensitive)
// over all the text.
//
// Prints: documents/s, sentences/s and MB/s (10^6 bytes of document text) of extraction
// (read .. facts) and of the whole run, seconds per stage, peak resident memory, the
// reference's MB/s and the figure that matters: extraction MB/s / reference MB/s.
// tools/bench.sh builds the corpus and runs this; docs/performance.md holds the figures.
#include <re2/re2.h>
#include <re2/set.h>
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "base/stage_timer.h"
#include "extract/document.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "graph/build.h"
#include "graph/dot.h"
#include "graph/gexf.h"
#include "graph/graph.h"
#include "graph/graphml.h"
#include "graph/html.h"
#include "graph/jsonld.h"
#include "graph/neo4j.h"
#include "rules/prefilter.h"
#include "rules/rules.h"

using namespace newsgraph;

namespace {

// The machine may be shared: the figures are this thread's CPU time, which other processes'
// load changes less than wall time (the totals print wall time too). Reading it costs a
// system call (microseconds), so stages are timed with the steady clock (tens of
// nanoseconds) and their split scaled to the CPU time of the whole.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}
double Since(double t) { return CpuSeconds() - t; }

using Wall = std::chrono::steady_clock;
double WallSince(Wall::time_point t) {
  return std::chrono::duration<double>(Wall::now() - t).count();
}

// Steady-clock seconds per stage, in the order the stages first ran.
class StageClock : public StageTimer {
 public:
  void Start(std::string_view stage, int part) override {
    std::string name(stage);
    if (part >= 0) name += " " + std::to_string(part);
    auto it = index_.find(name);
    if (it == index_.end()) {
      it = index_.emplace(name, stages_.size()).first;
      stages_.push_back({name, 0});
    }
    current_ = it->second;
    start_ = Wall::now();
  }
  void Stop() override { stages_[current_].seconds += WallSince(start_); }

  // Times fn as stage `name`.
  template <typename Fn>
  void Time(const char* name, Fn&& fn) {
    Start(name, -1);
    fn();
    Stop();
  }

  struct Stage {
    std::string name;
    double seconds;
  };
  const std::vector<Stage>& stages() const { return stages_; }
  double Total() const {
    double t = 0;
    for (const Stage& s : stages_) t += s.seconds;
    return t;
  }

 private:
  std::map<std::string, size_t> index_;
  std::vector<Stage> stages_;
  size_t current_ = 0;
  Wall::time_point start_;
};

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;  // kilobytes on Linux
}

// Every pattern of the rule set, as compiled.
std::vector<std::string> RulePatterns(const RuleSet& rules) {
  std::vector<std::string> out;
  for (const auto& r : rules.mention_rules()) out.push_back(r->re->pattern());
  for (const auto& r : rules.date_rules()) out.push_back(r->re->pattern());
  for (const auto& r : rules.event_rules()) out.push_back(r->re->pattern());
  for (const auto& r : rules.attach_rules()) out.push_back(r->re->pattern());
  return out;
}

void PrintStage(const std::string& name, double seconds, double total, size_t bytes) {
  std::printf("  %-28s %8.3f s  %5.1f %%  %9.1f MB/s\n", name.c_str(), seconds,
              100 * seconds / total, bytes / 1e6 / seconds);
}

// The prefilter atoms of every rule group, once each: the literals the rules need.
std::vector<std::string> PrefilterAtoms(const RuleSet& rules) {
  std::set<std::string> atoms;
  std::vector<const Prefilter*> filters = {&rules.date_prefilter(), &rules.event_prefilter(),
                                           &rules.attach_prefilter()};
  for (int pass : rules.passes()) filters.push_back(&rules.pass_prefilter(pass));
  for (const Prefilter* f : filters) atoms.insert(f->atoms().begin(), f->atoms().end());
  return {atoms.begin(), atoms.end()};
}

// Runs a reference: one unanchored RE2::Set of the patterns (compiled with options), one
// Match per document text of inputs. Prints the figures, sets *mbps; returns false after
// printing an error.
bool Reference(const char* what, const std::vector<std::string>& patterns,
               RE2::Options options, const std::vector<std::string>& inputs, size_t limit,
               double* mbps) {
  options.set_max_mem(int64_t{1} << 30);
  RE2::Set set(options, RE2::UNANCHORED);
  double t = CpuSeconds();
  for (const std::string& p : patterns) {
    std::string error;
    if (set.Add(p, &error) < 0) {
      std::fprintf(stderr, "bench_pipeline: RE2::Set rejects a rule pattern: %s\n", error.c_str());
      return false;
    }
  }
  if (!set.Compile()) {
    std::fprintf(stderr, "bench_pipeline: RE2::Set does not compile (out of memory)\n");
    return false;
  }
  const double compile = Since(t);
  DocumentReader reader(inputs, &std::cin);
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (;;) {
    Document doc;
    SkipRecord skip;
    const DocumentReader::Result r = reader.Next(&doc, &skip);
    if (r == DocumentReader::kEnd) break;
    if (r != DocumentReader::kDocument) continue;
    if (bytes >= limit) break;
    bytes += doc.text.size();
    texts.push_back(std::move(doc.text));
  }
  if (bytes == 0) {
    std::fprintf(stderr, "bench_pipeline: no document text in the inputs\n");
    return false;
  }
  size_t matched = 0;
  std::vector<int> found;
  t = CpuSeconds();
  const Wall::time_point wall = Wall::now();
  for (const std::string& text : texts) {
    RE2::Set::ErrorInfo error;
    if (!set.Match(text, &found, &error) && error.kind != RE2::Set::kNoError) {
      std::fprintf(stderr, "bench_pipeline: RE2::Set match failed (DFA out of memory)\n");
      return false;
    }
    matched += found.size();
  }
  const double pass = Since(t);
  *mbps = bytes / 1e6 / pass;
  std::printf("reference (%s): RE2::Set of %zu, unanchored, one pass per document over "
              "%.1f MB: %.2f s  %.2f MB/s (wall %.2f s; compile %.2f s; %zu hits)\n",
              what, patterns.size(), bytes / 1e6, pass, *mbps, WallSince(wall), compile, matched);
  return true;
}

// Extracts the documents of inputs one by one, as ExtractAll does on one thread, merges
// them and runs every writer into memory; prints the figures and sets *extract_mbps.
// Returns false after printing an error if the inputs hold no document text.
bool Pipeline(const RuleSet& rules, const std::vector<std::string>& inputs,
              double* extract_mbps) {
  StageClock clock;
  const Wall::time_point wall = Wall::now();
  const double cpu = CpuSeconds();
  const Extractor extractor(rules, ExtractOptions());
  DocumentReader reader(inputs, &std::cin);
  GraphBuilder builder(rules);
  size_t docs = 0, skipped = 0, bytes = 0, sentences = 0, events = 0, facts_bytes = 0;
  std::map<std::string, std::pair<size_t, double>> by_lang;  // lang -> (bytes, seconds)
  for (;;) {
    Document doc;
    SkipRecord skip;
    DocumentReader::Result r;
    clock.Time("read", [&] { r = reader.Next(&doc, &skip); });
    reader.TakeWarnings();
    if (r == DocumentReader::kEnd) break;
    ++docs;
    if (r == DocumentReader::kSkipped) {
      ++skipped;
      continue;
    }
    const Wall::time_point t = Wall::now();
    const DocumentFacts facts = extractor.Extract(doc, nullptr, &clock);
    clock.Time("facts", [&] { facts_bytes += FactsToJson(facts, doc.text, rules).size() + 1; });
    if (facts.status != "ok") ++skipped;
    auto& lang = by_lang[facts.lang.empty() ? "-" : facts.lang];
    lang.first += doc.text.size();
    lang.second += WallSince(t);
    bytes += doc.text.size();
    sentences += facts.sentences.size();
    events += facts.events.size();
    clock.Time("build (add)", [&] { builder.Add(facts); });
  }
  double adds = 0;
  for (const auto& s : clock.stages()) {
    if (s.name == "build (add)") adds = s.seconds;
  }
  // What `extract -j1` does, in CPU seconds: the loop's, less the adds' share.
  const double loop_cpu = Since(cpu);
  const double loop_scale = loop_cpu / clock.Total();
  const double extraction = loop_cpu - adds * loop_scale;
  const double extraction_wall = WallSince(wall);
  if (bytes == 0) {
    std::fprintf(stderr, "bench_pipeline: no document text in the inputs (%zu skipped)\n",
                 skipped);
    return false;
  }

  // The graph and its writers, into memory.
  KnowledgeGraph kg;
  clock.Time("build (merge)", [&] { kg = builder.Build(); });
  Graph g;
  clock.Time("graph", [&] { g = MakeGraph(kg); });
  size_t out_bytes = 0;
  auto write = [&](const char* name, const auto& fn) {
    std::ostringstream out;
    clock.Time(name, [&] { fn(&out); });
    out_bytes += out.str().size();
  };
  write("writer graphml",
        [&](std::ostream* o) { WriteGraphml(kg, g, rules, GraphmlOptions(), o); });
  write("writer jsonld", [&](std::ostream* o) { WriteJsonLd(kg, rules, o); });
  write("writer gexf", [&](std::ostream* o) { WriteGexf(kg, g, rules, GexfOptions(), o); });
  write("writer neo4j", [&](std::ostream* o) {
    for (const NamedFile& f : Neo4jFiles(kg, g, rules)) *o << f.text;
  });
  write("writer dot", [&](std::ostream* o) { WriteDot(kg, g, o); });
  write("writer html", [&](std::ostream* o) { WriteHtml(kg, g, o); });
  const double run = Since(cpu);
  const double run_wall = WallSince(wall);
  const double scale = run / clock.Total();  // steady-clock seconds -> CPU seconds
  const double rss = PeakRssMiB();

  std::printf("bench_pipeline: %zu documents (%zu skipped), %.1f MB of text, %zu sentences, "
              "%zu document events -> %zu graph entities, %zu graph events\n",
              docs, skipped, bytes / 1e6, sentences, events, kg.entities.size(),
              kg.events.size());
  std::printf("CPU seconds per stage (one thread; the stages' steady-clock split of the run "
              "scaled to its %.2f CPU s; share of the run after start-up):\n", run);
  for (const auto& s : clock.stages()) PrintStage(s.name, s.seconds * scale, run, bytes);
  std::printf("extract (read .. facts): %.2f s  %.2f MB/s  %.0f documents/s  %.0f sentences/s"
              " (wall %.2f s)\n",
              extraction, bytes / 1e6 / extraction, docs / extraction, sentences / extraction,
              extraction_wall);
  for (const auto& [lang, v] : by_lang) {
    std::printf("  language %-3s %6.1f MB  %.2f MB/s (language .. resolution)\n", lang.c_str(),
                v.first / 1e6, v.first / 1e6 / (v.second * loop_scale));
  }
  std::printf("run (extract, build, all writers): %.2f s  %.2f MB/s  %.0f documents/s"
              " (wall %.2f s); %.1f MB of facts.jsonl, %.1f MB of graph files\n",
              run, bytes / 1e6 / run, docs / run, run_wall, facts_bytes / 1e6, out_bytes / 1e6);
  std::printf("peak resident memory: %.1f MiB\n", rss);
  *extract_mbps = bytes / 1e6 / extraction;
  return true;
}

const char kUsage[] =
    "Usage: bench_pipeline [--no-reference | --reference-only] [--reference-mb MB]\n"
    "                      [--list-unfiltered] INPUT...\n\n"
    "Runs extract, build and every graph writer of newsgraph over INPUT (what `run -j1`\n"
    "does, writers into memory) on one thread with the built-in rules, and prints\n"
    "documents/s, sentences/s, MB/s, seconds per stage and peak memory; then the\n"
    "reference: one unanchored RE2::Set pass of all the rule set's patterns over each\n"
    "document, and the ratio of extraction MB/s to reference MB/s.\n\n"
    "  --no-reference     skip the RE2::Set reference\n"
    "  --reference-only   run only the reference\n"
    "  --reference-mb MB  the rule-pattern reference reads the first MB (10^6 bytes) of\n"
    "                     text only (default 4): it runs at a fraction of a MB/s\n"
    "  --list-unfiltered  name the rules no prefilter can skip (they run on every\n"
    "                     sentence of their language), with the condition, if any, that\n"
    "                     skips them instead\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  bool reference = true, reference_only = false, list_unfiltered = false;
  double reference_mb = 4;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (std::strcmp(argv[i], "--no-reference") == 0) {
      reference = false;
    } else if (std::strcmp(argv[i], "--list-unfiltered") == 0) {
      list_unfiltered = true;
    } else if (std::strcmp(argv[i], "--reference-only") == 0) {
      reference_only = true;
    } else if (std::strcmp(argv[i], "--reference-mb") == 0 && i + 1 < argc) {
      char* end = nullptr;
      reference_mb = std::strtod(argv[++i], &end);
      if (*end != '\0' || !(reference_mb > 0)) {
        std::fprintf(stderr, "bench_pipeline: --reference-mb '%s' is not a positive number\n",
                     argv[i]);
        return 2;
      }
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      std::fprintf(stderr, "bench_pipeline: unknown option %s\n\n%s", argv[i], kUsage);
      return 2;
    } else {
      inputs.push_back(argv[i]);
    }
  }
  if (inputs.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }

  const double start = CpuSeconds();
  Diagnostics diags;
  std::unique_ptr<RuleSet> rules = LoadRuleSet(BuiltinRuleSources(), LoadOptions(), &diags);
  if (!rules) {
    std::fprintf(stderr, "bench_pipeline: the built-in rules do not load\n");
    return 2;
  }
  std::printf("start-up (load and compile the built-in rules, %zu patterns): %.2f s\n",
              RulePatterns(*rules).size(), Since(start));
  // What bounds the rule passes: the rules every sentence runs (no atom to filter them).
  std::printf("prefilters (atoms; rules that need no atom and run on every sentence):");
  std::vector<std::string> listing;
  auto unfiltered = [&](const char* name, const Prefilter& f, auto rule) {
    std::printf(" %s %zu, %zu;", name, f.atoms().size(), f.unfiltered().size());
    for (int index : f.unfiltered()) {
      const PatternRule& r = rule(index);
      const RequiredBytes* req = f.Required(index);
      listing.push_back(std::string(name) + "\t" + r.id + "\t" +
                        (req ? "needs " + req->ToString() : "runs on every sentence"));
    }
  };
  unfiltered("dates", rules->date_prefilter(),
             [&](int i) -> const PatternRule& { return *rules->date_rules()[i]; });
  for (int pass : rules->passes()) {
    unfiltered(("pass " + std::to_string(pass)).c_str(), rules->pass_prefilter(pass),
               [&](int i) -> const PatternRule& { return *rules->mention_rules()[i]; });
  }
  unfiltered("events", rules->event_prefilter(),
             [&](int i) -> const PatternRule& { return *rules->event_rules()[i]; });
  unfiltered("attachments", rules->attach_prefilter(),
             [&](int i) -> const PatternRule& { return *rules->attach_rules()[i]; });
  std::printf("\n");
  if (list_unfiltered) {
    for (const std::string& line : listing) std::printf("  %s\n", line.c_str());
  }
  double extract_mbps = 0;

  if (!reference_only && !Pipeline(*rules, inputs, &extract_mbps)) return 1;
  if (!reference) return 0;
  // The reference: all the rule set's patterns in one set. And the floor of any
  // prefilter: the rules' literals (case-insensitive), which every sentence is scanned for.
  double ref = 0, literals = 0;
  RE2::Options literal = PatternOptions();
  literal.set_case_sensitive(false);
  literal.set_literal(true);
  if (!Reference("rule patterns", RulePatterns(*rules), PatternOptions(), inputs,
                 static_cast<size_t>(reference_mb * 1e6), &ref) ||
      !Reference("prefilter atoms", PrefilterAtoms(*rules), literal, inputs, SIZE_MAX,
                 &literals)) {
    return 1;
  }
  if (!reference_only) {
    std::printf("ratio: extract %.2f MB/s / reference %.2f MB/s = %.4f\n", extract_mbps, ref,
                extract_mbps / ref);
    std::printf("literal ratio: extract %.2f MB/s / prefilter atoms %.2f MB/s = %.4f\n",
                extract_mbps, literals, extract_mbps / literals);
  }
  return 0;
}
