"""Pictures of relations: the partnership network of an entity or a query, a timeline,
and a map of Kazakhstan's regions with their partners.

Needs matplotlib and networkx (``pip install 'kzrel[plot]'``), imported when a function
is called, not when kzrel is. Each function draws on ``ax`` (a new figure when None) and
returns the axes, so the figure can be saved, resized or drawn over.

>>> import kzrel, kzrel.plot
>>> ds = kzrel.load()
>>> ax = kzrel.plot.network(ds, "KZ-63")                 # doctest: +SKIP
>>> ax.figure.savefig("east-kazakhstan.png", dpi=150)    # doctest: +SKIP

Colours are fixed per relation kind (:data:`KIND_COLOURS`) so that pictures compare
across queries; countries take the colours of a qualitative palette in order of how
many entities each has in the picture.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any, Iterable, Optional, Union

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

    from kzrel import Dataset, Entity, Relation, Relations

__all__ = ["network", "timeline", "map", "KIND_COLOURS"]

#: The colour of each relation kind, in every picture.
KIND_COLOURS: dict[str, str] = {
    "agreement": "#1f77b4",
    "partnership": "#2ca02c",
    "event": "#ff7f0e",
    "trade-figure": "#9467bd",
    "membership": "#8c564b",
    "project": "#d62728",
}
_OTHER = "#b0b0b0"
# A qualitative palette for countries (matplotlib's tab10 without grey), then grey.
_COUNTRY_COLOURS = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
]  # fmt: skip


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            "kzrel.plot needs matplotlib: pip install 'kzrel[plot]' (or pip install matplotlib networkx)"
        ) from None
    return plt


def _networkx() -> Any:
    try:
        import networkx as nx
    except ImportError:
        raise ImportError(
            "kzrel.plot.network needs networkx: pip install 'kzrel[plot]' (or pip install networkx)"
        ) from None
    return nx


def _axes(ax: Optional[Axes], size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    # Constrained layout makes room for what stands outside the drawing: the legends on
    # the right, long lane names on the left.
    _, ax = _pyplot().subplots(figsize=size, layout="constrained")
    return ax


def _short(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _relations(source: Union[Dataset, Relations], focus: Optional[str], within: bool) -> Relations:
    """The relations to draw: ``source`` itself, or a dataset's relations of ``focus``."""
    from kzrel import Dataset

    if isinstance(source, Dataset):
        if focus is None:
            raise ValueError("give the entity to draw, as focus= (such as 'KZ-63'), with a Dataset")
        return source.relations(party=focus, within=within)
    return source


def _focus_entity(source: Union[Dataset, Relations], relations: Relations, focus: Optional[str]) -> Optional[Entity]:
    """The focus as an entity: from the dataset, or among the relations' parties."""
    from kzrel import Dataset

    if focus is None:
        return None
    if isinstance(source, Dataset):
        return source.entity(focus)
    for r in relations:
        for p in r.parties:
            if focus in (p.entity.id, p.entity.iso3166):
                return p.entity
    raise ValueError(
        f"the focus {focus!r} takes part in none of the {len(relations)} relations given "
        "(name it by its kzrel id or ISO code, or pass the Dataset)"
    )


def _country_colours(countries: Iterable[Optional[str]]) -> dict[Optional[str], str]:
    order = [c for c, _ in Counter(c for c in countries if c).most_common()]
    colours: dict[Optional[str], str] = {c: col for c, col in zip(order, _COUNTRY_COLOURS)}
    colours[None] = _OTHER
    return colours


def _legend(ax: Axes, handles: list[Any], title: str, loc: Any, anchor: tuple[float, float]) -> None:
    legend = ax.legend(handles=handles, title=title, loc=loc, bbox_to_anchor=anchor, fontsize=8, title_fontsize=9, frameon=False)
    ax.add_artist(legend)


