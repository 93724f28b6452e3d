#include "cli/graph_outputs.h"

#include <fmt/format.h>

#include <spawn.h>
#include <sys/wait.h>
#include <algorithm>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "base/json_writer.h"
#include "cli/command.h"
#include "extract/facts.h"
#include "graph/actors.h"
#include "graph/dot.h"
#include "graph/gexf.h"
#include "graph/graph.h"
#include "graph/html.h"
#include "graph/jsonld.h"
#include "graph/neo4j.h"

extern "C" char** environ;

namespace newsgraph {

namespace fs = std::filesystem;

const char kOutputOptionsHelp[] =
    "  --format LIST          the graph files to write, comma-separated (default:\n"
    "                         graphml,jsonld): graphml (graph.graphml), jsonld\n"
    "                         (graph.jsonld), gexf (graph.gexf: GEXF 1.3 with a\n"
    "                         timeline), neo4j (the folder neo4j/: CSV files for\n"
    "                         neo4j-admin, import.cypher, README.md), dot (graph.dot\n"
    "                         for Graphviz), svg (graph.dot and graph.svg, drawn by\n"
    "                         Graphviz's dot, which must be installed), html\n"
    "                         (graph.html: one self-contained page that draws the\n"
    "                         graph in a browser, docs/pictures.md); report.json is\n"
    "                         always written\n"
    "  --graphml-flavor apoc  GraphML for Neo4j's apoc.import.graphml: a `labels` node\n"
    "                         key and <edge label=TYPE>; not valid against the GraphML\n"
    "                         XSD, by design (docs/gephi.md)\n"
    "  --gexf-undated WHAT    events without a full date interval in graph.gexf: keep\n"
    "                         (default: without time, so Gephi shows them at every\n"
    "                         moment) or drop (left out with their edges)\n"
    "  --projection WHAT      full (default) or actors: every file holds the actor\n"
    "                         network instead (actors.graphml, actors.jsonld,\n"
    "                         actors.gexf, neo4j-actors/, actors.dot, actors.svg,\n"
    "                         actors.html): people, organisations and countries, one\n"
    "                         edge per pair of co-participants per event type, with\n"
    "                         the shared events, dates and places (docs/gephi.md)\n"
    "  --min-degree N         leave out the nodes with fewer than N edges (and their\n"
    "                         edges): of the GraphML, GEXF, DOT, SVG and HTML files,\n"
    "                         and with --projection actors of every file\n"
    "  --drop-isolated        the same as --min-degree 1: no node without an edge\n";

namespace {

const char* const kFormats[] = {"graphml", "jsonld", "gexf", "neo4j", "dot", "svg", "html"};

// Runs Graphviz's dot on dot_path to write svg_path, without a shell. Returns false after
// printing why.
bool RunGraphviz(const std::string& dot_path, const std::string& svg_path, Io& io) {
  std::vector<std::string> args = {"dot", "-Tsvg", "-o", svg_path, dot_path};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  const int rc = posix_spawnp(&pid, "dot", nullptr, nullptr, argv.data(), environ);
  if (rc != 0) {
    io.err << fmt::format(
        "newsgraph: --format svg needs Graphviz's dot ({}): apt-get install graphviz\n",
        std::strerror(rc));
    return false;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    io.err << fmt::format("newsgraph: dot -Tsvg failed (status {})\n", status);
    return false;
  }
  return true;
}

bool KnownFormat(const std::string& f) {
  return std::find(std::begin(kFormats), std::end(kFormats), f) != std::end(kFormats);
}

bool Wants(const OutputOptions& options, const char* format) {
  return std::find(options.formats.begin(), options.formats.end(), format) != options.formats.end();
}

// Returns report.json: the counts, the projection's or filter's size, every skipped
// document, what was repaired in the input and the output files beside it with their sizes
// (so a reader can tell a complete set).
std::string GraphReport(const GraphRun& run, const Graph& g, const Graph* gephi,
                        const std::vector<std::pair<std::string, uint64_t>>& outputs) {
  const KnowledgeGraph& kg = run.kg;
  std::string report = "{\n";
  report += fmt::format("  \"documents\": {},\n  \"processed\": {},\n  \"skipped\": {},\n",
                        kg.documents + run.skipped.size(), kg.documents, run.skipped.size());
  report +=
      fmt::format("  \"entities\": {},\n  \"events\": {},\n", kg.entities.size(), kg.events.size());
  report += fmt::format("  \"nodes\": {},\n  \"edges\": {},\n", boost::num_vertices(g),
                        boost::num_edges(g));
  if (gephi) {
    report += fmt::format("  \"{}\": {{\"nodes\": {}, \"edges\": {}}},\n",
                          (*gephi)[boost::graph_bundle].actors ? "actors" : "filtered",
                          boost::num_vertices(*gephi), boost::num_edges(*gephi));
  }
  report += "  \"skipped_documents\": [";
  for (size_t i = 0; i < run.skipped.size(); ++i) {
    const SkipNote& s = run.skipped[i];
    report += fmt::format("{}\n    {}", i ? "," : "", SkipToJson(s.doc, s.origin, s.reason));
  }
  report += run.skipped.empty() ? "],\n" : "\n  ],\n";
  report += "  \"input_repairs\": {";
  for (size_t i = 0; i < run.repairs.size(); ++i) {
    report += fmt::format("{}\"{}\": {}", i ? ", " : "", run.repairs[i].first,
                          run.repairs[i].second);
  }
  report += fmt::format("}},\n  \"hidden_entries_not_read\": {},\n", run.hidden_entries);
  report += "  \"outputs\": [";
  for (size_t i = 0; i < outputs.size(); ++i) {
    report += fmt::format("{}\n    {{\"file\": \"{}\", \"bytes\": {}}}", i ? "," : "",
                          outputs[i].first, outputs[i].second);
  }
  report += "\n  ]\n}\n";
  return report;
}

// The files of one run, added to an OutputSet in order and remembered for report.json.
// Every method returns false (or nullptr) after printing the error.
class GraphFiles {
 public:
  GraphFiles(const std::string& dir, OutputSet* set, Io& io) : dir_(dir), set_(set), io_(io) {}

