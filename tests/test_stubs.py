"""Every class, method and function the stubs (_kzrel.pyi) declare exists in the native
module, so the types users see cannot drift from what is there."""

from __future__ import annotations

import ast

from kzrel import _kzrel

from conftest import ROOT


def test_every_stub_name_exists():
    tree = ast.parse((ROOT / "python" / "kzrel" / "_kzrel.pyi").read_text(encoding="utf-8"))
    missing, seen = [], 0
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            cls = getattr(_kzrel, node.name, None)
            if cls is None:
                missing.append(node.name)
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    seen += 1
                    if not hasattr(cls, item.name):
                        missing.append(f"{node.name}.{item.name}")
        elif isinstance(node, ast.FunctionDef):
            seen += 1
            if not hasattr(_kzrel, node.name):
                missing.append(node.name)
    assert seen > 50 and missing == []


def test_stubtest_finds_the_stubs_true():
    """mypy's stubtest compares every signature, default and class property of the stubs
    with the native module."""
    import subprocess
    import sys

    import pytest

    pytest.importorskip("mypy", reason="mypy is a test dependency; install .[test]")
    r = subprocess.run([sys.executable, "-m", "mypy.stubtest", "kzrel._kzrel"], capture_output=True, text=True,
                       cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_typed_example_passes_mypy_strict_and_runs():
    import subprocess
    import sys

    import pytest

    pytest.importorskip("mypy", reason="mypy is a test dependency; install .[test]")
    example = ROOT / "examples" / "typed.py"
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(example)],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
    run = subprocess.run([sys.executable, str(example)], capture_output=True, text=True)
    assert run.returncode == 0 and "ru-kurganskaya-oblast" in run.stdout, run.stderr


def test_the_python_modules_pass_mypy_strict():
    """The package's own Python (the plots, the command line, the errors) is typed too:
    py.typed tells users' type checkers to trust it."""
    import subprocess
    import sys

    import pytest

    pytest.importorskip("mypy", reason="mypy is a test dependency; install .[test]")
    package = ROOT / "python" / "kzrel"
    modules = [str(package / m) for m in ("plot.py", "errors.py", "__init__.py")]
    # networkx ships no type hints: its calls are unchecked.
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--ignore-missing-imports", *modules],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr
