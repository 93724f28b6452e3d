#include "cli/cli.h"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "base/diagnostic.h"
#include "cli/commands.h"
#include "extract/document.h"
#include "extract/extract.h"
#include "extract/facts.h"
#include "extract/pipeline.h"
#include "graph/build.h"
#include "graph/graph.h"
#include "graph/graphml.h"
#include "graph/jsonld.h"

namespace newsgraph {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------
// Option parsing

std::string ParsedArgs::Get(const std::string& name, const std::string& dflt) const {
  auto it = values.find(name);
  return it == values.end() || it->second.empty() ? dflt : it->second.back();
}

const std::vector<std::string>& ParsedArgs::All(const std::string& name) const {
  static const std::vector<std::string> kEmpty;
  auto it = values.find(name);
  return it == values.end() ? kEmpty : it->second;
}

bool ParseArgs(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs,
               ParsedArgs* out, std::string* error) {
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || a == "-" || a.size() < 2 || a[0] != '-') {
      out->positional.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    const OptionSpec* spec = nullptr;
    std::string value;
    bool inline_value = false;
    if (a[1] == '-') {
      std::string name = a.substr(2);
      const size_t eq = name.find('=');
      if (eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
        inline_value = true;
      }
      for (const OptionSpec& s : specs) {
        if (s.name == name) spec = &s;
      }
      if (!spec) {
        *error = fmt::format("unknown option '--{}'", name);
        return false;
      }
    } else {
      for (const OptionSpec& s : specs) {
        if (s.short_name == a[1]) spec = &s;
      }
      if (!spec) {
        *error = fmt::format("unknown option '{}'", a);
        return false;
      }
      if (a.size() > 2) {
        value = a.substr(2);
        inline_value = true;
      }
    }
    if (spec->takes_value && !inline_value) {
      if (i + 1 >= args.size()) {
        *error = fmt::format("option '--{}' needs a value", spec->name);
        return false;
      }
      value = args[++i];
    } else if (!spec->takes_value && inline_value) {
      *error = fmt::format("option '--{}' takes no value", spec->name);
      return false;
    }
    out->values[spec->name].push_back(value);
  }
  return true;
}

void AddRuleOptions(std::vector<OptionSpec>* specs) {
  specs->push_back({"rules", 0, true});
  specs->push_back({"no-builtin-rules", 0, false});
}

void PrintDiagnostics(const Diagnostics& diags, Io& io) {
  for (const Diagnostic& d : diags.list()) io.err << FormatDiagnostic(d);
}

std::unique_ptr<RuleSet> LoadRulesFromArgs(const ParsedArgs& args, const LoadOptions& options,
                                           Io& io) {
  Diagnostics diags;
  std::vector<RuleSource> sources;
  if (!args.Has("no-builtin-rules")) sources = BuiltinRuleSources();
  bool ok = true;
  for (const std::string& dir : args.All("rules")) {
    ok &= fs::is_directory(dir) ? AddRuleDirectory(dir, &sources, &diags)
                                : AddRuleFile(dir, &sources, &diags);
  }
  std::unique_ptr<RuleSet> rules;
  if (ok) rules = LoadRuleSet(sources, options, &diags);
  PrintDiagnostics(diags, io);
  if (!rules) {
    io.err << fmt::format("newsgraph: the rule set has {} error(s)\n",
                          std::max(1, diags.error_count()));
  }
  return rules;
}

// ---------------------------------------------------------------------------------------
// Shared pieces of run / extract / build

