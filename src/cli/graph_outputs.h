// The graph files run and build write, and the options that choose them (issue 11):
//
//   --format graphml,jsonld,gexf,neo4j,dot,svg,html   which writers run (default:
//                                  graphml,jsonld)
//   --graphml-flavor apoc          GraphML that Neo4j's apoc.import.graphml reads
//   --gexf-undated keep|drop       undated events in graph.gexf
//   --projection actors            GraphML, GEXF, DOT, SVG, HTML of the actor network
//                                  instead (actors.graphml, actors.gexf, ...)
//   --min-degree N, --drop-isolated   leave out nodes of fewer edges from those files
//
//   OutputOptions options;
//   if (!OutputOptionsFromArgs(args, &options, io)) return kExitUsage;
//   WriteGraphOutputs(kg, rules, dir, skipped, options, io);
//
// report.json is always written.
#ifndef NEWSGRAPH_CLI_GRAPH_OUTPUTS_H_
#define NEWSGRAPH_CLI_GRAPH_OUTPUTS_H_

#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/cli.h"
#include "graph/build.h"
#include "graph/gexf.h"
#include "graph/graphml.h"
#include "rules/rules.h"

namespace newsgraph {

// The help text of the output options.
extern const char kOutputOptionsHelp[];

struct OutputOptions {
  std::vector<std::string> formats = {"graphml", "jsonld"};  // in the order given
  GraphmlOptions graphml;
  GexfOptions gexf;
  bool actors = false;  // --projection actors
  int min_degree = 0;   // --min-degree N; --drop-isolated is 1
};

// A document the input accounting skipped, for report.json.
struct SkipNote {
  std::string doc, origin, reason;
};

// Adds --format and --graphml-flavor.
void AddOutputOptions(std::vector<OptionSpec>* specs);

// Reads the output options. Returns false after printing the usage error.
bool OutputOptionsFromArgs(const ParsedArgs& args, OutputOptions* options, Io& io);

// Writes the chosen formats and report.json into dir. Returns false after printing the error.
bool WriteGraphOutputs(const KnowledgeGraph& kg, const RuleSet& rules, const std::string& dir,
                       const std::vector<SkipNote>& skipped, const OutputOptions& options, Io& io);

// Writes dir/event_map.jsonl, what `build` reports of the merge: one line per document
// event, {"doc": ..., "event": "e1", "graph_event": "event:meet-..."}, sorted by document
// and event. Returns false after printing the error.
bool WriteEventMap(const KnowledgeGraph& kg, const std::string& dir, Io& io);

}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_GRAPH_OUTPUTS_H_
