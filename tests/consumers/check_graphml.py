#!/usr/bin/python3
"""Checks a GraphML file against the real readers of newsgraph's output.

Usage (Debian's interpreter: the graph libraries are Debian packages):
  /usr/bin/python3 tests/consumers/check_graphml.py FILE.graphml \
      [--expect-nodes N] [--expect-edges M] [--shared DIR]

Checks, one line each (`ok: ...`, `FAIL: ...`, `SKIP: ...`, `note: ...`):
  1. xsd        the GraphML XSD, offline, through xmllint and the catalog in
                <shared>/xsd/graphml (SKIP when <shared>/xsd is absent);
  2. house      rules Gephi and Neo4j need that the XSD does not say (or says
                only for some readers): edgedefault, typed and named keys,
                data keys declared for the right element, a label on every
                node, booleans written true/false, typed values that parse,
                unique ids, edges between existing nodes;
  3. readers    networkx, python-igraph, graph-tool and graphology-graphml
                all load the file and report the same node and edge counts
                (and the --expect-* ones) and the same directedness;
  4. values     every <data> value comes back from networkx, igraph, graph-tool
                and graphology as the value its key's type says, on the node or
                edge of that id (no reader drops, merges or alters a value);
  5. types      typed keys come back typed: in networkx a boolean key as
                bool, int/long as int, float/double as float; in graphology
                booleans as boolean and numbers as number; and networkx and
                graphology agree on how many values of each boolean key are
                true (graphology, like Gephi and Neo4j, reads `1` as false).
Exits 1 when any check fails, 2 on bad usage.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT_ROOT = os.path.dirname(os.path.dirname(HERE))
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
ALLOWED_TYPES = ("boolean", "int", "long", "float", "double", "string")
# What each element's <data> may refer to: keys declared for it or for "all".
DOMAIN_OF = {"graphml": "graphml", "graph": "graph", "node": "node",
             "edge": "edge", "hyperedge": "hyperedge", "port": "port",
             "endpoint": "endpoint"}
# Keys Gephi takes as display properties rather than data columns.
GEPHI_DISPLAY_NAMES = {"weight", "size", "color", "x", "y", "z", "r", "g", "b"}
INT_RE = re.compile(r"^[+-]?[0-9]+$")
FLOAT_RE = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
INT_RANGE = {"int": (-2**31, 2**31 - 1), "long": (-2**63, 2**63 - 1)}
NODE_TIMEOUT_S = 600


class Report:
    def __init__(self):
        self.failures = 0

    def ok(self, msg):
        print(f"ok: {msg}", flush=True)

    def fail(self, msg):
        self.failures += 1
        print(f"FAIL: {msg}", flush=True)

    def skip(self, msg):
        print(f"SKIP: {msg}", flush=True)

    def note(self, msg):
        print(f"note: {msg}", flush=True)

    def check(self, cond, ok_msg, fail_msg):
        if cond:
            self.ok(ok_msg)
        else:
            self.fail(fail_msg)
        return cond


def local(tag):
    """Returns the local name of an ElementTree tag ('{ns}node' -> 'node')."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def some(items, limit=5):
    items = list(items)
    text = "; ".join(str(i) for i in items[:limit])
    if len(items) > limit:
        text += f"; ... ({len(items)} in all)"
    return text


# ---------------------------------------------------------------- 1. XSD --

def check_xsd(rep, path, shared, shared_shown):
    xsd_dir = os.path.join(shared, "xsd")
    if not os.path.isdir(xsd_dir):
        rep.skip(f"{os.path.join(shared_shown, 'xsd')} not found "
                 "(no offline GraphML XSD; pass --shared DIR)")
        return
    schema = os.path.join(xsd_dir, "graphml", "graphml.xsd")
    catalog = os.path.join(xsd_dir, "graphml", "catalog.xml")
    xmllint = shutil.which("xmllint")
    if not xmllint:
        rep.fail("xsd: xmllint not found (run tools/setup-consumers.sh)")
        return
    env = dict(os.environ, XML_CATALOG_FILES=catalog)
    proc = subprocess.run(
        [xmllint, "--noout", "--nonet", "--schema", schema, path],
        env=env, capture_output=True, text=True)
    if proc.returncode == 0:
        rep.ok("xsd: valid against the GraphML XSD (xmllint, offline)")
    else:
        errors = [l for l in proc.stderr.splitlines()
                  if l.strip() and not l.endswith("fails to validate")]
        rep.fail(f"xsd: xmllint rc={proc.returncode}: {some(errors, 8)}")


