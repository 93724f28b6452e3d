#!/usr/bin/env node
// Checks newsgraph's Neo4j folder (--format neo4j) with real Cypher tools (issue 11):
//
//   1. kuzu, an embedded Cypher database: one node table per label (Person.csv ...
//      Event.csv) and one relationship table per type, whose schema is read from the
//      neo4j-admin headers (name:type -> kuzu types; columns by position), loaded with COPY
//      from the CSV files as written (a relationship file is split by its ends' labels,
//      rows unchanged, since kuzu copies one FROM/TO pair at a time); every table must
//      hold as many rows as its file;
//   2. with --meeting "A" "B": a Cypher query finds the event both people took part in,
//      with its date and place (prints them; --date and --place pin them);
//   3. Neo4j's own Cypher parser (@neo4j-cypher/language-support, lintCypherQuery) reports
//      no error in import.cypher nor in the README's cypher blocks (undeclared $params are
//      listed apart: the script must not need any).
//
// With --actors, DIR is the actor network's folder (--projection actors, neo4j-actors/): the
// node files Person, Organization, Country and one relationship file per event type (every
// other CSV); --tie A B finds the ties of the two actors (names), with their weight, dates
// and places (--date and --place pin one of them).
//
// Prints `ok: ...` / `FAIL: ...` lines; exits 1 on any failure.
// Usage: node check_neo4j.mjs DIR [--meeting A B [--date D] [--place P]]
//        node check_neo4j.mjs DIR --actors [--tie A B [--date D] [--place P]]
import { readFileSync, mkdtempSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import kuzu from 'kuzu';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

let failures = 0;
const check = (cond, ok, fail) => {
  if (cond) console.log(`ok: ${ok}`);
  else { failures++; console.log(`FAIL: ${fail}`); }
  return cond;
};

// Parses one CSV record (RFC 4180; no line breaks inside fields, which newsgraph promises).
function parseRecord(line) {
  const out = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { v += '"'; i += 2; }
        else if (line[i] === '"') { i++; break; }
        else v += line[i++];
      }
      out.push(v);
      i++;  // the comma
    } else {
      const j = line.indexOf(',', i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

function readCsv(path) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  return { header: parseRecord(lines[0]), lines: lines.slice(1) };
}

const KUZU_TYPES = { int: 'INT64', long: 'INT64', double: 'DOUBLE', float: 'DOUBLE',
                     boolean: 'BOOLEAN', date: 'DATE', string: 'STRING', 'string[]': 'STRING' };

// Returns [kuzu column name, kuzu type] for a neo4j-admin header field.
function column(field, index) {
  const m = field.match(/^([^:]*)(?::(.*))?$/);
  const name = m[1] || `c${index}`;
  const type = m[2] || 'string';
  if (/^ID\(/.test(type)) return ['id', 'STRING'];
  if (type === 'LABEL') return ['labels', 'STRING'];
  if (type === 'TYPE') return ['reltype', 'STRING'];
  if (!(type in KUZU_TYPES)) throw new Error(`unknown header type '${type}' in '${field}'`);
  return [name, KUZU_TYPES[type]];
}

const args = process.argv.slice(2);
const dir = args[0];
const opt = (name, n = 1) => {
  const i = args.indexOf(name);
  return i < 0 ? null : args.slice(i + 1, i + 1 + n);
};
const meeting = opt('--meeting', 2);
const wantDate = opt('--date');
const wantPlace = opt('--place');
const actors = args.includes('--actors');
const tie = opt('--tie', 2);
const NODE_LABELS = actors ? ['Person', 'Organization', 'Country']
                           : ['Person', 'Organization', 'Country', 'Place', 'Source', 'Event'];
const REL_TYPES = actors
  ? readdirSync(dir).filter((f) => f.endsWith('.csv') && !NODE_LABELS.includes(f.slice(0, -4)))
      .map((f) => f.slice(0, -4)).sort()
  : ['PARTICIPANT_IN', 'LOCATED_IN', 'REPORTED_BY', 'HOLDS_TITLE'];
if (actors) check(REL_TYPES.length > 0, `kuzu: tie files ${REL_TYPES.join(', ')}`,
                  'kuzu: no relationship file in the actor folder');

const tmp = mkdtempSync(join(tmpdir(), 'ng-kuzu-'));
try {
  const db = new kuzu.Database(join(tmp, 'db'));
  const conn = new kuzu.Connection(db);
  const q = async (text) => (await conn.query(text)).getAll();

  // Node tables.
  const labelOf = new Map();
  const rows = {};
  for (const label of NODE_LABELS) {
    const file = join(dir, `${label}.csv`);
    if (!check(existsSync(file), `kuzu: ${label}.csv present`, `kuzu: ${label}.csv missing`)) continue;
    const { header, lines } = readCsv(file);
    const cols = header.map(column);
    await q(`CREATE NODE TABLE ${label}(${cols.map(([n, t]) => `${n} ${t}`).join(', ')}, ` +
            'PRIMARY KEY(id))');
    for (const l of lines) labelOf.set(parseRecord(l)[0], label);
    rows[label] = lines.length;
    await q(`COPY ${label} FROM '${file}' (HEADER=true)`);
  }
  // Relationship tables: one per type, with every FROM/TO pair its rows use.
  for (const type of REL_TYPES) {
    const file = join(dir, `${type}.csv`);
    if (!check(existsSync(file), `kuzu: ${type}.csv present`, `kuzu: ${type}.csv missing`)) continue;
    const { header, lines } = readCsv(file);
    const props = header.slice(3).map((f, i) => column(f, i + 3));
    const pairs = new Map();
    for (const l of lines) {
      const [s, t] = parseRecord(l);
      const key = `${labelOf.get(s)}|${labelOf.get(t)}`;
      if (!pairs.has(key)) pairs.set(key, []);
      pairs.get(key).push(l);
    }
    rows[type] = lines.length;
    if (pairs.size === 0) continue;
    const cols = [['reltype', 'STRING'], ...props];
    const fromTo = [...pairs.keys()].map((k) => k.split('|'));
    if (fromTo.some(([a, b]) => a === 'undefined' || b === 'undefined')) {
      check(false, '', `kuzu: ${type}.csv names a node that no node file has`);
      continue;
    }
    await q(`CREATE REL TABLE ${type}(${fromTo.map(([a, b]) => `FROM ${a} TO ${b}`).join(', ')}, ` +
            `${cols.map(([n, t]) => `${n} ${t}`).join(', ')})`);
    for (const [key, part] of pairs) {
      const [a, b] = key.split('|');
      const partFile = join(tmp, `${type}-${a}-${b}.csv`);
      writeFileSync(partFile, [header.map((h) => `"${h}"`).join(','), ...part].join('\n') + '\n');
      await q(`COPY ${type} FROM '${partFile}' (HEADER=true${pairs.size > 1 ? `, from='${a}', to='${b}'` : ''})`);
    }
  }
  const wrong = [];
  for (const label of NODE_LABELS) {
    if (!(label in rows)) continue;
    const [{ n }] = await q(`MATCH (x:${label}) RETURN count(x) AS n`);
    if (Number(n) !== rows[label]) wrong.push(`${label}: ${n} of ${rows[label]}`);
  }
  for (const type of REL_TYPES) {
    if (!rows[type]) continue;
    const [{ n }] = await q(`MATCH ()-[r:${type}]->() RETURN count(r) AS n`);
    if (Number(n) !== rows[type]) wrong.push(`${type}: ${n} of ${rows[type]}`);
  }
  check(wrong.length === 0,
        `kuzu: loaded ${Object.entries(rows).map(([k, v]) => `${k} ${v}`).join(', ')}`,
        `kuzu: tables do not hold their files' rows: ${wrong.join('; ')}`);

  if (tie) {
    const [a, b] = tie;
    const name = (s) => `'${s.replace(/'/g, "\\'")}'`;
    const found = [];
    for (const type of REL_TYPES) {
      if (!rows[type]) continue;
      for (const r of await q(`MATCH (a {name: ${name(a)}})-[r:${type}]-(b {name: ${name(b)}}) ` +
                              'RETURN r.reltype AS type, r.weight AS weight, r.dates AS dates, ' +
                              'r.places AS places')) found.push(r);
    }
    const fmt = (r) => `${r.type} x${r.weight} dates [${r.dates}] places [${r.places}]`;
    const hit = found.filter((r) => (!wantDate || (r.dates || '').split(';').includes(wantDate[0])) &&
                                    (!wantPlace || (r.places || '').split(';').includes(wantPlace[0])));
    check(hit.length > 0, `kuzu: ${a} and ${b} are tied: ${hit.map(fmt).join('; ')}`,
          `kuzu: no tie of ${a} and ${b}${wantDate ? ` on ${wantDate[0]}` : ''}` +
          `${wantPlace ? ` in ${wantPlace[0]}` : ''} (found: ${found.map(fmt).join('; ') || 'none'})`);
  }
  if (meeting) {
    const [a, b] = meeting;
    const found = await q(
      `MATCH (a:Person {name: '${a.replace(/'/g, "\\'")}'})-[:PARTICIPANT_IN]->(e:Event)` +
      `<-[:PARTICIPANT_IN]-(b:Person {name: '${b.replace(/'/g, "\\'")}'}) ` +
      'OPTIONAL MATCH (e)-[:LOCATED_IN]->(p) ' +
      'RETURN e.id AS id, e.type AS type, e.date_value AS date, e.date_start AS date_start, ' +
      'e.date_end AS date_end, p.name AS place ORDER BY id');
    const fmt = (r) => `${r.id} ${r.type} ${r.date} [${r.date_start && r.date_start.toISOString().slice(0, 10)}` +
      `..${r.date_end && r.date_end.toISOString().slice(0, 10)}] @ ${r.place}`;
    const hit = found.filter((r) => (!wantDate || r.date === wantDate[0]) &&
                                    (!wantPlace || r.place === wantPlace[0]));
    check(hit.length > 0, `kuzu: ${a} and ${b} met: ${hit.map(fmt).join('; ')}`,
          `kuzu: no event of ${a} and ${b}${wantDate ? ` on ${wantDate[0]}` : ''}` +
          `${wantPlace ? ` in ${wantPlace[0]}` : ''} (found: ${found.map(fmt).join('; ') || 'none'})`);
  }
} catch (err) {
  check(false, '', `kuzu: ${String(err && err.message ? err.message : err)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// Neo4j's Cypher parser.
const scripts = [['import.cypher', readFileSync(join(dir, 'import.cypher'), 'utf8')]];
const readme = readFileSync(join(dir, 'README.md'), 'utf8');
for (const [i, m] of [...readme.matchAll(/```cypher\n([\s\S]*?)```/g)].entries()) {
  scripts.push([`README.md cypher block ${i + 1}`, m[1]]);
}
for (const [name, text] of scripts) {
  const { diagnostics } = lintCypherQuery(text, {});
  const params = diagnostics.filter((d) => /^Parameter \$/.test(d.message));
  const errors = diagnostics.filter((d) => d.severity === 1 && !params.includes(d));
  const warnings = diagnostics.filter((d) => d.severity !== 1);
  for (const w of warnings) console.log(`note: cypher: ${name}:${w.range.start.line + 1}: ${w.message}`);
  check(params.length === 0, `cypher: ${name} needs no $parameters`,
        `cypher: ${name} uses undeclared parameters: ${params.map((d) => d.message).join('; ')}`);
  check(errors.length === 0, `cypher: Neo4j's parser reports no error in ${name}`,
        `cypher: ${name}: ${errors.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`).join('; ')}`);
}
console.log(`== ${failures ? 'FAILED' : 'passed'}: ${dir}`);
process.exit(failures ? 1 : 0);
