#!/usr/bin/python3
"""Checks a JSON-LD file against the real JSON-LD processors, offline.

Usage (Debian's interpreter: pyld and rdflib are Debian packages):
  /usr/bin/python3 tests/consumers/check_jsonld.py FILE.jsonld

Checks, one line each (`ok: ...`, `FAIL: ...`, `SKIP: ...`, `note: ...`):
  1. context    every @context (and @import) is inline: nothing can be
                fetched offline, and a remote schema.org context changes
                under our feet anyway;
  2. jsonld.js  toRDF with {safe: true} (jsonld_safe.mjs) succeeds: safe mode
                fails on any term, type or id that would be dropped silently;
  3. pyld       jsonld.to_rdf (application/n-quads) succeeds;
  4. rdflib     Graph.parse(format="json-ld") succeeds;
  5. agree      jsonld.js and pyld give the same number of quads after
                canonical (URDNA2015) dedupe, and the same canonical quads;
                rdflib holds that many triples;
  6. dates      in the N-Quads, xsd:date literals are full YYYY-MM-DD (real
                calendar dates), xsd:gYearMonth is YYYY-MM, xsd:gYear is
                YYYY, xsd:dateTime is a full date and time (each may carry a
                timezone). RDF tools silently turn xsd:date "2023-04" into
                2023-04-01.
  7. range      every schema:attendee is typed schema:Person, schema:Organization or
                schema:NewsMediaOrganization (the range schema.org gives attendee), in
                the pyld N-Quads.
With --no-canonical, step 5 compares the processors' counts of distinct quads without
URDNA2015 canonicalisation (which takes minutes on a corpus-sized graph in pyld).
Exits 1 when any check fails, 2 on bad usage.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
XSD = "http://www.w3.org/2001/XMLSchema#"
NODE_TIMEOUT_S = 600
TZ = r"(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])?"
DATE_FORMS = {
    XSD + "date": ("YYYY-MM-DD", re.compile(r"^(\d{4})-(\d{2})-(\d{2})" + TZ + "$")),
    XSD + "gYearMonth": ("YYYY-MM", re.compile(r"^\d{4}-(0[1-9]|1[0-2])" + TZ + "$")),
    XSD + "gYear": ("YYYY", re.compile(r"^\d{4}" + TZ + "$")),
    XSD + "dateTime": ("YYYY-MM-DDThh:mm:ss",
                       re.compile(r"^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
                                  r"(\.\d+)?" + TZ + "$")),
}
LITERAL_RE = re.compile(r'"((?:[^"\\]|\\.)*)"(?:\^\^<([^>]*)>|@[A-Za-z0-9-]+)?')
LOOKS_LIKE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


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

    def check(self, cond, ok_msg, fail_msg):
        (self.ok if cond else self.fail)(ok_msg if cond else fail_msg)
        return cond

    def note(self, msg):
        print(f"note: {msg}", flush=True)


def some(items, limit=5):
    items = list(items)
    text = "; ".join(str(i) for i in items[:limit])
    if len(items) > limit:
        text += f"; ... ({len(items)} in all)"
    return text


def remote_contexts(value, path="$"):
    """Yields (json path, IRI) for every @context or @import that names a URL."""
    if isinstance(value, dict):
        for k, v in value.items():
            here = f"{path}.{k}"
            if k == "@context":
                items = v if isinstance(v, list) else [v]
                for i, item in enumerate(items):
                    if isinstance(item, str):
                        yield (here if len(items) == 1 else f"{here}[{i}]", item)
            elif k == "@import" and isinstance(v, str):
                yield (here, v)
            yield from remote_contexts(v, here)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from remote_contexts(v, f"{path}[{i}]")


def run_jsonld_js(path):
    """Returns (nquads, None) or (None, error text)."""
    if not os.path.isdir(os.path.join(HERE, "node_modules", "jsonld")):
        return None, "tests/consumers/node_modules missing: run tools/setup-consumers.sh"
    node = shutil.which("node")
    if not node:
        return None, "node not found on PATH"
    proc = subprocess.run([node, os.path.join(HERE, "jsonld_safe.mjs"), path],
                          capture_output=True, text=True, timeout=NODE_TIMEOUT_S)
    if proc.returncode != 0:
        return None, proc.stderr.strip() or f"exit status {proc.returncode}"
    return proc.stdout, None


def refuse_to_fetch(url, options=None):
    from pyld import jsonld
    raise jsonld.JsonLdError(f"refusing to fetch {url}: contexts must be inline (offline)",
                             "jsonld.LoadDocumentError", code="loading document failed")


def error_chain(exc):
    """Flattens pyld's nested JsonLdError causes into one line."""
    parts, seen = [], set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        msg = exc.args[0] if exc.args else exc.__class__.__name__
        code = getattr(exc, "code", None)
        text = " ".join(str(msg).split())
        if len(text) > 160:
            text = text[:160] + "..."
        parts.append(f"{text}{f' [{code}]' if code else ''}")
        exc = getattr(exc, "cause", None) or exc.__cause__
    return " <- ".join(parts)


