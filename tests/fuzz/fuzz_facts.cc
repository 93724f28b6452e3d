// libFuzzer target (issue 13): one facts.jsonl line, as build and eval --baseline read it,
// and — when it is accepted — the graph built from it and both writers, so that whatever a
// facts file holds reaches GraphML and JSON-LD only valid.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "base/diagnostic.h"
#include "extract/facts.h"
#include "graph/build.h"
#include "graph/graph.h"
#include "graph/graphml.h"
#include "graph/jsonld.h"
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
  std::ostringstream graphml, jsonld;
  newsgraph::WriteGraphml(kg, g, Rules(), &graphml);
  newsgraph::WriteJsonLd(kg, Rules(), &jsonld);
  return 0;
}
