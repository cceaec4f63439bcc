#!/usr/bin/env python3
"""Write kzrel-core/data/entities/subdivisions.jsonl: the ISO 3166-2 first-level units
of Kazakhstan and of the countries around it and in its relations — Russia, China,
Kyrgyzstan, Uzbekistan, Turkmenistan, Mongolia, Belarus, Ukraine — one entity per line.

Sources, all read here rather than typed by hand:

- codes, names and types: pycountry's ISO 3166-2 list (Debian iso-codes, source
  `iso-codes`). The ISO name is the country's own language in Latin letters (Kazakh in
  BGN/PCGN 1979, Russian in BGN/PCGN, Chinese in pinyin…), filed under that language;
- Russian, Ukrainian and Belarusian forms: the iso-codes translations, where a translator
  gave one (source `iso-codes`) — except where one translation is given to two units of
  a country, which the catalogue then gets wrong for one of them (the Ukrainian catalogue
  calls both RU-KDA and RU-KYA "Краснодарський край", both RU-AL and RU-SA "Республіка
  Алтай"): such a translation is left out for every unit it is given to, and listed by
  `--conflicts`;
- Kazakh and Belarusian Cyrillic of the KZ and BY names: the pairs of
  scripts/gen_iso3166_cases.py, each checked here — its kk-bgn (be-national)
  transliteration must give the ISO name exactly — source `iso3166-2-cyrillic`;
- Kazakh Latin of 2021 for KZ: kzrel's own kk-latn-2021 of that Cyrillic, as the issue
  asks, filed as a variant (source `kzrel-kk-latn-2021`);
- GeoNames ids, coordinates and names (as variants, language `und`) of the three Kazakh
  city units (Astana, Almaty, Shymkent), from the one GeoNames city of each name (see
  scripts/gen_cities.py).

Every unit's parent is its country (no period: the dataset does not yet date them).
Ids are the country code and the ISO name as a slug (`kz-shyghys-qazaqstan-oblysy`):
ISO codes change (KZ-VOS became KZ-63 in 2020), kzrel ids do not. Run:

    python scripts/gen_subdivisions.py            # rewrite the file
    python scripts/gen_subdivisions.py --check    # exit 1 if the file is out of date

It needs kzrel installed (the test environment has it); tests/test_dataset.py runs the
--check form.
"""
from __future__ import annotations

import gettext
import sys
from pathlib import Path

import pycountry

import generated

import kzrel
from gen_cities import iso_city_geonames
from gen_cities import names as geonames_names
from gen_countries import script_of, slug
from gen_iso3166_cases import BY as BY_CYRILLIC
from gen_iso3166_cases import KZ as KZ_CYRILLIC

OUT = Path(__file__).resolve().parent.parent / "kzrel-core" / "data" / "entities" / "subdivisions.jsonl"

# The language of each country's ISO 3166-2 names (ISO 639-1).
COUNTRIES = {
    "KZ": "kk", "RU": "ru", "CN": "zh", "KG": "ky", "UZ": "uz",
    "TM": "tk", "MN": "mn", "BY": "be", "UA": "uk",
}
# ISO 3166-2 subdivision type → (kind, subkind).
TYPES = {
    "Region": ("region", "oblast"),
    "Oblast": ("region", "oblast"),
    "Administrative region": ("region", "oblast"),
    "Administrative territory": ("region", "krai"),
    "Republic": ("region", "republic"),
    "Autonomous district": ("region", "autonomous-region"),
    "Autonomous region": ("region", "autonomous-region"),
    "Province": ("region", "province"),
    "Special administrative region": ("region", None),
    "City": ("city", None),
    "Autonomous city": ("city", "federal-city"),
    "Municipality": ("city", None),
    "Capital city": ("city", None),
}
# Where a country's "Region" is not an oblast in English usage.
TYPE_BY_COUNTRY = {
    ("KZ", "City"): ("city", "republican-city"),
    ("UZ", "Region"): ("region", "province"),
    ("TM", "Region"): ("region", "province"),
    ("MN", "Province"): ("region", "aimag"),
}
# GeoNames records of Kazakhstan's ISO city units (Astana, Almaty, Shymkent).
GEONAMES = iso_city_geonames()
CYRILLIC_PAIRS = {"KZ": (KZ_CYRILLIC, "kk", "kk-bgn"), "BY": (BY_CYRILLIC, "be", "be-national")}


