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
    "  --projection WHAT      full (default) or actors: the GraphML and GEXF files hold\n"
    "                         the actor network instead (actors.graphml, actors.gexf,\n"
    "                         actors.dot, actors.svg, actors.html):\n"
    "                         people, organisations and countries, one edge per pair of\n"
    "                         co-participants per event type (docs/gephi.md); jsonld\n"
    "                         and neo4j keep the full graph\n"
    "  --min-degree N         leave out of the GraphML and GEXF files the nodes with\n"
    "                         fewer than N edges (and their edges)\n"
    "  --drop-isolated        the same as --min-degree 1: no node without an edge\n";

namespace {

const char* const kFormats[] = {"graphml", "jsonld", "gexf", "neo4j", "dot", "svg", "html"};

// Runs Graphviz's dot on dot_path to write svg_path, without a shell. Returns false after
// printing why.
bool RunGraphviz(const std::string& dot_path, const std::string& svg_path, Io& io) {
  const std::string tmp = svg_path + ".tmp";
  std::vector<std::string> args = {"dot", "-Tsvg", "-o", tmp, dot_path};
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
  std::error_code ec;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fs::remove(tmp, ec);
    io.err << fmt::format("newsgraph: dot -Tsvg {} failed (status {})\n", dot_path, status);
    return false;
  }
  fs::rename(tmp, svg_path, ec);
  if (ec) io.err << fmt::format("newsgraph: cannot write {}: {}\n", svg_path, ec.message());
  return !ec;
}

bool KnownFormat(const std::string& f) {
  return std::find(std::begin(kFormats), std::end(kFormats), f) != std::end(kFormats);
}

bool Wants(const OutputOptions& options, const char* format) {
  return std::find(options.formats.begin(), options.formats.end(), format) != options.formats.end();
}

// Returns report.json: the counts and every skipped document.
std::string GraphReport(const KnowledgeGraph& kg, const Graph& g, const Graph* gephi,
                        const std::vector<SkipNote>& skipped) {
  std::string report = "{\n";
  report += fmt::format("  \"documents\": {},\n  \"processed\": {},\n  \"skipped\": {},\n",
                        kg.documents + kg.skipped, kg.documents, kg.skipped);
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
  for (size_t i = 0; i < skipped.size(); ++i) {
    report += fmt::format("{}\n    {}", i ? "," : "",
                          SkipToJson(skipped[i].doc, skipped[i].origin, skipped[i].reason));
  }
  report += skipped.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return report;
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
  if (args.Has("graphml-flavor")) {
    const std::string flavor = args.Get("graphml-flavor");
    if (flavor != "apoc" && flavor != "standard") {
      io.err << fmt::format("newsgraph: --graphml-flavor '{}' is not one of: standard, apoc\n",
                            flavor);
      return false;
    }
    options->graphml.apoc = flavor == "apoc";
  }
  if (args.Has("gexf-undated")) {
    const std::string what = args.Get("gexf-undated");
    if (what != "keep" && what != "drop") {
      io.err << fmt::format("newsgraph: --gexf-undated '{}' is not one of: keep, drop\n", what);
      return false;
    }
    options->gexf.drop_undated = what == "drop";
  }
  if (args.Has("projection")) {
    const std::string what = args.Get("projection");
    if (what != "full" && what != "actors") {
      io.err << fmt::format("newsgraph: --projection '{}' is not one of: full, actors\n", what);
      return false;
    }
    options->actors = what == "actors";
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

bool WriteGraphOutputs(const KnowledgeGraph& kg, const RuleSet& rules, const std::string& dir,
                       const std::vector<SkipNote>& skipped, const OutputOptions& options, Io& io) {
  const Graph g = MakeGraph(kg);
  auto in_dir = [&](const char* name) { return (fs::path(dir) / name).string(); };
  // The graph of the Gephi files (GraphML, GEXF): the full one, or a projection or filter.
  std::optional<Graph> other;
  if (options.actors) other = ProjectActors(kg);
  if (options.min_degree > 0) other = DropLowDegree(other ? *other : g, options.min_degree);
  const Graph& gephi = other ? *other : g;
  const char* stem = options.actors ? "actors" : "graph";
  if (Wants(options, "graphml")) {
    std::ostringstream out;
    WriteGraphml(kg, gephi, rules, options.graphml, &out);
    if (!WriteFileAtomically(in_dir((std::string(stem) + ".graphml").c_str()), out.str(),
                             "newsgraph", io))
      return false;
  }
  if (Wants(options, "jsonld")) {
    std::ostringstream out;
    WriteJsonLd(kg, rules, &out);
    if (!WriteFileAtomically(in_dir("graph.jsonld"), out.str(), "newsgraph", io)) return false;
  }
  if (Wants(options, "gexf")) {
    std::ostringstream out;
    WriteGexf(kg, gephi, rules, options.gexf, &out);
    if (!WriteFileAtomically(in_dir((std::string(stem) + ".gexf").c_str()), out.str(), "newsgraph",
                             io))
      return false;
  }
  if (Wants(options, "neo4j")) {
    const std::string folder = in_dir("neo4j");
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
      io.err << fmt::format("newsgraph: cannot create {}: {}\n", folder, ec.message());
      return false;
    }
    for (const NamedFile& f : Neo4jFiles(kg, g, rules)) {
      if (!WriteFileAtomically((fs::path(folder) / f.name).string(), f.text, "newsgraph", io))
        return false;
    }
  }
  if (Wants(options, "dot") || Wants(options, "svg")) {
    std::ostringstream out;
    WriteDot(kg, gephi, &out);
    const std::string dot_path = in_dir((std::string(stem) + ".dot").c_str());
    if (!WriteFileAtomically(dot_path, out.str(), "newsgraph", io)) return false;
    if (Wants(options, "svg") &&
        !RunGraphviz(dot_path, in_dir((std::string(stem) + ".svg").c_str()), io))
      return false;
  }
  if (Wants(options, "html")) {
    std::ostringstream out;
    WriteHtml(kg, gephi, &out);
    if (!WriteFileAtomically(in_dir((std::string(stem) + ".html").c_str()), out.str(), "newsgraph",
                             io))
      return false;
  }
  return WriteFileAtomically(in_dir("report.json"),
                             GraphReport(kg, g, other ? &*other : nullptr, skipped), "newsgraph",
                             io);
}

bool WriteEventMap(const KnowledgeGraph& kg, const std::string& dir, Io& io) {
  std::string text;
  for (const auto& [key, graph_event] : kg.merged_into) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    WriteMember(w, "doc", key.first);
    WriteMember(w, "event", key.second);
    WriteMember(w, "graph_event", graph_event);
    w.EndObject();
    text += buf.GetString();
    text += '\n';
  }
  return WriteFileAtomically((fs::path(dir) / "event_map.jsonl").string(), text, "newsgraph", io);
}

}  // namespace newsgraph