  // Adds dir/name and returns its stream.
  std::ostream* Add(const std::string& name) {
    std::string error;
    std::ostream* out = set_->Add(InDir(dir_, name), &error);
    if (out == nullptr) {
      Failed(error);
      return nullptr;
    }
    names_.push_back(name);
    return out;
  }
  // Adds dir/name that Graphviz writes from the file dot_name of the set.
  bool AddSvg(const std::string& name, const std::string& dot_name) {
    std::string error;
    if (!set_->Close(&error)) return Failed(error);
    const std::string svg = set_->AddWrittenElsewhere(InDir(dir_, name), &error);
    if (svg.empty()) return Failed(error);
    names_.push_back(name);
    if (!RunGraphviz(set_->WritingName(InDir(dir_, dot_name)), svg, io_)) {
      set_->Abandon();
      return false;
    }
    return true;
  }
  // Names a file the set already holds, for report.json.
  void Note(const std::string& name) { names_.push_back(name); }
  // Closes every file and sets *sizes to their names and sizes, for report.json.
  bool Close(std::vector<std::pair<std::string, uint64_t>>* sizes) {
    std::string error;
    if (!set_->Close(&error)) return Failed(error);
    for (const std::string& name : names_) sizes->push_back({name, set_->Size(InDir(dir_, name))});
    return true;
  }
  // Adds report.json, last, and renames the whole set into place.
  bool Commit(const std::string& report) {
    std::string error;
    if (!set_->Add(InDir(dir_, "report.json"), report, &error) || !set_->Commit(&error)) {
      return Failed(error);
    }
    return true;
  }

 private:
  bool Failed(const std::string& error) {
    io_.err << fmt::format("newsgraph: {}\n", error);
    return false;
  }

  std::string dir_;
  OutputSet* set_;
  Io& io_;
  std::vector<std::string> names_;
};

// Reads option --name, which must be one of two values; sets *second when it is the second.
// Returns false after printing the usage error.
bool ReadChoice(const ParsedArgs& args, const char* name, const char* first, const char* second,
                bool* is_second, Io& io) {
  if (!args.Has(name)) return true;
  const std::string value = args.Get(name);
  if (value != first && value != second) {
    io.err << fmt::format("newsgraph: --{} '{}' is not one of: {}, {}\n", name, value, first,
                          second);
    return false;
  }
  *is_second = value == second;
  return true;
}

}  // namespace

void AddOutputOptions(std::vector<OptionSpec>* specs) {
  specs->push_back({"format", 0, true});
  specs->push_back({"graphml-flavor", 0, true});
  specs->push_back({"gexf-undated", 0, true});
  specs->push_back({"projection", 0, true});
  specs->push_back({"min-degree", 0, true});
  specs->push_back({"drop-isolated", 0, false});
}

bool OutputOptionsFromArgs(const ParsedArgs& args, OutputOptions* options, Io& io) {
  if (args.Has("format")) {
    options->formats.clear();
    std::string list = args.Get("format");
    std::stringstream in(list);
    std::string f;
    while (std::getline(in, f, ',')) {
      if (!KnownFormat(f)) {
        std::string known;
        for (const char* k : kFormats) known += (known.empty() ? "" : ", ") + std::string(k);
        io.err << fmt::format("newsgraph: --format '{}': unknown format '{}' (known: {})\n", list,
                              f, known);
        return false;
      }
      if (std::find(options->formats.begin(), options->formats.end(), f) ==
          options->formats.end()) {
        options->formats.push_back(f);
      }
    }
    if (options->formats.empty()) {
      io.err << "newsgraph: --format needs at least one format\n";
      return false;
    }
  }
  if (!ReadChoice(args, "graphml-flavor", "standard", "apoc", &options->graphml.apoc, io) ||
      !ReadChoice(args, "gexf-undated", "keep", "drop", &options->gexf.drop_undated, io) ||
      !ReadChoice(args, "projection", "full", "actors", &options->actors, io)) {
    return false;
  }
  if (args.Has("drop-isolated")) options->min_degree = 1;
  if (args.Has("min-degree")) {
    const std::string v = args.Get("min-degree");
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 0 || n > 1000000) {
      io.err << fmt::format("newsgraph: --min-degree '{}' is not a number from 0 to 1000000\n", v);
      return false;
    }
    options->min_degree = std::max(options->min_degree, static_cast<int>(n));
  }
  return true;
}

