// newsgraph eval: the corpus regression. Reads gold files, finds their documents, extracts
// them with the rule set and reports precision, recall and F1 per event type and per rule,
// entity resolution, and (with --baseline) exactly which events a rule change added or
// removed. The scoring itself is the library's (authoring/score.h); this file does the I/O.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "authoring/eval_report.h"
#include "authoring/gold.h"
#include "authoring/run_diff.h"
#include "authoring/score.h"
#include "base/files.h"
#include "base/text.h"
#include "cli/command.h"
#include "extract/document.h"
#include "extract/extract.h"
#include "extract/facts.h"

namespace newsgraph {

namespace fs = std::filesystem;

namespace {

const char kEvalUsage[] =
    "Usage: newsgraph eval --gold DIR [options] [INPUT...]\n\n"
    "Score the rules against gold files: every *.gold.jsonl under DIR (or DIR itself if it\n"
    "is one gold file; format in docs/design.md), for each --gold given (a file named\n"
    "twice is read once). A gold document NAME is the text file NAME.txt beside the gold\n"
    "file, or the document with id NAME in the INPUT files or directories (.txt, .jsonl).\n"
    "Only documents with gold are extracted.\n\n"
    "Prints precision, recall and F1 per event type and overall, the rules behind every\n"
    "false positive, every false negative with its gold line, and the entity-resolution\n"
    "score over (document, name) -> id links. Matching criterion: docs/eval.md.\n\n"
    "Options:\n"
    "  --gold DIR             the gold files (required; repeatable)\n"
    "  --rules DIR            add rule files; a file with the same relative path as a\n"
    "                         built-in one (e.g. events/meet.json) replaces it; repeatable\n"
    "  --no-builtin-rules     start from no rules: only the --rules files are used\n"
    "  --dct DATE             publication date (YYYY-MM-DD) for documents that carry none\n"
    "  --no-metonymy          places that act stay places\n"
    "  --save FILE            write this run's facts (facts.jsonl lines) to FILE, to be a\n"
    "                         later run's baseline\n"
    "  --baseline FILE        compare this run's events with a saved run's: list the events\n"
    "                         added and removed, per document, and the F1 before and after\n"
    "  --min-f1 X             exit 1 if the overall event F1 is below X (0..1)\n"
    "  --min-entity-f1 X      exit 1 if the entity-resolution F1 is below X (0..1); the gold\n"
    "                         must have entity lines\n"
    "  --json                 print the report as JSON instead of tables\n"
    "  --report FILE          also write the JSON report to FILE\n\n"
    "Exit status: 0 ok, 1 event F1 below --min-f1 or entity F1 below --min-entity-f1,\n"
    "2 usage, input, gold or rule errors.\n";

// ---------------------------------------------------------------------------------------
// The gold and its documents

// Returns the gold files: DIR itself if it is a file, else every *.gold.jsonl under DIR,
// sorted by path.
bool FindGoldFiles(const std::string& dir, std::vector<std::string>* out, Io& io) {
  std::error_code ec;
  if (fs::is_regular_file(dir, ec)) {
    out->push_back(dir);
    return true;
  }
  if (!fs::is_directory(dir, ec)) {
    io.err << fmt::format("newsgraph eval: --gold '{}' is neither a directory nor a file\n", dir);
    return false;
  }
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const std::string suffix = ".gold.jsonl";
    if (it->is_regular_file() && name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out->push_back(it->path().string());
    }
  }
  if (ec) {
    io.err << fmt::format("newsgraph eval: cannot read '{}': {}\n", dir, ec.message());
    return false;
  }
  std::sort(out->begin(), out->end());
  if (out->empty()) {
    io.err << fmt::format("newsgraph eval: no *.gold.jsonl files under '{}'\n", dir);
    return false;
  }
  return true;
}

// Returns the gold files of every --gold path, in the order given, each file once.
bool FindAllGoldFiles(const std::vector<std::string>& paths, std::vector<std::string>* out,
                      Io& io) {
  for (const std::string& path : paths) {
    std::vector<std::string> files;
    if (!FindGoldFiles(path, &files, io)) return false;
    for (const std::string& f : files) {
      if (std::find(out->begin(), out->end(), f) == out->end()) out->push_back(f);
    }
  }
  return true;
}

// Returns "NAME" for ".../NAME.gold.jsonl".
std::string GoldStem(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  const std::string suffix = ".gold.jsonl";
  if (name.size() > suffix.size() &&
      name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
    name.resize(name.size() - suffix.size());
  }
  return name;
}

// Reads and parses the gold files; prints their problems. Returns false if one has an error.
bool ReadGold(const std::vector<std::string>& files, const RuleSet& rules, GoldSet* gold, Io& io) {
  Diagnostics diags;
  bool gold_ok = true;
  for (const std::string& f : files) {
    std::string text;
    if (!ReadWholeFile(f, &text)) {
      diags.Error({f, 0, 0}, "cannot read the gold file");
      gold_ok = false;
      continue;
    }
    gold_ok &= ParseGold(f, text, rules, gold, &diags);
  }
  PrintDiagnostics(diags, io);
  if (!gold_ok) {
    io.err << fmt::format("newsgraph eval: the gold has {} error(s)\n", diags.error_count());
  }
  return gold_ok;
}

// Reads documents from inputs, keeping those whose id is wanted and not yet in *docs.
void CollectDocuments(const std::vector<std::string>& inputs, const std::set<std::string>& wanted,
                      std::map<std::string, Document>* docs, Io& io) {
  DocumentReader reader(inputs, &io.in);
  Document doc;
  SkipRecord skip;
  for (;;) {
    const DocumentReader::Result r = reader.Next(&doc, &skip);
    for (const std::string& w : reader.TakeWarnings()) {
      io.err << "newsgraph eval: warning: " << w << "\n";
    }
    if (r == DocumentReader::kEnd) break;
    if (r == DocumentReader::kSkipped) {
      io.err << fmt::format("newsgraph eval: warning: skipped {} ({}): {}\n", skip.id, skip.origin,
                            skip.reason);
      continue;
    }
    if (wanted.count(doc.id) && !docs->count(doc.id)) docs->emplace(doc.id, doc);
  }
}

// Reads a facts file (a saved run). Returns false after printing file:line errors.
bool ReadFactsFile(const std::string& path, std::vector<DocumentFacts>* out, Io& io) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    io.err << fmt::format("{}: error: cannot open the baseline facts file\n", path);
    return false;
  }
  std::string line;
  int line_no = 0, errors = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    DocumentFacts f;
    std::string why;
    if (!FactsFromJson(line, &f, &why)) {
      io.err << fmt::format("{}:{}: error: {}\n", path, line_no, why);
      ++errors;
      continue;
    }
    out->push_back(std::move(f));
  }
  return errors == 0;
}

