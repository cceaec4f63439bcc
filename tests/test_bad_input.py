"""The bad-input matrix: every entry point of the Python API against empty, huge and
malformed strings, other types, unknown ids and names, malformed dates, and malformed
user files of every format. Each case asserts the exception class and the words of its
message, and that nothing was loaded or changed."""

from __future__ import annotations

import json

import pytest

import kzrel
from kzrel.errors import (
    DatasetError,
    NotReversibleError,
    UnknownEntityError,
    UnknownProfileError,
    UnknownSchemeError,
)


@pytest.fixture(scope="module")
def ds() -> kzrel.Dataset:
    return kzrel.load()


# (label, call, exception class, words the message must contain)
def matrix(ds: kzrel.Dataset):
    t, c = kzrel.transliterate, kzrel.to_cyrillic
    return [
        # Lone surrogates (a str can hold them, UTF-8 cannot): a ValueError naming the place.
        ("surrogate/transliterate", lambda: t("Аст\ud800ана", "kk-bgn"), ValueError, ["surrogates not allowed", "position 3"]),
        ("surrogate/to_cyrillic", lambda: c("Qost\udc80anai", "kk-latn-2021"), ValueError, ["surrogates", "position 4"]),
        ("surrogate/normalize", lambda: kzrel.normalize("\udc80"), ValueError, ["surrogates"]),
        ("surrogate/detect_script", lambda: kzrel.detect_script("a\ud800"), ValueError, ["surrogates"]),
        ("surrogate/entity", lambda: ds.entity("\ud800"), ValueError, ["surrogates"]),
        ("surrogate/resolve", lambda: ds.resolve("Ал\udc00маты"), ValueError, ["surrogates", "position 2"]),
        ("surrogate/extract", lambda: ds.extract("Ал\udc00маты"), ValueError, ["surrogates", "position 2"]),
        ("surrogate/extract_many", lambda: ds.extract_many(["ok", "Ал\udc00"], frame=None), ValueError, ["surrogates"]),
        ("surrogate/transliterate_list", lambda: kzrel.transliterate_list(["ok", "\ud800"], "kk-bgn"), ValueError, ["surrogates"]),
        # Other types where a str belongs.
        ("bytes/transliterate", lambda: t(b"abc", "kk-bgn"), TypeError, ["bytes", "str"]),
        ("None/transliterate", lambda: t(None, "kk-bgn"), TypeError, ["None", "str"]),
        ("int/scheme", lambda: t("a", 5), TypeError, ["int", "str"]),
        ("bytes/extract", lambda: ds.extract(b"x"), TypeError, ["bytes", "str"]),
        ("None/resolve", lambda: ds.resolve(None), TypeError, ["None", "str"]),
        ("None/entity", lambda: ds.entity(None), TypeError, ["None", "str"]),
        ("int/as_of", lambda: ds.entities(as_of=1995), TypeError, ["int", "str"]),
        ("str/transliterate_list", lambda: kzrel.transliterate_list("abc", "kk-bgn"), TypeError, ["single str"]),
        ("None item/transliterate_list", lambda: kzrel.transliterate_list(["a", None], "kk-bgn"), TypeError, ["item 1"]),
        ("int item/extract_many", lambda: ds.extract_many(["a", 3], frame=None), TypeError, ["int", "str"]),
        # Unknown schemes, profiles, policies, kinds, ids and keys: a suggestion where one is near.
        ("scheme", lambda: t("a", "kk-bgm"), UnknownSchemeError, ['"kk-bgm"', 'did you mean "kk-bgn"', "valid schemes"]),
        ("scheme/empty", lambda: kzrel.scheme(""), UnknownSchemeError, ["valid schemes"]),
        ("profile", lambda: t("a", "ru-bgn", profiles=["separator"]), UnknownProfileError, ['"separator"', "separators"]),
        ("policy", lambda: t("a", "kk-bgn", errors="ignore"), ValueError, ['"strict", "preserve" or "replace"', '"ignore"']),
        ("not reversible", lambda: c("Oskemen", "kk-bgn"), NotReversibleError, ["kk-bgn", "kk-latn-2021"]),
        ("entity kind", lambda: ds.entities(kind="regoin"), ValueError, ['"regoin"', "region"]),
        ("resolve kind", lambda: ds.resolve("Almaty", kind="town"), ValueError, ['"town"', "city"]),
        ("relation kind", lambda: ds.relations(kind="treaty"), ValueError, ['"treaty"', "agreement"]),
        ("entity key", lambda: ds.entity("KZ-99"), UnknownEntityError, ['"KZ-99"', 'did you mean "KZ-19"']),
        ("entity key/no prefix", lambda: ds.entity("ust-kamenogorsk"), UnknownEntityError, ['did you mean "kz-ust-kamenogorsk"']),
        ("entity key/a name", lambda: ds.entity("Oskemen"), UnknownEntityError, ['did you mean "kz-ust-kamenogorsk"']),
        ("entity key/a Cyrillic name", lambda: ds.entity("Павлодар облысы"), UnknownEntityError, ['did you mean "kz-pavlodar-oblysy"']),
        ("entity key/empty", lambda: ds.entity(""), UnknownEntityError, ['no entity ""', "ISO 3166"]),
        ("country key", lambda: ds.resolve("Almaty", country="XX"), UnknownEntityError, ['"XX"']),
        ("party key", lambda: ds.relations(party="KZ-99"), UnknownEntityError, ['"KZ-99"']),
        ("relation id", lambda: ds.relation("zal-9999"), KeyError, ['"zal-9999"']),
        ("rows per", lambda: ds.relations()[:2].rows(per="x"), ValueError, ['per="x"', '"relation", "party"']),
        ("frame", lambda: ds.extract_many(["a"], frame="excel"), ValueError, ['frame="excel"', '"pandas"']),
        ("limit", lambda: ds.resolve("Almaty", limit=-1), ValueError, ["limit", "-1"]),
        ("limit/extract", lambda: ds.extract("Almaty", limit=-2), ValueError, ["limit", "-2"]),
        ("language", lambda: ds.entity("KZ").name_in("kazakh"), ValueError, ['"kazakh"', "ISO 639"]),
        # Malformed dates, each with what is wrong and how to write one.
        ("date/month", lambda: ds.entities(as_of="1995-13"), ValueError, ['"1995-13"', "month 13", "YYYY-MM-DD"]),
        ("date/day", lambda: ds.relations(since="2014-02-30"), ValueError, ['"2014-02-30"', "28"]),
        ("date/word", lambda: ds.resolve("Almaty", as_of="yesterday"), ValueError, ['"yesterday"', "four digits"]),
        ("date/empty", lambda: ds.entity("KZ").name_in("ru", as_of=""), ValueError, ["YYYY"]),
        ("date/period as_of", lambda: ds.extract("Алматы", as_of="2020/2010"), ValueError, ["2020/2010"]),
    ]


