"""The package as a user gets it: the wheel and the sdist each install into a fresh
virtualenv and work there; `import kzrel` stays light; optional dependencies that are
missing are named with the extra that brings them.

The install test builds and compiles (a few minutes the first time, in
target/sdist-install; about a minute after);
KZREL_SKIP_PACKAGING=1 skips it for quick local runs. CI runs it.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import kzrel

from conftest import ROOT

# What `import kzrel` may add to sys.modules: the package itself, nothing heavy.
LIGHT = {"__future__", "kzrel", "kzrel._kzrel", "kzrel.errors"}

SMOKE = """
import kzrel
ds = kzrel.load()
assert kzrel.__version__ and kzrel.__data_version__.startswith(kzrel.__version__)
assert kzrel.transliterate("Өскемен", "kk-latn-2021") == "Öskemen"
assert ds.entity("KZ-63").name == "East Kazakhstan Region"
assert [m.entity.id for m in ds.extract("Делегация Павлодарской области посетила Омск.")] == [
    "kz-pavlodar-oblysy", "ru-omsk"]
assert len(ds.relations(party="KZ-63")) > 0
print("ok", kzrel.__version__)
"""


def test_import_kzrel_is_light():
    code = "import sys; before = set(sys.modules); import kzrel; print(sorted(set(sys.modules) - before))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    added = set(ast.literal_eval(out))  # a printed list of module names
    assert added <= LIGHT, f"import kzrel also imports {sorted(added - LIGHT)}"


@pytest.mark.parametrize("call", ["to_pandas", "to_polars"])
def test_a_missing_dataframe_library_names_its_extra(monkeypatch, call):
    lib = call.removeprefix("to_")
    monkeypatch.setitem(sys.modules, lib, None)
    with pytest.raises(ImportError, match=rf"pip install {lib} \(or pip install 'kzrel\[{lib}\]'\)"):
        getattr(kzrel.load().relations(party="KZ-63"), call)()
    with pytest.raises(ImportError, match=rf"kzrel\[{lib}\]"):
        getattr(kzrel.load(), call)(kind="country")


def _venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return path / "bin" / "python"


def _run(python: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    r = subprocess.run([str(python), *args], capture_output=True, text=True, **kw)
    assert r.returncode == 0, f"{args}: {r.stdout[-2000:]}\n{r.stderr[-4000:]}"
    return r


@pytest.mark.skipif(os.environ.get("KZREL_SKIP_PACKAGING") == "1", reason="KZREL_SKIP_PACKAGING=1 was set")
def test_wheel_and_sdist_install_into_fresh_virtualenvs(tmp_path):
    maturin = Path(sys.executable).parent / "maturin"
    if not maturin.exists():
        pytest.skip(f"maturin is not installed beside {sys.executable} (scripts/test.sh installs it)")
    dist = tmp_path / "dist"
    env = {**os.environ, "VIRTUAL_ENV": str(Path(sys.executable).parent.parent)}
    _run(maturin, "build", "--release", "--quiet", "-o", str(dist), cwd=ROOT, env=env)
    _run(maturin, "sdist", "-o", str(dist), cwd=ROOT, env=env)
    wheel = next(dist.glob("kzrel-*.whl"))
    sdist = next(dist.glob("kzrel-*.tar.gz"))

    # What each carries: the stubs and py.typed, the pictures, the data (in the sdist,
    # compiled into the wheel), and never the seed documents.
    files = zipfile.ZipFile(wheel).namelist()
    for need in ("kzrel/py.typed", "kzrel/_kzrel.pyi", "kzrel/plot.py", "kzrel/sample_text.txt"):
        assert need in files, need
    members = tarfile.open(sdist).getnames()
    assert any(m.endswith("kzrel-core/data/sources.toml") for m in members)
    assert not any("shared/seeds" in m or m.endswith(".pdf") for m in files + members)

    for name, artefact in (("wheel", wheel), ("sdist", sdist)):
        python = _venv(tmp_path / name)
        # The sdist compiles with Rust, in a target folder of its own that later runs
        # reuse. Not the clone's own target/: a build from the unpacked sdist's path
        # would leave build-script output there that points at that (deleted) path.
        pip_env = {**os.environ, "CARGO_TARGET_DIR": str(ROOT / "target" / "sdist-install")}
        _run(python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(artefact), env=pip_env)
        # Run from elsewhere, so that the clone's python/ folder cannot stand in.
        assert _run(python, "-c", SMOKE, cwd=tmp_path).stdout.startswith("ok ")
        info = _run(python.parent / "kzrel", "info", cwd=tmp_path).stdout
        assert "data" in info and kzrel.__version__ in info
        out = _run(python.parent / "kzrel", "extract", "--sample", cwd=tmp_path).stdout
        assert "kz-" in out
