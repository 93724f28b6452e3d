#!/usr/bin/python3
"""Consistency checks for the gazetteer files in rules/gazetteer/*.json.

Checks (any failure -> message naming file and entry, exit status 1):
  * every file parses as JSON and has "$schema", "description", a "gazetteer"
    and/or an "extend" list (optional "lang"); "extend" entries name existing ids
  * entry keys are known; id, kind, name present; kind is one of person,
    organization, country, place, source; id = <prefix of kind>:<slug of name>
    (prefixes person: org: gpe: place: source:); ids unique across ALL files
  * type is from the known list for places / organizations; iso3166 only on
    countries (two capital letters); iso3166_2 looks like "ID-JB"
  * part_of / metonym_of point to existing ids; part_of points to a country or
    place and has no cycles
  * aliases / aliases_id / aliases_en are lists of clean strings (no
    leading/trailing/double spaces), no alias is all-lowercase (except a short
    allowlist of lowercase brand names), no alias is repeated within an entry,
    no single-token alias is a month, weekday or other listed common word, and
    no alias of three letters or more would turn into a Roman numeral in ALL CAPS (the
    engine makes no ALL-CAPS form of shorter aliases)
  * the canonical name, which the loader (src/rules/loader_definitions.cc) adds as an alias in every
    language, passes the same word checks as an alias
  * no surface form maps to two different entities within the same language
    scope (id = name + aliases + aliases_id, en = name + aliases + aliases_en), also counting
    the ALL-CAPS form the engine derives from any alias containing a lowercase
    letter (datelines such as "MOSKOW -")

Usage:
  /usr/bin/python3 tools/gazetteer/check_gazetteer.py [--dir DIR] [--stats]
        [--corpus-id FILE.jsonl] [--corpus-en FILE.jsonl]
  --corpus-*: extra, advisory report (never fails): single-token aliases whose
  lowercase form is frequent as an ordinary word in that corpus's "text".
Standard library only.
"""
import argparse
import collections
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True          # keep tools/ free of __pycache__
sys.path.insert(0, HERE)
from gzlib import KEY_ORDER, KIND_PREFIX, slugify  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_DIR = os.path.join(ROOT, "rules", "gazetteer")

PLACE_TYPES = {"city", "capital", "region", "province", "regency", "island", "sea",
               "building", "continent"}
ORG_TYPES = {"intergovernmental", "government", "ministry", "military", "intelligence",
             "police", "party", "company", "armed_group", "ngo", "think_tank",
             "legislature", "court", "central_bank", "university", "religious", "sports"}

# Lowercase brand names that are written that way and are not words.
LOWERCASE_ALLOW = {"detikcom", "detik.com"}

# Single-token aliases that must never be used, by the language scope they would
# match in: months, weekdays, titles and capitalised common words (extend when a
# false positive is found). STOP_ALL applies to every alias list, STOP_ID to
# aliases and aliases_id, STOP_EN to aliases and aliases_en.
STOP_ALL = set("""
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Januari Februari Maret Mei Juni Juli Agustus Oktober Desember
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Senin Selasa Rabu Kamis Jumat Sabtu Minggu Ahad
Kim Lee Moon Xi Li Wang Park Paul Ryan Jones Smith Brown Johnson Graham Collins Warren Kelly
Ross Perry Gates Page Cruz Harris Clinton Bush Price Short Strange English Duke Young Cook
Budi Agus Teddy Dody Hanif Noel
""".split())
STOP_EN = set("""
The A An And Or But If In On At Of To For By With From As It He She We They I You
President Minister Prime General Secretary Senator Governor Mayor King Queen Prince Pope
House Court State Party Union Council Times Post Star Sun Mail News Daily Will Bill Mark Rose
Congressman Representative Chairman Leader Republican Democrat Republicans Democrats
""".split())
STOP_ID = set("""
Presiden Menteri Gubernur Bupati Wali Raja Ratu Pangeran Paus Kota Negara Pulau Jalan
Detik Antara Serang Batu Palu Metro Lima Bima Kudus Banjar Kuningan Batang Lebak Bone Medan
Solo Tempo Timur Barat Utara Selatan Tengah Raya Baru Besar Kecil Agung Merdeka Nusantara
Indah Jaya Sari Putra Putri Tuan Puan Nyonya Bapak Ibu Pak Bu Mas Mbak Abang Kakak Adik
Dan Atau Yang Di Ke Dari Untuk Dengan Pada Dalam Oleh Ini Itu Demokrat Madina
Sisi Bernama Baku Krim Chili Ganjaran Bahasa
""".split())
STOP_BY_KEY = {"aliases": STOP_ALL | STOP_EN | STOP_ID,
               "aliases_id": STOP_ALL | STOP_ID,
               "aliases_en": STOP_ALL | STOP_EN}
