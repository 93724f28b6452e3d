// newsgraph run, extract and build: the pipeline. `extract` turns documents into facts
// (facts.jsonl), `build` merges fact files into the graph, `run` does both in one process.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "base/calendar.h"
#include "cli/command.h"
#include "cli/graph_outputs.h"
#include "cli/output_set.h"
#include "extract/document.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "extract/pipeline.h"
#include "graph/build.h"
#include "graph/graph.h"

namespace newsgraph {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------------------
// Options and usage

const char kRuleOptionsHelp[] =
    "  --rules DIR            add the rule files (*.json) under DIR to the built-in rules;\n"
    "                         a file with the same relative path as a built-in one\n"
    "                         (e.g. events/meet.json) replaces it; repeatable; a single\n"
    "                         .json file is added as it is\n"
    "  --no-builtin-rules     start from no rules: only the --rules files are used\n";

const char kExtractOptionsHelp[] =
    "  --dct DATE             publication date (YYYY-MM-DD) for documents that carry none\n"
    "                         (a JSON Lines record's \"date\" wins)\n"
    "  -j, --threads N        worker threads (default: the number of cores)\n"
    "  --no-metonymy          places that act (Kremlin, Washington) stay places instead of\n"
    "                         standing for their country\n"
    "  --progress, --quiet    show / hide the progress line on stderr (default: shown when\n"
    "                         stderr is a terminal): documents, MB, events, MB/s and,\n"
    "                         when the input is files, the share read and the time left;\n"
    "                         one summary line at the end\n"
    "  --max-document-bytes N skip (with the reason) a document whose text is longer than\n"
    "                         N bytes (default: 8388608)\n";

const char kInputHelp[] =
    "INPUT is a .txt file (one document; its id is the file name without .txt), a .jsonl\n"
    "file (one document per line: \"id\", \"text\", optional \"date\", \"url\", \"title\",\n"
    "\"lang\"), a directory (its .txt and .jsonl files, recursively, in sorted order) or -\n"
    "for standard input (JSON Lines if it starts with '{', else one text document).\n"
    "Every input document is accounted for in facts.jsonl: processed, or skipped with a\n"
    "reason and its location.\n";

const char kRunUsage[] =
    "Usage: newsgraph run [options] INPUT...\n\n"
    "Extract entities and events from news text and build the graph: extract and\n"
    "build in one process.\n\n";

const char kRunOutputsHelp[] =
    "\nWrites into the output directory:\n"
    "  facts.jsonl     one line per input document: mentions, entities and events\n"
    "                  with byte offsets, sentences and rule ids (or why it was\n"
    "                  skipped); each event names the graph event it merged into\n"
    "                  (docs/facts.md, schemas/facts.schema.json)\n"
    "  graph.graphml   the graph for Gephi, networkx, igraph, graph-tool (--format)\n"
    "  graph.jsonld    the graph as linked data (schema.org, PROV-O) (--format)\n"
    "  report.json     counts, and every skipped document with its reason\n\n";

const char kExtractUsage[] =
    "Usage: newsgraph extract [options] INPUT...\n\n"
    "Extract the facts of each document as JSON Lines (facts.jsonl), without\n"
    "building the graph. Shard a corpus, run extract on each shard (threads here,\n"
    "machines elsewhere) and merge the fact files with newsgraph build.\n\n";

const char kBuildUsage[] =
    "Usage: newsgraph build [options] FACTS...\n\n"
    "Merge fact files (from newsgraph extract or run; - for stdin) into one graph.\n"
    "The result does not depend on the order of the files or of their lines, nor\n"
    "on how the corpus was split. Facts of a document id seen before are ignored.\n"
    "The rule set supplies event types, codes and the gazetteer.\n\n"
    "Writes OUTDIR/report.json, the --format files (default: OUTDIR/graph.graphml,\n"
    "OUTDIR/graph.jsonld) and OUTDIR/event_map.jsonl: which graph event each\n"
    "document event merged into.\n\n"
    "Options:\n"
    "  -o, --output DIR       output directory (default: out)\n";

const char kStrictHelp[] =
    "  --strict               any skipped input is an error: exit 2 and write nothing\n";

// The options of run and extract: -o, --strict, the rule options and the extraction options.
std::vector<OptionSpec> ExtractCommandOptions() {
  std::vector<OptionSpec> specs = {{"output", 'o', true}, {"strict", 0, false}};
  AddRuleOptions(&specs);
  specs.push_back({"dct", 0, true});
  specs.push_back({"threads", 'j', true});
  specs.push_back({"no-metonymy", 0, false});
  specs.push_back({"progress", 0, false});
  specs.push_back({"quiet", 'q', false});
  specs.push_back({"max-document-bytes", 0, true});
  return specs;
}

// The options of run: extract's and the output options.
std::vector<OptionSpec> RunCommandOptions() {
  std::vector<OptionSpec> specs = ExtractCommandOptions();
  AddOutputOptions(&specs);
  return specs;
}

// Reads --dct, --no-metonymy and -j/--threads. Returns false after printing the error.
bool ExtractOptionsFromArgs(const ParsedArgs& args, ExtractOptions* options, int* threads, Io& io) {
  if (!ReadDctOption(args, options, io)) return false;
  options->resolve.metonymy = !args.Has("no-metonymy");
  *threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (args.Has("threads")) {
    const std::string v = args.Get("threads");
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1 || n > 256) {
      io.err << fmt::format("newsgraph: --threads '{}' is not a number from 1 to 256\n", v);
      return false;
    }
    *threads = static_cast<int>(n);
  }
  if (args.Has("max-document-bytes")) {
    const std::string v = args.Get("max-document-bytes");
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 15 ||
        std::stoull(v) == 0) {
      io.err << fmt::format("newsgraph: --max-document-bytes '{}' is not a positive number\n", v);
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Extracting

// Prints a progress line to stderr at most a few times a second.
class ProgressPrinter {
 public:
  ProgressPrinter(Io& io, bool enabled) : io_(io), enabled_(enabled), start_(Clock::now()) {}
  void Update(const Progress& p) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    Print(p, false);
  }
  void Done(const Progress& p) {
    if (enabled_) Print(p, true);
    shown_ = false;
  }
  // Erases the progress line before another message is printed (the next update redraws it).
  void Clear() {
    if (!shown_) return;
    io_.err << "\r\x1b[K";
    shown_ = false;
  }
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  using Clock = std::chrono::steady_clock;
  void Print(const Progress& p, bool final) {
    const double s = std::max(1e-9, Seconds());
    // The time left, from the share of the input read so far (known for files, not stdin).
    std::string left;
    if (!final && p.input_total > 0 && p.input_read > 0 && p.input_read < p.input_total) {
      const double done = static_cast<double>(p.input_read) / static_cast<double>(p.input_total);
      const auto eta = static_cast<long>(s * (1 - done) / done + 0.5);
      left = fmt::format(", {:.0f} %, {}:{:02d} left", done * 100, eta / 60, eta % 60);
    }
    io_.err << fmt::format(
        "\r{} documents ({} skipped), {:.1f} MB, {} events, {:.1f} s, {:.2f} MB/s{}{}",
        p.documents, p.skipped, p.bytes / 1e6, p.events, s, p.bytes / 1e6 / s, left,
        final ? "\n" : "\x1b[K");
    io_.err.flush();
    shown_ = !final;
  }
  Io& io_;
  bool enabled_;
  bool shown_ = false;  // a progress line without its line break is on the terminal
  Clock::time_point start_, last_;
};

bool WantProgress(const ParsedArgs& args, Io& io) {
  if (args.Has("quiet")) return false;
  return args.Has("progress") || io.err_is_tty;
}

std::string SkipMessage(const DocumentFacts& f) {
  if (f.doc == f.origin) return fmt::format("newsgraph: skipped {}: {}\n", f.origin, f.reason);
  return fmt::format("newsgraph: skipped {} ({}): {}\n", f.doc, f.origin, f.reason);
}

// The extraction of the INPUT documents as run and extract do it: the extractor, the reader
// and the progress line, made in this order so that the progress line times the reading.
class InputExtraction {
 public:
  InputExtraction(const ParsedArgs& args, const RuleSet& rules, const ExtractOptions& options,
                  Io& io)
      : io_(io),
        extractor_(rules, options),
        reader_(args.positional, &io.in),
        printer_(io, WantProgress(args, io)) {
    if (args.Has("max-document-bytes")) {
      reader_.set_max_document_bytes(std::stoull(args.Get("max-document-bytes")));
    }
  }

