#!/usr/bin/env node
// Loads a GEXF file with graphology-gexf and prints what it saw as one JSON object:
//   {"reader": "graphology-gexf", "nodes": N, "edges": M, "type": "directed",
//    "node_values": {"id": {attrs}}, "edge_values": {"id": {attrs}}}
// On a parse error it prints {"reader": ..., "error": "..."} and exits 1.
// graphology-gexf reads attributes, labels, weights and viz (<color>, <size>) but no time:
// check_gexf.py checks the intervals from the XML itself.
//
// Usage: node gexf_load.mjs FILE.gexf
import { readFileSync } from 'node:fs';
import graphology from 'graphology';
import gexf from 'graphology-gexf';

const Graph = graphology.Graph || graphology;
const file = process.argv[2];
if (!file) {
  console.error('usage: node gexf_load.mjs FILE.gexf');
  process.exit(2);
}
try {
  const graph = gexf.parse(Graph, readFileSync(file, 'utf8'));
  const nodeValues = {};
  graph.forEachNode((key, a) => { nodeValues[key] = a; });
  const edgeValues = {};
  graph.forEachEdge((key, a) => { edgeValues[key] = a; });
  console.log(JSON.stringify({
    reader: 'graphology-gexf', nodes: graph.order, edges: graph.size, type: graph.type,
    node_values: nodeValues, edge_values: edgeValues,
  }));
} catch (err) {
  console.log(JSON.stringify({
    reader: 'graphology-gexf', error: String(err && err.message ? err.message : err),
  }));
  process.exit(1);
}
