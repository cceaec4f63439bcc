"""Resolution through the Python API: the cases of the issue, every method, dates,
filters, ambiguity, the batch form, and bad input."""

from __future__ import annotations

import pytest

import kzrel
from kzrel.errors import UnknownEntityError


@pytest.fixture(scope="module")
def ds() -> kzrel.Dataset:
    return kzrel.load()


def best(query: str, **kw) -> kzrel.Match:
    found = kzrel.resolve(query, **kw)
    assert found, query
    return found[0]


def test_the_issue_cases():
    assert best("Korgan region").entity.iso3166 == "RU-KGN"
    assert best("Павлодарской области").entity.iso3166 == "KZ-55"
    assert best("Астанаға").entity.id == "kz-astana"
    assert best("Tselinograd", as_of="1980").entity.id == "kz-astana"


@pytest.mark.parametrize(
    ("query", "expected", "method"),
    [
        ("Өскемен", "kz-ust-kamenogorsk", "exact"),
        ("Oskemen", "kz-ust-kamenogorsk", "exact"),
        ("Усть-Каменогорськ", "kz-ust-kamenogorsk", "key"),
        ("Ust'-Kamenogorsk", "kz-ust-kamenogorsk", "exact"),
        ("Өскеменде", "kz-ust-kamenogorsk", "inflection"),
        ("Павлодар облысында", "kz-pavlodar-oblysy", "key"),
        ("ВКО", "kz-shyghys-qazaqstan-oblysy", "abbreviation"),
        ("ОБСЕ", "org-osce", "abbreviation"),
        ("Nur-Sultan", "kz-astana", "historical"),
        ("Semipalatinsk", "kz-semey", "historical"),
        ("Pavlodra", "kz-pavlodar", "fuzzy"),
        ("Kazakhstan's", "kz", "key"),
    ],
)
def test_methods(query, expected, method):
    m = best(query)
    assert (m.entity.id, m.method) == (expected, method)
    assert 0.0 <= m.score <= 1.0 and m.matched.text


def test_dates_are_weighed_and_noted():
    akmola = kzrel.resolve("Akmola", as_of="1995")
    ids = [m.entity.id for m in akmola]
    assert ids[0] == "kz-astana" and "kz-aqmola-oblysy" in ids
    nur = best("Nur-Sultan", as_of="2005")
    assert nur.entity.id == "kz-astana" and any("not in use on 2005" in n for n in nur.notes)
    assert any("former name" in n for n in best("Nur-Sultan").notes)
    assert best("Semipalatinsk Oblast", as_of="1990").entity.id == "kz-semipalatinsk-oblast"


def test_ambiguity_is_reported_and_filters_narrow_it():
    altai = {m.entity.id for m in kzrel.resolve("Altai", limit=10)}
    assert {"kz-altay", "ru-altayskiy-kray", "cn-altay-prefecture"} <= altai
    assert best("Pavlodar").entity.id == "kz-pavlodar"
    assert best("Pavlodar region").entity.id == "kz-pavlodar-oblysy"
    assert best("Altai", kind="region", country="RU").entity.country().id == "ru"
    assert all(m.entity.kind == "city" for m in kzrel.resolve("Altai", kind="city"))


def test_batch_releases_the_gil_and_returns_a_frame(ds):
    pandas = pytest.importorskip("pandas", reason="pandas is a test dependency; install .[test]")
    queries = pandas.Series(["Өскемен", "Korgan region", "zzzzqqq", "Астанаға"])
    frame = ds.resolve_many(queries)
    assert list(frame["entity"].fillna("-")) == ["kz-ust-kamenogorsk", "ru-kurganskaya-oblast", "-", "kz-astana"]
    assert set(frame.columns) >= {"query", "entity", "score", "method", "matched"}
    rows = kzrel.resolve_many(["ВКО"], frame=None)
    assert rows[0]["entity"] == "kz-shyghys-qazaqstan-oblysy"


def test_bad_input(ds):
    assert kzrel.resolve("") == [] and kzrel.resolve("!!!") == []
    assert len(kzrel.resolve("а" * 100_000)) <= 5
    with pytest.raises(ValueError, match="unknown entity kind"):
        kzrel.resolve("Astana", kind="town")
    with pytest.raises(UnknownEntityError):
        kzrel.resolve("Astana", country="Kazakstan")
    with pytest.raises(ValueError, match="invalid date"):
        kzrel.resolve("Astana", as_of="1995-13")
    with pytest.raises(TypeError):
        ds.resolve_many([1, 2])


def test_custom_aliases_take_part(tmp_path):
    mine = tmp_path / "aliases.jsonl"
    mine.write_text('{"amends": "kz-semey", "names": [{"text": "Семск", "lang": "ru", "script": "Cyrl", '
                    '"kind": "variant", "source": "notes"}]}\n', encoding="utf-8")
    notes = tmp_path / "notes.toml"
    notes.write_text('[notes]\ntitle = "My aliases"\n', encoding="utf-8")
    ds = kzrel.load(mine, notes)
    assert ds.resolve("Семск")[0].entity.id == "kz-semey"
    # without the alias, the embedded data does not know the name as such
    assert all(m.method == "fuzzy" for m in kzrel.resolve("Семск"))
