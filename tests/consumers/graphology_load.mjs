#!/usr/bin/env node
// Loads a GraphML file with graphology-graphml, the reader behind sigma.js and
// graphology's tools, and prints what it saw as one JSON object on stdout:
//   {"reader": "graphology-graphml", "nodes": N, "edges": M, "type": "directed",
//    "multi": false, "node_attr_types": {"label": ["string"], ...},
//    "edge_attr_types": {...}, "node_bool_true": {"verified": 2}, "edge_bool_true": {}}
// On a parse error it prints {"reader": ..., "error": "..."} and exits 1.
//
// Usage: node graphology_load.mjs FILE.graphml [--values]
//   --values  also print every node's and edge's attributes, by id:
//             "node_values": {"person:x": {"label": "X", ...}}, "edge_values": {...}
//
// Quirks of this reader (0.5.2) worth knowing when reading its counts:
// - it is strict on ids: a duplicate node id or an edge to a missing node throws;
// - booleans are cast with v.toLowerCase() === 'true', so "1" reads as false;
// - <default> values are NOT cast: a boolean default "false" arrives as the
//   string "false" on nodes that lack the data element;
// - a missing edgedefault means undirected; parallel edges upgrade the graph to
//   a multigraph (so they are counted, not merged).
import { readFileSync } from 'node:fs';
import graphology from 'graphology';
import graphml from 'graphology-graphml';

const Graph = graphology.Graph || graphology;

function boolTrue(entries) {
  const out = {};
  for (const attrs of entries) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === true) out[name] = (out[name] || 0) + 1;
    }
  }
  return out;
}

function attrTypes(entries) {
  const out = {};
  for (const attrs of entries) {
    for (const [name, value] of Object.entries(attrs)) {
      const t = Array.isArray(value) ? 'array' : typeof value;
      (out[name] ||= new Set()).add(t);
    }
  }
  return Object.fromEntries(
    Object.keys(out).sort().map((k) => [k, [...out[k]].sort()]));
}

function values(graph) {
  const nodeValues = {};
  graph.forEachNode((key, a) => { nodeValues[key] = a; });
  const edgeValues = {};
  graph.forEachEdge((key, a) => { edgeValues[key] = a; });
  return { node_values: nodeValues, edge_values: edgeValues };
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node graphology_load.mjs FILE.graphml');
  process.exit(2);
}

try {
  const graph = graphml.parse(Graph, readFileSync(file, 'utf8'));
  const nodeAttrs = [];
  graph.forEachNode((_, a) => nodeAttrs.push(a));
  const edgeAttrs = [];
  graph.forEachEdge((_, a) => edgeAttrs.push(a));
  console.log(JSON.stringify({
    reader: 'graphology-graphml',
    nodes: graph.order,
    edges: graph.size,
    type: graph.type,
    multi: graph.multi,
    node_attr_types: attrTypes(nodeAttrs),
    edge_attr_types: attrTypes(edgeAttrs),
    node_bool_true: boolTrue(nodeAttrs),
    edge_bool_true: boolTrue(edgeAttrs),
    ...(process.argv.includes('--values') ? values(graph) : {}),
  }));
} catch (err) {
  console.log(JSON.stringify({
    reader: 'graphology-graphml',
    error: String(err && err.message ? err.message : err),
  }));
  process.exit(1);
}
