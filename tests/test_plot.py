"""kzrel.plot: each picture renders to PNG and draws what the data says."""

from __future__ import annotations

import subprocess
import sys

import pytest

import kzrel

matplotlib = pytest.importorskip("matplotlib", reason="matplotlib is in the [test] extra")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

import kzrel.plot as kp  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def ds():
    return kzrel.load()


def render(ax, tmp_path, name):
    path = tmp_path / f"{name}.png"
    ax.figure.savefig(path, dpi=60)
    data = path.read_bytes()
    assert data.startswith(PNG)
    assert len(data) > 10_000, f"{name}.png is {len(data)} bytes: nearly empty"
    return path


def legend_texts(ax, title):
    from matplotlib.legend import Legend

    for legend in (a for a in ax.get_children() if isinstance(a, Legend)):
        if legend.get_title().get_text() == title:
            return [t.get_text() for t in legend.get_texts()]
    raise AssertionError(f"no legend titled {title!r}")


def test_network_of_east_kazakhstan(ds, tmp_path):
    ax = kp.network(ds, "KZ-63")
    render(ax, tmp_path, "network")
    relations = ds.relations(party="KZ-63", within=True)
    assert ax.get_title().startswith(f"East Kazakhstan Region: {len(relations)} relations")
    labels = {t.get_text() for t in ax.texts}
    assert {"East Kazakhstan Region", "Altai Krai", "Xinjiang", "Mongolia"} <= labels
    # Oskemen and the region's akimat are inside it: merged into it, not nodes of their own.
    assert "Ust-Kamenogorsk" not in labels and "Oskemen" not in labels
    # Every kind among the relations, and no other, is in the legend, in its colour.
    kinds = {r.kind for r in relations if len(r.parties) > 1}
    assert set(legend_texts(ax, "relation")) == kinds
    edge_colours = {matplotlib.colors.to_hex(p.get_edgecolor()) for p in ax.patches if isinstance(p, FancyArrowPatch)}
    assert edge_colours == {kp.KIND_COLOURS[k] for k in kinds}
    countries = legend_texts(ax, "country")
    assert "Kazakhstan" in countries and "China" in countries and "Russian Federation" in countries


def test_the_network_legends_fit_in_the_figure(ds, tmp_path):
    ax = kp.network(ds, "KZ-63")
    fig = ax.figure
    fig.savefig(tmp_path / "n.png")
    renderer = fig.canvas.get_renderer()
    from matplotlib.legend import Legend

    legends = [a for a in ax.get_children() if isinstance(a, Legend)]
    assert len(legends) >= 2
    for legend in legends:
        box = legend.get_window_extent(renderer)
        assert 0 <= box.x0 and box.x1 <= fig.bbox.width + 1 and 0 <= box.y0 and box.y1 <= fig.bbox.height + 1


def test_network_unmerged_shows_what_lies_inside(ds):
    merged = kp.network(ds, "KZ-63")
    apart = kp.network(ds, "KZ-63", merge=False)
    count = lambda ax: int(ax.get_title().split(", ")[1].split()[0])  # noqa: E731
    assert count(apart) > count(merged)


def test_network_of_a_query_in_another_language(ds, tmp_path):
    rel = ds.relations(kind="agreement", party="BY", within=True)
    ax = kp.network(rel, lang="ru", labels=5)
    render(ax, tmp_path, "query")
    nodes = sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection))
    parties = {p.entity.id for r in rel for p in r.parties}
    assert nodes == len(parties)
    assert ax.get_title() == f"{len(rel)} relations, {len(parties)} entities"
    assert len(ax.texts) == 5 and any(any("а" <= ch <= "я" for ch in t.get_text()) for t in ax.texts)


def test_network_bad_input(ds):
    with pytest.raises(ValueError, match="focus="):
        kp.network(ds)
    with pytest.raises(kzrel.UnknownEntityError):
        kp.network(ds, "KZ-99")
    with pytest.raises(ValueError, match="takes part in none of the 3 relations"):
        kp.network(ds.relations(party="BY")[:3], "KZ-63")
    ax = kp.network(ds.relations(party="BY")[:0])
    assert ax.get_title() == "No relations to draw"