// Returns the documents of the gold, by id: NAME.txt beside NAME.gold.jsonl first, then the
// INPUT files.
std::map<std::string, Document> FindGoldDocuments(const std::vector<std::string>& files,
                                                  const GoldSet& gold,
                                                  const std::vector<std::string>& inputs, Io& io) {
  const std::vector<std::string> gold_docs = gold.Docs();
  const std::set<std::string> wanted(gold_docs.begin(), gold_docs.end());
  std::map<std::string, Document> docs;
  std::vector<std::string> beside;
  for (const std::string& f : files) {
    const fs::path txt = fs::path(f).parent_path() / (GoldStem(f) + ".txt");
    std::error_code ec;
    if (wanted.count(GoldStem(f)) && fs::is_regular_file(txt, ec)) beside.push_back(txt.string());
  }
  if (!beside.empty()) CollectDocuments(beside, wanted, &docs, io);
  if (!inputs.empty()) CollectDocuments(inputs, wanted, &docs, io);
  return docs;
}

// Reports every gold document that was not found, at its first line in each gold file.
// Returns false if there is one.
bool AllDocumentsFound(const std::vector<std::string>& files, const GoldSet& gold,
                       const std::map<std::string, Document>& docs, Io& io) {
  int missing = 0;
  for (const std::string& f : files) {
    std::set<std::string> reported;
    auto check = [&](const std::string& doc, const Location& loc) {
      if (docs.count(doc) || !reported.insert(doc).second) return;
      ++missing;
      io.err << fmt::format(
          "{}:{}: error: document '{}' not found: no {}.txt beside the gold file and no "
          "document with this id in the INPUT files\n",
          loc.file, loc.line, doc, doc);
    };
    for (const GoldEvent& e : gold.events) {
      if (e.location.file == f) check(e.doc, e.location);
    }
    for (const GoldEntity& e : gold.entities) {
      if (e.location.file == f) check(e.doc, e.location);
    }
  }
  return missing == 0;
}