namespace {

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
    "                         stderr is a terminal)\n";

const char kInputHelp[] =
    "INPUT is a .txt file (one document; its id is the file name without .txt), a .jsonl\n"
    "file (one document per line: \"id\", \"text\", optional \"date\", \"url\", \"title\",\n"
    "\"lang\"), a directory (its .txt and .jsonl files, recursively, in sorted order) or -\n"
    "for standard input (JSON Lines if it starts with '{', else one text document).\n"
    "Every input document is accounted for in facts.jsonl: processed, or skipped with a\n"
    "reason and its location.\n";

void AddExtractOptions(std::vector<OptionSpec>* specs) {
  AddRuleOptions(specs);
  specs->push_back({"dct", 0, true});
  specs->push_back({"threads", 'j', true});
  specs->push_back({"no-metonymy", 0, false});
  specs->push_back({"progress", 0, false});
  specs->push_back({"quiet", 'q', false});
  specs->push_back({"help", 'h', false});
}

bool ExtractOptionsFromArgs(const ParsedArgs& args, ExtractOptions* options, int* threads, Io& io) {
  if (args.Has("dct")) {
    CivilDate d;
    const std::string v = args.Get("dct");
    if (!ParseIsoDate(v, &d) || v.size() != 10) {
      io.err << fmt::format("newsgraph: --dct '{}' is not a date (YYYY-MM-DD)\n", v);
      return false;
    }
    options->default_dct = d;
  }
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
  return true;
}

// Writes text to path through a temporary file, so a reader never sees half a file.
bool WriteFileAtomically(const fs::path& path, const std::string& text, Io& io) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      io.err << fmt::format("newsgraph: cannot write {}\n", tmp.string());
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    io.err << fmt::format("newsgraph: cannot write {}: {}\n", path.string(), ec.message());
    return false;
  }
  return true;
}

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

struct SkipNote {
  std::string doc, origin, reason;
};

// Writes graph.graphml, graph.jsonld and report.json into dir.
bool WriteGraphOutputs(const KnowledgeGraph& kg, const RuleSet& rules, const std::string& dir,
                       const std::vector<SkipNote>& skipped, Io& io) {
  const Graph g = MakeGraph(kg);
  std::ostringstream graphml, jsonld;
  WriteGraphml(kg, g, rules, &graphml);
  WriteJsonLd(kg, rules, &jsonld);
  std::string report = "{\n";
  report += fmt::format("  \"documents\": {},\n  \"processed\": {},\n  \"skipped\": {},\n",
                        kg.documents + kg.skipped, kg.documents, kg.skipped);
  report +=
      fmt::format("  \"entities\": {},\n  \"events\": {},\n", kg.entities.size(), kg.events.size());
  report += fmt::format("  \"nodes\": {},\n  \"edges\": {},\n", boost::num_vertices(g),
                        boost::num_edges(g));
  report += "  \"skipped_documents\": [";
  for (size_t i = 0; i < skipped.size(); ++i) {
    report += fmt::format("{}\n    {}", i ? "," : "",
                          SkipToJson(skipped[i].doc, skipped[i].origin, skipped[i].reason));
  }
  report += skipped.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return WriteFileAtomically(fs::path(dir) / "graph.graphml", graphml.str(), io) &&
         WriteFileAtomically(fs::path(dir) / "graph.jsonld", jsonld.str(), io) &&
         WriteFileAtomically(fs::path(dir) / "report.json", report, io);
}

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
  }
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

 private:
  using Clock = std::chrono::steady_clock;
  void Print(const Progress& p, bool final) {
    const double s = std::max(1e-9, Seconds());
    io_.err << fmt::format(
        "\r{} documents ({} skipped), {:.1f} MB, {} events, {:.1f} s, "
        "{:.2f} MB/s{}",
        p.documents, p.skipped, p.bytes / 1e6, p.events, s, p.bytes / 1e6 / s, final ? "\n" : "");
    io_.err.flush();
  }
  Io& io_;
  bool enabled_;
  Clock::time_point start_, last_;
};

std::string SkipMessage(const DocumentFacts& f) {
  if (f.doc == f.origin) return fmt::format("newsgraph: skipped {}: {}\n", f.origin, f.reason);
  return fmt::format("newsgraph: skipped {} ({}): {}\n", f.doc, f.origin, f.reason);
}

