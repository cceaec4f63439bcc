"""Relations through the Python API: every query, the views, every conversion and
export, round trips, and the errors a researcher's own relation files get."""

from __future__ import annotations

import pickle
import xml.etree.ElementTree as ET

import pytest

import kzrel
from kzrel.errors import DatasetError, UnknownEntityError


@pytest.fixture(scope="module")
def ds() -> kzrel.Dataset:
    return kzrel.load()


def party_ids(r: kzrel.Relation) -> set[str]:
    return {p.entity.id for p in r.parties}


def test_north_kazakhstan_agreements_with_its_russian_neighbours(ds):
    found = ds.relations(kind="agreement", party="KZ-59")
    assert len(found) > 0 and all(r.kind == "agreement" for r in found)
    partners = set().union(*(party_ids(r) for r in found))
    for neighbour in ["RU-OMS", "RU-KGN", "RU-TYU"]:
        assert ds.entity(neighbour).id in partners, neighbour
    omsk = next(r for r in found if "ru-omskaya-oblast" in party_ids(r) and r.date == "2001-09-03")
    assert omsk.sources[0].quote and omsk.sources[0].document["title"]
    # the akimat signed it: a body of the region acts for the region
    assert any(p.entity.kind == "organization" for p in omsk.parties)


def test_results_are_in_date_order_with_undated_last(ds):
    found = ds.relations()
    undated = [r.date is None for r in found]
    assert any(undated) and undated == sorted(undated), "every undated relation comes after every dated one"
    firsts = [row["start"] for row in found.rows() if row["start"] is not None]
    assert firsts == sorted(firsts)


def test_partial_dates_overlap(ds):
    in_2014 = ds.relations(during="2014")
    assert len(in_2014) > 0
    assert all(r.date is not None for r in in_2014)
    for row in in_2014.rows():
        assert row["start"] <= "2014-12-31" and (row["end"] is None or row["end"] >= "2014-01-01")
    days = [r for r in in_2014 if len(r.date) == 10]
    assert days, "some relation of 2014 is dated to the day"
    # a day of 2014 is found by the year, and the year's relations by since/until
    assert {r.id for r in in_2014} == {r.id for r in ds.relations(since="2014", until="2014")}
    assert ds.relations(since="2020", until="2010").ids == []
    with pytest.raises(ValueError, match="invalid date"):
        ds.relations(since="2014-13")


def test_any_region_of_kazakhstan_through_the_hierarchy(ds):
    regional = ds.relations(party="KZ", within=True, party_kind="region")
    assert len(regional) > 0
    for r in regional:
        on = r.date.split("/")[0] if r.date else None
        kz_region = [p.entity for p in r.parties
                     if p.entity.kind == "region" and (c := p.entity.country(as_of=on)) is not None and c.id == "kz"]
        assert kz_region, r.id
    # without within, only relations where Kazakhstan itself, or one of its bodies, is a party
    national = ds.relations(party="KZ")
    for r in national:
        on = r.date.split("/")[0] if r.date else None
        assert any(p.entity.id == "kz" or (p.entity.kind == "organization" and (q := p.entity.parent(as_of=on))
                   is not None and q.id == "kz") for p in r.parties), r.id


def test_counterpart_country_place_and_text(ds):
    with_russia = ds.relations(party="KZ-59", country="RU")
    assert len(with_russia) > 0
    for r in with_russia:
        on = r.date.split("/")[0] if r.date else None
        assert any(
            (c := p.entity.country(as_of=on)) is not None and c.id == "ru" for p in r.parties
        ), r.id
    astana = ds.relations(place="KZ-71")
    assert len(astana) > 0 and all(r.place is not None for r in astana)
    assert all("omsk" in (r.summary + " ".join(c.quote for c in r.sources) + (r.title or "") + (r.note or "")).lower()
               for r in ds.relations(text="OMSK"))


