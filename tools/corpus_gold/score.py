#!/usr/bin/python3
"""Scores newsgraph against the hand-checked corpus gold (examples/corpus/*.gold.jsonl).

Runs `newsgraph extract` on the gold articles (taken from ../shared/corpus into a temporary
directory; the texts never enter the project) and reports precision, recall and F1 of

  * meet/visit/call events: a system event matches a gold event of the same document and
    type (or of a type refining it, e.g. talks for meet, as `newsgraph eval` matches) when
    the Jaccard index of their participant sets is >= 0.5 and their dates and
    places are compatible where both are given (dates: the TIMEX intervals overlap; places:
    equal, or one contains the other through the gazetteer's part_of). Matching is one to
    one, best candidates first (higher Jaccard, then same modality, then same date).
    Modality is not part of the criterion; its agreement on matched pairs is reported.
  * entity resolution over (doc, surface name) -> entity id links: a gold link is found
    when some mention of the document whose text or name is the surface resolves to the
    gold id. A system mention is judged when it is a person, or when its text or name is a
    gold surface of the document; it is correct when its text or name is a gold surface of
    the entity it resolved to. Distinct (doc, text, entity) triples are counted once.

Usage:
  score.py [--newsgraph BIN] [--shared DIR] [--facts FILE] [--details] [--json]
           [--min-event-f1 X] [--min-entity-f1 Y] [GOLD...]

--facts scores an existing facts.jsonl instead of running newsgraph. Exit status: 0 ok,
1 a figure is below its minimum, 2 usage or run errors, 77 when the corpora are absent
(skipped: they live in ../shared, outside the project).
"""
import argparse
import collections
import datetime
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVENT_TYPES = ("meet", "visit", "call")
JACCARD_MIN = 0.5


# ---------------------------------------------------------------------------- dates

def _month_end(y, m):
    if m == 12:
        return datetime.date(y, 12, 31)
    return datetime.date(y, m + 1, 1) - datetime.timedelta(days=1)


