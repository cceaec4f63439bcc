"""Execute examples/tour.ipynb in place with the Python that runs this script, so that
the saved outputs are current: `.venv/bin/python scripts/run_notebook.py`. The test
(tests/test_notebook.py) runs it again and compares the text outputs."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "tour.ipynb"


def execute(path: Path = NOTEBOOK, timeout: int = 300) -> nbformat.NotebookNode:
    """The notebook at `path`, executed from a fresh kernel in the examples folder."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


if __name__ == "__main__":
    nb = execute(Path(sys.argv[1]) if len(sys.argv) > 1 else NOTEBOOK)
    nbformat.write(nb, sys.argv[1] if len(sys.argv) > 1 else NOTEBOOK)
    print(f"executed {NOTEBOOK.relative_to(ROOT)}: {len(nb.cells)} cells")