def test_bad_arguments(ds):
    with pytest.raises(ValueError, match="unknown relation kind"):
        ds.relations(kind="treaty")
    with pytest.raises(UnknownEntityError):
        ds.relations(party="Kazakstan")
    with pytest.raises(KeyError):
        ds.relation("no-such-relation")
    with pytest.raises(ValueError, match="per="):
        ds.relations().rows(per="year")


def test_relation_objects(ds):
    r = ds.relations(kind="trade-figure")[0]
    assert r.value is not None and r.value["flow"] in {"turnover", "export", "import", "investment", "cost"}
    assert r.to_dict()["id"] == r.id
    assert pickle.loads(pickle.dumps(r)) == r
    assert ds.relation(r.id) == r and hash(ds.relation(r.id)) == hash(r)
    assert repr(r).startswith(f"Relation({r.id!r}, {r.kind}")
    assert "<table>" in r._repr_html_() and "<table>" in ds.relations()[:3]._repr_html_()
    assert all(isinstance(p, kzrel.Party) and p.role for p in r.parties)
    assert all(isinstance(c, kzrel.Citation) and len(c.quote) <= 200 for c in r.sources)


def test_sequence_protocol(ds):
    found = ds.relations()
    assert len(found[:5]) == 5 and found[-1] == found[len(found) - 1]
    assert [r.id for r in found[2:8:2]] == found.ids[2:8:2]
    assert [r.id for r in found] == found.ids
    with pytest.raises(IndexError):
        found[len(found)]


def test_tables_per_relation_and_per_party(ds):
    found = ds.relations(party="BY")
    rows = found.rows()
    parties = found.rows(per="party")
    assert len(rows) == len(found) and len(parties) == sum(len(r.parties) for r in found)
    pandas = pytest.importorskip("pandas", reason="pandas is a test dependency; install .[test]")
    frame = found.to_pandas()
    assert isinstance(frame, pandas.DataFrame) and len(frame) == len(found)
    assert list(frame.columns)[:3] == ["id", "kind", "subkind"]
    per_party = found.to_pandas(per="party")
    assert {"entity", "role", "country"} <= set(per_party.columns)
    polars = pytest.importorskip("polars", reason="polars is a test dependency; install .[test]")
    pl = found.to_polars(per="party")
    assert isinstance(pl, polars.DataFrame) and pl.height == len(parties)


def test_belarus_kazakhstan_trade_series_by_year(ds):
    pandas = pytest.importorskip("pandas", reason="pandas is a test dependency; install .[test]")
    trade = ds.relations(kind="trade-figure", party="BY", country="KZ").to_pandas()
    turnover = trade[(trade["flow"] == "turnover") & (trade["unit"] == "USD") & (trade["status"] == "actual")]
    by_year = turnover.groupby("year")["value"].max()
    assert by_year.index.is_monotonic_increasing and len(by_year) >= 5
    assert by_year.loc[2010] == pytest.approx(870e6)


def test_ego_network_and_counts(ds):
    east = ds.relations(party="KZ-63", within=True)
    ties = east.ego_network("KZ-63", within=True)
    assert ties and ties == sorted(ties, key=lambda t: (-t["count"], t["entity"]))
    assert all(t["entity"] != "kz-shyghys-qazaqstan-oblysy" for t in ties)
    assert sum(t["count"] for t in ties) >= len(east)
    counts = east.counts(focal="KZ-63", within=True)
    assert counts and all(set(c) == {"year", "partner", "count"} for c in counts)
    assert all(c["partner"] != "kz-shyghys-qazaqstan-oblysy" for c in counts)


def test_jsonl_and_csv_round_trip(ds, tmp_path):
    everything = ds.relations()
    for name, write in [("all.jsonl", everything.to_jsonl), ("all.csv", everything.to_csv)]:
        path = tmp_path / name
        assert write(path) is None
        again = kzrel.load(path, embedded_relations=False)
        assert [r.to_dict() for r in again.relations()] == [r.to_dict() for r in everything], name
    assert everything.to_jsonl().count("\n") == len(everything)