def test_timeline_by_kind_and_country(ds, tmp_path):
    rel = ds.relations(party="KZ-63", within=True)
    undated = sum(1 for r in rel if r.date is None)
    ax = kp.timeline(rel)
    render(ax, tmp_path, "timeline")
    assert ax.get_title() == f"{len(rel) - undated} dated relations; {undated} without a start date not shown"
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert set(lanes) == {r.kind for r in rel if r.date is not None}
    ax = kp.timeline(rel, by="country", limit=4)
    lanes = [t.get_text() for t in ax.get_yticklabels()]
    assert len(lanes) == 4 and "Kazakhstan" in lanes
    with pytest.raises(ValueError, match="by='year'"):
        kp.timeline(rel, by="year")


def test_map_of_regions_and_partners(ds, tmp_path):
    ax = kp.map(ds)
    render(ax, tmp_path, "map")
    today = __import__("datetime").date.today().isoformat()
    units = [e for e in ds.entities(country="KZ", as_of=today) if e.kind == "region" or e.subkind == "republican-city"]
    labels = {t.get_text() for t in ax.texts}
    assert {"East Kazakhstan Region", "Astana", "Altai Krai", "Omsk Oblast"} <= labels
    blue = [line for line in ax.lines if line.get_marker() in ("o", "s") and line.get_color() == "#4e79a7"]
    assert len(blue) == len(units)
    # Countries and bodies have no point: counted and listed, not drawn.
    assert "cn" in ax.kzrel_not_drawn and "ru-altayskiy-kray" not in ax.kzrel_not_drawn
    assert f"{len(ax.kzrel_not_drawn)} without a point not drawn" in ax.get_title()
    assert ax.get_xlim() == (44.0, 96.0)


def test_map_follows_the_date_and_frames(ds):
    ax = kp.map(ds, as_of="1995", labels=False)
    units = [e for e in ds.entities(country="KZ", as_of="1995") if e.kind == "region" or e.subkind == "republican-city"]
    markers = [line for line in ax.lines if line.get_marker() in ("o", "s")]
    assert len(markers) == len(units) and not ax.texts
    wide = kp.map(ds, extent="all")
    west, east = wide.get_xlim()
    assert west < 0 < east, "a partner in the Americas widens the frame"
    with pytest.raises(ValueError, match="extent='europe'"):
        kp.map(ds, extent="europe")


@pytest.mark.parametrize("draw", [
    lambda ds: kp.timeline(ds.relations(party="KZ-63")),
    lambda ds: kp.network(ds, "KZ-63"),
    lambda ds: kp.map(ds),
], ids=["timeline", "network", "map"])
def test_a_missing_matplotlib_is_named(monkeypatch, ds, draw):
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    monkeypatch.setitem(sys.modules, "matplotlib.lines", None)
    with pytest.raises(ImportError, match=r"pip install 'kzrel\[plot\]'"):
        draw(ds)


def test_long_lane_names_fit_in_the_figure(ds, tmp_path):
    ax = kp.timeline(ds.relations(party="KZ-63", within=True), by="country")
    fig = ax.figure
    fig.savefig(tmp_path / "t.png")  # lays the figure out
    renderer = fig.canvas.get_renderer()
    width = fig.bbox.width
    for label in ax.get_yticklabels():
        box = label.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= width, label.get_text()
    legend = ax.get_legend().get_window_extent(renderer)
    assert legend.x1 <= width + 1


def test_importing_kzrel_loads_no_plotting():
    code = "import sys, kzrel, kzrel.plot; print(sorted(m for m in ('matplotlib', 'networkx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_timeline_of_every_relation_draws_open_periods(ds, tmp_path):
    """Every relation: periods with an open end ("2009/..") are drawn as a triangle."""
    rel = ds.relations()
    ax = kp.timeline(rel)
    render(ax, tmp_path, "all")
    open_ended = [row for row in rel.rows() if row["start"] and not row["end"]]
    triangles = [line for line in ax.lines if line.get_marker() == ">"]
    assert len(triangles) == len(open_ended)
    if open_ended:
        assert "from then on (open end)" in [t.get_text() for t in ax.get_legend().get_texts()]
