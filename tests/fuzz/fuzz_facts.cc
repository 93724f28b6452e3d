// libFuzzer target (issue 13): one facts.jsonl line, as build and eval --baseline read it,
// and — when it is accepted — the graph built from it, its actor projection and every
// writer (GraphML, JSON-LD, GEXF, Neo4j, DOT, HTML), so that whatever a facts file holds
// reaches the writers only valid.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "base/diagnostic.h"
#include "extract/facts.h"
#include "graph/actors.h"
#include "graph/build.h"
#include "graph/dot.h"
#include "graph/gexf.h"
#include "graph/graph.h"
#include "graph/graphml.h"
#include "graph/html.h"
#include "graph/jsonld.h"
#include "graph/neo4j.h"
#include "rules/rules.h"
#include "rules/sources.h"

namespace {

const newsgraph::RuleSet& Rules() {
  static const newsgraph::RuleSet* rules = [] {
    newsgraph::Diagnostics diags;
    return newsgraph::LoadRuleSet(newsgraph::BuiltinRuleSources(), newsgraph::LoadOptions(), &diags)
        .release();
  }();
  return *rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string line(reinterpret_cast<const char*>(data), size);
  newsgraph::DocumentFacts facts;
  std::string error;
  if (!newsgraph::FactsFromJson(line, &facts, &error)) return 0;
  newsgraph::GraphBuilder builder(Rules());
  builder.Add(facts);
  const newsgraph::KnowledgeGraph kg = builder.Build();
  const newsgraph::Graph g = newsgraph::MakeGraph(kg);
  const newsgraph::Graph actors = newsgraph::ProjectActors(kg);
  std::ostringstream out;
  newsgraph::WriteGraphml(kg, g, Rules(), newsgraph::GraphmlOptions(), &out);
  newsgraph::WriteJsonLd(kg, Rules(), &out);
  newsgraph::WriteJsonLdActors(kg, actors, &out);
  newsgraph::WriteGexf(kg, actors, Rules(), newsgraph::GexfOptions(), &out);
  newsgraph::WriteDot(kg, g, &out);
  newsgraph::WriteHtml(kg, g, &out);
  newsgraph::Neo4jFiles(kg, actors, Rules());
  newsgraph::Neo4jFiles(kg, g, Rules());
  return 0;
}
