#!/usr/bin/python3
"""Checks an actor network (newsgraph --projection actors) against networkx's own
computation from the full graph of the same input (issue 11).

Usage:
  /usr/bin/python3 tests/consumers/check_actors.py FULL.graphml ACTORS.graphml [--min-degree N]
      [--jsonld ACTORS.jsonld] [--neo4j DIR]

From FULL.graphml, with networkx: the actors are the person, organization and country
nodes; for every event node, every pair of its PARTICIPANT_IN sources that are actors is
one co-participation of that event type; an edge per (pair, event type) with the set of
events, weight = their number. With --min-degree N, actors with fewer than N such edges
are left out (with their edges). Then ACTORS.graphml, read with networkx, must have exactly
these nodes and edges (undirected), each edge's type (label), events and weight. With
--jsonld, the same projection written as JSON-LD, read by rdflib as RDF: the actors are the
subjects typed schema:Person, schema:Organization or schema:Country, and every ng:ActorTie
has its two ng:tieOf actors, ng:eventType, ng:weight and ng:sharedEvent events. With
--neo4j, the neo4j-actors/ folder read with Python's csv module: the node files hold the
actors, and one relationship file per event type the ties, their weight and events.
Prints ok:/FAIL: lines; exits 1 on any failure.
"""

import argparse
import itertools
import sys
import warnings

warnings.simplefilter("ignore")
import networkx as nx  # noqa: E402

ACTOR_KINDS = {"person", "organization", "country"}


def expected(full, min_degree):
    actors = {n for n, d in full.nodes(data=True) if d.get("kind") in ACTOR_KINDS}
    edges = {}
    for ev, d in full.nodes(data=True):
        if d.get("kind") != "event":
            continue
        members = sorted({s for s, _, ed in full.in_edges(ev, data=True)
                          if ed.get("label") == "PARTICIPANT_IN" and s in actors})
        for a, b in itertools.combinations(members, 2):
            edges.setdefault((a, b, d["type"].upper()), set()).add(ev)
    if min_degree > 0:
        degree = {}
        for a, b, _ in edges:
            degree[a] = degree.get(a, 0) + 1
            degree[b] = degree.get(b, 0) + 1
        actors = {n for n in actors if degree.get(n, 0) >= min_degree}
        edges = {k: v for k, v in edges.items() if k[0] in actors and k[1] in actors}
    return actors, edges


IRI = "urn:newsgraph:"  # the context's prefixes: person: -> urn:newsgraph:person:


def jsonld_projection(path):
    """Returns (actors, ties) of an actors.jsonld as rdflib reads it, in GraphML ids."""
    import rdflib
    from rdflib.namespace import RDF
    g = rdflib.Graph()
    g.parse(path, format="json-ld")
    schema, ng = rdflib.Namespace("https://schema.org/"), rdflib.Namespace(IRI + "vocab:")
    short = lambda iri: str(iri)[len(IRI):] if str(iri).startswith(IRI) else str(iri)
    actors = {short(s) for kind in ("Person", "Organization", "Country")
              for s in g.subjects(RDF.type, schema[kind])}
    ties = {}
    for t in g.subjects(RDF.type, ng.ActorTie):
        pair = sorted(short(o) for o in g.objects(t, ng.tieOf))
        if len(pair) != 2:
            ties[("bad tie", short(t), "")] = (set(), None)
            continue
        key = (pair[0], pair[1], str(g.value(t, ng.eventType)).upper())
        ties[key] = ({short(o) for o in g.objects(t, ng.sharedEvent)},
                     float(g.value(t, ng.weight).toPython()))
    return actors, ties


def neo4j_projection(folder):
    """Returns (actors, ties) of a neo4j-actors/ folder read as CSV."""
    import csv
    import os
    actors, ties = set(), {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".csv"):
            continue
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        if name in ("Person.csv", "Organization.csv", "Country.csv"):
            actors |= {r[0] for r in rows[1:]}
            continue
        header = rows[0]
        for r in rows[1:]:
            a, b = sorted((r[0], r[1]))
            events = set(filter(None, r[header.index("events:string[]")].split(";")))
            ties[(a, b, r[2])] = (events, float(r[header.index("weight:int")]))
    return actors, ties


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("full")
    ap.add_argument("actors")
    ap.add_argument("--min-degree", type=int, default=0)
    ap.add_argument("--jsonld", help="the same projection as JSON-LD (actors.jsonld)")
    ap.add_argument("--neo4j", help="the same projection as a Neo4j folder (neo4j-actors/)")
    args = ap.parse_args(argv)
    failures = 0

    def check(cond, ok, fail):
        nonlocal failures
        print(f"ok: {ok}" if cond else f"FAIL: {fail}", flush=True)
        failures += 0 if cond else 1

    want_nodes, want_edges = expected(nx.read_graphml(args.full), args.min_degree)
    got = nx.read_graphml(args.actors)
    check(not got.is_directed(), "actors: undirected", "actors: the graph is directed")
    got_nodes = set(got.nodes())
    check(got_nodes == want_nodes, f"actors: the {len(want_nodes)} actor nodes networkx computes",
          f"actors: nodes differ: {len(got_nodes)} written, {len(want_nodes)} computed; "
          f"only written: {sorted(got_nodes - want_nodes)[:5]}, "
          f"only computed: {sorted(want_nodes - got_nodes)[:5]}")
    got_edges = {}
    for a, b, d in (got.edges(data=True) if not got.is_multigraph()
                    else ((a, b, d) for a, b, _, d in got.edges(keys=True, data=True))):
        a, b = sorted((a, b))
        events = set(filter(None, (d.get("events") or "").split("; ")))
        got_edges[(a, b, d.get("label"))] = (events, d.get("weight"))
    wrong = []
    for key, events in want_edges.items():
        if key not in got_edges:
            wrong.append(f"missing {key}")
        elif got_edges[key] != (events, float(len(events))):
            wrong.append(f"{key}: written {got_edges[key]}, computed {events}")
    wrong += [f"extra {k}" for k in got_edges if k not in want_edges]
    check(not wrong and got.number_of_edges() == len(want_edges),
          f"actors: the {len(want_edges)} edges networkx computes (pair, event type, events, "
          "weight)", f"actors: edges differ ({got.number_of_edges()} written, "
          f"{len(want_edges)} computed): {'; '.join(map(str, wrong[:5]))}")
    want = {k: (v, float(len(v))) for k, v in want_edges.items()}
    for name, path, read in (("jsonld", args.jsonld, jsonld_projection),
                             ("neo4j", args.neo4j, neo4j_projection)):
        if not path:
            continue
        actors, ties = read(path)
        check(actors == want_nodes, f"{name}: the {len(want_nodes)} actors",
              f"{name}: actors differ: only written {sorted(actors - want_nodes)[:5]}, "
              f"only computed {sorted(want_nodes - actors)[:5]}")
        wrong = [f"{k}: written {ties.get(k)}, computed {v}" for k, v in want.items()
                 if ties.get(k) != v] + [f"extra {k}" for k in ties if k not in want]
        check(not wrong, f"{name}: the {len(want)} ties (pair, event type, events, weight)",
              f"{name}: ties differ ({len(ties)} written, {len(want)} computed): "
              f"{'; '.join(map(str, wrong[:5]))}")
    print(f"== {'FAILED' if failures else 'passed'}: {args.actors}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