  // Extracts every document on the given threads, in input order, passing each result to
  // emit; updates the progress line and prints the reader's warnings.
  Progress Run(int threads, const std::function<void(const ExtractResult&)>& emit) {
    return ExtractAll(
        &reader_, extractor_, {threads, 256}, emit, [&](const Progress& p) { printer_.Update(p); },
        [&](const std::string& w) {
          printer_.Clear();
          io_.err << "newsgraph: warning: " << w << "\n";
        });
  }
  // Prints the final progress line.
  void Done(const Progress& total) { printer_.Done(total); }
  // Prints a message on stderr, erasing the progress line first.
  void Say(const std::string& message) {
    printer_.Clear();
    io_.err << message;
  }
  // What the reader repaired in the input (docs/reliability.md).
  const InputRepairs& repairs() const { return reader_.repairs(); }
  // Hidden directory entries passed over (docs/reliability.md).
  uint64_t hidden_entries() const { return reader_.hidden_entries(); }

 private:
  Io& io_;
  Extractor extractor_;
  DocumentReader reader_;
  ProgressPrinter printer_;
};

// ---------------------------------------------------------------------------------------
// Writing the graph

bool MakeOutputDir(const std::string& dir, Io& io) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    io.err << fmt::format("newsgraph: cannot create output directory '{}': {}\n", dir,
                          ec ? ec.message() : "not a directory");
    return false;
  }
  return true;
}