def cases():
    return [pytest.param(i, id=label) for i, (label, *_rest) in enumerate(matrix(None))]  # type: ignore[arg-type]


@pytest.mark.parametrize("case", cases())
def test_bad_input_raises_a_clear_exception(ds, case):
    label, call, exc, words = matrix(ds)[case]
    with pytest.raises(exc) as info:
        call()
    message = str(info.value)
    for w in words:
        assert w in message, f"{label}: {w!r} not in {message!r}"


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: kzrel.transliterate("", "kk-bgn") == "",
        lambda ds: kzrel.to_cyrillic("", "kk-latn-2021") == "",
        lambda ds: kzrel.normalize("") == "",
        lambda ds: kzrel.detect_script("").confidence == 0.0,
        lambda ds: ds.resolve("") == [],
        lambda ds: ds.resolve("   \t\n") == [],
        lambda ds: ds.extract("") == [],
        lambda ds: len(ds.extract_many([], frame=None)["doc"]) == 0,
        lambda ds: kzrel.transliterate_list([], "kk-bgn") == [],
        lambda ds: ds.resolve("Almaty", limit=0) == [],
        lambda ds: ds.extract("\x00\x01\u202e\ufeff\U0010ffff\u0301") == [],
    ],
    ids=["translit", "to_cyrillic", "normalize", "detect", "resolve", "resolve-space", "extract", "extract_many",
         "list", "limit-0", "controls"],
)
def test_empty_and_odd_input_gives_empty_results(ds, call):
    assert call(ds)