def timex_interval(value):
    """Returns (start, end) dates of a TIMEX value, or None if it has no interval."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        d = datetime.date(*map(int, m.groups()))
        return d, d
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = map(int, m.groups())
        return datetime.date(y, mo, 1), _month_end(y, mo)
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m:
        y, w = map(int, m.groups())
        start = datetime.date.fromisocalendar(y, w, 1)
        return start, start + datetime.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, q = map(int, m.groups())
        return datetime.date(y, 3 * q - 2, 1), _month_end(y, 3 * q)
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        y, h = map(int, m.groups())
        return datetime.date(y, 6 * h - 5, 1), _month_end(y, 6 * h)
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        y = int(value)
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    return None


def system_interval(date):
    if not date:
        return None
    if date.get("start") and date.get("end"):
        return (datetime.date.fromisoformat(date["start"]),
                datetime.date.fromisoformat(date["end"]))
    return timex_interval(date.get("value"))


def dates_compatible(gold_value, sys_date):
    g = timex_interval(gold_value)
    s = system_interval(sys_date)
    if g is None or s is None:
        if gold_value and sys_date and re.fullmatch(r"XXXX-\d{2}-\d{2}", sys_date.get("value", "")):
            return gold_value[4:10] == sys_date["value"][4:10]
        return True
    return g[0] <= s[1] and s[0] <= g[1]


# ---------------------------------------------------------------------------- places

def load_part_of():
    part_of = {}
    for f in glob.glob(os.path.join(ROOT, "rules", "gazetteer", "*.json")):
        for e in json.load(open(f, encoding="utf-8")).get("gazetteer", []):
            if e.get("part_of"):
                part_of[e["id"]] = e["part_of"]
    return part_of


def ancestors(place, part_of):
    seen = [place]
    while place in part_of and part_of[place] not in seen:
        place = part_of[place]
        seen.append(place)
    return seen


def places_compatible(a, b, part_of):
    if not a or not b:
        return True
    return a in ancestors(b, part_of) or b in ancestors(a, part_of)


# ---------------------------------------------------------------------------- input

def load_gold(paths):
    events, entities = [], []
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            o = json.loads(line)
            (events if o["kind"] == "event" else entities).append(o)
    return events, entities


def run_newsgraph(binary, shared, doc_ids, tmp):
    selection = os.path.join(tmp, "gold-articles.jsonl")
    found = set()
    with open(selection, "w", encoding="utf-8") as out:
        for path in sorted(glob.glob(os.path.join(shared, "corpus", "*.jsonl"))):
            for line in open(path, encoding="utf-8"):
                d = json.loads(line)
                if d["id"] in doc_ids and d["id"] not in found:
                    found.add(d["id"])
                    out.write(line if line.endswith("\n") else line + "\n")
    missing = doc_ids - found
    if missing:
        raise RuntimeError(f"gold documents not in {shared}/corpus: {sorted(missing)}")
    facts = os.path.join(tmp, "facts.jsonl")
    r = subprocess.run([binary, "extract", selection, "-o", facts, "--quiet"],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1) or not os.path.exists(facts):
        # Older builds may not know --quiet.
        r = subprocess.run([binary, "extract", selection, "-o", facts],
                           capture_output=True, text=True)
    if not os.path.exists(facts):
        raise RuntimeError(f"newsgraph extract failed ({r.returncode}): {r.stderr.strip()}")
    return facts


def load_texts(shared, doc_ids):
    texts = {}
    for path in sorted(glob.glob(os.path.join(shared, "corpus", "*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            if d["id"] in doc_ids:
                texts.setdefault(d["id"], d["text"])
    return texts


def load_facts(path):
    docs = {}
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        docs[d["doc"]] = d
    return docs


# ---------------------------------------------------------------------------- events

def load_parents():
    """Event type -> the type it refines (rules/events/types.json `parent`)."""
    path = os.path.join(ROOT, "rules", "events", "types.json")
    with open(path, encoding="utf-8") as f:
        return {t["type"]: t.get("parent", "") for t in json.load(f).get("event_types", [])}


PARENTS = None


def scored_type(t):
    """The scored type a system type counts as: itself or the nearest type it refines
    (talks refines meet, as eval matches a refining type), else None."""
    global PARENTS
    if PARENTS is None:
        PARENTS = load_parents()
    for _ in range(16):
        if t in EVENT_TYPES:
            return t
        t = PARENTS.get(t, "")
        if not t:
            return None
    return None


def system_events(doc):
    out = []
    for e in doc.get("events", []):
        scored = scored_type(e.get("type"))
        if scored is None:
            continue
        parts = {p["entity"] for p in e.get("participants", []) if p.get("entity")}
        out.append({"doc": doc["doc"], "type": scored, "participants": parts,
                    "date": e.get("date"), "place": e.get("place"),
                    "modality": e.get("modality", "held"), "id": e.get("id"),
                    "evidence": [ev.get("rule") for ev in e.get("evidence", [])]})
    return out


def jaccard(a, b):
    return len(a & b) / len(a | b) if a | b else 0.0


def match_events(gold, system, part_of):
    """Returns (pairs, unmatched gold, unmatched system); pairs are (g, s)."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if g["doc"] != s["doc"] or g["type"] != s["type"]:
                continue
            j = jaccard(set(g["participants"]), s["participants"])
            if j < JACCARD_MIN:
                continue
            if not dates_compatible(g.get("date"), s["date"]):
                continue
            if not places_compatible(g.get("place"), s["place"], part_of):
                continue
            same_mod = g.get("modality", "held") == s["modality"]
            same_date = bool(g.get("date")) and bool(s["date"]) and \
                g.get("date") == s["date"].get("value")
            candidates.append((-j, not same_mod, not same_date, gi, si))
    candidates.sort()
    used_g, used_s, pairs = set(), set(), []
    for _, _, _, gi, si in candidates:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], system[si]))
    return (pairs, [g for i, g in enumerate(gold) if i not in used_g],
            [s for i, s in enumerate(system) if i not in used_s])