def network(
    source: Union[Dataset, Relations],
    focus: Optional[str] = None,
    *,
    within: bool = True,
    merge: bool = True,
    as_of: Optional[str] = None,
    lang: str = "en",
    labels: int = 40,
    seed: int = 7,
    ax: Optional[Axes] = None,
) -> Axes:
    """The network of ``source``'s relations: a node per entity (coloured by its country,
    sized by how many relations it has), an edge per pair of parties of a relation and
    kind (coloured by kind, thicker for more relations).

    ``source`` is a :class:`~kzrel.Relations` (any query), or a :class:`~kzrel.Dataset`
    with ``focus``, the entity whose relations to draw (with ``within=True``, those of
    what lies inside it too). With ``merge=True`` what lies inside the focus (its cities,
    its akimat) is drawn as the focus itself. The ``labels`` entities with most relations
    are named, in ``lang``, as they were named on ``as_of`` (today when None). The layout
    (networkx's spring layout, the focus at the centre) is the same for the same
    ``seed``.
    """
    nx = _networkx()
    relations = _relations(source, focus, within)
    focus_entity = _focus_entity(source, relations, focus)
    focus_id = focus_entity.id if focus_entity is not None else None

    def node_of(entity: Entity, on: Optional[str]) -> Entity:
        # Inside the focus on the relation's date (Semey was in East Kazakhstan in 2014).
        if merge and focus_entity is not None and any(a.id == focus_id for a in entity.ancestors(on)):
            return focus_entity
        return entity

    entities: dict[str, Entity] = {}
    weight: Counter[tuple[str, str, str]] = Counter()
    for r, row in zip(relations, relations.rows()):
        ids = []
        for p in r.parties:
            e = node_of(p.entity, as_of or row["start"])
            entities[e.id] = e
            if e.id not in ids:
                ids.append(e.id)
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                weight[(min(a, b), max(a, b), r.kind)] += 1

    graph = nx.Graph()
    graph.add_nodes_from(entities)
    for (a, b, _), n in weight.items():
        w = graph.get_edge_data(a, b, {"weight": 0})["weight"]
        graph.add_edge(a, b, weight=w + n)

    own_figure = ax is None
    ax = _axes(ax, (11, 8))
    if own_figure:
        # The two legends stand right of the drawing; constrained layout makes room for
        # one legend only, so keep the right fifth of the figure for them.
        from matplotlib.layout_engine import ConstrainedLayoutEngine

        engine = ax.figure.get_layout_engine()
        if isinstance(engine, ConstrainedLayoutEngine):
            engine.set(rect=(0.0, 0.0, 0.8, 1.0))
    ax.set_axis_off()
    if not graph:
        ax.set_title("No relations to draw")
        return ax
    fixed = {focus_id: (0.0, 0.0)} if focus_id in graph else None
    pos = nx.spring_layout(
        graph, seed=seed, weight="weight", pos=fixed, fixed=list(fixed) if fixed else None, k=1.6 / max(len(graph), 1) ** 0.5
    )

    # Edges: one per pair and kind, bent apart when a pair has several kinds.
    kinds_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, b, kind in sorted(weight):
        kinds_of[(a, b)].append(kind)
    # One drawing call per kind and bend (a call per edge is slow on large graphs).
    groups: dict[tuple[str, float], list[tuple[str, str, int]]] = defaultdict(list)
    for (a, b, kind), n in sorted(weight.items()):
        kinds = kinds_of[(a, b)]
        groups[(kind, 0.15 * (kinds.index(kind) - (len(kinds) - 1) / 2))].append((a, b, n))
    for (kind, rad), edges in sorted(groups.items()):
        nx.draw_networkx_edges(
            graph, pos, edgelist=[(a, b) for a, b, _ in edges], ax=ax,
            width=[0.8 + 0.9 * min(n, 6) for _, _, n in edges], alpha=0.75,
            edge_color=KIND_COLOURS.get(kind, _OTHER), arrows=True, arrowstyle="-",
            connectionstyle=f"arc3,rad={rad}", node_size=0,
        )  # fmt: skip

    # Nodes: coloured by country, sized by relations.
    country_of = {i: _country_id(e, as_of) for i, e in entities.items()}
    colours = _country_colours(country_of.values())
    degree = dict(graph.degree(weight="weight"))
    nodes = list(graph)
    nx.draw_networkx_nodes(
        graph, pos, nodelist=nodes, ax=ax,
        node_color=[colours.get(country_of[i], _OTHER) for i in nodes],
        node_size=[60 + 40 * min(degree[i], 30) for i in nodes],
        edgecolors=["black" if i == focus_id else "white" for i in nodes], linewidths=1.2,
    )  # fmt: skip
    named = sorted(nodes, key=lambda i: (i != focus_id, -degree[i], i))[:labels]
    nx.draw_networkx_labels(
        graph, pos, ax=ax, font_size=8,
        labels={i: _short(entities[i].name_in(lang, as_of) or entities[i].name) for i in named},
    )  # fmt: skip

    from matplotlib.lines import Line2D

    kinds_drawn = sorted({k for _, _, k in weight})
    _legend(ax, [Line2D([], [], color=KIND_COLOURS.get(k, _OTHER), lw=3, label=k) for k in kinds_drawn], "relation", "upper left", (1.0, 1.0))
    names = {c: _country_name(entities, c, lang, as_of) for c in colours if c}
    shown = [c for c in colours if c and colours[c] != _OTHER]
    handles = [Line2D([], [], marker="o", ls="", color=colours[c], label=names[c]) for c in shown]
    if any(colours.get(c, _OTHER) == _OTHER for c in country_of.values()):
        handles.append(Line2D([], [], marker="o", ls="", color=_OTHER, label="other or none"))
    _legend(ax, handles, "country", "lower left", (1.0, 0.0))
    title = f"{len(relations)} relations, {len(graph)} entities"
    if focus_entity is not None:
        title = f"{focus_entity.name_in(lang, as_of) or focus_entity.name}: {title}"
    ax.set_title(title)
    return ax