// The facts.jsonl of run: written to a hidden scratch file of its own set while extracting,
// then copied into the output set with each event's graph event id once the graph is built
// (issue 11). The scratch file is removed however the run ends.
class FactsScratch {
 public:
  explicit FactsScratch(const std::string& dir)
      : path_(InDir(dir, "facts.jsonl")), scratch_path_(path_ + ".unmerged") {}

  // Opens the scratch file. Returns nullptr after printing the error.
  std::ostream* Open(Io& io) {
    std::string error;
    std::ostream* out = scratch_.Add(scratch_path_, &error);
    if (out == nullptr) io.err << fmt::format("newsgraph: {}\n", error);
    return out;
  }
  // Adds facts.jsonl to set: the scratch file's lines, each event naming the graph event of
  // kg it merged into. Returns false after printing the error.
  bool CopyInto(const KnowledgeGraph& kg, OutputSet* set, Io& io) {
    std::string error;
    std::ostream* out = scratch_.Close(&error) ? set->Add(path_, &error) : nullptr;
    if (out == nullptr) {
      io.err << fmt::format("newsgraph: {}\n", error);
      return false;
    }
    auto merged_into = [&](const std::string& doc, const std::string& event) {
      auto it = kg.merged_into.find({doc, event});
      return it == kg.merged_into.end() ? std::string() : it->second;
    };
    std::ifstream in(scratch_.WritingName(scratch_path_), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) *out << WithGraphEvents(line, merged_into) << '\n';
    const bool read_all = in.eof();
    scratch_.Abandon();
    if (!read_all) {
      io.err << fmt::format("newsgraph: cannot read back the facts written for {}\n", path_);
      return false;
    }
    return true;
  }

 private:
  const std::string path_, scratch_path_;
  OutputSet scratch_;
};