# Allowed despite the stop lists because the entity is overwhelmingly the reading in
# news; each one is documented in docs/gazetteer.md.
STOP_EXCEPTIONS = {"Puan", "Medan", "Solo", "Xi"}

# Top-level keys a gazetteer file may hold (a subset of schemas/rules.schema.json).
TOP_KEYS = {"$schema", "description", "lang", "gazetteer", "extend"}

ROMAN = re.compile(r"^(?=[MDCLXVI])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
SCOPES = {"id": ("aliases", "aliases_id"), "en": ("aliases", "aliases_en")}
ALIAS_KEYS = ("aliases", "aliases_id", "aliases_en")


class Report:
    def __init__(self):
        self.errors = []

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))


def load_files(directory, rep):
    docs = []
    for path in sorted(glob.glob(os.path.join(directory, "*.json"))):
        rel = os.path.relpath(path, ROOT) if path.startswith(ROOT) else path
        try:
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            rep.err(rel, "does not parse as JSON: %s" % e)
            continue
        if not isinstance(doc, dict):
            rep.err(rel, "top level is not an object")
            continue
        for k in ("$schema", "description"):
            if k not in doc:
                rep.err(rel, "missing top-level key %r" % k)
        extra = set(doc) - TOP_KEYS
        if extra:
            rep.err(rel, "unexpected top-level keys in a gazetteer file: %s" % ", ".join(sorted(extra)))
        if "gazetteer" not in doc and "extend" not in doc:
            rep.err(rel, 'neither "gazetteer" nor "extend" present')
        bad = False
        for k in ("gazetteer", "extend"):
            if k in doc and not isinstance(doc[k], list):
                rep.err(rel, '"%s" is not a list' % k)
                bad = True
        if "lang" in doc and doc["lang"] not in ("id", "en"):
            rep.err(rel, '"lang" must be "id" or "en" in a gazetteer file')
            bad = True
        if bad:
            continue
        docs.append((rel, doc))
    return docs


def check_entry(rel, i, e, rep):
    where = "%s: entry %d" % (rel, i)
    if not isinstance(e, dict):
        rep.err(where, "entry is not an object")
        return False
    if isinstance(e.get("id"), str):
        where = "%s: %s" % (rel, e["id"])
    unknown = set(e) - set(KEY_ORDER) - {"description", "wikidata"}
    if unknown:
        rep.err(where, "unknown keys: %s" % ", ".join(sorted(unknown)))
    if "wikidata" in e:
        rep.err(where, "wikidata ids are not recorded: no local source verifies them")
    for k in ("id", "kind", "name"):
        if not isinstance(e.get(k), str) or not e.get(k):
            rep.err(where, "missing or empty %r" % k)
            return False
    kind = e["kind"]
    if kind not in KIND_PREFIX:
        rep.err(where, "unknown kind %r" % kind)
        return False
    want = KIND_PREFIX[kind] + ":" + slugify(e["name"])
    if e["id"] != want:
        rep.err(where, "id does not follow the convention prefix:slug(name); expected %r" % want)
    if "type" in e:
        allowed = PLACE_TYPES if kind == "place" else ORG_TYPES if kind == "organization" else None
        if allowed is None:
            rep.err(where, "type is only for places and organizations")
        elif e["type"] not in allowed:
            rep.err(where, "unknown type %r for kind %s" % (e["type"], kind))
    if "iso3166" in e:
        if kind != "country":
            rep.err(where, "iso3166 only on countries")
        if not re.fullmatch(r"[A-Z]{2}", str(e["iso3166"])):
            rep.err(where, "iso3166 is not an alpha-2 code: %r" % e["iso3166"])
    if "iso3166_2" in e and not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", str(e["iso3166_2"])):
        rep.err(where, "iso3166_2 is not a subdivision code: %r" % e["iso3166_2"])
    if "part_of" in e and kind not in ("place", "country"):
        rep.err(where, "part_of is only for places and countries")
    # The loader always adds the canonical name as an alias in every language, so it
    # must pass the same word checks as an alias in "aliases".
    nm = e["name"]
    if " " not in nm and nm in STOP_BY_KEY["aliases"] and nm not in STOP_EXCEPTIONS:
        rep.err(where, "name %r is a month, weekday or common word (the loader matches the name "
                       "in every language; give the entry a longer canonical name)" % nm)
    if nm == nm.lower() and nm not in LOWERCASE_ALLOW:
        rep.err(where, "name %r is all-lowercase" % nm)
    if nm != nm.upper() and len(nm) >= 3 and ROMAN.match(nm.upper()):
        rep.err(where, "name %r becomes the Roman numeral %r in ALL CAPS" % (nm, nm.upper()))
    n_alias = check_aliases(where, e, rep)
    if n_alias == 0:
        rep.err(where, "entry has no alias at all")
    return True