// ---------------------------------------------------------------------------------------
// Extracting and scoring

// Extracts the gold documents in id order; warns about those that were skipped.
std::vector<DocumentFacts> ExtractGoldDocuments(const GoldSet& gold,
                                                const std::map<std::string, Document>& docs,
                                                const Extractor& extractor, Io& io) {
  const std::vector<std::string> gold_docs = gold.Docs();
  std::vector<DocumentFacts> facts;
  facts.reserve(gold_docs.size());
  for (const std::string& id : gold_docs) {
    const Document& doc = docs.at(id);
    facts.push_back(extractor.Extract(doc));
    const DocumentFacts& f = facts.back();
    if (f.status != "ok") {
      io.err << fmt::format(
          "newsgraph eval: warning: gold document {} ({}) was skipped: {}; its gold events "
          "count as false negatives\n",
          id, doc.origin, f.reason);
    }
  }
  return facts;
}

// Returns the facts as facts.jsonl lines (--save).
std::string FactsLines(const std::vector<DocumentFacts>& facts,
                       const std::map<std::string, Document>& docs, const RuleSet& rules) {
  std::string lines;
  for (const DocumentFacts& f : facts) lines += FactsToJson(f, docs.at(f.doc).text, rules) + "\n";
  return lines;
}

// Scores the run's events and entity links against the gold into *report.
void ScoreRun(const GoldSet& gold, const std::vector<DocumentFacts>& facts,
              const std::map<std::string, Document>& docs, const RuleSet& rules,
              EvalReport* report) {
  std::map<std::string, std::vector<Event>> predicted;
  std::vector<ScoredDocument> scored;
  for (const DocumentFacts& f : facts) {
    predicted[f.doc] = f.events;
    scored.push_back({f.doc, docs.at(f.doc).text, &f});
  }
  report->events = ScoreEvents(gold, predicted, rules);
  report->has_entities = !gold.entities.empty();
  if (report->has_entities) report->entities = ScoreEntities(gold, scored);
  for (const auto& [type, counts] : report->events.by_type) {
    if (rules.Type(type) == nullptr) report->types_without_rules.push_back(type);
  }
}

// Compares the run with the saved run in file (--baseline) and scores that run too.
// Returns false after printing the errors if the file cannot be read.
bool CompareWithBaseline(const std::string& file, const GoldSet& gold,
                         const std::vector<DocumentFacts>& facts, const RuleSet& rules,
                         EvalReport* report, Io& io) {
  std::vector<DocumentFacts> base;
  report->baseline_file = file;
  if (!ReadFactsFile(file, &base, io)) return false;
  report->has_baseline = true;
  report->diff = CompareRuns(base, facts);
  std::map<std::string, std::vector<Event>> before;
  for (const DocumentFacts& f : base) before[f.doc] = f.events;
  report->baseline_events = ScoreEvents(gold, before, rules);
  return true;
}

// ---------------------------------------------------------------------------------------
// The command