// Returns the INPUT paths that do not exist or cannot be read (issue 11). They are skipped
// like any unreadable input, and make the exit status 2 once everything else is written.
std::vector<std::string> UnreadableInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> bad;
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    bool ok = !ec && fs::exists(st);
    if (ok && fs::is_directory(st)) {
      fs::directory_iterator it(input, ec);
      ok = !ec;
    } else if (ok && fs::is_regular_file(st)) {
      ok = static_cast<bool>(std::ifstream(input, std::ios::binary));
    }
    if (!ok) bad.push_back(input);
  }
  return bad;
}

// Prints why the exit status is 2 although outputs were written: unreadable INPUTs.
int InputErrorsExit(const std::vector<std::string>& bad, Io& io) {
  if (bad.empty()) return kExitOk;
  io.err << fmt::format("newsgraph: error: {} input path(s) missing or unreadable: {}\n",
                        bad.size(), fmt::join(bad, ", "));
  return kExitUsage;
}

// --strict: prints why nothing was written. Returns the exit status.
int StrictFailure(size_t skipped, Io& io) {
  io.err << fmt::format("newsgraph: --strict: {} input(s) skipped; nothing written\n", skipped);
  return kExitUsage;
}

// Returns the repairs of the input for report.json.
std::vector<std::pair<std::string, uint64_t>> RepairCounts(const InputRepairs& r) {
  return {{"invalid_utf8_bytes", r.invalid_utf8_bytes},
          {"html_entities", r.html_entities},
          {"html_tags", r.html_tags},
          {"control_characters", r.control_characters}};
}

// ---------------------------------------------------------------------------------------
// run

void PrintRunSummary(const ParsedArgs& args, const Progress& total, const KnowledgeGraph& kg,
                     const std::string& dir, Io& io) {
  if (!args.Has("quiet")) {
    io.err << fmt::format(
        "newsgraph: {} documents ({} processed, {} skipped): {} entities, {} events -> {}/\n",
        total.documents, total.documents - total.skipped, total.skipped, kg.entities.size(),
        kg.events.size(), dir);
  }
  if (total.documents == 0) {
    io.err << "newsgraph: warning: no input documents\n";
  }
}

// The first steps of run and extract: the INPUTs, the extraction options, the rule set.
// Returns nullptr after printing the problem.
std::unique_ptr<RuleSet> PrepareExtraction(const char* command, const ParsedArgs& args,
                                           ExtractOptions* options, int* threads, Io& io) {
  if (args.positional.empty()) {
    io.err << fmt::format("newsgraph {}: no INPUT given (see newsgraph {} --help)\n", command,
                          command);
    return nullptr;
  }
  if (!ExtractOptionsFromArgs(args, options, threads, io)) return nullptr;
  return LoadRulesFromArgs(args, LoadOptions(), io);
}

int Run(const ParsedArgs& args, Io& io) {
  ExtractOptions options;
  int threads = 1;
  std::unique_ptr<RuleSet> rules = PrepareExtraction("run", args, &options, &threads, io);
  if (!rules) return kExitUsage;
  OutputOptions formats;
  if (!OutputOptionsFromArgs(args, &formats, io)) return kExitUsage;
  const std::string dir = args.Get("output", "out");
  if (!MakeOutputDir(dir, io)) return kExitUsage;
  FactsScratch facts_file(dir);
  std::ostream* facts = facts_file.Open(io);
  if (facts == nullptr) return kExitUsage;
  const std::vector<std::string> unreadable = UnreadableInputs(args.positional);

  InputExtraction extraction(args, *rules, options, io);
  GraphBuilder builder(*rules);
  std::vector<SkipNote> skipped;
  const Progress total = extraction.Run(threads, [&](const ExtractResult& r) {
    *facts << r.line << '\n';
    if (r.facts.status != "ok") {
      skipped.push_back({r.facts.doc, r.facts.origin, r.facts.reason});
      extraction.Say(SkipMessage(r.facts));
    }
    builder.Add(r.facts);
  });
  extraction.Done(total);
  if (args.Has("strict") && total.skipped > 0) return StrictFailure(total.skipped, io);

  const KnowledgeGraph kg = builder.Build();
  OutputSet outputs;
  if (!facts_file.CopyInto(kg, &outputs, io)) return kExitUsage;
  const GraphRun run{kg,
                     *rules,
                     dir,
                     skipped,
                     RepairCounts(extraction.repairs()),
                     {"facts.jsonl"},
                     extraction.hidden_entries()};
  if (!WriteGraphOutputs(run, formats, &outputs, io)) return kExitUsage;
  PrintRunSummary(args, total, kg, dir, io);
  return InputErrorsExit(unreadable, io);
}