bool WantProgress(const ParsedArgs& args, Io& io) {
  if (args.Has("quiet")) return false;
  return args.Has("progress") || io.err_is_tty;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// run

int CmdRun(const std::vector<std::string>& argv, Io& io) {
  std::vector<OptionSpec> specs = {{"output", 'o', true}, {"strict", 0, false}};
  AddExtractOptions(&specs);
  ParsedArgs args;
  std::string error;
  if (!ParseArgs(argv, specs, &args, &error)) {
    io.err << "newsgraph run: " << error << "\n(see newsgraph run --help)\n";
    return kExitUsage;
  }
  if (args.Has("help")) {
    io.out << "Usage: newsgraph run [options] INPUT...\n\n"
              "Extract entities and events from news text and build the graph: extract and\n"
              "build in one process.\n\n"
           << kInputHelp
           << "\nWrites into the output directory:\n"
              "  facts.jsonl     one line per input document: mentions, entities and events\n"
              "                  with byte offsets, sentences and rule ids (or why it was\n"
              "                  skipped)\n"
              "  graph.graphml   the graph for Gephi, networkx, igraph, graph-tool\n"
              "  graph.jsonld    the graph as linked data (schema.org, PROV-O)\n"
              "  report.json     counts, and every skipped document with its reason\n\n"
              "Options:\n"
              "  -o, --output DIR       output directory (default: out)\n"
           << kRuleOptionsHelp << kExtractOptionsHelp
           << "  --strict               exit 1 if any input document was skipped\n"
              "\nExit status: 0 ok, 1 documents skipped with --strict, 2 usage, rule or\n"
              "output errors.\n";
    return kExitOk;
  }
  if (args.positional.empty()) {
    io.err << "newsgraph run: no INPUT given (see newsgraph run --help)\n";
    return kExitUsage;
  }
  ExtractOptions options;
  int threads = 1;
  if (!ExtractOptionsFromArgs(args, &options, &threads, io)) return kExitUsage;
  std::unique_ptr<RuleSet> rules = LoadRulesFromArgs(args, LoadOptions(), io);
  if (!rules) return kExitUsage;
  const std::string dir = args.Get("output", "out");
  if (!MakeOutputDir(dir, io)) return kExitUsage;

  const fs::path facts_path = fs::path(dir) / "facts.jsonl";
  const fs::path facts_tmp = facts_path.string() + ".tmp";
  std::ofstream facts(facts_tmp, std::ios::binary | std::ios::trunc);
  if (!facts) {
    io.err << fmt::format("newsgraph: cannot write {}\n", facts_tmp.string());
    return kExitUsage;
  }
  Extractor extractor(*rules, options);
  GraphBuilder builder(*rules);
  DocumentReader reader(args.positional, &io.in);
  ProgressPrinter printer(io, WantProgress(args, io));
  std::vector<SkipNote> skipped;
  const Progress total = ExtractAll(
      &reader, extractor, {threads, 256},
      [&](const ExtractResult& r) {
        facts << r.line << '\n';
        if (r.facts.status != "ok") {
          skipped.push_back({r.facts.doc, r.facts.origin, r.facts.reason});
          io.err << SkipMessage(r.facts);
        }
        builder.Add(r.facts);
      },
      [&](const Progress& p) { printer.Update(p); },
      [&](const std::string& w) { io.err << "newsgraph: warning: " << w << "\n"; });
  facts.close();
  if (!facts) {
    io.err << fmt::format("newsgraph: cannot write {}\n", facts_tmp.string());
    return kExitUsage;
  }
  std::error_code ec;
  fs::rename(facts_tmp, facts_path, ec);
  if (ec) {
    io.err << fmt::format("newsgraph: cannot write {}: {}\n", facts_path.string(), ec.message());
    return kExitUsage;
  }
  printer.Done(total);
  const KnowledgeGraph kg = builder.Build();
  if (!WriteGraphOutputs(kg, *rules, dir, skipped, io)) return kExitUsage;
  if (!args.Has("quiet")) {
    io.err << fmt::format(
        "newsgraph: {} documents ({} processed, {} skipped): {} entities, {} events -> {}/\n",
        total.documents, total.documents - total.skipped, total.skipped, kg.entities.size(),
        kg.events.size(), dir);
  }
  if (total.documents == 0) {
    io.err << "newsgraph: warning: no input documents\n";
  }
  return args.Has("strict") && total.skipped > 0 ? kExitFindings : kExitOk;
}

// ---------------------------------------------------------------------------------------
// extract

int CmdExtract(const std::vector<std::string>& argv, Io& io) {
  std::vector<OptionSpec> specs = {{"output", 'o', true}, {"strict", 0, false}};
  AddExtractOptions(&specs);
  ParsedArgs args;
  std::string error;
  if (!ParseArgs(argv, specs, &args, &error)) {
    io.err << "newsgraph extract: " << error << "\n(see newsgraph extract --help)\n";
    return kExitUsage;
  }
  if (args.Has("help")) {
    io.out << "Usage: newsgraph extract [options] INPUT...\n\n"
              "Extract the facts of each document as JSON Lines (facts.jsonl), without\n"
              "building the graph. Shard a corpus, run extract on each shard (threads here,\n"
              "machines elsewhere) and merge the fact files with newsgraph build.\n\n"
           << kInputHelp
           << "\nOptions:\n"
              "  -o, --output FILE      where to write the facts (default: - = stdout)\n"
           << kRuleOptionsHelp << kExtractOptionsHelp
           << "  --strict               exit 1 if any input document was skipped\n";
    return kExitOk;
  }
  if (args.positional.empty()) {
    io.err << "newsgraph extract: no INPUT given (see newsgraph extract --help)\n";
    return kExitUsage;
  }
  ExtractOptions options;
  int threads = 1;
  if (!ExtractOptionsFromArgs(args, &options, &threads, io)) return kExitUsage;
  std::unique_ptr<RuleSet> rules = LoadRulesFromArgs(args, LoadOptions(), io);
  if (!rules) return kExitUsage;
  const std::string out_path = args.Get("output", "-");
  std::ofstream file;
  std::ostream* out = &io.out;
  if (out_path != "-") {
    file.open(out_path, std::ios::binary | std::ios::trunc);
    if (!file) {
      io.err << fmt::format("newsgraph: cannot write {}\n", out_path);
      return kExitUsage;
    }
    out = &file;
  }
  Extractor extractor(*rules, options);
  DocumentReader reader(args.positional, &io.in);
  ProgressPrinter printer(io, WantProgress(args, io));
  const Progress total = ExtractAll(
      &reader, extractor, {threads, 256},
      [&](const ExtractResult& r) {
        *out << r.line << '\n';
        if (r.facts.status != "ok") {
          io.err << SkipMessage(r.facts);
        }
      },
      [&](const Progress& p) { printer.Update(p); },
      [&](const std::string& w) { io.err << "newsgraph: warning: " << w << "\n"; });
  out->flush();
  printer.Done(total);
  if (!*out) {
    io.err << fmt::format("newsgraph: cannot write {}\n", out_path);
    return kExitUsage;
  }
  return args.Has("strict") && total.skipped > 0 ? kExitFindings : kExitOk;
}

// ---------------------------------------------------------------------------------------
// build

int CmdBuild(const std::vector<std::string>& argv, Io& io) {
  std::vector<OptionSpec> specs = {
      {"output", 'o', true}, {"help", 'h', false}, {"quiet", 'q', false}};
  AddRuleOptions(&specs);
  ParsedArgs args;
  std::string error;
  if (!ParseArgs(argv, specs, &args, &error)) {
    io.err << "newsgraph build: " << error << "\n(see newsgraph build --help)\n";
    return kExitUsage;
  }
  if (args.Has("help")) {
    io.out << "Usage: newsgraph build [options] FACTS...\n\n"
              "Merge fact files (from newsgraph extract or run; - for stdin) into one graph.\n"
              "The result does not depend on the order of the files or of their lines, nor\n"
              "on how the corpus was split. Facts of a document id seen before are ignored.\n"
              "The rule set supplies event types, codes and the gazetteer.\n\n"
              "Writes OUTDIR/graph.graphml, OUTDIR/graph.jsonld and OUTDIR/report.json.\n\n"
              "Options:\n"
              "  -o, --output DIR       output directory (default: out)\n"
           << kRuleOptionsHelp;
    return kExitOk;
  }
  if (args.positional.empty()) {
    io.err << "newsgraph build: no FACTS file given (see newsgraph build --help)\n";
    return kExitUsage;
  }
  std::unique_ptr<RuleSet> rules = LoadRulesFromArgs(args, LoadOptions(), io);
  if (!rules) return kExitUsage;
  GraphBuilder builder(*rules);
  std::vector<SkipNote> skipped;
  int errors = 0;
  for (const std::string& path : args.positional) {
    std::ifstream file;
    std::istream* in = &io.in;
    if (path != "-") {
      file.open(path, std::ios::binary);
      if (!file) {
        io.err << fmt::format("{}: error: cannot open facts file\n", path);
        ++errors;
        continue;
      }
      in = &file;
    }
    std::string line;
    size_t line_no = 0;
    while (std::getline(*in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      DocumentFacts facts;
      std::string why;
      if (!FactsFromJson(line, &facts, &why)) {
        io.err << fmt::format("{}:{}: error: {}\n", path == "-" ? "<stdin>" : path, line_no, why);
        ++errors;
        continue;
      }
      if (!builder.Add(facts)) {
        io.err << fmt::format("{}:{}: warning: facts of document '{}' seen before; ignored\n", path,
                              line_no, facts.doc);
        continue;
      }
      if (facts.status != "ok") skipped.push_back({facts.doc, facts.origin, facts.reason});
    }
  }
  if (errors > 0) {
    io.err << fmt::format("newsgraph build: {} error(s) in the facts; no graph written\n", errors);
    return kExitUsage;
  }
  std::sort(skipped.begin(), skipped.end(),
            [](const SkipNote& a, const SkipNote& b) { return a.doc < b.doc; });
  const std::string dir = args.Get("output", "out");
  if (!MakeOutputDir(dir, io)) return kExitUsage;
  const KnowledgeGraph kg = builder.Build();
  if (!WriteGraphOutputs(kg, *rules, dir, skipped, io)) return kExitUsage;
  if (!args.Has("quiet")) {
    io.err << fmt::format("newsgraph: {} documents: {} entities, {} events -> {}/\n",
                          kg.documents + kg.skipped, kg.entities.size(), kg.events.size(), dir);
  }
  return kExitOk;
}

// ---------------------------------------------------------------------------------------
// Dispatch

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*fn)(const std::vector<std::string>&, Io&);
};