# -------------------------------------------------------------- 2. house --

def check_house_rules(rep, root):
    """Returns {key id: (for, attr.name, attr.type)} for later checks."""
    if local(root.tag) != "graphml":
        rep.fail(f"house: root element is <{local(root.tag)}>, not <graphml>")
        return {}
    if root.tag != f"{{{GRAPHML_NS}}}graphml":
        rep.fail(f"house: root element is not in the GraphML namespace {GRAPHML_NS}")

    # Keys.
    keys = {}
    key_problems = []
    names_by_domain = {}
    for k in root.iter(f"{{{GRAPHML_NS}}}key"):
        kid = k.get("id")
        missing = [a for a in ("id", "for", "attr.name", "attr.type") if not k.get(a)]
        if missing:
            key_problems.append(f"key {kid or '?'} lacks {', '.join(missing)}")
        ktype = k.get("attr.type")
        if ktype and ktype not in ALLOWED_TYPES:
            key_problems.append(f"key {kid}: attr.type={ktype!r} not in {ALLOWED_TYPES}")
        kfor = k.get("for") or "all"
        if kfor not in ("graph", "node", "edge"):
            # graphology-graphml 0.5.2 throws on for="all" and ignores the others.
            key_problems.append(f"key {kid}: for={kfor!r} (use graph, node or edge: "
                                "graphology-graphml cannot read 'all')")
        if kid in keys:
            key_problems.append(f"duplicate key id {kid!r}")
        name = k.get("attr.name")
        if name:
            seen = names_by_domain.setdefault(kfor, {})
            if name in seen:
                key_problems.append(f"keys {seen[name]!r} and {kid!r} share attr.name "
                                    f"{name!r} for {kfor} (networkx keeps one)")
            seen[name] = kid
        default = k.find(f"{{{GRAPHML_NS}}}default")
        if default is not None and ktype and ktype != "string":
            key_problems.append(
                f"key {kid}: <default> on a {ktype} key (graphology-graphml does not "
                "cast defaults: a boolean default 'false' arrives as the truthy string "
                "'false'); write the value on every element instead")
        keys[kid] = (kfor, name, ktype or "string", default.text if default is not None else None)
    rep.check(not key_problems,
              f"house: {len(keys)} keys, each with id, for, attr.name and a GraphML attr.type",
              f"house: keys: {some(key_problems)}")
    gephi_display = sorted(v[1] for v in keys.values() if v[1] in GEPHI_DISPLAY_NAMES)
    if gephi_display:
        rep.note(f"Gephi reads keys named {', '.join(gephi_display)} as display "
                 "properties, not data columns")

    # Graphs: edgedefault; no nested graphs, hyperedges or ports.
    graphs = list(root.iter(f"{{{GRAPHML_NS}}}graph"))
    bad_default = [g.get("id") or "?" for g in graphs
                   if g.get("edgedefault") not in ("directed", "undirected")]
    if not graphs:
        rep.fail("house: no <graph> element")
    else:
        rep.check(not bad_default,
                  "house: edgedefault present on every <graph>",
                  "house: <graph> without edgedefault=directed|undirected: "
                  f"{some(bad_default)} (Gephi then assumes directed, every other "
                  "reader undirected)")
    exotic = sorted({local(e.tag) for e in root.iter()
                     if local(e.tag) in ("hyperedge", "port", "endpoint", "locator")})
    if len(graphs) > 1:
        exotic.append(f"{len(graphs)} <graph> elements (nested or several)")
    rep.check(not exotic, "house: plain graph (no nested graphs, hyperedges or ports)",
              f"house: {', '.join(exotic)}: networkx, igraph and graphology read "
              "only the first plain graph")

    # Ids.
    node_ids, dup_nodes = set(), []
    for n in root.iter(f"{{{GRAPHML_NS}}}node"):
        nid = n.get("id")
        if nid in node_ids:
            dup_nodes.append(nid)
        node_ids.add(nid)
    edge_ids, dup_edges, dangling = set(), [], []
    edges = list(root.iter(f"{{{GRAPHML_NS}}}edge"))
    for e in edges:
        eid = e.get("id")
        if eid is not None:
            if eid in edge_ids:
                dup_edges.append(eid)
            edge_ids.add(eid)
        for end in ("source", "target"):
            if e.get(end) not in node_ids:
                dangling.append(f"edge {eid or '?'} {end}={e.get(end)!r}")
    dups = [f"node {i}" for i in dup_nodes] + [f"edge {i}" for i in dup_edges]
    rep.check(not dups,
              f"house: {len(node_ids)} node ids and {len(edge_ids)} edge ids are unique",
              f"house: duplicate ids: {some(dups)} (networkx/igraph/graph-tool merge "
              "them silently, graphology throws)")
    graph0 = graphs[0] if graphs else None
    undirected = graph0 is not None and graph0.get("edgedefault") == "undirected"
    ends = {}
    for e in edges:
        pair = (e.get("source"), e.get("target"))
        if undirected:
            pair = tuple(sorted(pair))
        ends[pair] = ends.get(pair, 0) + 1
    parallel = sum(c - 1 for c in ends.values() if c > 1)
    if parallel:
        rep.note(f"house: {parallel} parallel edges (same endpoints): Gephi merges "
                 "them by default (weights summed); the four readers here keep them")
    rep.check(not dangling,
              f"house: all {len(edges)} edges join existing nodes",
              f"house: dangling edges: {some(dangling)} (networkx/igraph/graph-tool "
              "invent the missing node, graphology throws)")

    # Data elements: declared key for the right element, values that parse.
    undeclared, wrong_domain, bad_bool, bad_num = [], [], [], []
    parent_of = {c: p for p in root.iter() for c in p}
    for d in root.iter(f"{{{GRAPHML_NS}}}data"):
        owner = local(parent_of[d].tag)
        owner_id = parent_of[d].get("id") or owner
        kid = d.get("key")
        if kid not in keys:
            undeclared.append(f"{owner} {owner_id}: key {kid!r}")
            continue
        kfor, _, ktype, _ = keys[kid]
        if kfor not in (DOMAIN_OF.get(owner), "all"):
            wrong_domain.append(f"{owner} {owner_id}: key {kid!r} is for {kfor}")
        value = d.text or ""
        if ktype == "boolean" and value not in ("true", "false"):
            bad_bool.append(f"{owner} {owner_id}: {kid}={value!r}")
        elif ktype in INT_RANGE:
            lo, hi = INT_RANGE[ktype]
            if not INT_RE.match(value.strip()) or not lo <= int(value) <= hi:
                bad_num.append(f"{owner} {owner_id}: {kid}={value!r} is not a valid {ktype}")
        elif ktype in ("float", "double"):
            if not FLOAT_RE.match(value.strip()):
                bad_num.append(f"{owner} {owner_id}: {kid}={value!r} is not a finite {ktype}")
    for kid, (_, _, ktype, default) in keys.items():
        if default is not None and ktype == "boolean" and default not in ("true", "false"):
            bad_bool.append(f"key {kid} <default>{default}</default>")
    rep.check(not undeclared, "house: every <data key> refers to a declared <key>",
              f"house: undeclared keys (Gephi drops them silently, networkx and "
              f"graph-tool refuse the file): {some(undeclared)}")
    rep.check(not wrong_domain, "house: every <data> uses a key declared for its element",
              f"house: data on the wrong element: {some(wrong_domain)}")
    rep.check(not bad_bool, "house: boolean values are exactly true/false",
              f"house: booleans not written true/false (Gephi, Neo4j and graphology "
              f"read '1' as false): {some(bad_bool)}")
    rep.check(not bad_num, "house: int/long/float/double values parse and fit their type",
              f"house: numeric values that do not fit their key: {some(bad_num)}")

    # Labels.
    label_keys = {kid for kid, v in keys.items()
                  if v[1] == "label" and v[0] in ("node", "all")}
    unlabeled = []
    for n in root.iter(f"{{{GRAPHML_NS}}}node"):
        if not any(d.get("key") in label_keys and (d.text or "").strip()
                   for d in n.findall(f"{{{GRAPHML_NS}}}data")):
            unlabeled.append(n.get("id"))
    has_nodes = root.find(f".//{{{GRAPHML_NS}}}node") is not None
    rep.check(not has_nodes or (label_keys and not unlabeled),
              "house: every node has a non-empty `label` value",
              "house: nodes without a label (Gephi shows the id): "
              + (some(unlabeled) if label_keys else "no node key named 'label' declared"))
    return keys