@pytest.fixture(scope="module")
def huge() -> str:
    """100 MB of UTF-8: a sentence with four mentions, repeated."""
    line = "Делегация Павлодарской области посетила Омск и Өскемен, ВКО.\n"
    return line * (100_000_000 // len(line.encode()))


def test_a_100_mb_string(ds, huge):
    n = huge.count("\n")
    latin = kzrel.transliterate(huge, "ru-bgn")
    assert latin.count("\n") == n and latin.startswith("Delegatsiya Pavlodarskoy oblasti")
    found = ds.extract(huge)
    assert len(found) == 4 * n
    assert huge[found[-1].start:found[-1].end] == found[-1].text == "ВКО"
    # A 100 MB "name" is cut to the longest key worth comparing: no match, at once.
    assert ds.resolve(huge) == []


# Malformed user files: every format, each problem named by file, line and field, and
# nothing loaded (the error is all there is; the embedded dataset is untouched).

SOURCE = '[s]\ntitle = "A source"\n'


def entity(i: str, parent: str | None = None, **extra) -> str:
    r = {"id": i, "kind": "city", "names": [{"text": i.split("-")[-1].title(), "lang": "en", "script": "Latn",
                                             "kind": "official", "source": "s"}], **extra}
    if parent:
        r["parents"] = [{"id": parent, "source": "s"}]
    return json.dumps(r, ensure_ascii=False)


RELATION_CSV_HEADER = "id,kind,date,parties,summary,source,locator,quote\n"

FILES = [
    # (label, file name, content (str: written as UTF-8; bytes: as they are), words of the problem)
    ("jsonl/truncated", "mine.jsonl", entity("kz-a") + "\n" + entity("kz-b")[:40], ["mine.jsonl:2:", "EOF while parsing"]),
    ("jsonl/duplicate", "mine.jsonl", entity("kz-a") + "\n" + entity("kz-a") + "\n", ["mine.jsonl:2:", 'id "kz-a" is used again', "mine.jsonl:1"]),
    ("jsonl/cycle", "mine.jsonl", entity("kz-a", "kz-b") + "\n" + entity("kz-b", "kz-a") + "\n", ["mine.jsonl:1:", "lead back", "kz-a → kz-b → kz-a"]),
    ("jsonl/self-parent", "mine.jsonl", entity("kz-a", "kz-a") + "\n", ["mine.jsonl:1:", "among its own parents"]),
    ("jsonl/unknown parent", "mine.jsonl", entity("kz-a", "kz-nowhere") + "\n", ["mine.jsonl:1:", "kz-nowhere"]),
    ("jsonl/unknown source", "mine.jsonl", entity("kz-a").replace('"source": "s"', '"source": "nope"') + "\n", ["mine.jsonl:1:", '"nope"']),
    ("jsonl/cp1251", "mine.jsonl", entity("kz-a").encode() + b"\n" + "Алматы".encode("cp1251") + b"\n", ["mine.jsonl:2:", "not UTF-8", "save the file as UTF-8"]),
    ("jsonl/utf16", "mine.jsonl", entity("kz-a").encode("utf-16"), ["mine.jsonl:", "UTF-16"]),
    ("jsonl/not json", "mine.jsonl", "id,kind\nkz-a,city\n", ["mine.jsonl:1:"]),
    ("jsonl/bad date", "mine.jsonl", entity("kz-a", period="1997-02-30/..") + "\n", ["mine.jsonl:1:", "1997-02-30"]),
    ("jsonl/amends nothing", "mine.jsonl", '{"amends": "kz-nowhere", "names": []}\n', ["mine.jsonl:1:", 'amends unknown entity "kz-nowhere"']),
    ("csv/truncated", "rel.csv", RELATION_CSV_HEADER + 'r-1,agreement,2014,"kz=signatory', ["rel.csv:2"]),
    ("csv/unknown kind", "rel.csv", RELATION_CSV_HEADER + "r-1,treaty,2014,kz=signatory;ru=signatory,A treaty.,s,p. 1,q\n", ["rel.csv:2:", "treaty"]),
    ("csv/unknown party", "rel.csv", RELATION_CSV_HEADER + "r-1,agreement,2014,kz=signatory;xx-nowhere=signatory,An agreement.,s,p. 1,q\n", ["rel.csv:2:", "xx-nowhere"]),
    ("csv/latin1", "rel.csv", (RELATION_CSV_HEADER + "r-1,agreement,2014,kz=signatory,Accord signé.,s,p. 1,q\n").encode("latin-1"), ["rel.csv:2:", "not UTF-8"]),
    ("toml/truncated", "more.toml", '[t]\ntitle = "A bo', ["more.toml", "TOML parse error"]),
    ("toml/duplicate source", "more.toml", SOURCE, ["more.toml", "s"]),
    ("toml/entity table", "more.toml", '[[entity]]\nid = "Kz X"\nkind = "city"\nnames = []\n', ["more.toml", "Kz X"]),
    ("kind of file", "mine.xlsx", "x", ["mine.xlsx", "unknown kind of file", "*.jsonl"]),
]


@pytest.mark.parametrize("label,name,content,words", FILES, ids=[f[0] for f in FILES])
def test_a_malformed_file_names_its_problem_and_loads_nothing(ds, tmp_path, label, name, content, words):
    sources = tmp_path / "sources.toml"
    sources.write_text(SOURCE, encoding="utf-8")
    good = tmp_path / "good.jsonl"
    good.write_text(entity("kz-good-village", "kz") + "\n", encoding="utf-8")
    bad = tmp_path / name
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    before = (len(ds.entities()), len(ds.relations()), kzrel.__data_version__)
    with pytest.raises(DatasetError) as info:
        kzrel.load(sources, good, bad)
    problems = "\n".join(info.value.problems)
    for w in words:
        assert w in problems, f"{label}: {w!r} not in {problems!r}"
    # Nothing was loaded, and the embedded dataset is as it was.
    assert (len(ds.entities()), len(ds.relations()), kzrel.__data_version__) == before
    assert len(kzrel.load().entities()) == before[0]
    with pytest.raises(UnknownEntityError):
        kzrel.load().entity("kz-good-village")
    # The same good files load on their own afterwards: the failure left no state behind.
    assert kzrel.load(sources, good).entity("kz-good-village").parent().id == "kz"


def test_a_rust_panic_reaches_python_as_a_runtime_error():
    """A panic in kzrel's Rust (a bug: fuzzing found none) is an ordinary exception that
    `except Exception` catches and that says what happened, not pyo3's PanicException."""
    from kzrel import _kzrel

    with pytest.raises(RuntimeError, match=r"internal error in kzrel \(boom\); please report it"):
        _kzrel._panic_for_test("boom")
    try:
        _kzrel._panic_for_test("again")
    except Exception as e:  # noqa: BLE001 - the point of the test
        assert isinstance(e, RuntimeError)
    # The library goes on working after it.
    assert kzrel.transliterate("Өскемен", "kk-latn-2021") == "Öskemen"