def run_pyld(doc):
    from pyld import jsonld
    try:
        return jsonld.to_rdf(doc, {"format": "application/n-quads",
                                   "documentLoader": refuse_to_fetch}), None
    except Exception as exc:
        return None, error_chain(exc)


DOUBLE_RE = re.compile(r'"([^"\\]*)"\^\^<' + re.escape(XSD) + r'(double|float)>')


def same_doubles(nquads):
    """Writes every xsd:double/float literal in one lexical form.

    jsonld.js writes 0.875 as "8.75E-1", pyld as "8.750000000000000E-01": the
    same value, so compare values, not spellings.
    """
    def fix(m):
        try:
            value = repr(float(m.group(1)))
        except ValueError:
            return m.group(0)
        return f'"{value}"^^<{XSD}{m.group(2)}>'
    return DOUBLE_RE.sub(fix, nquads)


def canonical(nquads):
    """Returns the set of URDNA2015-canonical N-Quads lines (deduped)."""
    from pyld import jsonld
    norm = jsonld.normalize(same_doubles(nquads), {"algorithm": "URDNA2015",
                                     "inputFormat": "application/n-quads",
                                     "format": "application/n-quads"})
    return set(line for line in norm.splitlines() if line.strip())


def run_rdflib(text):
    import rdflib
    g = rdflib.ConjunctiveGraph()  # a Graph that also keeps named graphs
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g.parse(data=text, format="json-ld")
    return len(g), [" ".join(str(w.message).split())[:200] for w in caught]


PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2})?$")


def check_dates(rep, sources):
    """Inspects typed date literals in the N-Quads of each processor."""
    bad = {}       # message -> processors that wrote it
    counts = {}    # xsd type -> distinct literals (of the first processor)
    untyped = set()
    seen = set()
    for name, nquads in sources:
        for line in nquads.splitlines():
            for m in LITERAL_RE.finditer(line):
                value, dtype = m.group(1), m.group(2)
                if dtype is None:
                    if LOOKS_LIKE_DATE.match(value):
                        untyped.add(value)
                    continue
                if dtype not in DATE_FORMS or (name, value, dtype) in seen:
                    continue
                seen.add((name, value, dtype))
                form, pattern = DATE_FORMS[dtype]
                short = "xsd:" + dtype[len(XSD):]
                if name == sources[0][0]:
                    counts[short] = counts.get(short, 0) + 1
                fm = pattern.match(value)
                ok = bool(fm)
                if ok and dtype in (XSD + "date", XSD + "dateTime"):
                    try:
                        datetime.date(int(fm.group(1)), int(fm.group(2)), int(fm.group(3)))
                    except ValueError:
                        ok = False
                if not ok:
                    msg = f'"{value}"^^{short} is not a valid {form}'
                    if dtype == XSD + "date" and PARTIAL_DATE.match(value):
                        msg += " (type a partial date as xsd:gYearMonth or xsd:gYear)"
                    bad.setdefault(msg, []).append(name)
    if bad:
        rep.fail("dates: ill-typed date literals: "
                 + some(f"{m} [{', '.join(p)}]" for m, p in sorted(bad.items())))
    else:
        rep.ok("dates: every typed date literal fits its type"
               + (f" ({', '.join(f'{k} x{v}' for k, v in sorted(counts.items()))})"
                  if counts else " (no typed date literals)"))
    if untyped:
        rep.note(f"dates: plain string literals that look like dates: {some(sorted(untyped))} "
                 "(type them so RDF tools see dates)")


SCHEMA = "https://schema.org/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
ATTENDEE_RANGE = {f"<{SCHEMA}{t}>" for t in ("Person", "Organization",
                                              "NewsMediaOrganization")}