def why_unmatched(g, system, part_of):
    """Explains why a gold event found no partner: the nearest system event of the doc."""
    same_doc = [s for s in system if s["doc"] == g["doc"]]
    same_type = [s for s in same_doc if s["type"] == g["type"]]
    if not same_type:
        other = sorted({s["type"] for s in same_doc})
        return "no system event of this type" + (f" (doc has {', '.join(other)})" if other else "")
    best = max(same_type, key=lambda s: jaccard(set(g["participants"]), s["participants"]))
    j = jaccard(set(g["participants"]), best["participants"])
    if j < JACCARD_MIN:
        return (f"participants differ (best Jaccard {j:.2f}: system "
                f"{sorted(best['participants'])})")
    if not dates_compatible(g.get("date"), best["date"]):
        return f"date differs (system {best['date'].get('value')})"
    if not places_compatible(g.get("place"), best["place"], part_of):
        return f"place differs (system {best['place']})"
    return "its best partner matched another gold event"


# ---------------------------------------------------------------------------- entities

def gold_occurrences(text, entities):
    """Returns [(begin, end, surface, id, nested)] of the gold surfaces in text (UTF-8 byte
    offsets, as in the facts); nested: the occurrence lies inside a longer gold one."""
    occ = []
    for e in entities:
        for nm in e["names"]:
            for m in re.finditer(r"(?<!\w)" + re.escape(nm) + r"(?!\w)", text):
                b = len(text[:m.start()].encode("utf-8"))
                occ.append((b, b + len(nm.encode("utf-8")), nm, e["id"]))
    return [(b, e, nm, i, any(k[0] <= b and e <= k[1] and (k[1] - k[0]) > (e - b)
                              for k in occ))
            for b, e, nm, i in occ]


KIND_OF_PREFIX = {"person": "person", "org": "organization", "gpe": "country",
                  "place": "place", "source": "source"}


def nested_other_kind(m, o):
    """True when mention m and gold occurrence o are of different kinds and one lies
    strictly inside the other (a country inside a person's titled name, "Trump" inside
    the place "Trump Tower"): separate references, not a resolution of each other."""
    if m.get("kind") == KIND_OF_PREFIX.get(o[3].split(":")[0]):
        return False
    m_len, o_len = m["end"] - m["begin"], o[1] - o[0]
    m_in_o = o[0] <= m["begin"] and m["end"] <= o[1] and m_len < o_len
    o_in_m = m["begin"] <= o[0] and o[1] <= m["end"] and o_len < m_len
    # ... unless the mention took the occurrence as its naming part ("Koordinator Tim
    # Pengendali Inflasi Daerah" named a person after an organisation).
    named = bool(m.get("name")) and o[2] in m["name"]
    return m_in_o or (o_in_m and not named)


def score_entities(gold_entities, facts, texts, kinds=None):
    """Scores (doc, surface) -> id links; kinds keeps only gold ids with these prefixes.

    Recall: a gold link is found when a mention overlapping one of the surface's
    occurrences (those not inside a longer gold surface, if any) resolved to the gold id;
    wrong when overlapping mentions resolved only to other ids or to none; missed when no
    mention overlaps it. Precision: a distinct
    (doc, mention text, entity) is judged when it is a person or overlaps a gold
    occurrence, and is correct when one of its mentions overlaps an occurrence of a gold
    surface of the entity it resolved to. Title and date mentions are not links."""
    def wanted(eid):
        return kinds is None or (eid or "").split(":")[0] in kinds

    by_doc = collections.defaultdict(list)
    for e in gold_entities:
        by_doc[e["doc"]].append(e)
    found, missed, wrong = 0, [], []
    judged, correct, spurious = {}, set(), []
    for doc_id, ents in by_doc.items():
        occ = gold_occurrences(texts[doc_id], ents)
        mentions = [m for m in facts.get(doc_id, {}).get("mentions", [])
                    if m.get("kind") not in ("title", "date")]

        def overlapping(o):
            return [m for m in mentions if m["begin"] < o[1] and o[0] < m["end"]
                    and not nested_other_kind(m, o)]

        for ent in ents:
            if not wanted(ent["id"]):
                continue
            for nm in ent["names"]:
                # A surface is judged where it stands on its own ("Presiden" alone, not
                # inside "Presiden Prabowo"), or inside longer surfaces if never alone.
                own = [o for o in occ if o[2] == nm and o[3] == ent["id"]]
                spans = [o for o in own if not o[4]] or own
                hits = [m for o in spans for m in overlapping(o)]
                if any(m.get("entity") == ent["id"] for m in hits):
                    found += 1
                elif hits:
                    wrong.append((doc_id, nm, ent["id"],
                                  sorted({str(m.get("entity")) for m in hits})))
                else:
                    missed.append((doc_id, nm, ent["id"]))
        for m in mentions:
            gids = {o[3] for o in occ if m["begin"] < o[1] and o[0] < m["end"]
                    and not nested_other_kind(m, o)}
            if m.get("kind") != "person" and not gids:
                continue
            ent = m.get("entity")
            if not wanted(ent) and not any(wanted(g) for g in gids):
                continue
            key = (doc_id, m.get("text"), ent)
            judged.setdefault(key, (m, set()))[1].update(gids)
            if ent in gids:
                correct.add(key)
    for key, (m, gids) in judged.items():
        if key not in correct:
            spurious.append((key[0], key[1], key[2], m.get("kind"), m.get("rule"),
                             sorted(gids)))
    total_gold = found + len(missed) + len(wrong)
    return {"gold": total_gold, "found": found, "missed": missed, "wrong": wrong,
            "system": len(judged), "correct": len(correct), "spurious": spurious}


