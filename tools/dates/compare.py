#!/usr/bin/python3
"""Compares newsgraph's date tagging with python3-dateparser and chrono-node on the date
table (tests/dates/expressions.tsv), the same rows tests/dates_table_test.cc checks.

Usage: /usr/bin/python3 tools/dates/compare.py NEWSGRAPH [--markdown] [--misses TOOL]

Every tool gets the row's language and the table's publication date, in its best
configuration:
  newsgraph   `newsgraph extract` with the row's lang and the date as the document's date;
              the first date mention.
  dateparser  DateDataParser(languages=[lang]) with RELATIVE_BASE = the publication date,
              PREFER_DATES_FROM = 'past' (news look back), PREFER_DAY_OF_MONTH = 'first',
              DATE_ORDER = DMY for Indonesian; the whole text first, else the first hit of
              search_dates; the value has the precision dateparser reports (its `period`).
  chrono      chrono.id / chrono.en with the publication date at noon as the reference;
              the first result, with the precision chrono says it knows (knownValues).

Two scores, the same for every tool:
  exact       the tool's value (plus mod and link, which only newsgraph can give) equals
              the expected one; "none" rows are right when the tool finds no date.
  consistent  the interval of the tool's value lies inside the expected interval (mods
              ignored: "awal 2022" accepts any date in 2022; PAST_REF accepts any date up
              to the publication date; a week accepts any of its days); an unresolved
              anchored row ("shortly after the election") is right when the tool invents no date.
Exit status: 0 when newsgraph is the most accurate (exact) on both languages, else 1.
"""
import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TABLE = os.path.join(ROOT, "tests", "dates", "expressions.tsv")


def read_table(path):
    dct, rows, header = None, [], True
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if line.startswith("# dct:"):
            dct = line.split(":", 1)[1].strip()
            continue
        if not line or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        lang, expected, category, text = line.split("\t")
        rows.append({"line": n, "lang": lang, "expected": expected, "category": category,
                     "text": text})
    return dct, rows


# --- newsgraph ---------------------------------------------------------------------------

LINK = re.compile(r'^counted from "(.*)", whose date is unknown$')


def timex_key(t):
    key = t["value"]
    if t.get("mod"):
        key += ";" + t["mod"]
    m = LINK.match(t.get("note", ""))
    if m and t.get("anchor") == "unresolved":
        key += "@" + m.group(1)
    return key


def run_newsgraph(binary, dct, rows):
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "table.jsonl")
        out = os.path.join(tmp, "facts.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for i, r in enumerate(rows):
                f.write(json.dumps({"id": "row-%d" % i, "lang": r["lang"], "date": dct,
                                    "text": r["text"]}, ensure_ascii=False) + "\n")
        subprocess.run([binary, "extract", inp, "-o", out, "--quiet"], check=True)
        answers = {}
        for line in open(out, encoding="utf-8"):
            d = json.loads(line)
            dates = [m for m in d.get("mentions", []) if m.get("kind") == "date"]
            dates.sort(key=lambda m: m["begin"])
            answers[d["doc"]] = timex_key(dates[0]["date"]) if dates else None
        return [answers.get("row-%d" % i) for i in range(len(rows))]


# --- dateparser --------------------------------------------------------------------------

DATEPARSER_CONFIGS = ["past", "current_period", "future"]  # PREFER_DATES_FROM
CHRONO_CONFIGS = [False, True]  # forwardDate


def run_dateparser(dct, rows, prefer="past"):
    warnings.simplefilter("ignore")
    import dateparser
    from dateparser.search import search_dates
    from dateparser.date import DateDataParser
    base = dt.datetime.fromisoformat(dct + "T12:00:00")
    parsers, out = {}, []
    for r in rows:
        lang = r["lang"]
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer,
                    "PREFER_DAY_OF_MONTH": "first"}
        if lang == "id":
            settings["DATE_ORDER"] = "DMY"
        if lang not in parsers:
            parsers[lang] = DateDataParser(languages=[lang], settings=settings)
        p = parsers[lang]
        data = p.get_date_data(r["text"])
        if data is None or data.date_obj is None:
            found = search_dates(r["text"], languages=[lang], settings=settings)
            if not found:
                out.append(None)
                continue
            data = p.get_date_data(found[0][0])
            if data is None or data.date_obj is None:
                out.append(found[0][1].strftime("%Y-%m-%d"))
                continue
        d, period = data.date_obj, data.period
        if period == "year":
            out.append("%04d" % d.year)
        elif period == "month":
            out.append("%04d-%02d" % (d.year, d.month))
        elif period == "week":
            y, w, _ = d.isocalendar()
            out.append("%04d-W%02d" % (y, w))
        else:
            out.append(d.strftime("%Y-%m-%d"))
    return out, dateparser.__version__


# --- chrono ------------------------------------------------------------------------------

def run_chrono(dct, rows, forward=False):
    payload = json.dumps({"dct": dct, "forwardDate": forward, "rows": [{"lang": r["lang"], "text": r["text"]}
                                               for r in rows]})
    res = subprocess.run(["node", os.path.join(HERE, "chrono_parse.mjs")], input=payload,
                         capture_output=True, text=True, cwd=HERE, check=True)
    version = json.load(open(os.path.join(HERE, "node_modules", "chrono-node",
                                          "package.json")))["version"]
    return [x["value"] for x in json.loads(res.stdout)], version


# --- scoring -----------------------------------------------------------------------------