std::string InDir(const std::string& dir, const std::string& name) {
  return (fs::path(dir) / name).string();
}

bool WriteGraphOutputs(const GraphRun& run, const OutputOptions& options, OutputSet* set, Io& io) {
  const KnowledgeGraph& kg = run.kg;
  const Graph g = MakeGraph(kg);
  // The graph of the Gephi files (GraphML, GEXF): the full one, or a projection or filter.
  std::optional<Graph> other;
  if (options.actors) other = ProjectActors(kg);
  if (options.min_degree > 0) other = DropLowDegree(other ? *other : g, options.min_degree);
  const Graph& gephi = other ? *other : g;
  const std::string stem = options.actors ? "actors" : "graph";
  GraphFiles files(run.dir, set, io);
  for (const std::string& name : run.added) files.Note(name);
  std::ostream* out = nullptr;
  if (Wants(options, "graphml")) {
    if (!(out = files.Add(stem + ".graphml"))) return false;
    WriteGraphml(kg, gephi, run.rules, options.graphml, out);
  }
  if (Wants(options, "jsonld")) {
    if (!(out = files.Add(stem + ".jsonld"))) return false;
    if (options.actors) {
      WriteJsonLdActors(kg, gephi, out);
    } else {
      WriteJsonLd(kg, run.rules, out);
    }
  }
  if (Wants(options, "gexf")) {
    if (!(out = files.Add(stem + ".gexf"))) return false;
    WriteGexf(kg, gephi, run.rules, options.gexf, out);
  }
  if (Wants(options, "neo4j")) {
    // The full graph, or the actor projection; --min-degree alone leaves Neo4j whole.
    const Graph& neo4j = options.actors ? gephi : g;
    const std::string folder = InDir(run.dir, Neo4jFolder(neo4j));
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
      io.err << fmt::format("newsgraph: cannot create {}: {}\n", folder, ec.message());
      return false;
    }
    for (const NamedFile& f : Neo4jFiles(kg, neo4j, run.rules)) {
      if (!(out = files.Add(Neo4jFolder(neo4j) + "/" + f.name))) return false;
      out->write(f.text.data(), static_cast<std::streamsize>(f.text.size()));
    }
  }
  if (Wants(options, "dot") || Wants(options, "svg")) {
    if (!(out = files.Add(stem + ".dot"))) return false;
    WriteDot(kg, gephi, out);
    if (Wants(options, "svg") && !files.AddSvg(stem + ".svg", stem + ".dot")) return false;
  }
  if (Wants(options, "html")) {
    if (!(out = files.Add(stem + ".html"))) return false;
    WriteHtml(kg, gephi, out);
  }
  std::vector<std::pair<std::string, uint64_t>> sizes;
  return files.Close(&sizes) && files.Commit(GraphReport(run, g, other ? &*other : nullptr, sizes));
}

bool AddEventMap(const KnowledgeGraph& kg, const std::string& dir, OutputSet* set, Io& io) {
  std::string error;
  std::ostream* out = set->Add(InDir(dir, "event_map.jsonl"), &error);
  if (out == nullptr) {
    io.err << fmt::format("newsgraph: {}\n", error);
    return false;
  }
  for (const auto& [key, graph_event] : kg.merged_into) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    WriteMember(w, "doc", key.first);
    WriteMember(w, "event", key.second);
    WriteMember(w, "graph_event", graph_event);
    w.EndObject();
    *out << buf.GetString() << '\n';
  }
  return true;
}

}  // namespace newsgraph
