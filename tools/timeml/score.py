#!/usr/bin/python3
"""Scores newsgraph's date mentions against TimeML gold (TimeBank 1.2 + AQUAINT), the way
TempEval-3 scored time expressions (issue 10).

Usage: /usr/bin/python3 tools/timeml/score.py NEWSGRAPH [options]
  --corpus DIR    the TimeML folder (default ../shared/corpus/timeml; every *.tml below it)
  --subset NAME   only the files under DIR/NAME (TimeBank or AQUAINT)
  --first N       only the first N files, sorted by path (a fixed slice for ctest)
  --rules DIR     passed to newsgraph: rule files that replace or add to the built-in ones
                  (try a rule change without rebuilding)
  -v              list the misses: gold not found, spurious system spans, wrong values and
                  wrong types, each with its document, span and text
  --floor KEY=MIN fail (exit 1) when a figure of the "all" row is below MIN; KEY is one of
                  strict_f1, relaxed_f1, value_f1, value_acc, type_acc, and "DATE.value_f1"
                  etc. for a type's row; repeatable

For each .tml file: the publication date is the value of the TIMEX3 with
functionInDocument="CREATION_TIME" (in <DCT>, outside the body), the body is the text of
<TEXT> with every tag stripped and XML entities decoded, and the gold spans are its other
TIMEX3 elements, as UTF-8 byte offsets into the body. The bodies go to `newsgraph extract`
as JSON Lines ({"id", "text", "date", "lang": "en"}); the system spans are the date
mentions of facts.jsonl (byte `begin`/`end`, `date.value`, `date.type`; without a type the
value decides: P... DURATION, ...T.. TIME, else DATE).

Scores (TempEval-3): gold and system spans are paired one to one, each gold with the system
span that overlaps it most (relaxed) or has exactly its offsets (strict);
P = paired system / system, R = paired gold / gold. On the relaxed pairs: value accuracy
(equal `value`) and value F1 (P and R counting only pairs with equal values), type
accuracy. Per type, recall counts gold of that type and precision system spans of that
type. Exit codes: 0 ok, 1 a floor not met, 2 usage or input error, 77 corpus missing
(ctest: skipped).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TYPES = ("DATE", "TIME", "DURATION", "SET")


class Timex:
    def __init__(self, begin, end, text, type_, value):
        self.begin, self.end, self.text, self.type, self.value = begin, end, text, type_, value


def read_tml(path):
    """Returns (dct, body, gold timexes) of one TimeML file."""
    root = ET.parse(path).getroot()
    dct = ""
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = (t.get("value") or "")[:10]
            break
    body = root.find("TEXT")
    if body is None:
        raise ValueError("no <TEXT> element")
    pieces, gold = [], []
    size = [0]  # bytes written so far

    def add(s):
        if s:
            pieces.append(s)
            size[0] += len(s.encode("utf-8"))

    def walk(e):
        begin = size[0]
        add(e.text)
        for child in e:
            walk(child)
            add(child.tail)
        if e.tag == "TIMEX3" and e.get("functionInDocument") != "CREATION_TIME":
            gold.append(Timex(begin, size[0], "".join(e.itertext()), e.get("type", ""),
                              e.get("value", "")))

    add(body.text)
    for child in body:
        walk(child)
        add(child.tail)
    return dct, "".join(pieces), gold


def type_of(date):
    """Returns the TIMEX3 type of a facts date: its `type`, else one read off its value."""
    if date.get("type"):
        return date["type"]
    v = date.get("value", "")
    if v.startswith("P"):
        return "DURATION"
    if "T" in v[4:]:
        return "TIME"
    return "DATE"


def run_newsgraph(binary, docs, extra_args):
    """Returns {doc id: [system Timex]} from `newsgraph extract` over docs."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = os.path.join(tmp, "timeml.jsonl"), os.path.join(tmp, "facts.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for doc_id, (dct, body, _) in docs.items():
                f.write(json.dumps({"id": doc_id, "text": body, "date": dct, "lang": "en"},
                                   ensure_ascii=False) + "\n")
        subprocess.run([binary, "extract", src, "-o", out, "--quiet"] + extra_args, check=True)
        system = {}
        for line in open(out, encoding="utf-8"):
            facts = json.loads(line)
            body = docs[facts["doc"]][1].encode("utf-8")
            system[facts["doc"]] = [
                Timex(m["begin"], m["end"], body[m["begin"]:m["end"]].decode("utf-8"),
                      type_of(m["date"]), m["date"].get("value", ""))
                for m in facts.get("mentions", []) if m.get("kind") == "date"]
    return system


def pair(gold, system, strict):
    """Returns [(gold index, system index)]: one to one, gold in text order, each with the
    free system span of the largest overlap (strict: the same offsets)."""
    used, pairs = set(), []
    for gi, g in enumerate(gold):
        best, best_overlap = None, 0
        for si, s in enumerate(system):
            if si in used:
                continue
            if strict:
                ok = (s.begin, s.end) == (g.begin, g.end)
                overlap = 1 if ok else 0
            else:
                overlap = min(g.end, s.end) - max(g.begin, s.begin)
            if overlap > best_overlap:
                best, best_overlap = si, overlap
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def prf(tp_sys, n_sys, tp_gold, n_gold):
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Counts:
    def __init__(self):
        self.gold = self.system = 0
        self.strict_gold = self.strict_sys = 0
        self.relaxed_gold = self.relaxed_sys = 0
        self.value_gold = self.value_sys = 0
        self.type_ok = 0

    def figures(self):
        sp, sr, sf = prf(self.strict_sys, self.system, self.strict_gold, self.gold)
        rp, rr, rf = prf(self.relaxed_sys, self.system, self.relaxed_gold, self.gold)
        vp, vr, vf = prf(self.value_sys, self.system, self.value_gold, self.gold)
        matched = self.relaxed_gold
        return {
            "gold": self.gold, "system": self.system,
            "strict_p": sp, "strict_r": sr, "strict_f1": sf,
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
            "value_p": vp, "value_r": vr, "value_f1": vf,
            "value_acc": self.value_gold / matched if matched else 0.0,
            "type_acc": self.type_ok / matched if matched else 0.0,
        }