def interval(value, dct):
    """Returns the closed interval (start, end) of a value, None for an open end."""
    d = dt.date.fromisoformat(dct)
    if value == "PAST_REF":
        return (None, d)
    if value == "FUTURE_REF":
        return (d, None)
    if value == "PRESENT_REF":
        return (d, d)
    if "/" in value:
        a, b = value.split("/")
        return (interval(a, dct)[0], interval(b, dct)[1])
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        x = dt.date(*map(int, m.groups()))
        return (x, x)
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m:
        x = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return (x, x + dt.timedelta(days=6))
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return (dt.date(y, mo, 1), nxt - dt.timedelta(days=1))
    m = re.fullmatch(r"(\d{4})-Q(\d)", value)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        return (interval("%04d-%02d" % (y, 3 * q - 2), dct)[0],
                interval("%04d-%02d" % (y, 3 * q), dct)[1])
    m = re.fullmatch(r"(\d{4})-H(\d)", value)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return (dt.date(y, 1 if h == 1 else 7, 1), dt.date(y, 6 if h == 1 else 12,
                                                            30 if h == 1 else 31))
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return (dt.date(int(value), 1, 1), dt.date(int(value), 12, 31))
    return None  # unresolved ("XXXX-XX-XX")


def exact(expected, got):
    return got is None if expected == "none" else got == expected


def consistent(expected, got, dct):
    if expected == "none":
        return got is None
    value = expected.split("@")[0].split(";")[0]
    want = interval(value, dct)
    if want is None:  # an anchor whose date is unknown: right if nothing is invented
        return got is None or got == expected
    if got is None:
        return False
    have = interval(got.split("@")[0].split(";")[0], dct)
    if have is None or have[0] is None and want[0] is not None:
        return False
    if have[1] is None and want[1] is not None:
        return False
    lo_ok = want[0] is None or (have[0] is not None and have[0] >= want[0])
    hi_ok = want[1] is None or (have[1] is not None and have[1] <= want[1])
    return lo_ok and hi_ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("newsgraph")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--misses", metavar="TOOL", help="list the rows TOOL gets wrong")
    args = ap.parse_args()
    dct, rows = read_table(TABLE)
    version = subprocess.run([args.newsgraph, "--version"], capture_output=True,
                             text=True).stdout.strip() or "?"
    by_lang = {l: [i for i, r in enumerate(rows) if r["lang"] == l] for l in ("id", "en")}
    answers = {"newsgraph": run_newsgraph(args.newsgraph, dct, rows)}
    # Each peer in its best configuration, chosen per language on the exact score.
    runs = {"dateparser": {c: run_dateparser(dct, rows, c) for c in DATEPARSER_CONFIGS},
            "chrono": {c: run_chrono(dct, rows, c) for c in CHRONO_CONFIGS}}
    names = {"dateparser": "PREFER_DATES_FROM=%s", "chrono": "forwardDate=%s"}
    chosen = {}
    for tool, by_config in runs.items():
        answers[tool] = [None] * len(rows)
        for lang, ix in by_lang.items():
            best = max(by_config, key=lambda c: sum(
                exact(rows[i]["expected"], by_config[c][0][i]) for i in ix))
            chosen[(tool, lang)] = names[tool] % best
            for i in ix:
                answers[tool][i] = by_config[best][0][i]
    dp_version = next(iter(runs["dateparser"].values()))[1]
    ch_version = next(iter(runs["chrono"].values()))[1]
    tools = ["newsgraph", "dateparser", "chrono"]
    versions = {"newsgraph": version, "dateparser": dp_version, "chrono": ch_version}

    def score(tool, subset, fn):
        ok = sum(1 for i in subset if fn(rows[i]["expected"], answers[tool][i]))
        return ok, len(subset)

    pct = lambda ok_n: "%5.1f%% (%d/%d)" % (100.0 * ok_n[0] / ok_n[1], ok_n[0], ok_n[1])
    ex = exact
    co = lambda e, g: consistent(e, g, dct)
    print("Date table: %d rows (%s), publication date %s" % (
        len(rows), ", ".join("%s %d" % (l, len(ix)) for l, ix in by_lang.items()), dct))
    print("Versions: " + ", ".join("%s %s" % (t, versions[t]) for t in tools))
    print("Best peer configurations: " + ", ".join(
        "%s/%s %s" % (t, l, c) for (t, l), c in sorted(chosen.items())))
    sep = " | " if args.markdown else "  "
    head = ["lang", "score"] + tools
    lines = [head]
    for lang, ix in by_lang.items():
        for name, fn in (("exact", ex), ("consistent", co)):
            lines.append([lang, name] + [pct(score(t, ix, fn)) for t in tools])
    cats = sorted({r["category"] for r in rows})
    for lang, ix in by_lang.items():
        for c in cats:
            sub = [i for i in ix if rows[i]["category"] == c]
            if sub:
                lines.append([lang, "exact: " + c] + [pct(score(t, sub, ex)) for t in tools])
    widths = [max(len(l[k]) for l in lines) for k in range(len(head))]
    for n, l in enumerate(lines):
        cells = [x.ljust(widths[k]) for k, x in enumerate(l)]
        print(("| " + sep.join(cells) + " |") if args.markdown else sep.join(cells))
        if args.markdown and n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    if args.misses:
        for i, r in enumerate(rows):
            got = answers[args.misses][i]
            if not exact(r["expected"], got):
                print("miss %s:%d [%s] %-28s got %-28s %s" % (
                    os.path.relpath(TABLE, ROOT), r["line"], r["lang"], r["expected"],
                    got, r["text"]))
    best = all(score("newsgraph", ix, ex)[0] > max(score(t, ix, ex)[0] for t in tools[1:])
               for ix in by_lang.values())
    print("newsgraph is the most accurate on both languages" if best
          else "newsgraph is NOT the most accurate on both languages")
    return 0 if best else 1


if __name__ == "__main__":
    sys.exit(main())
