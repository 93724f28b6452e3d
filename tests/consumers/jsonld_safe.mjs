#!/usr/bin/env node
// Converts a JSON-LD document to RDF with jsonld.js in safe mode and prints the
// N-Quads on stdout. Safe mode turns every "dropped term" warning (a property or
// type that does not expand to an absolute IRI, an invalid @id, ...) into an
// error, so a document that loses data on the way to RDF fails here although
// pyld and rdflib accept it silently.
//
// Nothing is fetched: the document loader refuses every URL, so a remote
// @context fails with "refusing to fetch ...".
//
// Usage: node jsonld_safe.mjs FILE.jsonld > out.nq
// Exit status: 0 on success; 1 with a message on stderr on any error.
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';

const file = process.argv[2];
if (!file) {
  console.error('usage: node jsonld_safe.mjs FILE.jsonld');
  process.exit(2);
}

const documentLoader = async (url) => {
  throw new Error(`refusing to fetch ${url}: contexts must be inline (offline)`);
};

function describe(err) {
  const lines = [`${err.name || 'Error'}: ${err.message}`];
  const d = err.details || {};
  if (d.event) {
    // Safe-mode failures carry the event that would have been a warning.
    const ev = d.event;
    lines.push(`  event: ${ev.code}: ${ev.message}`);
    if (ev.details) lines.push(`  details: ${JSON.stringify(ev.details)}`);
  } else if (Object.keys(d).length) {
    lines.push(`  details: ${JSON.stringify(d)}`);
  }
  let cause = d.cause || err.cause;
  while (cause) {
    lines.push(`  cause: ${cause.name || 'Error'}: ${cause.message}`);
    cause = (cause.details && cause.details.cause) || cause.cause;
  }
  return lines.join('\n');
}

let doc;
try {
  doc = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`jsonld.js: cannot read ${file}: ${err.message}`);
  process.exit(1);
}

try {
  const nquads = await jsonld.toRDF(doc, {
    format: 'application/n-quads',
    safe: true,
    documentLoader,
  });
  process.stdout.write(nquads);
} catch (err) {
  console.error(`jsonld.js toRDF (safe mode) failed: ${describe(err)}`);
  process.exit(1);
}