// ---------------------------------------------------------------------------------------
// extract

int Extract(const ParsedArgs& args, Io& io) {
  ExtractOptions options;
  int threads = 1;
  std::unique_ptr<RuleSet> rules = PrepareExtraction("extract", args, &options, &threads, io);
  if (!rules) return kExitUsage;
  const std::string out_path = args.Get("output", "-");
  const bool strict = args.Has("strict");
  OutputSet outputs;
  std::string error;
  // With --strict, standard output gets the facts only once no input was skipped.
  std::ostringstream held;
  std::ostream* out = out_path == "-" ? (strict ? &held : &io.out) : outputs.Add(out_path, &error);
  if (out == nullptr) {
    io.err << fmt::format("newsgraph: {}\n", error);
    return kExitUsage;
  }
  const std::vector<std::string> unreadable = UnreadableInputs(args.positional);

  InputExtraction extraction(args, *rules, options, io);
  const Progress total = extraction.Run(threads, [&](const ExtractResult& r) {
    *out << r.line << '\n';
    if (r.facts.status != "ok") extraction.Say(SkipMessage(r.facts));
  });
  extraction.Done(total);
  if (strict && total.skipped > 0) return StrictFailure(total.skipped, io);
  if (out_path == "-") {
    if (strict) io.out << held.str();
    io.out.flush();
    if (!io.out) {
      io.err << "newsgraph: cannot write the facts to standard output\n";
      return kExitUsage;
    }
  } else if (!outputs.Commit(&error)) {
    io.err << fmt::format("newsgraph: {}\n", error);
    return kExitUsage;
  }
  return InputErrorsExit(unreadable, io);
}

// ---------------------------------------------------------------------------------------
// build

// What build read: the skip records of its facts and the facts files it could not read
// (both as skips), errors in the facts, and the bytes of invalid UTF-8 replaced.
struct FactsInput {
  std::vector<SkipNote> skipped;
  std::vector<std::string> unreadable;
  int errors = 0;
  uint64_t invalid_utf8 = 0;
};

// Adds the facts of one file (- for stdin) to builder and what it read to *input. Errors
// are printed as FILE:LINE: error: document ID: ...
void AddFactsFile(const std::string& path, GraphBuilder* builder, FactsInput* input, Io& io) {
  std::ifstream file;
  std::istream* in = &io.in;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      const std::string why = fmt::format("cannot open facts file: {}", std::strerror(errno));
      io.err << fmt::format("{}: error: {}\n", path, why);
      input->skipped.push_back({path, path, why});
      input->unreadable.push_back(path);
      return;
    }
    in = &file;
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  std::string line;
  size_t line_no = 0;
  while (std::getline(*in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    DocumentFacts facts;
    std::string why;
    size_t invalid_utf8 = 0;
    if (!FactsFromJson(line, &facts, &why, &invalid_utf8)) {
      io.err << fmt::format("{}:{}: error: {}\n", name, line_no, why);
      ++input->errors;
      continue;
    }
    if (invalid_utf8 > 0) {
      io.err << fmt::format(
          "{}:{}: warning: document {}: {} byte(s) of invalid UTF-8 or control characters replaced "
          "by '?'\n",
          name, line_no, facts.doc, invalid_utf8);
      input->invalid_utf8 += invalid_utf8;
    }
    if (!builder->Add(facts)) {
      io.err << fmt::format("{}:{}: warning: facts of document '{}' seen before; ignored\n", name,
                            line_no, facts.doc);
      continue;
    }
    if (facts.status != "ok") input->skipped.push_back({facts.doc, facts.origin, facts.reason});
  }
  if (in->bad()) {
    io.err << fmt::format("{}: error: read error\n", name);
    ++input->errors;
  }
}

