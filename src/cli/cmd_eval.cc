// newsgraph eval: the corpus regression. Reads gold files, finds their documents, extracts
// them with the rule set and reports precision, recall and F1 per event type and per rule,
// entity resolution, and (with --baseline) exactly which events a rule change added or
// removed. The scoring itself is the library's (eval.h); this file does the I/O.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "authoring/eval_report.h"
#include "authoring/gold.h"
#include "authoring/run_diff.h"
#include "authoring/score.h"
#include "cli/commands.h"
#include "extract/document.h"
#include "extract/extract.h"
#include "extract/facts.h"

namespace newsgraph {

namespace fs = std::filesystem;

namespace {

const char kEvalHelp[] =
    "Usage: newsgraph eval --gold DIR [options] [INPUT...]\n\n"
    "Score the rules against gold files: every *.gold.jsonl under DIR (or DIR itself if it\n"
    "is one gold file; format in docs/design.md). A gold document NAME is the text file\n"
    "NAME.txt beside the gold file, or the document with id NAME in the INPUT files or\n"
    "directories (.txt, .jsonl). Only documents with gold are extracted.\n\n"
    "Prints precision, recall and F1 per event type and overall, the rules behind every\n"
    "false positive, every false negative with its gold line, and the entity-resolution\n"
    "score over (document, name) -> id links. Matching criterion: docs/eval.md.\n\n"
    "Options:\n"
    "  --gold DIR             the gold files (required)\n"
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
    "  --json                 print the report as JSON instead of tables\n"
    "  --report FILE          also write the JSON report to FILE\n\n"
    "Exit status: 0 ok, 1 event F1 below --min-f1, 2 usage, input, gold or rule errors.\n";

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

bool WriteAtomically(const std::string& path, const std::string& text, Io& io) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      io.err << fmt::format("newsgraph eval: cannot write {}\n", tmp);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    io.err << fmt::format("newsgraph eval: cannot write {}: {}\n", path, ec.message());
    return false;
  }
  return true;
}

}  // namespace

int CmdEval(const std::vector<std::string>& argv, Io& io) {
  std::vector<OptionSpec> specs = {
      {"gold", 0, true},   {"baseline", 0, true},     {"save", 0, true},
      {"min-f1", 0, true}, {"json", 0, false},        {"report", 0, true},
      {"dct", 0, true},    {"no-metonymy", 0, false}, {"help", 'h', false}};
  AddRuleOptions(&specs);
  ParsedArgs args;
  std::string error;
  if (!ParseArgs(argv, specs, &args, &error)) {
    io.err << "newsgraph eval: " << error << "\n(see newsgraph eval --help)\n";
    return kExitUsage;
  }
  if (args.Has("help")) {
    io.out << kEvalHelp;
    return kExitOk;
  }
  if (!args.Has("gold")) {
    io.err << "newsgraph eval: --gold DIR is required (see newsgraph eval --help)\n";
    return kExitUsage;
  }
  EvalReport report;
  report.gold_dir = args.Get("gold");
  if (args.Has("min-f1")) {
    const std::string v = args.Get("min-f1");
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (v.empty() || *end != '\0' || !(x >= 0.0 && x <= 1.0)) {
      io.err << fmt::format("newsgraph eval: --min-f1 '{}' is not a number from 0 to 1\n", v);
      return kExitUsage;
    }
    report.min_f1 = x;
  }
  ExtractOptions options;
  if (args.Has("dct")) {
    CivilDate d;
    const std::string v = args.Get("dct");
    if (!ParseIsoDate(v, &d) || v.size() != 10) {
      io.err << fmt::format("newsgraph: --dct '{}' is not a date (YYYY-MM-DD)\n", v);
      return kExitUsage;
    }
    options.default_dct = d;
  }
  options.resolve.metonymy = !args.Has("no-metonymy");
  std::unique_ptr<RuleSet> rules = LoadRulesFromArgs(args, LoadOptions(), io);
  if (!rules) return kExitUsage;

  // The gold.
  std::vector<std::string> files;
  if (!FindGoldFiles(report.gold_dir, &files, io)) return kExitUsage;
  GoldSet gold;
  Diagnostics diags;
  bool gold_ok = true;
  for (const std::string& f : files) {
    std::string text;
    if (!ReadWholeFile(f, &text)) {
      diags.Error({f, 0, 0}, "cannot read the gold file");
      gold_ok = false;
      continue;
    }
    gold_ok &= ParseGold(f, text, *rules, &gold, &diags);
  }
  PrintDiagnostics(diags, io);
  if (!gold_ok) {
    io.err << fmt::format("newsgraph eval: the gold has {} error(s)\n", diags.error_count());
    return kExitUsage;
  }
  const std::vector<std::string> gold_docs = gold.Docs();
  std::set<std::string> wanted(gold_docs.begin(), gold_docs.end());

  // The documents: NAME.txt beside NAME.gold.jsonl first, then the INPUT files.
  std::map<std::string, Document> docs;
  std::vector<std::string> beside;
  for (const std::string& f : files) {
    const fs::path txt = fs::path(f).parent_path() / (GoldStem(f) + ".txt");
    std::error_code ec;
    if (wanted.count(GoldStem(f)) && fs::is_regular_file(txt, ec)) beside.push_back(txt.string());
  }
  if (!beside.empty()) CollectDocuments(beside, wanted, &docs, io);
  if (!args.positional.empty()) CollectDocuments(args.positional, wanted, &docs, io);
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
  if (missing > 0) return kExitUsage;

  // Extract, in document-id order.
  Extractor extractor(*rules, options);
  std::vector<DocumentFacts> facts;
  facts.reserve(gold_docs.size());
  std::string saved;
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
    saved += FactsToJson(f, doc.text, *rules) + "\n";
  }
  if (args.Has("save") && !WriteAtomically(args.Get("save"), saved, io)) return kExitUsage;

  // Score.
  std::map<std::string, std::vector<Event>> predicted;
  std::vector<ScoredDocument> scored;
  for (const DocumentFacts& f : facts) {
    predicted[f.doc] = f.events;
    scored.push_back({f.doc, docs.at(f.doc).text, &f});
  }
  report.events = ScoreEvents(gold, predicted, *rules);
  report.has_entities = !gold.entities.empty();
  if (report.has_entities) report.entities = ScoreEntities(gold, scored);
  for (const auto& [type, counts] : report.events.by_type) {
    if (rules->Type(type) == nullptr) report.types_without_rules.push_back(type);
  }
  if (args.Has("baseline")) {
    std::vector<DocumentFacts> base;
    report.baseline_file = args.Get("baseline");
    if (!ReadFactsFile(report.baseline_file, &base, io)) return kExitUsage;
    report.has_baseline = true;
    report.diff = CompareRuns(base, facts);
    std::map<std::string, std::vector<Event>> before;
    for (const DocumentFacts& f : base) before[f.doc] = f.events;
    report.baseline_events = ScoreEvents(gold, before, *rules);
  }

  const std::string json = ReportToJson(report);
  if (args.Has("report") && !WriteAtomically(args.Get("report"), json, io)) return kExitUsage;
  io.out << (args.Has("json") ? json : FormatReport(report));
  if (!report.Passed()) {
    io.err << fmt::format("newsgraph eval: event F1 {:.3f} is below --min-f1 {}\n",
                          report.events.overall.F1(), *report.min_f1);
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace newsgraph
