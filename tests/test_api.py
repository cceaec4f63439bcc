"""The Python contract of the name layer (DESIGN.md), its errors and its bad-input paths."""

from __future__ import annotations

import copy
import pickle
import threading

import pytest

import kzrel
from kzrel.errors import (
    NotReversibleError,
    UnknownProfileError,
    UnknownSchemeError,
    UnmappableCharacterError,
)


def test_issue_examples():
    assert kzrel.transliterate("Шығыс Қазақстан облысы", "kk-bgn") == "Shyghys Qazaqstan oblysy"
    assert kzrel.transliterate("Өскемен", "kk-latn-2021") == "Öskemen"
    assert kzrel.to_cyrillic("Qostanai", "kk-latn-2021") == "Қостанай"
    assert kzrel.to_cyrillic("Öskemen", "kk-latn-2021") == "Өскемен"


def test_all_caps_digraphs_and_turkic_casing():
    assert kzrel.transliterate("ШЫМКЕНТ", "kk-bgn") == "SHYMKENT"
    assert kzrel.transliterate("ЧЕЛЯБИНСК", "ru-bgn") == "CHELYABINSK"
    assert kzrel.transliterate("Исатай", "kk-latn-2021") == "İsatai"
    assert kzrel.transliterate("ІЛЕ", "kk-latn-2021") == "ILE"


def test_schemes_describe_themselves():
    schemes = kzrel.schemes()
    assert [s.id for s in schemes] == [
        "kk-latn-2021", "kk-latn-2018", "kk-latn-2017", "kk-bgn", "kk-press",
        "ru-bgn", "ru-gost779b", "ru-icao", "ru-alalc", "ru-press",
        "uk-national", "be-national", "be-2023", "be-bgn", "be-icao",
    ]
    for s in schemes:
        assert s.language in {"kk", "ru", "uk", "be"}
        assert s.standard and s.description
    assert {s.id for s in schemes if s.reverses} == {"kk-latn-2021", "kk-latn-2018", "kk-latn-2017", "ru-gost779b"}
    assert kzrel.scheme("uk-bgn").id == "uk-national"
    assert kzrel.scheme("KK_LATN_2021").id == "kk-latn-2021"
    assert "separators" in kzrel.scheme("ru-bgn").profiles


def test_unknown_scheme_lists_ids_and_nearest():
    with pytest.raises(ValueError) as exc:
        kzrel.transliterate("Алматы", "kk-latin-2021")
    e = exc.value
    assert isinstance(e, UnknownSchemeError)
    assert e.given == "kk-latin-2021" and e.suggestion == "kk-latn-2021"
    assert "did you mean" in str(e)
    for s in kzrel.schemes():
        assert s.id in str(e)


def test_reversing_a_one_way_scheme_is_a_clear_error():
    with pytest.raises(NotReversibleError, match="does not reverse") as exc:
        kzrel.to_cyrillic("Kyiv", "uk-national")
    assert exc.value.scheme == "uk-national"
    assert "kk-latn-2021" in str(exc.value)


def test_error_policies():
    text = "Жаңаөзен – Ақтау"
    assert kzrel.transliterate(text, "ru-bgn") == "Zhaңaөzen – Aқtau"  # preserve, the default
    assert kzrel.transliterate(text, "ru-bgn", errors="replace", replacement="_") == "Zha_a_zen – A_tau"
    with pytest.raises(UnmappableCharacterError) as exc:
        kzrel.transliterate(text, "ru-bgn", errors="strict")
    e = exc.value
    assert (e.char, e.position, e.scheme) == ("ң", 2, "ru-bgn")
    assert text[e.position] == e.char
    # Position is a Python string index even after non-BMP characters.
    with pytest.raises(UnmappableCharacterError) as exc:
        kzrel.transliterate("🇰🇿 Қ", "ru-bgn", errors="strict")
    assert exc.value.position == 3
    with pytest.raises(ValueError, match="errors must be"):
        kzrel.transliterate(text, "ru-bgn", errors="ignore")  # type: ignore[arg-type]


def test_strict_reverse_names_the_latin_letter():
    with pytest.raises(UnmappableCharacterError) as exc:
        kzrel.to_cyrillic("Qostanai Washington", "kk-latn-2021", errors="strict")
    assert exc.value.char == "W" and exc.value.position == 9


def test_other_scripts_pass_through():
    assert kzrel.transliterate("Astana 2024 — 北京 «Ақтау»", "kk-latn-2021") == "Astana 2024 — 北京 «Aqtau»"
    assert kzrel.transliterate("", "kk-bgn") == ""