def check_attendee_range(rep, nquads):
    types, attendees = {}, []
    for line in nquads.splitlines():
        parts = line.split(" ", 2)
        if len(parts) < 3:
            continue
        s, p, rest = parts
        o = rest.rsplit(" .", 1)[0].split(" ")[0]
        if p == RDF_TYPE:
            types.setdefault(s, set()).add(o)
        elif p == f"<{SCHEMA}attendee>":
            attendees.append((s, o))
    wrong = [f"{s} attendee {o} ({', '.join(sorted(types.get(o, {'untyped'})))})"
             for s, o in attendees if not types.get(o, set()) & ATTENDEE_RANGE]
    rep.check(not wrong, f"range: all {len(attendees)} attendees are people or organisations",
              f"range: attendees outside schema:attendee's range (Person, Organization): "
              f"{some(wrong)}")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("jsonld")
    ap.add_argument("--no-canonical", action="store_true",
                    help="compare quad counts without canonicalising (fast)")
    args = ap.parse_args(argv)
    rep = Report()
    print(f"== check_jsonld {args.jsonld}", flush=True)

    try:
        with open(args.jsonld, encoding="utf-8") as f:
            text = f.read()
        doc = json.loads(text)
    except (OSError, ValueError) as exc:
        rep.fail(f"json: cannot read {args.jsonld}: {exc}")
        print(f"== FAILED: {args.jsonld}")
        return 1

    # 1. Inline contexts only.
    remote = list(remote_contexts(doc))
    if remote:
        rep.fail("context: remote @context cannot be fetched offline; inline it: "
                 + some(f"{p} = {iri!r}" for p, iri in remote))
    elif not list(_contexts(doc)):
        rep.fail("context: the document has no @context: every term would be dropped")
    else:
        rep.ok("context: every @context is inline")

    # 2-4. The three processors.
    js_nq, js_err = run_jsonld_js(args.jsonld)
    if js_err:
        rep.fail("jsonld.js: " + " | ".join(
            l.strip() for l in js_err.replace("jsonld.js toRDF", "toRDF", 1).splitlines()))
    else:
        rep.ok(f"jsonld.js: toRDF safe mode: {len(js_nq.splitlines())} quads")

    py_nq, py_err = run_pyld(doc)
    if py_err:
        rep.fail(f"pyld: to_rdf failed: {py_err}")
    else:
        rep.ok(f"pyld: to_rdf: {len(py_nq.splitlines())} quads")

    rdflib_count = None
    if remote:
        rep.skip("rdflib: not run: it would try to fetch the remote context")
    else:
        try:
            rdflib_count, rdflib_warnings = run_rdflib(text)
            rep.ok(f"rdflib: parse json-ld: {rdflib_count} triples")
            for w in rdflib_warnings:
                rep.note(f"rdflib warns: {w}")
        except Exception as exc:
            rep.fail(f"rdflib: parse json-ld failed: {type(exc).__name__}: "
                     f"{' '.join(str(exc).split())[:400]}")

    if js_err and not py_err and "Safe mode" in js_err:
        rep.note("pyld (and rdflib) accepted the document: they drop such terms silently")

    # 5. Agreement.
    js_set = py_set = None
    if js_nq is None or py_nq is None:
        rep.skip("agree: needs both jsonld.js and pyld output")
    elif args.no_canonical:
        counts = {"jsonld.js": len(set(js_nq.splitlines())),
                  "pyld": len(set(py_nq.splitlines()))}
        if rdflib_count is not None:
            counts["rdflib"] = rdflib_count
        rep.check(len(set(counts.values())) == 1,
                  f"agree: {', '.join(counts)} all give {counts['pyld']} triples "
                  "(not canonicalised)",
                  f"agree: triple counts differ: "
                  + ", ".join(f"{k} {v}" for k, v in counts.items()))
    else:
        try:
            js_set, py_set = canonical(js_nq), canonical(py_nq)
        except Exception as exc:
            rep.fail(f"agree: pyld cannot canonicalise the N-Quads: {error_chain(exc)}")
            js_set = py_set = None
    if js_set is not None:
        if len(js_set) == len(py_set):
            rep.ok(f"agree: jsonld.js and pyld both give {len(js_set)} canonical quads")
        else:
            rep.fail(f"agree: jsonld.js gives {len(js_set)} canonical quads, "
                     f"pyld {len(py_set)}")
        if js_set == py_set:
            rep.ok("agree: jsonld.js and pyld give the same canonical quads "
                   "(doubles compared by value)")
        else:
            only_js, only_py = sorted(js_set - py_set), sorted(py_set - js_set)
            hint = ""
            if any(re.search(r'"[+-]?\d{16,}"\^\^<' + re.escape(XSD) + "integer>", l)
                   for l in only_js + only_py):
                hint = (" (jsonld.js reads JSON numbers as JS doubles: integers past 2^53 "
                        "lose digits; write them as strings)")
            rep.fail(f"agree: canonical quads differ{hint}: only jsonld.js: "
                     f"{some(only_js, 3)} | only pyld: {some(only_py, 3)}")
        if rdflib_count is not None:
            if rdflib_count == len(js_set):
                rep.ok(f"agree: rdflib holds the same {rdflib_count} triples")
            else:
                rep.fail(f"agree: rdflib holds {rdflib_count} triples, the JSON-LD "
                         f"processors {len(js_set)}")

    # 7. The range of schema:attendee.
    if py_nq is not None:
        check_attendee_range(rep, py_nq)

    # 6. Dates, in whatever N-Quads we have.
    sources = [(n, q) for n, q in (("jsonld.js", js_nq), ("pyld", py_nq)) if q is not None]
    if sources:
        check_dates(rep, sources)
    else:
        rep.skip("dates: no N-Quads to inspect")

    print(f"== {'FAILED' if rep.failures else 'passed'}: {args.jsonld}"
          f"{f' ({rep.failures} failed checks)' if rep.failures else ''}", flush=True)
    return 1 if rep.failures else 0


def _contexts(value):
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "@context":
                yield v
            yield from _contexts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _contexts(v)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