const Command kCommands[] = {
    {"run", "extract and build in one go: INPUT... -> facts.jsonl, graph.graphml, graph.jsonld",
     CmdRun},
    {"extract", "INPUT... -> facts.jsonl (one line per document)", CmdExtract},
    {"build", "facts.jsonl... -> graph.graphml, graph.jsonld (order-independent merge)", CmdBuild},
    {"explain", "show what every stage saw and which rule fired, for one text", CmdExplain},
    {"lint", "report every problem of rule files and their tests: [PATH...]", CmdLint},
    {"test", "run the rule test files (*.test.txt) beside the rule files", CmdTest},
    {"eval", "score the rules against gold files: P/R/F1, per rule, --baseline diff", CmdEval},
};

void PrintUsage(std::ostream& out) {
  out << "Usage: newsgraph COMMAND [options] [args]\n\n"
         "Rule-based event and entity knowledge-graph builder for Indonesian and English\n"
         "news. Finds people, organisations, places, dates and events with re2 rules and\n"
         "writes the graph as GraphML (Gephi), JSON-LD and facts (JSON Lines).\n\n"
         "Commands:\n";
  for (const Command& c : kCommands) out << fmt::format("  {:<9} {}\n", c.name, c.summary);
  out << "\nRun 'newsgraph COMMAND --help' for a command's options.\n"
         "Quick start: newsgraph run articles/ -o out/\n"
         "Exit status: 0 ok, 1 findings or failures, 2 usage, input or rule errors.\n";
}

}  // namespace

int RunCli(const std::vector<std::string>& args, Io& io) {
  if (args.empty()) {
    PrintUsage(io.err);
    return kExitUsage;
  }
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    if (args.size() > 1) return RunCli({args[1], "--help"}, io);
    PrintUsage(io.out);
    return kExitOk;
  }
  if (cmd == "--version" || cmd == "version") {
    io.out << "newsgraph " << NEWSGRAPH_VERSION << "\n";
    return kExitOk;
  }
  for (const Command& c : kCommands) {
    if (cmd == c.name) {
      try {
        return c.fn(std::vector<std::string>(args.begin() + 1, args.end()), io);
      } catch (const std::exception& e) {
        // Exceptions from the standard library or Boost are caught once, here.
        io.err << "newsgraph: internal error: " << e.what() << "\n";
        return kExitUsage;
      }
    }
  }
  io.err << fmt::format("newsgraph: unknown command '{}'\n\n", cmd);
  PrintUsage(io.err);
  return kExitUsage;
}

}  // namespace newsgraph