def check_aliases(where, e, rep):
    """Word checks on the alias lists of an entry or an extension; returns the alias count."""
    n_alias = 0
    seen = {}
    for k in ALIAS_KEYS:
        if k not in e:
            continue
        v = e[k]
        if not isinstance(v, list) or not v:
            rep.err(where, "%s must be a non-empty list (omit empty fields)" % k)
            continue
        for a in v:
            if not isinstance(a, str) or not a.strip():
                rep.err(where, "%s contains a non-string or empty alias" % k)
                continue
            n_alias += 1
            if a != a.strip() or "  " in a or "\t" in a or "\n" in a:
                rep.err(where, "alias %r has stray whitespace" % a)
            if a == a.lower() and a not in LOWERCASE_ALLOW:
                rep.err(where, "alias %r is all-lowercase" % a)
            if a in seen:
                rep.err(where, "alias %r repeated (%s and %s)" % (a, seen[a], k))
            seen[a] = k
            if " " not in a and a in STOP_BY_KEY[k] and a not in STOP_EXCEPTIONS:
                rep.err(where, "alias %r is a month, weekday or common word" % a)
            if a != a.upper() and len(a) >= 3 and ROMAN.match(a.upper()):
                rep.err(where, "alias %r becomes the Roman numeral %r in ALL CAPS" % (a, a.upper()))
    return n_alias