# ------------------------------------------------------------ 3. readers --

def load_networkx(path):
    import networkx as nx
    return nx.read_graphml(path)


def load_igraph(path):
    import igraph
    return igraph.Graph.Read_GraphML(path)


def load_graph_tool(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import graph_tool
    return graph_tool.load_graph(path, fmt="graphml")


def load_graphology(path, values=False):
    script = os.path.join(HERE, "graphology_load.mjs")
    if not os.path.isdir(os.path.join(HERE, "node_modules", "graphology-graphml")):
        raise RuntimeError("tests/consumers/node_modules missing: run tools/setup-consumers.sh")
    node = shutil.which("node")
    if not node:
        raise RuntimeError("node not found on PATH")
    proc = subprocess.run([node, script, path] + (["--values"] if values else []),
                          capture_output=True, text=True,
                          timeout=NODE_TIMEOUT_S)
    try:
        out = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise RuntimeError(f"node rc={proc.returncode}: {proc.stderr.strip()[-500:]}")
    if "error" in out:
        raise RuntimeError(out["error"])
    return out


def read_all(rep, path):
    """Loads the file with every reader; returns {reader: (nodes, edges, directed, obj)}."""
    results = {}
    readers = [
        ("networkx", load_networkx,
         lambda g: (g.number_of_nodes(), g.number_of_edges(), g.is_directed(),
                    f"{type(g).__name__}")),
        ("igraph", load_igraph,
         lambda g: (g.vcount(), g.ecount(), g.is_directed(), "")),
        ("graph-tool", load_graph_tool,
         lambda g: (g.num_vertices(), g.num_edges(), g.is_directed(), "")),
        ("graphology", lambda p: load_graphology(p, values=True),
         lambda o: (o["nodes"], o["edges"], o["type"] == "directed",
                    f"type={o['type']} multi={str(o['multi']).lower()}")),
    ]
    for name, load, describe in readers:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                obj = load(path)
        except Exception as exc:  # every reader has its own error types
            msg = " ".join(str(exc).split())[:400]
            rep.fail(f"read: {name} cannot load the file: {type(exc).__name__}: {msg}")
            continue
        for w in caught:
            # graph-tool's import warns about its optional drawing modules.
            if "graph_tool" in str(w.filename) and "draw" in str(w.message):
                continue
            rep.note(f"read: {name} warns: {' '.join(str(w.message).split())[:300]}")
        nodes, edges, directed, extra = describe(obj)
        results[name] = (nodes, edges, directed, obj)
        rep.ok(f"read: {name}: {nodes} nodes, {edges} edges, "
               f"{'directed' if directed else 'undirected'}{' ' + extra if extra else ''}")
    return results


def check_counts(rep, results, args, root):
    if not results:
        return
    counts = {name: r[:2] for name, r in results.items()}
    distinct = set(counts.values())
    rep.check(len(distinct) == 1 and len(results) == 4,
              f"readers: all four agree on {next(iter(distinct))[0]} nodes and "
              f"{next(iter(distinct))[1]} edges",
              "readers: counts differ or a reader failed: "
              + ", ".join(f"{n}={c[0]}/{c[1]}" for n, c in counts.items()))
    for label, idx, want in (("nodes", 0, args.expect_nodes),
                             ("edges", 1, args.expect_edges)):
        if want is None:
            continue
        wrong = {n: c[idx] for n, c in counts.items() if c[idx] != want}
        rep.check(not wrong, f"expect: {want} {label}",
                  f"expect: {want} {label}, got "
                  + ", ".join(f"{n}={v}" for n, v in wrong.items()))
    graph = root.find(f"{{{GRAPHML_NS}}}graph")
    declared = graph.get("edgedefault") if graph is not None else None
    if declared in ("directed", "undirected"):
        want_dir = declared == "directed"
        wrong = [n for n, r in results.items() if r[2] != want_dir]
        rep.check(not wrong, f"readers: all read the graph as {declared}",
                  f"readers: {', '.join(wrong)} do not read the graph as {declared}")


# ------------------------------------------------------------- 4. values --

def typed_value(text, ktype):
    """Returns the value a typed reader should give for the text of a <data>."""
    if ktype == "boolean":
        return text == "true"
    if ktype in ("int", "long", "float", "double"):
        return float(text)
    return text


def same(got, want):
    if isinstance(want, bool):
        return got is want or got == want and isinstance(got, (bool, int))
    if isinstance(want, float):
        try:
            return not isinstance(got, str) and float(got) == want
        except (TypeError, ValueError):
            return False
    return got == want


def file_values(root, keys):
    """Returns ({node id: {name: value}}, {edge id: {name: value}}) from the XML."""
    out = {"node": {}, "edge": {}}
    for kind in ("node", "edge"):
        for el in root.iter(f"{{{GRAPHML_NS}}}{kind}"):
            vals = {}
            for d in el.findall(f"{{{GRAPHML_NS}}}data"):
                kfor, name, ktype, _ = keys.get(d.get("key"), (None, None, "string", None))
                if name:
                    vals[name] = typed_value(d.text or "", ktype)
            out[kind][el.get("id")] = vals
    return out["node"], out["edge"]


def reader_values(name, obj, file_edges):
    """Returns ({node id: attrs}, {edge id: attrs}) as the reader gives them."""
    if name == "networkx":
        nodes = {n: d for n, d in obj.nodes(data=True)}
        if obj.is_multigraph():
            edges = {d.get("id", k): d for _, _, k, d in obj.edges(keys=True, data=True)}
        else:
            edges = {d.get("id"): d for _, _, d in obj.edges(data=True)}
        return nodes, edges
    if name == "igraph":
        names = obj.vs["id"]
        nodes = {names[v.index]: v.attributes() for v in obj.vs}
        if "id" in obj.es.attributes():  # igraph 0.10 keeps edge ids as an attribute
            return nodes, {e["id"]: e.attributes() for e in obj.es}
        # Without ids an edge is known by its ends (when they are unique).
        by_ends = {}
        for eid, (s, t, _) in file_edges.items():
            by_ends.setdefault((s, t), []).append(eid)
        edges = {}
        for e in obj.es:
            ids = by_ends.get((names[e.source], names[e.target]), [])
            if len(ids) == 1:
                edges[ids[0]] = e.attributes()
        return nodes, edges
    if name == "graph-tool":
        vid = obj.vp["_graphml_vertex_id"]
        eid = obj.ep.get("_graphml_edge_id")
        nodes = {vid[v]: {k: obj.vp[k][v] for k in obj.vp.keys()} for v in obj.vertices()}
        edges = {}
        for e in obj.edges():
            edges[eid[e] if eid is not None else None] = {k: obj.ep[k][e] for k in obj.ep.keys()}
        return nodes, edges
    return obj.get("node_values", {}), obj.get("edge_values", {})


def check_values(rep, root, keys, results):
    nodes_want, edges_want = file_values(root, keys)
    file_edges = {e.get("id"): (e.get("source"), e.get("target"), None)
                  for e in root.iter(f"{{{GRAPHML_NS}}}edge")}
    for name, result in results.items():
        nodes, edges = reader_values(name, result[3], file_edges)
        wrong, checked = [], 0
        for kind, want_all, got_all in (("node", nodes_want, nodes), ("edge", edges_want, edges)):
            for eid, want in want_all.items():
                got = got_all.get(eid)
                if got is None:
                    wrong.append(f"{kind} {eid}: missing")
                    continue
                for attr, value in want.items():
                    checked += 1
                    if not same(got.get(attr), value):
                        wrong.append(f"{kind} {eid}: {attr}={got.get(attr)!r}, file {value!r}")
        rep.check(not wrong, f"values: {name} gives all {checked} values as written",
                  f"values: {name} differs from the file: {some(wrong)}")


# -------------------------------------------------------------- 5. types --

PY_TYPES = {"boolean": (bool,), "int": (int,), "long": (int,),
            "float": (float,), "double": (float,), "string": (str,)}
JS_TYPES = {"boolean": "boolean", "int": "number", "long": "number",
            "float": "number", "double": "number", "string": "string"}


def check_types(rep, keys, results):
    typed = {kid: v for kid, v in keys.items() if v[1]}
    if "networkx" in results:
        g = results["networkx"][3]
        seen = {}   # attr.type -> number of values checked
        wrong = []
        for kid, (kfor, name, ktype, _) in typed.items():
            if kfor == "node":
                values = [d.get(name) for _, d in g.nodes(data=True)]
            elif kfor == "edge":
                values = [d.get(name) for *_, d in g.edges(data=True)]
            else:
                continue
            want = PY_TYPES.get(ktype, (str,))
            for v in values:
                if v is None:
                    continue
                # bool is a subclass of int: an int key must not come back as bool.
                if not isinstance(v, want) or (ktype != "boolean" and isinstance(v, bool)):
                    wrong.append(f"{name} ({ktype}) = {v!r} ({type(v).__name__})")
                    break
                seen[ktype] = seen.get(ktype, 0) + 1
        rep.check(not wrong,
                  "types: networkx round trip "
                  + ", ".join(f"{t}->{PY_TYPES[t][0].__name__} x{n}"
                              for t, n in sorted(seen.items())),
                  f"types: networkx returns the wrong type: {some(wrong)}")
        for needed in ("boolean", "int", "double"):
            if needed not in seen and not (needed == "int" and "long" in seen) \
                    and not (needed == "double" and "float" in seen):
                rep.note(f"types: no {needed} value in the file to round-trip")
    if "graphology" in results:
        info = results["graphology"][3]
        wrong = []
        for kid, (kfor, name, ktype, _) in typed.items():
            if kfor not in ("node", "edge"):
                continue
            got = info[f"{kfor}_attr_types"].get(name)
            if got and got != [JS_TYPES[ktype]]:
                wrong.append(f"{kfor} {name} ({ktype}) arrives as {'/'.join(got)}")
        rep.check(not wrong, "types: graphology gets booleans as boolean, numbers as number",
                  f"types: graphology gets the wrong JS type: {some(wrong)}")
    if "networkx" in results and "graphology" in results:
        g = results["networkx"][3]
        info = results["graphology"][3]
        differ = []
        for kid, (kfor, name, ktype, _) in typed.items():
            if ktype != "boolean" or kfor not in ("node", "edge"):
                continue
            if kfor == "node":
                nx_true = sum(1 for _, d in g.nodes(data=True) if d.get(name) is True)
            else:
                nx_true = sum(1 for *_, d in g.edges(data=True) if d.get(name) is True)
            js_true = info.get(f"{kfor}_bool_true", {}).get(name, 0)
            if nx_true != js_true:
                differ.append(f"{kfor} {name}: networkx {nx_true} true, graphology {js_true}")
        rep.check(not differ, "types: networkx and graphology agree on every boolean value",
                  f"types: readers disagree on booleans: {some(differ)}")


# ---------------------------------------------------------------- main --

def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("graphml")
    ap.add_argument("--expect-nodes", type=int)
    ap.add_argument("--expect-edges", type=int)
    ap.add_argument("--shared", help="dir holding xsd/graphml (default: ../shared "
                    "beside the project root)")
    args = ap.parse_args(argv)

    if args.shared:
        shared, shared_shown = os.path.abspath(args.shared), args.shared
    else:
        shared, shared_shown = os.path.join(os.path.dirname(PROJECT_ROOT), "shared"), "../shared"

    rep = Report()
    print(f"== check_graphml {args.graphml}", flush=True)
    if not os.path.isfile(args.graphml):
        rep.fail(f"no such file: {args.graphml}")
        return 1

    check_xsd(rep, args.graphml, shared, shared_shown)
    try:
        root = ET.parse(args.graphml).getroot()
    except ET.ParseError as exc:
        rep.fail(f"xml: not well-formed: {exc}")
        return 1
    keys = check_house_rules(rep, root)
    results = read_all(rep, args.graphml)
    check_counts(rep, results, args, root)
    check_values(rep, root, keys, results)
    check_types(rep, keys, results)

    print(f"== {'FAILED' if rep.failures else 'passed'}: {args.graphml}"
          f"{f' ({rep.failures} failed checks)' if rep.failures else ''}", flush=True)
    return 1 if rep.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
