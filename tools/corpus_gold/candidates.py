#!/usr/bin/python3
"""Lists candidate articles for the corpus gold: counts meet/visit/call cue words and
capitalised-name density per article, so that a human can pick by reading.

Usage: candidates.py CORPUS.jsonl [--top N]
"""
import json
import re
import sys

CUES = {
    "id": [r"\bbertemu\b", r"\bpertemuan\b", r"\bkunjungan\b", r"\bberkunjung\b",
           r"\bmengunjungi\b", r"\bmenelepon\b", r"\btelepon\b", r"\bbertelepon\b",
           r"\bmenerima\b", r"\bbilateral\b", r"\bbersua\b", r"\bmenemui\b"],
    "en": [r"\bmet\b", r"\bmeeting\b", r"\bmeet\b", r"\bvisit\b", r"\bvisited\b",
           r"\bvisiting\b", r"\bphone call\b", r"\bby phone\b", r"\bspoke\b", r"\bcalled\b",
           r"\btalks\b", r"\bsummit\b", r"\bhosted\b"],
}


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 60
    rows = []
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        text = d["text"]
        cues = CUES[d.get("lang", "en")]
        counts = {c.replace("\\b", ""): len(re.findall(c, text, re.I)) for c in cues}
        score = sum(counts.values())
        names = len(set(re.findall(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", text)))
        rows.append((score, names, d["id"], len(text), d["title"],
                     {k: v for k, v in counts.items() if v}))
    rows.sort(key=lambda r: (-r[0], -r[1]))
    for r in rows[:top]:
        print(f"{r[2]}\t{r[0]}\t{r[1]}\t{r[3]}\t{r[4][:80]}\t{r[5]}")


if __name__ == "__main__":
    main()
