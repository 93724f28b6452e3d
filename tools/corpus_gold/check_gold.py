#!/usr/bin/python3
"""Checks the corpus gold files (examples/corpus/*.gold.jsonl) against the corpora and the
gazetteer: every line is a well-formed event or entity; every name occurs in the article
text as a whole word and names one entity per document; ids are gazetteer ids, or
person:<slug of one of the names> / org:<slug> for entities the gazetteer lacks (none of
their names a gazetteer alias); event participants have entity lines and places are
gazetteer ids; dates are TIMEX values. Exit 0 ok, 1 problems, 77 when the corpora are
absent (they live in ../shared, outside the project).

Usage: check_gold.py [--shared DIR] [GOLD...]
"""
import glob
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TYPES = {"meet", "visit", "call", "talks"}
MODALITIES = {"held", "planned", "denied", "negated"}
DATE_RE = re.compile(r"^(\d{4}|XXXX)(-(\d{2}|W\d{2}|Q[1-4]|H[12])(-\d{2})?)?$")


def slug(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("'", "").replace("’", "").replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def load_gazetteer():
    ids = {}
    for f in glob.glob(os.path.join(ROOT, "rules", "gazetteer", "*.json")):
        for e in json.load(open(f, encoding="utf-8")).get("gazetteer", []):
            ids[e["id"]] = e
    return ids


def load_docs(shared):
    docs = {}
    for f in glob.glob(os.path.join(shared, "corpus", "*.jsonl")):
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            docs[d["id"]] = d
    return docs


def occurs(name, text):
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def main(argv):
    shared = os.path.join(ROOT, "..", "shared")
    if "--shared" in argv:
        i = argv.index("--shared")
        shared = argv[i + 1]
        del argv[i:i + 2]
    golds = argv or sorted(glob.glob(os.path.join(ROOT, "examples", "corpus", "*.gold.jsonl")))
    if not os.path.isdir(os.path.join(shared, "corpus")):
        print(f"SKIP: {shared}/corpus not found (the corpora live in ../shared)")
        return 77
    gaz = load_gazetteer()
    docs = load_docs(shared)
    problems = 0

    def bad(where, msg):
        nonlocal problems
        problems += 1
        print(f"{where}: {msg}")

    for path in golds:
        entities = {}  # doc -> {id: names}
        events = []
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            where = f"{os.path.relpath(path, ROOT)}:{n}"
            if not line.strip():
                continue
            try:
                o = json.loads(line)
            except ValueError as e:
                bad(where, f"not JSON: {e}")
                continue
            doc = o.get("doc")
            if doc not in docs:
                bad(where, f"unknown doc {doc!r}")
                continue
            text = docs[doc]["text"]
            if o.get("kind") == "entity":
                eid = o.get("id", "")
                if eid in entities.setdefault(doc, {}):
                    bad(where, f"entity {eid} twice in {doc}")
                entities[doc][eid] = o.get("names", [])
                if eid not in gaz:
                    prefix, _, rest = eid.partition(":")
                    is_slug = re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rest)
                    if prefix not in ("person", "org") or not is_slug:
                        bad(where, f"{eid}: not in the gazetteer and not person:/org:<slug>")
                    elif prefix == "person" and \
                            not any(slug(nm) == rest for nm in o.get("names", [])):
                        bad(where, f"{eid}: no name whose slug is {rest!r}")
                    lang = docs[doc].get("lang", "")
                    for gid, e in gaz.items():
                        als = e.get("aliases", []) + e.get("aliases_" + lang, [])
                        hit = [nm for nm in o.get("names", []) if nm in als]
                        if hit and gid.split(":")[0] == eid.split(":")[0]:
                            bad(where, f"{eid}: name {hit[0]!r} is an alias of gazetteer {gid}")
                if not o.get("names"):
                    bad(where, f"{eid} has no names")
                for nm in o.get("names", []):
                    if not occurs(nm, text):
                        bad(where, f"{eid}: name {nm!r} not in the text of {doc}")
                seen = set()
                for nm in o.get("names", []):
                    if nm in seen:
                        bad(where, f"{eid}: name {nm!r} twice")
                    seen.add(nm)
            elif o.get("kind") == "event":
                events.append((where, o))
                if o.get("type") not in TYPES:
                    bad(where, f"bad type {o.get('type')!r}")
                if o.get("modality", "held") not in MODALITIES:
                    bad(where, f"bad modality {o.get('modality')!r}")
                if "date" in o and not DATE_RE.match(o["date"]):
                    bad(where, f"bad date {o['date']!r}")
                if "place" in o and o["place"] not in gaz:
                    bad(where, f"place {o['place']} not in the gazetteer")
                if not o.get("participants"):
                    bad(where, "no participants")
                extra = set(o) - {"doc", "kind", "type", "participants", "date", "place",
                                  "modality", "note"}
                if extra:
                    bad(where, f"unknown keys {sorted(extra)}")
            else:
                bad(where, f"bad kind {o.get('kind')!r}")
        # a surface name names one entity per document
        for doc, ents in entities.items():
            owner = {}
            for eid, names in ents.items():
                for nm in names:
                    if nm in owner:
                        bad(path, f"{doc}: {nm!r} listed for {owner[nm]} and {eid}")
                    owner[nm] = eid
        for where, o in events:
            for p in o.get("participants", []):
                if p not in entities.get(o["doc"], {}):
                    bad(where, f"participant {p} has no entity line in {o['doc']}")
    print(f"{problems} problem(s)" if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