def test_profiles():
    assert kzrel.transliterate("Советская", "ru-bgn", profiles=["separators"]) == "Sovet·skaya"
    assert kzrel.transliterate("Советская", "ru-bgn") == "Sovetskaya"
    assert kzrel.transliterate("Целиноград", "kk-latn-2021", profiles=["orthographic"]) == "Selinograd"
    with pytest.raises(UnknownProfileError, match="has no separators profile"):
        kzrel.transliterate("x", "kk-latn-2021", profiles=["separators"])
    with pytest.raises(UnknownProfileError, match="valid profiles"):
        kzrel.transliterate("x", "ru-bgn", profiles=["dots"])


@pytest.mark.parametrize("bad", [None, b"\xd0\x90", 42, ["Алматы"]])
def test_wrong_types_are_type_errors(bad):
    with pytest.raises(TypeError):
        kzrel.transliterate(bad, "kk-bgn")  # type: ignore[arg-type]


def test_lone_surrogate_is_a_value_error():
    with pytest.raises(ValueError, match="surrogates not allowed"):
        kzrel.transliterate("Алма\ud800ты", "kk-bgn")


def test_list_versions():
    names = ["Київ", "Львів", "Знам'янка"]
    assert kzrel.transliterate_list(names, "uk-national") == [kzrel.transliterate(n, "uk-national") for n in names]
    assert kzrel.transliterate_list((n for n in names), "uk-bgn") == ["Kyiv", "Lviv", "Znamianka"]
    assert kzrel.to_cyrillic_list(["Qostanai", "Öskemen"], "kk-latn-2021") == ["Қостанай", "Өскемен"]
    assert kzrel.transliterate_list([], "kk-bgn") == []
    with pytest.raises(TypeError, match="single str"):
        kzrel.transliterate_list("Київ", "uk-national")
    with pytest.raises(TypeError, match="item 1 is not a str"):
        kzrel.transliterate_list(["Київ", None], "uk-national")  # type: ignore[list-item]
    with pytest.raises(UnmappableCharacterError):
        kzrel.transliterate_list(["ok", "Қ"], "ru-bgn", errors="strict")


def test_list_version_is_thread_safe():
    texts = ["Шығыс Қазақстан облысы"] * 2000
    expected = kzrel.transliterate_list(texts, "kk-bgn")
    results = []

    def work():
        results.append(kzrel.transliterate_list(texts, "kk-bgn"))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results) and len(results) == 8


def test_detect_script():
    r = kzrel.detect_script("Шығыс Қазақстан облысы")
    assert (r.primary, r.language, r.mixed) == ("cyrillic", "kk", False)
    assert 0 < r.confidence <= 1
    assert kzrel.detect_script("Київ").language == "uk"
    assert kzrel.detect_script("Магілёў").language == "be"
    assert kzrel.detect_script("Павлодарской области").language == "ru"
    mixed = kzrel.detect_script("Kазахстан")
    assert mixed.mixed and mixed.latin == 1 and mixed.cyrillic == 8
    empty = kzrel.detect_script("2024 — !")
    assert (empty.primary, empty.language, empty.confidence) == (None, None, 0.0)
    assert kzrel.detect_script("Astana").primary == "latin"


def test_normalize():
    assert kzrel.normalize("  Aршанскi\u00a0раён ") == "Аршанскі раён"
    assert kzrel.normalize("Усть\u2013Каменогорск") == "Усть-Каменогорск"
    assert kzrel.normalize("Знам’янка «Київ»") == "Знам'янка \"Київ\""
    assert kzrel.normalize("и\u0306") == "й"  # NFC
    assert kzrel.normalize("Kазахстан", homoglyphs=False) == "Kазахстан"
    assert kzrel.normalize("Аstana") == "Astana"


@pytest.mark.parametrize(
    "obj",
    [
        kzrel.scheme("kk-bgn"),
        kzrel.detect_script("Қостанай"),
        UnknownSchemeError("m", "x", "kk-bgn"),
        UnknownProfileError("m", "dots"),
        NotReversibleError("m", "ru-bgn"),
        UnmappableCharacterError("m", "Қ", 3, "ru-bgn"),
    ],
    ids=lambda o: type(o).__name__,
)
def test_pickle_and_copy(obj):
    for clone in (pickle.loads(pickle.dumps(obj)), copy.copy(obj), copy.deepcopy(obj)):
        assert type(clone) is type(obj)
        assert repr(clone) == repr(obj)
        if isinstance(obj, Exception):
            assert clone.args == obj.args and vars(clone) == vars(obj)


def test_reprs():
    assert repr(kzrel.scheme("kk-bgn")) == 'SchemeInfo("kk-bgn")'
    assert repr(kzrel.detect_script("Київ")).startswith("ScriptReport(primary='cyrillic', language='uk'")
    assert kzrel.__version__ == "0.1.0"