int Build(const ParsedArgs& args, Io& io) {
  if (args.positional.empty()) {
    io.err << "newsgraph build: no FACTS file given (see newsgraph build --help)\n";
    return kExitUsage;
  }
  OutputOptions outputs;
  if (!OutputOptionsFromArgs(args, &outputs, io)) return kExitUsage;
  std::unique_ptr<RuleSet> rules = LoadRulesFromArgs(args, LoadOptions(), io);
  if (!rules) return kExitUsage;
  GraphBuilder builder(*rules);
  FactsInput input;
  for (const std::string& path : args.positional) AddFactsFile(path, &builder, &input, io);
  if (input.errors > 0) {
    io.err << fmt::format("newsgraph build: {} error(s) in the facts; no graph written\n",
                          input.errors);
    return kExitUsage;
  }
  if (args.Has("strict") && !input.skipped.empty()) {
    return StrictFailure(input.skipped.size(), io);
  }
  std::sort(input.skipped.begin(), input.skipped.end(),
            [](const SkipNote& a, const SkipNote& b) { return a.doc < b.doc; });
  const std::string dir = args.Get("output", "out");
  if (!MakeOutputDir(dir, io)) return kExitUsage;
  const KnowledgeGraph kg = builder.Build();
  OutputSet set;
  if (!AddEventMap(kg, dir, &set, io)) return kExitUsage;
  const GraphRun run{kg, *rules, dir, input.skipped, {{"invalid_text_bytes", input.invalid_utf8}},
                     {"event_map.jsonl"}};
  if (!WriteGraphOutputs(run, outputs, &set, io)) return kExitUsage;
  if (!args.Has("quiet")) {
    io.err << fmt::format(
        "newsgraph: {} documents ({} processed, {} skipped): {} entities, {} events -> {}/\n",
        kg.documents + input.skipped.size(), kg.documents, input.skipped.size(), kg.entities.size(),
        kg.events.size(), dir);
  }
  return InputErrorsExit(input.unreadable, io);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The commands

CommandSpec RunCommandSpec() {
  const std::string usage =
      std::string(kRunUsage) + kInputHelp + kRunOutputsHelp +
      "Options:\n"
      "  -o, --output DIR       output directory (default: out)\n" +
      kOutputOptionsHelp + kRuleOptionsHelp + kExtractOptionsHelp + kStrictHelp +
      "\nExit status: 0 ok; 2 usage, rule or output errors, an INPUT that is missing or\n"
      "cannot be read (everything else is still processed and written), or with\n"
      "--strict any skipped input (then nothing is written).\n";
  return {"run",
          "extract and build in one go: INPUT... -> facts.jsonl, graph.graphml, graph.jsonld",
          usage, RunCommandOptions(), Run};
}

CommandSpec ExtractCommandSpec() {
  const std::string usage =
      std::string(kExtractUsage) + kInputHelp +
      "\nOptions:\n"
      "  -o, --output FILE      where to write the facts (default: - = stdout)\n" +
      kRuleOptionsHelp + kExtractOptionsHelp + kStrictHelp;
  return {"extract", "INPUT... -> facts.jsonl (one line per document)", usage,
          ExtractCommandOptions(), Extract};
}

CommandSpec BuildCommandSpec() {
  std::vector<OptionSpec> options = {
      {"output", 'o', true}, {"quiet", 'q', false}, {"strict", 0, false}};
  AddOutputOptions(&options);
  AddRuleOptions(&options);
  return {"build", "facts.jsonl... -> graph.graphml, graph.jsonld (order-independent merge)",
          std::string(kBuildUsage) + kOutputOptionsHelp + kRuleOptionsHelp + kStrictHelp +
              "\nExit status: 0 ok, 2 usage, rule, facts or output errors, a facts file that\n"
              "cannot be read (the graph of the others is still written), or with --strict\n"
              "any skipped document (then nothing is written).\n",
          options, Build};
}

}  // namespace newsgraph
