"""Render the pictures of docs/pictures.md into docs/img/ (matplotlib's Agg backend, dpi 80).

Run from the repository root with kzrel[plot] installed:

    .venv/bin/python scripts/make_doc_images.py
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

import kzrel  # noqa: E402
import kzrel.plot  # noqa: E402

IMG = Path(__file__).resolve().parent.parent / "docs" / "img"
DPI = 80


def save(ax, name: str) -> None:
    path = IMG / name
    # "tight" keeps the long lane labels of the timeline inside the picture.
    ax.figure.savefig(path, dpi=DPI, bbox_inches="tight")
    plt.close(ax.figure)
    print(f"wrote {path.relative_to(IMG.parent.parent)}: {ax.get_title()}")


def main() -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    ds = kzrel.load()
    save(kzrel.plot.network(ds, "KZ-63"), "network-east-kazakhstan.png")
    east = ds.relations(party="KZ-63", within=True)
    save(kzrel.plot.timeline(east, by="country"), "timeline-east-kazakhstan.png")
    ax = kzrel.plot.map(ds)
    save(ax, "map-regions.png")
    print(f"  not drawn (no point): {len(ax.kzrel_not_drawn)}")


if __name__ == "__main__":
    main()
