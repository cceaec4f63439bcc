#!/usr/bin/env python3
"""Write kzrel-core/data/entities/countries.jsonl: every ISO 3166-1 country, one entity
per line, with its codes and its names in English, Russian, Kazakh, Ukrainian and
Belarusian.

Source: pycountry, which ships Debian's iso-codes (the ISO 3166-1 list and its
translations, LGPL-2.1-or-later); the data file cites it as source `iso-codes`. Names:

- English: the ISO short name (`short`), the formal name where ISO gives one
  (`official`), and pycountry's common name where it has one (`variant`);
- ru, kk, uk, be: the iso-codes translations of the same names, with the same kinds,
  written as the translators give them (the Kazakh short name of the United States is
  АҚШ, the Ukrainian США). A name the catalogue leaves untranslated is left out.

Ids are the lowercase alpha-2 codes (`kz`, `ru`). Run:

    python scripts/gen_countries.py            # rewrite the file
    python scripts/gen_countries.py --check    # exit 1 if the file is out of date

tests/test_dataset.py runs the --check form, so a pycountry update that changes a name
fails the tests instead of drifting silently.
"""
from __future__ import annotations

import gettext
import sys
import unicodedata
from pathlib import Path

import pycountry

import generated

OUT = Path(__file__).resolve().parent.parent / "kzrel-core" / "data" / "entities" / "countries.jsonl"
LANGS = ["ru", "kk", "uk", "be"]
SOURCE = "iso-codes"
# (pycountry attribute, name kind); the first kind wins when two give the same text.
FIELDS = [("official_name", "official"), ("name", "short"), ("common_name", "variant")]


def script_of(text: str) -> str:
    """ISO 15924 code of the letters of `text`: Cyrl or Latn (an error for anything else
    or a mix, so that no name is filed under the wrong script)."""
    scripts = {
        unicodedata.name(ch).split()[0] for ch in text if ch.isalpha()
    }
    if scripts == {"CYRILLIC"}:
        return "Cyrl"
    if scripts == {"LATIN"}:
        return "Latn"
    raise ValueError(f"{text!r}: letters of {sorted(scripts)}")


def slug(text: str) -> str:
    """ASCII letters and digits of `text`, lowercased, in groups joined by hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out, dash = [], False
    for ch in folded.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif out and not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def names(country, catalogues) -> list[dict]:
    out: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str, lang: str, kind: str) -> None:
        key = (text, lang)
        if key not in seen:
            seen.add(key)
            out.append(
                {
                    "text": text,
                    "lang": lang,
                    "script": script_of(text),
                    "kind": kind,
                    "source": SOURCE,
                }
            )

    for attr, kind in FIELDS:
        english = getattr(country, attr, None)
        if english:
            add(english, "en", kind)
    for lang in LANGS:
        for attr, kind in FIELDS:
            english = getattr(country, attr, None)
            if not english:
                continue
            translated = catalogues[lang].gettext(english)
            if translated != english:
                add(translated, lang, kind)
    return out


def render() -> str:
    catalogues = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in LANGS
    }
    return generated.jsonl(
        {
            "id": c.alpha_2.lower(),
            "kind": "country",
            "names": names(c, catalogues),
            "external": {"iso3166": c.alpha_2, "iso3166_alpha3": c.alpha_3},
        }
        for c in sorted(pycountry.countries, key=lambda c: c.alpha_2)
    )


def main(argv: list[str]) -> int:
    return generated.main(OUT, render, argv, "countries")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