def main():
    ap = argparse.ArgumentParser(description="check rules/gazetteer/*.json")
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("--stats", action="store_true", help="print entry and alias counts per file")
    ap.add_argument("--corpus-id", help="Indonesian JSONL corpus for the advisory common-word report")
    ap.add_argument("--corpus-en", help="English JSONL corpus for the advisory common-word report")
    args = ap.parse_args()

    rep = Report()
    docs = load_files(args.dir, rep)
    if not docs and not rep.errors:
        rep.err(args.dir, "no gazetteer files found")

    by_id = {}
    entries = []
    file_lang = {}
    for rel, doc in docs:
        file_lang[rel] = doc.get("lang")
        for i, e in enumerate(doc.get("gazetteer", [])):
            if not check_entry(rel, i, e, rep):
                continue
            if e["id"] in by_id:
                rep.err("%s: %s" % (rel, e["id"]), "duplicate id (also in %s)" % by_id[e["id"]][0])
                continue
            by_id[e["id"]] = (rel, e)
            entries.append((rel, e))

    # extensions ("extend": more aliases for entries defined in any file)
    extensions = []
    for rel, doc in docs:
        for i, x in enumerate(doc.get("extend", [])):
            where = "%s: extend %d" % (rel, i)
            if not isinstance(x, dict) or not isinstance(x.get("id"), str):
                rep.err(where, "extension is not an object with an id")
                continue
            where = "%s: extend %s" % (rel, x["id"])
            unknown = set(x) - {"id", "description"} - set(ALIAS_KEYS)
            if unknown:
                rep.err(where, "unknown keys: %s" % ", ".join(sorted(unknown)))
            if x["id"] not in by_id:
                rep.err(where, "%r is not a gazetteer id" % x["id"])
                continue
            if check_aliases(where, x, rep) == 0:
                rep.err(where, "extension adds no alias")
            extensions.append((rel, x))

    # references
    for rel, e in entries:
        where = "%s: %s" % (rel, e["id"])
        for k in ("part_of", "metonym_of"):
            if k in e:
                t = e[k]
                if t not in by_id:
                    rep.err(where, "%s points to unknown id %r" % (k, t))
                elif t == e["id"]:
                    rep.err(where, "%s points to itself" % k)
                elif k == "part_of" and by_id[t][1]["kind"] not in ("place", "country"):
                    rep.err(where, "part_of points to %r which is not a place or country" % t)
    for rel, e in entries:
        cur, seen = e, set()
        while "part_of" in cur and cur["part_of"] in by_id:
            if cur["id"] in seen:
                rep.err("%s: %s" % (rel, e["id"]), "part_of cycle")
                break
            seen.add(cur["id"])
            cur = by_id[cur["part_of"]][1]

    # surface-form conflicts per language scope, including derived ALL-CAPS forms
    for scope, keys in SCOPES.items():
        exact = collections.defaultdict(set)
        derived = collections.defaultdict(set)
        for rel, e in entries + extensions:
            # The loader adds the name (entries only) and "aliases" in the file's language
            # ("lang"; every language when absent), aliases_id / aliases_en in theirs.
            in_scope = file_lang.get(rel) in (None, scope)
            forms = [e["name"]] if (in_scope and "name" in e) else []
            for k in keys:
                if k == "aliases" and not in_scope:
                    continue
                forms.extend(e.get(k, []))
            for a in dict.fromkeys(f for f in forms if isinstance(f, str)):
                exact[a].add(e["id"])
                if a != a.upper():
                    derived[a.upper()].add(e["id"])
        for form, ids in sorted(exact.items()):
            if len(ids) > 1:
                rep.err("scope %s" % scope, "alias %r maps to %s" % (form, ", ".join(sorted(ids))))
        exact_conflicts = {a.upper() for a, ids in exact.items() if len(ids) > 1}
        for form, ids in sorted(derived.items()):
            if form in exact_conflicts:
                continue            # already reported as an exact conflict
            others = exact.get(form, set()) - ids
            if others:
                rep.err("scope %s" % scope, "ALL-CAPS form %r of an alias of %s equals an alias of %s"
                        % (form, ", ".join(sorted(ids)), ", ".join(sorted(others))))
            elif len(ids) > 1:
                rep.err("scope %s" % scope, "ALL-CAPS form %r is derived from aliases of %s"
                        % (form, ", ".join(sorted(ids))))

    if args.stats:
        per = collections.Counter()
        per_alias = collections.Counter()
        for rel, e in entries:
            per[rel] += 1
            per_alias[rel] += sum(len(e.get(k, [])) for k in ALIAS_KEYS)
        for rel in sorted(per):
            print("%-45s %5d entries %6d aliases" % (rel, per[rel], per_alias[rel]))
        print("%-45s %5d entries %6d aliases" % ("total", sum(per.values()), sum(per_alias.values())))

    for label, path in (("id", args.corpus_id), ("en", args.corpus_en)):
        if path:
            advisory(label, path, entries)

    if rep.errors:
        for m in rep.errors:
            print("check_gazetteer: ERROR " + m)
        print("check_gazetteer: %d problem(s)" % len(rep.errors))
        return 1
    print("check_gazetteer: OK (%d files, %d entries)" % (len(docs), len(entries)))
    return 0


def advisory(scope, path, entries):
    """Report single-token aliases whose lowercase form is an ordinary word in the corpus."""
    words = collections.Counter()
    caps = collections.Counter()
    tok = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                text = json.loads(line).get("text", "")
            except ValueError:
                continue
            for w in tok.findall(text):
                w = w.rstrip(".")
                if w.islower():
                    words[w] += 1
                else:
                    caps[w] += 1
    keys = SCOPES[scope]
    rows = []
    for rel, e in entries:
        for k in ("name",) + keys:
            for a in ([e["name"]] if k == "name" else e.get(k, [])):
                if " " in a or a == a.upper() or a.lower() in LOWERCASE_ALLOW:
                    continue
                lw = words.get(a.lower(), 0)
                if lw >= 3 and lw >= caps.get(a, 0) / 4:
                    rows.append((lw, caps.get(a, 0), a, e["id"]))
    print("advisory (%s, %s): single-token aliases that are also lowercase words" % (scope, os.path.basename(path)))
    for lw, cw, a, i in sorted(rows, reverse=True):
        print("  %-20s lowercase %5d  as written %5d  %s" % (a, lw, cw, i))
    if not rows:
        print("  none")


if __name__ == "__main__":
    sys.exit(main())