def score(docs, system, verbose):
    """Returns {"all"|type: Counts}; prints the misses when verbose."""
    rows = {k: Counts() for k in ("all",) + TYPES}
    for doc_id, (_, body, gold) in docs.items():
        sys_spans = system.get(doc_id, [])
        for g in gold:
            rows["all"].gold += 1
            rows.setdefault(g.type, Counts()).gold += 1
        for s in sys_spans:
            rows["all"].system += 1
            rows.setdefault(s.type, Counts()).system += 1
        for gi, si in pair(gold, sys_spans, strict=True):
            for k in ("all", gold[gi].type):
                rows[k].strict_gold += 1
            for k in ("all", sys_spans[si].type):
                rows[k].strict_sys += 1
        relaxed = pair(gold, sys_spans, strict=False)
        for gi, si in relaxed:
            g, s = gold[gi], sys_spans[si]
            same_value = g.value == s.value
            for k in ("all", g.type):
                rows[k].relaxed_gold += 1
                rows[k].value_gold += same_value
                rows[k].type_ok += g.type == s.type
            for k in ("all", s.type):
                rows[k].relaxed_sys += 1
                rows[k].value_sys += same_value
            if verbose and not same_value:
                print(f"{doc_id}\twrong-value\t{g.type}\t{g.text!r}\tgold {g.value}\t"
                      f"system {s.text!r} {s.value}")
            elif verbose and g.type != s.type:
                print(f"{doc_id}\twrong-type\t{g.type}\t{g.text!r}\tsystem {s.type}")
        if verbose:
            paired_gold = {gi for gi, _ in relaxed}
            paired_sys = {si for _, si in relaxed}
            for gi, g in enumerate(gold):
                if gi not in paired_gold:
                    context = body.encode("utf-8")[max(0, g.begin - 40):g.end + 40]
                    context = context.decode("utf-8", "replace").replace("\n", " ")
                    print(f"{doc_id}\tmissed\t{g.type}\t{g.text!r}\tgold {g.value}\t"
                          f"...{context}...")
            for si, s in enumerate(sys_spans):
                if si not in paired_sys:
                    print(f"{doc_id}\tspurious\t{s.type}\t{s.text!r}\tsystem {s.value}")
    return rows


def print_table(rows):
    head = ("", "gold", "sys", "strict P/R/F1", "relaxed P/R/F1", "value P/R/F1",
            "value acc", "type acc")
    print("%-8s %5s %5s  %-17s  %-17s  %-17s  %9s  %8s" % head)
    for k in ("all",) + TYPES + tuple(sorted(set(rows) - {"all"} - set(TYPES))):
        f = rows[k].figures()
        trio = lambda p: "%5.1f %5.1f %5.1f" % tuple(100 * f[p + s] for s in ("_p", "_r", "_f1"))
        print("%-8s %5d %5d  %-17s  %-17s  %-17s  %9.1f  %8.1f" % (
            k, f["gold"], f["system"], trio("strict"), trio("relaxed"), trio("value"),
            100 * f["value_acc"], 100 * f["type_acc"]))


def check_floors(rows, floors):
    """Returns the floors not met, as messages."""
    failures = []
    for floor in floors:
        key, _, minimum = floor.partition("=")
        row, _, figure = key.rpartition(".")
        row = row or "all"
        if row not in rows or figure not in rows[row].figures() or not minimum:
            raise ValueError(f"--floor {floor}: expected [TYPE.]FIGURE=MIN, e.g. value_f1=0.5")
        value = rows[row].figures()[figure]
        if value < float(minimum):
            failures.append(f"{row} {figure} {value:.4f} is below the floor {float(minimum):.4f}")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("newsgraph")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "timeml"))
    ap.add_argument("--subset")
    ap.add_argument("--first", type=int)
    ap.add_argument("--rules")
    ap.add_argument("-v", action="store_true", dest="verbose")
    ap.add_argument("--floor", action="append", default=[])
    args = ap.parse_args()
    base = os.path.join(args.corpus, args.subset) if args.subset else args.corpus
    if not os.path.isdir(base):
        print(f"skipped: {base} not found (../shared is not beside the checkout)")
        return 77
    paths = sorted(glob.glob(os.path.join(base, "**", "*.tml"), recursive=True))
    if args.first is not None:
        paths = paths[:args.first]
    if not paths:
        print(f"score.py: no .tml file under {base}", file=sys.stderr)
        return 2
    docs = {}
    for path in paths:
        try:
            docs[os.path.relpath(path, args.corpus)] = read_tml(path)
        except (ET.ParseError, ValueError) as e:
            print(f"{path}: error: {e}", file=sys.stderr)
            return 2
    system = run_newsgraph(args.newsgraph, docs, ["--rules", args.rules] if args.rules else [])
    rows = score(docs, system, args.verbose)
    print(f"{len(docs)} documents from {base}")
    print_table(rows)
    try:
        failures = check_floors(rows, args.floor)
    except ValueError as e:
        print(f"score.py: {e}", file=sys.stderr)
        return 2
    for f in failures:
        print(f"score.py: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