# ---------------------------------------------------------------------------- report

def prf(tp_p, n_p, tp_r, n_r):
    p = tp_p / n_p if n_p else 0.0
    r = tp_r / n_r if n_r else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def corpus_of(doc_id):
    return doc_id.split("-")[0]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--newsgraph", default=os.path.join(ROOT, "build", "newsgraph"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--facts")
    ap.add_argument("--details", action="store_true", help="list every error")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--min-event-f1", type=float, default=0.0)
    ap.add_argument("--min-entity-f1", type=float, default=0.0)
    args = ap.parse_args(argv)

    gold_paths = args.gold or sorted(glob.glob(os.path.join(ROOT, "examples", "corpus",
                                                             "*.gold.jsonl")))
    if not args.facts and not os.path.isdir(os.path.join(args.shared, "corpus")):
        print(f"SKIP: {args.shared}/corpus not found (the corpora live in ../shared)")
        return 77
    gold_events, gold_entities = load_gold(gold_paths)
    doc_ids = {o["doc"] for o in gold_events + gold_entities}
    part_of = load_part_of()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            facts_path = args.facts or run_newsgraph(args.newsgraph, args.shared, doc_ids, tmp)
            facts = {k: v for k, v in load_facts(facts_path).items() if k in doc_ids}
        texts = load_texts(args.shared, doc_ids)
    except (RuntimeError, OSError) as e:
        print(f"score.py: {e}", file=sys.stderr)
        return 2

    sys_events = [s for d in facts.values() for s in system_events(d)]
    gold_ev = [g for g in gold_events if g["type"] in EVENT_TYPES]
    pairs, fn, fp = match_events(gold_ev, sys_events, part_of)

    figures = {"documents": len(doc_ids), "events": {}, "entities": {}}
    groups = [("all", lambda d: True)] + [(c, (lambda c: lambda d: corpus_of(d) == c)(c))
                                          for c in sorted({corpus_of(d) for d in doc_ids})]
    for gname, in_group in groups:
        for t in EVENT_TYPES + ("all",):
            def sel(x, t=t):
                return in_group(x["doc"]) and (t == "all" or x["type"] == t)
            tp = sum(1 for g, s in pairs if sel(g))
            n_gold = sum(1 for g in gold_ev if sel(g))
            n_sys = sum(1 for s in sys_events if sel(s))
            p, r, f = prf(tp, n_sys, tp, n_gold)
            figures["events"].setdefault(gname, {})[t] = {
                "gold": n_gold, "system": n_sys, "matched": tp,
                "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
        same_mod = sum(1 for g, s in pairs if in_group(g["doc"]) and
                       g.get("modality", "held") == s["modality"])
        n_pairs = sum(1 for g, s in pairs if in_group(g["doc"]))
        figures["events"][gname]["modality_agreement"] = \
            round(same_mod / n_pairs, 3) if n_pairs else None
    entity_results = {}
    for label, kinds in (("all", None), ("person", {"person"})):
        for gname, in_group in groups:
            sub_gold = [e for e in gold_entities if in_group(e["doc"])]
            sub_facts = {k: v for k, v in facts.items() if in_group(k)}
            res = score_entities(sub_gold, sub_facts, texts, kinds)
            entity_results[(label, gname)] = res
            p, r, f = prf(res["correct"], res["system"], res["found"], res["gold"])
            figures["entities"].setdefault(label, {})[gname] = {
                "gold_links": res["gold"], "found": res["found"],
                "wrong_id": len(res["wrong"]), "missed": len(res["missed"]),
                "system_links": res["system"], "correct": res["correct"],
                "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}

    if args.json:
        print(json.dumps(figures, indent=1, sort_keys=True))
    else:
        print(f"documents: {len(doc_ids)}")
        print("events (meet/visit/call; Jaccard >= 0.5, compatible date/place)")
        for gname, rows in figures["events"].items():
            for t in EVENT_TYPES + ("all",):
                x = rows[t]
                print(f"  {gname:8} {t:6} gold {x['gold']:3}  system {x['system']:3}  "
                      f"matched {x['matched']:3}  P {x['precision']:.3f}  "
                      f"R {x['recall']:.3f}  F1 {x['f1']:.3f}")
            print(f"  {gname:8} modality agreement on matched pairs: "
                  f"{rows['modality_agreement']}")
        print("entity resolution ((doc, surface) -> id links)")
        for label, rows in figures["entities"].items():
            for gname, x in rows.items():
                print(f"  {label:6} {gname:8} gold {x['gold_links']:3} found {x['found']:3} "
                      f"(wrong id {x['wrong_id']}, missed {x['missed']})  system "
                      f"{x['system_links']:3} correct {x['correct']:3}  P {x['precision']:.3f}"
                      f"  R {x['recall']:.3f}  F1 {x['f1']:.3f}")
    if args.details:
        print("\n# missed gold events")
        for g in fn:
            print(f"  {g['doc']} {g['type']} {g.get('modality', 'held')} {g['participants']} "
                  f"{g.get('date', '')} {g.get('place', '')}\n      -> "
                  f"{why_unmatched(g, sys_events, part_of)}")
        print("\n# spurious system events")
        for s in fp:
            print(f"  {s['doc']} {s['id']} {s['type']} {s['modality']} "
                  f"{sorted(s['participants'])} {(s['date'] or {}).get('value', '')} "
                  f"{s['place'] or ''} rules={s['evidence']}")
        print("\n# matched events")
        for g, s in pairs:
            print(f"  {g['doc']} {g['type']} {g.get('modality', 'held')} {g['participants']} "
                  f"~ {s['id']} {sorted(s['participants'])} "
                  f"{(s['date'] or {}).get('value', '')} {s['place'] or ''}")
        print("\n# matched pairs with another modality")
        for g, s in pairs:
            if g.get("modality", "held") != s["modality"]:
                print(f"  {g['doc']} {g['type']} gold {g.get('modality', 'held')} "
                      f"system {s['modality']} {g['participants']}")
        res = entity_results[("all", "all")]
        print("\n# gold names resolved to another id")
        for doc, nm, gid, sids in res["wrong"]:
            print(f"  {doc} {nm!r} gold {gid} system {sids}")
        print("\n# gold names with no mention")
        for doc, nm, gid in res["missed"]:
            print(f"  {doc} {nm!r} {gid}")
        print("\n# system links not in the gold")
        for doc, text, ent, kind, rule, gids in res["spurious"]:
            print(f"  {doc} {text!r} -> {ent} ({kind}, {rule})" +
                  (f" gold {gids}" if gids else ""))

    ev_f1 = figures["events"]["all"]["all"]["f1"]
    en_f1 = figures["entities"]["all"]["all"]["f1"]
    status = 0
    if ev_f1 < args.min_event_f1:
        print(f"FAIL: event F1 {ev_f1:.3f} < minimum {args.min_event_f1:.3f}")
        status = 1
    if en_f1 < args.min_entity_f1:
        print(f"FAIL: entity F1 {en_f1:.3f} < minimum {args.min_entity_f1:.3f}")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