def entity(sub, used: set[str]) -> dict:
    cc = sub.country_code
    kind, subkind = TYPE_BY_COUNTRY.get((cc, sub.type)) or TYPES[sub.type]
    names: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str, lang: str, kind: str, source: str) -> None:
        if (text, lang) not in seen:
            seen.add((text, lang))
            names.append(
                {"text": text, "lang": lang, "script": script_of(text), "kind": kind, "source": source}
            )

    # The country's own script first: data files list the usual form first.
    if cc in CYRILLIC_PAIRS:
        table, lang, scheme = CYRILLIC_PAIRS[cc]
        cyrillic = table[sub.code]
        back = kzrel.transliterate(cyrillic, scheme)
        if back != sub.name:
            raise SystemExit(f"{sub.code}: {cyrillic!r} gives {back!r} in {scheme}, not {sub.name!r}")
        add(cyrillic, lang, "official", "iso3166-2-cyrillic")
    add(sub.name, COUNTRIES[cc], "official", "iso-codes")
    if cc == "KZ":
        add(kzrel.transliterate(KZ_CYRILLIC[sub.code], "kk-latn-2021"), "kk", "variant", "kzrel-kk-latn-2021")
    for lang, catalogue in CATALOGUES.items():
        translated = catalogue.gettext(sub.name)
        if translated != sub.name and (cc, lang, translated) not in CONFLICTS:
            add(translated, lang, "official", "iso-codes")
    city = GEONAMES.get(sub.code)
    for n in geonames_names(city) if city else []:
        add(n["text"], n["lang"], "variant", "geonames")
    ident = f"{cc.lower()}-{slug(sub.name)}"
    if ident in used:
        # Two units of one name (Toshkent the city and the region): the kind tells them apart.
        ident = f"{ident}-{kind}"
    used.add(ident)
    record = {"id": ident, "kind": kind}
    if subkind:
        record["subkind"] = subkind
    record["names"] = names
    record["parents"] = [{"id": cc.lower(), "source": "iso-codes"}]  # the code's country prefix
    city = GEONAMES.get(sub.code)
    if city:
        record["coordinates"] = {"lat": city["latitude"], "lon": city["longitude"]}
    record["external"] = {"iso3166": sub.code}
    if city:
        record["external"]["geonames"] = city["geonameid"]
    return record


# The iso-codes catalogues of ISO 3166-2 names, read once.
CATALOGUES = {
    lang: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
    for lang in ["ru", "uk", "be"]
}


def conflicts() -> dict[tuple[str, str, str], list[str]]:
    """(country, language, translation) → the codes of the units it is given to, where it
    translates two different ISO names (units of one name, as Toshkent the city and the
    region, may share a translation)."""
    given: dict[tuple[str, str, str], list] = {}
    for cc in COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=cc):
            for lang, catalogue in CATALOGUES.items():
                translated = catalogue.gettext(sub.name)
                if translated != sub.name:
                    given.setdefault((cc, lang, translated), []).append(sub)
    return {
        k: sorted(s.code for s in subs)
        for k, subs in given.items()
        if len({s.name for s in subs}) > 1
    }


CONFLICTS = conflicts()


def render() -> str:
    records = []
    used: set[str] = set()
    for cc in COUNTRIES:
        # Cities first, so that a region sharing a city's name takes the suffix.
        subs = sorted(
            pycountry.subdivisions.get(country_code=cc),
            key=lambda s: (TYPES.get(s.type, ("region",))[0] != "city", s.code),
        )
        records.extend(entity(sub, used) for sub in subs)
    return generated.jsonl(records)


def main(argv: list[str]) -> int:
    if "--conflicts" in argv:
        for (cc, lang, text), codes in sorted(CONFLICTS.items()):
            print(f"{lang} {text!r}: given to {', '.join(codes)}; left out")
        return 0
    return generated.main(OUT, render, argv, "units")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
