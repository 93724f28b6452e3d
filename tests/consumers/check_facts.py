#!/usr/bin/python3
"""Checks a facts.jsonl file against its contract, schemas/facts.schema.json (issue 11).

Usage:
  /usr/bin/python3 tests/consumers/check_facts.py FACTS.jsonl [--graph GRAPH.graphml]
      [--require-graph-events]

Checks (ok:/FAIL: lines):
  1. schema   every line is a JSON object valid against schemas/facts.schema.json (JSON
              Schema draft-04, python3-jsonschema), and every line says the format;
  2. graph    with --graph: every `graph_event` is an event node of that GraphML;
              with --require-graph-events also: every event of a processed document
              names one (what `newsgraph run` writes).
Exits 1 when any check fails.
"""

import argparse
import json
import os
import sys
import xml.etree.ElementTree as ET

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(os.path.dirname(os.path.dirname(HERE)), "schemas", "facts.schema.json")
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("facts")
    ap.add_argument("--graph")
    ap.add_argument("--require-graph-events", action="store_true")
    args = ap.parse_args(argv)
    failures = 0

    def check(cond, ok, fail):
        nonlocal failures
        print(f"ok: {ok}" if cond else f"FAIL: {fail}", flush=True)
        failures += 0 if cond else 1

    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema)
    branches = {b: jsonschema.Draft4Validator({"$ref": f"#/definitions/{b}",
                                               "definitions": schema["definitions"]})
                for b in ("ok", "skipped")}
    problems, records = [], []
    with open(args.facts, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                record = json.loads(line)
            except ValueError as exc:
                problems.append(f"line {n}: not JSON: {exc}")
                continue
            records.append(record)
            if validator.is_valid(record):
                continue
            # oneOf hides the cause: report the errors of the branch the status picks.
            branch = "ok" if record.get("status") == "ok" else "skipped"
            errors = list(branches[branch].iter_errors(record)) or list(validator.iter_errors(record))
            err = errors[0]
            where = "/".join(str(p) for p in err.absolute_path)
            problems.append(f"line {n} ({record.get('doc')}): /{where}: {err.message[:200]}")
    check(not problems, f"schema: all {len(records)} lines valid against facts.schema.json",
          f"schema: {len(problems)} invalid lines: {'; '.join(problems[:5])}")

    if args.graph:
        root = ET.parse(args.graph).getroot()
        keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML_NS}key")}
        events = set()
        for node in root.iter(f"{GRAPHML_NS}node"):
            data = {keys[d.get("key")]: d.text for d in node.iter(f"{GRAPHML_NS}data")}
            if data.get("kind") == "event":
                events.add(node.get("id"))
        named, missing, unknown = 0, [], []
        for r in records:
            for ev in r.get("events", []):
                g = ev.get("graph_event")
                if g is None:
                    missing.append(f"{r['doc']}/{ev.get('id')}")
                    continue
                named += 1
                if g not in events:
                    unknown.append(f"{r['doc']}/{ev.get('id')} -> {g}")
        check(not unknown, f"graph: all {named} graph_event ids are event nodes of the graph",
              f"graph: graph_event ids not in the graph: {'; '.join(unknown[:5])}")
        if args.require_graph_events:
            check(not missing, "graph: every event names its graph event",
                  f"graph: {len(missing)} events without graph_event: {'; '.join(missing[:5])}")
    print(f"== {'FAILED' if failures else 'passed'}: {args.facts}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
