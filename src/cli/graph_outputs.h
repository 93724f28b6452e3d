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
//   OutputSet set;                      // files already added (facts.jsonl) stay in it
//   GraphRun run{kg, rules, dir, skipped, repairs, {"facts.jsonl"}};
//   WriteGraphOutputs(run, options, &set, io);
//
// Every file goes through the OutputSet (cli/output_set.h): written to a temporary name,
// renamed into place only when all are complete, report.json last, naming them all with
// their sizes.
#ifndef NEWSGRAPH_CLI_GRAPH_OUTPUTS_H_
#define NEWSGRAPH_CLI_GRAPH_OUTPUTS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cli/args.h"
#include "cli/cli.h"
#include "cli/output_set.h"
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

// What a run or build hands to the graph writers and to report.json.
struct GraphRun {
  const KnowledgeGraph& kg;
  const RuleSet& rules;
  std::string dir;
  std::vector<SkipNote> skipped;
  std::vector<std::pair<std::string, uint64_t>> repairs;  // input repairs, for report.json
  std::vector<std::string> added;  // files of dir the set already holds (facts.jsonl)
  uint64_t hidden_entries = 0;     // hidden directory entries not read (run)
};

// Returns dir/name.
std::string InDir(const std::string& dir, const std::string& name);

// Adds the chosen formats to set, then report.json (the counts, the skipped documents, the
// repairs and every file of the set with its size), and commits the set. Returns false
// after printing the error; then nothing is renamed into place.
bool WriteGraphOutputs(const GraphRun& run, const OutputOptions& options, OutputSet* set, Io& io);

// Adds dir/event_map.jsonl to set, what `build` reports of the merge: one line per document
// event, {"doc": ..., "event": "e1", "graph_event": "event:meet-..."}, sorted by document
// and event. Returns false after printing the error.
bool AddEventMap(const KnowledgeGraph& kg, const std::string& dir, OutputSet* set, Io& io);

}  // namespace newsgraph

#endif  // NEWSGRAPH_CLI_GRAPH_OUTPUTS_H_