def test_graphml_reads_as_a_graph(ds, tmp_path):
    found = ds.relations(party="KZ-63", within=True)
    text = found.to_graphml()
    root = ET.fromstring(text)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = root.findall(".//g:node", ns)
    edges = root.findall(".//g:edge", ns)
    ids = {n.get("id") for n in nodes}
    assert "kz-shyghys-qazaqstan-oblysy" in ids and edges
    assert all(e.get("source") in ids and e.get("target") in ids for e in edges)
    networkx = pytest.importorskip("networkx", reason="networkx is optional for this check")
    path = tmp_path / "east.graphml"
    found.to_graphml(path)
    g = networkx.read_graphml(path)
    assert g.number_of_nodes() == len(nodes)


def test_parquet(ds, tmp_path):
    polars = pytest.importorskip("polars", reason="polars is a test dependency; install .[test]")
    path = tmp_path / "rel.parquet"
    found = ds.relations(kind="trade-figure")
    found.to_parquet(path)
    back = polars.read_parquet(path)
    assert back.height == len(found) and back["id"].to_list() == found.ids


def test_a_bad_relation_file_names_line_field_and_fix(tmp_path):
    bad = tmp_path / "mine.jsonl"
    bad.write_text(
        '{"id": "my-1", "kind": "agreement", "parties": [{"entity": "KZ-59", "role": "signatory"}], '
        '"summary": "ok", "sources": [{"source": "iso-codes", "quote": "q"}]}\n'
        '{"id": "my-2", "kind": "agreement", "parties": [{"entity": "Korgan region", "role": "signatory"}], '
        '"summary": "s", "sources": [{"source": "iso-codes", "quote": "q"}]}\n'
        '{"id": "my-3", "kind": "trade-figure", "parties": [{"entity": "kz", "role": "reporter"}], '
        '"summary": "s", "sources": [{"source": "iso-codes", "quote": "q"}], "date": "2014-13"}\n',
        encoding="utf-8",
    )
    with pytest.raises(DatasetError) as info:
        kzrel.load(bad)
    problems = "\n".join(info.value.problems)
    assert f'{bad}:2: my-2: parties[0].entity: "Korgan region" names no entity' in problems
    assert "did you mean Kurgan Oblast (ru-kurganskaya-oblast, RU-KGN)?" in problems
    assert f"{bad}:3:" in problems and "2014-13" in problems
    csv_bad = tmp_path / "mine.csv"
    csv_bad.write_text("id,kind,parties,summary,source,quote\nmy-9,agreement,KZ-59 signatory,s,iso-codes,q\n",
                       encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        kzrel.load(csv_bad)
    assert f"{csv_bad}:2: parties: " in "\n".join(info.value.problems)


def test_own_relations_in_csv_and_toml_load(tmp_path):
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(
        "id,kind,subkind,date,parties,summary,source,locator,quote\n"
        'my-1,agreement,memorandum,2015-05,"KZ-59=signatory;RU-OMS=signatory",A memorandum.,notes,p. 3,"signed, at last"\n',
        encoding="utf-8",
    )
    toml_file = tmp_path / "mine.toml"
    toml_file.write_text(
        '[notes]\ntitle = "My field notes"\n\n'
        '[[relation]]\nid = "my-2"\nkind = "event"\nsubkind = "visit"\ndate = "2015-06-01"\n'
        'parties = [{entity = "BY", role = "visitor"}, {entity = "KZ", role = "host"}]\n'
        'summary = "A visit."\nsources = [{source = "notes", quote = "came"}]\n',
        encoding="utf-8",
    )
    mine = kzrel.load(toml_file, csv_file)
    r = mine.relation("my-1")
    assert r.date == "2015-05" and [p.entity.id for p in r.parties] == ["kz-soltustik-qazaqstan-oblysy", "ru-omskaya-oblast"]
    assert r.sources[0].quote == "signed, at last" and r.sources[0].document["title"] == "My field notes"
    assert mine.relation("my-2").parties[0].role == "visitor"
    assert len(mine.relations()) == len(kzrel.load().relations()) + 2