def _country_id(entity: Entity, as_of: Optional[str]) -> Optional[str]:
    country = entity.country(as_of)
    return country.id if country is not None else None


def _country_name(entities: dict[str, Entity], country: str, lang: str, as_of: Optional[str]) -> str:
    for e in entities.values():
        c = e.country(as_of)
        if c is not None and c.id == country:
            return c.name_in(lang, as_of) or c.name
    return country


def timeline(
    relations: Relations,
    *,
    by: str = "kind",
    limit: int = 15,
    lang: str = "en",
    ax: Optional[Axes] = None,
) -> Axes:
    """The relations along time, a lane per kind (``by="kind"``) or per partner country
    (``by="country"``: the country of each party on the relation's date, named in
    ``lang``; the ``limit`` countries with most relations get a lane). A date known to the day is a dot; a date known only to the
    month or year, or a period, is a bar over it, so that imprecision shows; an open
    period ("2009/..") is a triangle at its start. Relations without a start date are
    counted in the title, not drawn.
    """
    if by not in ("kind", "country"):
        raise ValueError(f"by={by!r}: draw lanes by 'kind' or 'country'")
    import datetime as dt

    plt = _pyplot()
    from matplotlib.lines import Line2D

    ax = _axes(ax, (11, 5))
    rows = relations.rows()
    lanes_of: dict[str, set[str]] = defaultdict(set)
    if by == "country":
        for r, row in zip(relations, rows):
            for p in r.parties:
                c = p.entity.country(row["start"])
                lanes_of[r.id].add(c.name_in(lang) or c.name if c is not None else "no country")
    points: list[tuple[str, dt.date, Optional[dt.date], str]] = []
    undated = 0
    for row in rows:
        if row["start"] is None:
            undated += 1
            continue
        # An open end ("2009/..", still in force) has no end date.
        start = dt.date.fromisoformat(row["start"])
        end = dt.date.fromisoformat(row["end"]) if row["end"] else None
        for lane in sorted(lanes_of[row["id"]]) if by == "country" else [row["kind"]]:
            points.append((lane, start, end, row["kind"]))
    lanes = [lane for lane, _ in Counter(p[0] for p in points).most_common(limit)]
    if by == "kind":
        lanes = [k for k in KIND_COLOURS if k in lanes] + [k for k in lanes if k not in KIND_COLOURS]
    y = {lane: i for i, lane in enumerate(reversed(lanes))}
    for lane, start, end, kind in points:
        if lane not in y:
            continue
        colour = KIND_COLOURS.get(kind, _OTHER)
        if end is None:
            since: list[Any] = [start]
            ax.plot(since, [y[lane]], ">", color=colour, ms=7, alpha=0.85)
        elif end > start:
            span: list[Any] = [start, end + dt.timedelta(days=1)]
            ax.plot(span, [y[lane]] * 2, color=colour, lw=6, alpha=0.35, solid_capstyle="butt")
        else:
            day: list[Any] = [start]
            ax.plot(day, [y[lane]], "o", color=colour, ms=6, alpha=0.85)
    ax.set_yticks(range(len(lanes)), [*reversed(lanes)])
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.grid(axis="x", alpha=0.3)
    kinds = sorted({p[3] for p in points})
    handles = [Line2D([], [], marker="o", ls="", color=KIND_COLOURS.get(k, _OTHER), label=k) for k in kinds]
    handles.append(Line2D([], [], color="grey", lw=6, alpha=0.35, label="a period, or month or year only"))
    if any(p[2] is None for p in points):
        handles.append(Line2D([], [], marker=">", ls="", color="grey", label="from then on (open end)"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    dated = len(relations) - undated
    ax.set_title(f"{dated} dated relations" + (f"; {undated} without a start date not shown" if undated else ""))
    plt.setp(ax.get_xticklabels(), rotation=0)
    return ax


#: Named frames for :func:`map`: (west, east, south, north) in degrees.
_EXTENTS: dict[str, tuple[float, float, float, float]] = {"central-asia": (44.0, 96.0, 36.0, 58.0)}


def _fit(points: list[tuple[float, float, str]]) -> tuple[float, float, float, float]:
    if not points:
        return _EXTENTS["central-asia"]
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    pad = 2.0
    return (min(lons) - pad, max(lons) + pad, min(lats) - pad, max(lats) + pad)


def map(
    dataset: Dataset,
    relations: Optional[Relations] = None,
    *,
    as_of: Optional[str] = None,
    lang: str = "en",
    labels: bool = True,
    extent: Union[str, tuple[float, float, float, float]] = "central-asia",
    ax: Optional[Axes] = None,
) -> Axes:
    """Kazakhstan's regions and cities of republican significance on ``as_of`` (today
    when None), each at its administrative centre, with a line from the region to every
    partner of its relations that has a point (its own, its centre's, or for a foreign
    region the mean of the places inside it — see :meth:`Entity.location`), coloured by
    kind. ``relations`` defaults to every relation of a Kazakh region, or of a place or
    body inside one.

    ``extent`` frames the map: ``"central-asia"`` (the default: Kazakhstan and its
    neighbours' border regions, longitude 44–96 °E, latitude 36–58 °N; lines to partners
    further away run off the edge, and the title counts those partners), ``"all"`` (every
    point drawn) or ``(west, east, south, north)`` in degrees.

    kzrel ships no borders, so regions are points, on plain longitude and latitude
    scaled for the latitude. Partners without a point (countries, organizations,
    companies, people) are counted in the title and listed in ``ax.kzrel_not_drawn``.
    """
    import math

    ax = _axes(ax, (12, 7))
    from matplotlib.lines import Line2D

    import datetime as dt

    # entities() without a date means any time; the map is of one day, today by default.
    on = as_of or dt.date.today().isoformat()
    units = [e for e in dataset.entities(country="KZ", as_of=on) if e.kind == "region" or e.subkind == "republican-city"]
    region_ids = {e.id for e in units}
    if relations is None:
        relations = dataset.relations(party=sorted(region_ids), within=True)
    points = {e.id: e.location(as_of) for e in units}

    def region_of(e: Entity, on: Optional[str]) -> Optional[str]:
        for a in [e, *e.ancestors(on)]:
            if a.id in region_ids:
                return a.id
        return None

    lines: Counter[tuple[str, str, str]] = Counter()
    partners: dict[str, Any] = {}
    not_drawn: dict[str, str] = {}
    for r, row in zip(relations, relations.rows()):
        # The region a party lay in on the relation's date (Semey was in East Kazakhstan
        # in 2009), unless a date is asked for.
        on = as_of or row["start"]
        home = {h for h in (region_of(p.entity, on) for p in r.parties) if h is not None}
        for p in r.parties:
            e = p.entity
            country = e.country(on)
            if region_of(e, on) is not None or (country is not None and country.id == "kz"):
                continue
            where = e.location(as_of)
            if where is None:
                not_drawn[e.id] = e.name_in(lang, as_of) or e.name
                continue
            partners[e.id] = (e, where)
            for h in home:
                lines[(h, e.id, r.kind)] += 1

    for (h, pid, kind), n in sorted(lines.items()):
        a, b = points.get(h), partners[pid][1]
        if a is None:
            continue
        ax.plot([a[1], b[1]], [a[0], b[0]], color=KIND_COLOURS.get(kind, _OTHER), lw=0.8 + 0.6 * min(n, 5), alpha=0.6, zorder=1)
    for e in units:
        at = points[e.id]
        if at is None:
            continue
        marker = "s" if e.subkind == "republican-city" else "o"
        ax.plot(at[1], at[0], marker, color="#4e79a7", ms=8, mec="white", zorder=3)
        if labels:
            ax.annotate(_short(e.name_in(lang, as_of) or e.name, 22), (at[1], at[0]), xytext=(4, 3), textcoords="offset points", fontsize=7, zorder=4, annotation_clip=True)
    for e, at in partners.values():
        hollow = at[2] == "inside"
        ax.plot(at[1], at[0], "D", ms=6, mfc="white" if hollow else "#e15759", mec="#e15759", zorder=3)
        if labels:
            ax.annotate(_short(e.name_in(lang, as_of) or e.name, 22), (at[1], at[0]), xytext=(4, -9), textcoords="offset points", fontsize=7, color="#7f1d1d", zorder=4, annotation_clip=True)
    drawn = [p for p in points.values() if p] + [p for _, p in partners.values()]
    if isinstance(extent, str):
        if extent not in _EXTENTS and extent != "all":
            raise ValueError(f"extent={extent!r}: give 'central-asia', 'all' or (west, east, south, north)")
        frame = _EXTENTS.get(extent) or _fit(drawn)
    else:
        frame = extent
    west, east, south, north = frame
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    beyond = sum(1 for _, p in partners.values() if not (west <= p[1] <= east and south <= p[0] <= north))
    ax.set_xlabel("longitude (°E)")
    ax.set_ylabel("latitude (°N)")
    ax.grid(alpha=0.25)
    kinds = sorted({k for _, _, k in lines})
    handles = [Line2D([], [], color=KIND_COLOURS.get(k, _OTHER), lw=2, label=k) for k in kinds]
    handles += [
        Line2D([], [], marker="o", ls="", color="#4e79a7", label="region (at its centre)"),
        Line2D([], [], marker="s", ls="", color="#4e79a7", label="city of republican significance"),
        Line2D([], [], marker="D", ls="", color="#e15759", label="partner"),
        Line2D([], [], marker="D", ls="", mfc="white", mec="#e15759", label="partner region (mean of its places)"),
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(
        f"{len(relations)} relations: {len(partners)} partners drawn"
        + (f" ({beyond} beyond the frame)" if beyond else "")
        + (f", {len(not_drawn)} without a point not drawn" if not_drawn else "")
    )
    ax.kzrel_not_drawn = dict(sorted(not_drawn.items()))  # type: ignore[attr-defined]
    return ax
