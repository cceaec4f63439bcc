"""A typed tour of kzrel: mypy --strict accepts it (tests/test_stubs.py checks), and it
runs against the embedded data."""

from __future__ import annotations

import kzrel


def regions_in(text: str, ds: kzrel.Dataset) -> list[tuple[str, str]]:
    """The regions a text mentions: (surface, entity id)."""
    out: list[tuple[str, str]] = []
    for m in ds.extract(text, as_of="2023"):
        e: kzrel.Entity = m.entity
        if e.kind == "region":
            out.append((m.text, e.id))
    return out


def best_id(name: str) -> str | None:
    matches: list[kzrel.Match] = kzrel.resolve(name)
    return matches[0].entity.id if matches else None


def agreements_of(key: str, ds: kzrel.Dataset) -> list[str]:
    return [r.id for r in ds.relations(kind="agreement", party=key)]


def main() -> None:
    ds = kzrel.load()
    latin: str = kzrel.transliterate("Өскемен", "kk-latn-2021")
    print(latin, best_id("Korgan region"))
    print(regions_in("Делегации Курганской, Омской и Тюменской областей прибыли в Петропавловск.", ds))
    print(agreements_of("KZ-59", ds)[:3])


if __name__ == "__main__":
    main()