// Reads the threshold --NAME X (0..1) into *out, if given. Returns false after printing the
// error.
bool ReadThreshold(const ParsedArgs& args, const std::string& name, std::optional<double>* out,
                   Io& io) {
  if (!args.Has(name)) return true;
  const std::string v = args.Get(name);
  char* end = nullptr;
  const double x = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !(x >= 0.0 && x <= 1.0)) {
    io.err << fmt::format("newsgraph eval: --{} '{}' is not a number from 0 to 1\n", name, v);
    return false;
  }
  *out = x;
  return true;
}

// Writes the report (--report FILE, and the table or --json to stdout). Returns the exit
// code: findings if a threshold is not reached.
int PrintReport(const ParsedArgs& args, const EvalReport& report, Io& io) {
  const std::string json = ReportToJson(report);
  if (args.Has("report") && !WriteFileAtomically(args.Get("report"), json, "newsgraph eval", io)) {
    return kExitUsage;
  }
  io.out << (args.Has("json") ? json : FormatReport(report));
  if (!report.EventsPassed()) {
    io.err << fmt::format("newsgraph eval: event F1 {:.3f} is below --min-f1 {}\n",
                          report.events.overall.F1(), *report.min_f1);
  }
  if (!report.EntitiesPassed()) {
    io.err << fmt::format("newsgraph eval: entity F1 {:.3f} is below --min-entity-f1 {}\n",
                          report.entities.links.F1(), *report.min_entity_f1);
  }
  return report.Passed() ? kExitOk : kExitFindings;
}

int Eval(const ParsedArgs& args, Io& io) {
  if (!args.Has("gold")) {
    io.err << "newsgraph eval: --gold DIR is required (see newsgraph eval --help)\n";
    return kExitUsage;
  }
  EvalReport report;
  report.gold = Join(args.All("gold"), ", ");
  if (!ReadThreshold(args, "min-f1", &report.min_f1, io) ||
      !ReadThreshold(args, "min-entity-f1", &report.min_entity_f1, io)) {
    return kExitUsage;
  }
  ExtractOptions options;
  if (!ReadDctOption(args, &options, io)) return kExitUsage;
  options.resolve.metonymy = !args.Has("no-metonymy");
  std::unique_ptr<RuleSet> rules = LoadRulesFromArgs(args, LoadOptions(), io);
  if (!rules) return kExitUsage;

  std::vector<std::string> files;
  if (!FindAllGoldFiles(args.All("gold"), &files, io)) return kExitUsage;
  GoldSet gold;
  if (!ReadGold(files, *rules, &gold, io)) return kExitUsage;
  if (report.min_entity_f1 && gold.entities.empty()) {
    io.err << "newsgraph eval: --min-entity-f1 needs entity lines in the gold; it has none\n";
    return kExitUsage;
  }
  const std::map<std::string, Document> docs = FindGoldDocuments(files, gold, args.positional, io);
  if (!AllDocumentsFound(files, gold, docs, io)) return kExitUsage;

  const Extractor extractor(*rules, options);
  const std::vector<DocumentFacts> facts = ExtractGoldDocuments(gold, docs, extractor, io);
  if (args.Has("save") && !WriteFileAtomically(args.Get("save"), FactsLines(facts, docs, *rules),
                                               "newsgraph eval", io)) {
    return kExitUsage;
  }
  ScoreRun(gold, facts, docs, *rules, &report);
  if (args.Has("baseline") &&
      !CompareWithBaseline(args.Get("baseline"), gold, facts, *rules, &report, io)) {
    return kExitUsage;
  }
  return PrintReport(args, report, io);
}

}  // namespace

CommandSpec EvalCommandSpec() {
  std::vector<OptionSpec> options = {
      {"gold", 0, true},   {"baseline", 0, true},      {"save", 0, true},
      {"min-f1", 0, true}, {"min-entity-f1", 0, true}, {"json", 0, false},
      {"report", 0, true}, {"dct", 0, true},           {"no-metonymy", 0, false}};
  AddRuleOptions(&options);
  return {"eval", "score the rules against gold files: P/R/F1, per rule, --baseline diff",
          kEvalUsage, options, Eval};
}

}  // namespace newsgraph
