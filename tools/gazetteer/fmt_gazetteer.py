#!/usr/bin/python3
"""Rewrite hand-kept gazetteer files in the canonical layout.

Canonical layout: "$schema", "description", then "gazetteer" with one entry per
line, keys in the order id, kind, name, type, part_of, metonym_of, iso3166,
iso3166_2, aliases, aliases_id, aliases_en. Entry order is kept (hand files are
grouped by theme). Content is not changed.

Usage: /usr/bin/python3 tools/gazetteer/fmt_gazetteer.py [--check] [FILE ...]
  default FILEs: every rules/gazetteer/*.json except the generated countries.json
  --check: exit 1 if a file is not in canonical layout (does not write)
"""
import argparse
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True          # keep tools/ free of __pycache__
sys.path.insert(0, HERE)
from gzlib import dump_file  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or sorted(
        f for f in glob.glob(os.path.join(ROOT, "rules", "gazetteer", "*.json"))
        if os.path.basename(f) != "countries.json")
    bad = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            old = f.read()
        doc = json.loads(old)
        if set(doc) - {"$schema", "description", "gazetteer"} or "gazetteer" not in doc:
            print("fmt_gazetteer: %s holds more than a gazetteer list; left as it is" % path)
            continue
        new = dump_file(doc["description"], doc["gazetteer"],
                        schema=doc.get("$schema", "../../schemas/rules.schema.json"))
        if new != old:
            if args.check:
                print("fmt_gazetteer: %s is not in canonical layout" % path)
                bad = 1
            else:
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(new)
                print("fmt_gazetteer: rewrote %s" % path)
    return bad


if __name__ == "__main__":
    sys.exit(main())
