"""Extraction through the Python API: mentions in any script and form, Python string
offsets on Cyrillic, combining marks and non-BMP text, filters, bad input, and a pass over
the seed documents when they are at hand."""

from __future__ import annotations

import pytest

import kzrel
from conftest import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"


def found(text: str, **kw) -> list[tuple[str, str]]:
    return [(m.text, m.entity.id) for m in kzrel.extract(text, **kw)]


def test_mentions_in_any_script_and_form():
    assert found("Делегация Павлодарской области посетила Омск и Астану.") == [
        ("Павлодарской области", "kz-pavlodar-oblysy"), ("Омск", "ru-omsk"), ("Астану", "kz-astana")]
    assert found("Өскеменде және Алматыда, ВКО мен ОБСЕ") == [
        ("Өскеменде", "kz-ust-kamenogorsk"), ("Алматыда", "kz-almaty"),
        ("ВКО", "kz-shyghys-qazaqstan-oblysy"), ("ОБСЕ", "org-osce")]
    assert found("Pavlodar Region and Ust'-Kamenogorsk") == [
        ("Pavlodar Region", "kz-pavlodar-oblysy"), ("Ust'-Kamenogorsk", "kz-ust-kamenogorsk")]


def test_offsets_are_python_string_indices():
    text = "😀😀 Аста\u0301на — Ust\u2019-Kamenogorsk; 𝕏 Павлодар облысында."
    mentions = kzrel.extract(text)
    assert [m.entity.id for m in mentions] == ["kz-astana", "kz-ust-kamenogorsk", "kz-pavlodar-oblysy"]
    for m in mentions:
        assert text[m.start:m.end] == m.text


def test_dates_and_filters():
    m = kzrel.extract("В 1995 году Акмола стала столицей.", as_of="1995")[0]
    assert m.entity.id == "kz-astana" and m.candidates[0].method == "historical"
    assert [x.entity.id for x in kzrel.extract("Павлодар и Омск", country="KZ")] == ["kz-pavlodar"]
    assert all(x.entity.kind == "region" for x in kzrel.extract("Павлодар, Омская область", kind="region"))


def test_no_hits_inside_words_or_on_lower_case_words():
    assert found("павлодарский трактор и астана") == []
    assert found("Pavlodarian") == []
    assert found("") == [] and found("!!! 123") == []


def test_bad_input():
    with pytest.raises(TypeError):
        kzrel.extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="invalid date"):
        kzrel.extract("Астана", as_of="2014-13")
    long = "Астана " * 20_000
    assert len(kzrel.extract(long)) == 20_000


def test_the_seed_documents():
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not at hand ({SEEDS} is absent)")
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = kzrel.extract(text)
        assert len(mentions) > 10, path.name
        assert all(text[m.start:m.end] == m.text for m in mentions)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_extract_many_gives_the_best_candidates_as_columns():
    ds = kzrel.load()
    texts = ["Делегация Павлодарской области прибыла в Омск.", "", "😀 Өскеменде и ВКО", "no names here"]
    cols = ds.extract_many(texts, frame=None)
    assert list(cols) == ["doc", "start", "end", "text", "entity", "kind", "method", "score"]
    one_by_one = [(i, m.start, m.end, m.text, m.entity.id, m.entity.kind, m.candidates[0].method,
                   m.candidates[0].score) for i, t in enumerate(texts) for m in ds.extract(t)]
    assert list(zip(*cols.values())) == one_by_one
    for doc, start, end, text in zip(cols["doc"], cols["start"], cols["end"], cols["text"]):
        assert texts[doc][start:end] == text
    pandas = pytest.importorskip("pandas", reason="pandas is a test dependency; install .[test]")
    df = ds.extract_many(texts)
    assert isinstance(df, pandas.DataFrame) and len(df) == len(one_by_one)
    cities = ds.extract_many(texts, as_of="1995", kind="city", frame=None)
    assert cities["text"] == [m.text for t in texts for m in ds.extract(t, as_of="1995", kind="city")]
    assert set(cities["kind"]) == {"city"} and "Омск" in cities["text"]
    with pytest.raises(ValueError, match="frame"):
        ds.extract_many(texts, frame="excel")
    with pytest.raises(TypeError):
        ds.extract_many([b"bytes"], frame=None)


def test_matches_and_mentions_show_in_jupyter():
    ds = kzrel.load()
    m = ds.extract("Алтайский край. <Алтай> & Co")[1]
    html = m._repr_html_()
    assert html.startswith("<div><mark>Алтай</mark> [17:22]") and "ru-altayskiy-kray" in html
    assert "<Алтай>" not in html and "&lt;" not in html.split("</mark>")[0]
    one = m.candidates[0]._repr_html_()
    assert "<b>Altai Krai</b>" in one and "<li>" in one and "&quot;" in one


@pytest.mark.parametrize("text,surface,entity", [
    ("Делегация прибыла из России.", "России", "ru"),
    ("переговоры с Монголией и Словакией", "Монголией", "mn"),
    ("торговля со Словакией", "Словакией", "sk"),
    ("в Китае и Монголии", "Китае", "cn"),
    ("соглашение с Китаем", "Китаем", "cn"),
    ("форум в Алтайском крае", "Алтайском крае", "ru-altayskiy-kray"),
    ("инвестиции Индии", "Индии", "in"),
])
def test_russian_case_forms_that_replace_a_final_letter(text, surface, entity):
    """Case endings that replace -ия (России) or -й (Китае), and the prepositional крае."""
    found = {(m.text, m.entity.id) for m in kzrel.load().extract(text)}
    assert (surface, entity) in found, found
