#!/usr/bin/python3
"""Checks a GEXF 1.3 file with a timeline against its readers (issue 11).

Usage:
  /usr/bin/python3 tests/consumers/check_gexf.py FILE.gexf [--shared DIR]
      [--graphml FILE.graphml] [--expect-interval ID START END]...

Checks, one line each (`ok: ...`, `FAIL: ...`, `SKIP: ...`):
  1. xsd       the GEXF 1.3 XSD in <shared>/xsd/gexf-1.3, offline (xmllint);
  2. timeline  mode="dynamic", timeformat="date", timerepresentation="interval";
               every start/end a full ISO date (YYYY-MM-DD), start <= end; an edge
               inside the lifetime of both its ends; a node's spells in order and
               apart (Gephi refuses overlapping intervals);
  3. reader    graphology-gexf loads the file with the node and edge counts of the
               XML, every node's label, colour and size, every edge's weight and
               every attribute value as written;
  4. graphml   with --graphml: the same nodes and edges as the GraphML of the same
               run, and every event node's interval is its GraphML date_start ..
               date_end (no interval when the GraphML has none);
  5. expect    with --expect-interval: node ID lives from START to END.
Exits 1 when any check fails.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT_ROOT = os.path.dirname(os.path.dirname(HERE))
NS = "{http://gexf.net/1.3}"
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


class Report:
    def __init__(self):
        self.failures = 0

    def check(self, cond, ok_msg, fail_msg):
        if cond:
            print(f"ok: {ok_msg}", flush=True)
        else:
            self.failures += 1
            print(f"FAIL: {fail_msg}", flush=True)
        return cond


def some(items, limit=5):
    items = list(items)
    text = "; ".join(str(i) for i in items[:limit])
    return text + (f"; ... ({len(items)} in all)" if len(items) > limit else "")


def check_xsd(rep, path, shared):
    schema = os.path.join(shared, "xsd", "gexf-1.3", "gexf.xsd")
    if not os.path.isfile(schema):
        print(f"SKIP: {schema} not found (no offline GEXF XSD; pass --shared DIR)")
        return
    proc = subprocess.run([shutil.which("xmllint") or "xmllint", "--noout", "--nonet",
                           "--schema", schema, path], capture_output=True, text=True)
    errors = [l for l in proc.stderr.splitlines() if l.strip() and "validates" not in l
              and not l.endswith("fails to validate")]
    rep.check(proc.returncode == 0, "xsd: valid against the GEXF 1.3 XSD (xmllint, offline)",
              f"xsd: xmllint rc={proc.returncode}: {some(errors, 8)}")


def interval(el):
    return el.get("start"), el.get("end")


def check_timeline(rep, graph, nodes, edges):
    attrs = {k: graph.get(k) for k in ("mode", "timeformat", "timerepresentation")}
    rep.check(attrs == {"mode": "dynamic", "timeformat": "date", "timerepresentation": "interval"},
              "timeline: mode=dynamic timeformat=date timerepresentation=interval",
              f"timeline: graph attributes {attrs}")
    bad, life = [], {}
    for el in list(nodes.values()) + list(edges.values()):
        times = [interval(el)] + [interval(s) for s in el.iter(f"{NS}spell")]
        for start, end in times:
            if start is None and end is None:
                continue
            if not (start and end and DATE_RE.match(start) and DATE_RE.match(end)
                    and start <= end):
                bad.append(f"{el.get('id')}: [{start}, {end}]")
    for nid, el in nodes.items():
        spells = sorted(interval(s) for s in el.iter(f"{NS}spell"))
        if el.get("start"):
            spells.append(interval(el))
        for a, b in zip(spells, spells[1:]):
            if b[0] <= a[1]:
                bad.append(f"{nid}: spells [{a[0]}, {a[1]}] and [{b[0]}, {b[1]}] overlap")
        life[nid] = spells
    for eid, el in edges.items():
        start, end = interval(el)
        if not start:
            continue
        for end_id in (el.get("source"), el.get("target")):
            spells = life.get(end_id, [])
            if spells and not any(s <= start and end <= e for s, e in spells):
                bad.append(f"edge {eid} [{start}, {end}] outside node {end_id}")
    timed = sum(1 for el in nodes.values() if el.get("start") or el.find(f"{NS}spells") is not None)
    rep.check(not bad, f"timeline: {timed} of {len(nodes)} nodes have time; all intervals are "
              "full dates, in order, and edges live inside their nodes",
              f"timeline: {some(bad)}")


def load_graphology(path):
    node = shutil.which("node")
    proc = subprocess.run([node, os.path.join(HERE, "gexf_load.mjs"), path],
                          capture_output=True, text=True, timeout=600)
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": f"node rc={proc.returncode}: {proc.stderr.strip()[-500:]}"}


def typed(value, gexf_type):
    if gexf_type in ("integer", "long", "double", "float"):
        return float(value)
    if gexf_type == "boolean":
        return value == "true"
    return value


def check_reader(rep, path, root, nodes, edges):
    out = load_graphology(path)
    if not rep.check("error" not in out, "read: graphology-gexf loads the file",
                     f"read: graphology-gexf: {out.get('error')}"):
        return
    rep.check((out["nodes"], out["edges"]) == (len(nodes), len(edges)),
              f"read: graphology-gexf: {out['nodes']} nodes, {out['edges']} edges, as written",
              f"read: graphology-gexf: {out['nodes']}/{out['edges']}, the file has "
              f"{len(nodes)}/{len(edges)}")
    types = {}
    for attrs in root.iter(f"{NS}attributes"):
        for a in attrs.iter(f"{NS}attribute"):
            types[(attrs.get("class"), a.get("id"))] = (a.get("title"), a.get("type"))
    wrong, checked = [], 0
    for kind, elements, got_all in (("node", nodes, out["node_values"]),
                                    ("edge", edges, out["edge_values"])):
        for eid, el in elements.items():
            got = got_all.get(eid)
            if got is None:
                wrong.append(f"{kind} {eid}: missing")
                continue
            want = {}
            if el.get("label") is not None:
                want["label"] = el.get("label")
            if el.get("weight") is not None:
                want["weight"] = float(el.get("weight"))
            size = el.find(f"{NS}size")
            if size is not None:
                want["size"] = float(size.get("value"))
            color = el.find(f"{NS}color")
            if color is not None:
                want["color"] = "#%02x%02x%02x" % tuple(int(color.get(c)) for c in "rgb")
            for v in el.iter(f"{NS}attvalue"):
                title, t = types[(kind, v.get("for"))]
                want[title] = typed(v.get("value"), t)
            for k, v in want.items():
                checked += 1
                g = got.get(k)
                if k == "color" and isinstance(g, str) and g.startswith("rgb"):
                    g = "#%02x%02x%02x" % tuple(int(x) for x in re.findall(r"\d+", g)[:3])
                if g != v and not (isinstance(v, float) and isinstance(g, (int, float))
                                   and float(g) == v):
                    wrong.append(f"{kind} {eid}: {k}={g!r}, file {v!r}")
    rep.check(not wrong, f"read: graphology-gexf gives all {checked} values as written",
              f"read: graphology-gexf differs from the file: {some(wrong)}")


def check_graphml(rep, path, nodes, edges):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML_NS}key")}
    g_nodes = {}
    for n in root.iter(f"{GRAPHML_NS}node"):
        g_nodes[n.get("id")] = {keys[d.get("key")]: d.text for d in n.iter(f"{GRAPHML_NS}data")}
    g_edges = {e.get("id") for e in root.iter(f"{GRAPHML_NS}edge")}
    rep.check(set(g_nodes) == set(nodes) and g_edges == set(edges),
              f"graphml: the same {len(nodes)} nodes and {len(edges)} edges as the GraphML",
              f"graphml: nodes or edges differ: {some(sorted(set(g_nodes) ^ set(nodes)))} "
              f"{some(sorted(g_edges ^ set(edges)))}")
    wrong, events = [], 0
    for nid, data in g_nodes.items():
        if data.get("kind") != "event" or nid not in nodes:
            continue
        events += 1
        want = (data.get("date_start"), data.get("date_end"))
        if None in want:
            want = (None, None)
        if interval(nodes[nid]) != want:
            wrong.append(f"{nid}: GEXF {interval(nodes[nid])}, GraphML {want}")
    rep.check(not wrong, f"graphml: all {events} events' intervals are their GraphML "
              "date_start..date_end", f"graphml: intervals differ: {some(wrong)}")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gexf")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(PROJECT_ROOT), "shared"))
    ap.add_argument("--graphml")
    ap.add_argument("--expect-interval", nargs=3, action="append", default=[],
                    metavar=("ID", "START", "END"))
    args = ap.parse_args(argv)
    rep = Report()
    print(f"== check_gexf {args.gexf}", flush=True)
    check_xsd(rep, args.gexf, args.shared)
    root = ET.parse(args.gexf).getroot()
    graph = root.find(f"{NS}graph")
    nodes = {n.get("id"): n for n in graph.find(f"{NS}nodes").iter(f"{NS}node")}
    edges = {e.get("id"): e for e in graph.find(f"{NS}edges").iter(f"{NS}edge")}
    check_timeline(rep, graph, nodes, edges)
    check_reader(rep, args.gexf, root, nodes, edges)
    if args.graphml:
        check_graphml(rep, args.graphml, nodes, edges)
    for nid, start, end in args.expect_interval:
        got = interval(nodes[nid]) if nid in nodes else "no such node"
        rep.check(got == (start, end), f"expect: {nid} lives {start}..{end}",
                  f"expect: {nid}: {got}, want ({start}, {end})")
    print(f"== {'FAILED' if rep.failures else 'passed'}: {args.gexf}", flush=True)
    return 1 if rep.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
