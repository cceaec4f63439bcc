"""The worked notebook (examples/tour.ipynb) runs from top to bottom on the embedded
data, and every saved output is still what it prints: a stale notebook fails here, and
`python scripts/run_notebook.py` brings it up to date."""

from __future__ import annotations

import shutil
import sys

import pytest

from conftest import ROOT

nbformat = pytest.importorskip("nbformat", reason="nbformat is in the [test] extra")
pytest.importorskip("nbclient", reason="nbclient is in the [test] extra")
pytest.importorskip("ipykernel", reason="ipykernel is in the [test] extra")
pytest.importorskip("matplotlib", reason="matplotlib is in the [test] extra")

sys.path.insert(0, str(ROOT / "scripts"))
from run_notebook import execute  # noqa: E402

NOTEBOOK = ROOT / "examples" / "tour.ipynb"


def outputs(nb):
    """Per code cell: its text outputs, and which kinds of picture it shows."""
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        texts, kinds = [], []
        for o in cell.outputs:
            if o.output_type == "error":
                texts.append(f"{o.ename}: {o.evalue}")
            elif o.output_type == "stream":
                texts.append(o.text)
            else:
                texts.append(o.get("data", {}).get("text/plain", ""))
                kinds += sorted(k for k in o.get("data", {}) if k.startswith("image/"))
        out.append((cell.source.splitlines()[0], texts, kinds))
    return out


def test_the_notebook_runs_and_its_saved_outputs_are_current(tmp_path):
    copy = tmp_path / "tour.ipynb"
    shutil.copy(NOTEBOOK, copy)
    fresh = outputs(execute(copy))
    saved = outputs(nbformat.read(NOTEBOOK, as_version=4))
    assert len(fresh) == len(saved)
    for (first, now, pictures), (_, then, pictures_then) in zip(fresh, saved):
        assert now == then, f"cell {first!r} prints otherwise now: run scripts/run_notebook.py"
        assert pictures == pictures_then, first
    # It ends in pictures: the network, the timeline and the map.
    assert sum(1 for _, _, p in fresh if "image/png" in p) == 3
    texts = "\n".join(t for _, now, _ in fresh for t in now)
    assert "East Kazakhstan Region" in texts and "Error" not in texts
