"""Shared helpers for the gazetteer tools (standard library only).

Used by gen_countries.py, fmt_gazetteer.py and check_gazetteer.py.
"""
import json
import re
import unicodedata

# Canonical key order of a gazetteer entry.
KEY_ORDER = [
    "id", "kind", "name", "type", "part_of", "metonym_of",
    "iso3166", "iso3166_2", "aliases", "aliases_id", "aliases_en",
]

KIND_PREFIX = {
    "person": "person",
    "organization": "org",
    "country": "gpe",
    "place": "place",
    "source": "source",
}


def slugify(name):
    """English canonical name -> id slug: lowercase ASCII, words joined by '-'.

    Diacritics are stripped, '&' -> 'and', '+' -> 'plus', apostrophes and the dots of
    one-letter abbreviations are dropped (U.S. -> us, D.C. -> dc, H.R. -> hr), every
    other run of non-alphanumerics becomes one '-'.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("&", " and ").replace("+", " plus ")
    s = re.sub(r"(?<![A-Za-z])([A-Za-z])\.", r"\1", s)   # abbreviation dots: U.S. -> US, D.C. -> DC
    s = s.lower()
    s = re.sub(r"['\u2019]", "", s)          # O'Brien -> obrien, Côte d'Ivoire -> cote-divoire
    s = re.sub(r"[^a-z0-9]+", "-", s)
    return s.strip("-")


def ordered_entry(e):
    out = {}
    for k in KEY_ORDER:
        if k in e:
            out[k] = e[k]
    for k in e:                                 # unknown keys last, stable order
        if k not in out:
            out[k] = e[k]
    return out


def dump_file(description, entries, schema="../../schemas/rules.schema.json"):
    """Serialise a gazetteer file: one entry per line, deterministic."""
    lines = ["{",
             '  "$schema": ' + json.dumps(schema, ensure_ascii=False) + ",",
             '  "description": ' + json.dumps(description, ensure_ascii=False) + ",",
             '  "gazetteer": [']
    body = []
    for e in entries:
        body.append("    " + json.dumps(ordered_entry(e), ensure_ascii=False, separators=(", ", ": ")))
    lines.append(",\n".join(body))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"
