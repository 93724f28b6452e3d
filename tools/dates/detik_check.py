#!/usr/bin/python3
"""Checks that newsgraph tags every Indonesian news date `Hari (dd/mm/yyyy)` of a corpus
with the exact day.

Usage: /usr/bin/python3 tools/dates/detik_check.py NEWSGRAPH [CORPUS.jsonl]
       (default corpus: ../shared/corpus/detik-2025.jsonl)

The forms are found with a regex of this script, independent of the rule files: a weekday,
an optional time of day ("malam"), an optional comma, then "(d/m/yyyy)". Each must lie
inside a date mention of `newsgraph extract` whose value is that day. The forms without a
year, `Hari (dd/mm)`, are counted too: their mention must have the same month and day (the
year comes from the publication date). Prints the counts and every miss; exit 1 on a miss,
77 when the corpus is missing (ctest: skipped).
"""
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Jum’at|Sabtu|Minggu|Ahad)"
TIME = r"(?:\s+(?:pagi|siang|sore|petang|malam|dini hari))?"
FULL = re.compile(WEEKDAY + TIME + r",?\s*\((\d{1,2})/(\d{1,2})/(\d{4})\)")
SHORT = re.compile(WEEKDAY + TIME + r",?\s*\((\d{1,2})/(\d{1,2})\)")


def valid(y, m, d):
    try:
        datetime.date(y, m, d)
        return True
    except ValueError:
        return False


def main():
    binary = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        ROOT, "..", "shared", "corpus", "detik-2025.jsonl")
    if not os.path.exists(corpus):
        print("SKIP: %s not found (the corpus lives in ../shared)" % corpus)
        return 77
    docs = {}
    for line in open(corpus, encoding="utf-8"):
        d = json.loads(line)
        docs[d["id"]] = d["text"]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "facts.jsonl")
        subprocess.run([binary, "extract", corpus, "-o", out, "--quiet"], check=True)
        mentions = {}
        for line in open(out, encoding="utf-8"):
            f = json.loads(line)
            mentions[f["doc"]] = [m for m in f.get("mentions", []) if m.get("kind") == "date"]
    counts = {"full": 0, "full_ok": 0, "short": 0, "short_ok": 0}
    misses, impossible = [], []
    for doc, text in docs.items():
        raw = text.encode("utf-8")
        for kind, rx in (("full", FULL), ("short", SHORT)):
            for m in rx.finditer(text):
                begin = len(text[:m.start()].encode("utf-8"))
                end = begin + len(m.group(0).encode("utf-8"))
                if kind == "full":
                    want = "%04d-%02d-%02d" % (int(m.group(3)), int(m.group(2)), int(m.group(1)))
                else:
                    want = "-%02d-%02d" % (int(m.group(2)), int(m.group(1)))
                if kind == "full" and not valid(int(m.group(3)), int(m.group(2)), int(m.group(1))):
                    impossible.append("%s: %r" % (doc, m.group(0)))
                    continue
                counts[kind] += 1
                got = [x["date"]["value"] for x in mentions.get(doc, [])
                       if x["begin"] <= begin and end <= x["end"]]
                ok = any(v == want if kind == "full" else (len(v) == 10 and v.endswith(want))
                         for v in got)
                if ok:
                    counts[kind + "_ok"] += 1
                else:
                    misses.append("%s: %r -> %s (want %s)" % (doc, raw[begin:end].decode(),
                                                            got or "no date", want))
    print("Hari (dd/mm/yyyy): %d found, %d tagged with the exact day" % (
        counts["full"], counts["full_ok"]))
    print("Hari (dd/mm):      %d found, %d tagged with that month and day" % (
        counts["short"], counts["short_ok"]))
    for x in impossible:
        print("not a calendar day (rightly untagged): " + x)
    for x in misses:
        print("miss " + x)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
