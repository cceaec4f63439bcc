"""Every public name of kzrel has a docstring, every public class, function and method
has an example, and the examples run: one test per docstring, named after it.

README.md and the package docstring are tested in test_docs.py.
"""

from __future__ import annotations

import doctest
import inspect

import pytest

import kzrel
import kzrel.errors

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _is_getter(value: object) -> bool:
    # pyo3 getters are getset_descriptors (member_descriptors for plain fields);
    # Python classes have properties.
    return (
        isinstance(value, property)
        or inspect.isgetsetdescriptor(value)
        or inspect.ismemberdescriptor(value)
    )


def _public() -> list[tuple[str, object, bool]]:
    """(dotted name, object, needs an example) of every public name: the package's
    functions and classes, each class's public methods and getters, and the classes of
    kzrel.errors. Getters need a docstring, not an example: their class's shows them."""
    found: dict[str, tuple[object, bool]] = {}
    tops = [(n, getattr(kzrel, n)) for n in kzrel.__all__ if not n.startswith("_")]
    tops += [(n, getattr(kzrel.errors, n)) for n in kzrel.errors.__all__]
    for name, obj in tops:
        if inspect.ismodule(obj):
            continue
        found.setdefault(name, (obj, True))
        if inspect.isclass(obj):
            for attr, value in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if _is_getter(value):
                    found[f"{name}.{attr}"] = (value, False)
                elif callable(value):
                    found[f"{name}.{attr}"] = (value, True)
    return [(name, obj, example) for name, (obj, example) in sorted(found.items())]


PUBLIC = _public()


def test_the_walk_finds_what_it_should():
    names = {name for name, _, _ in PUBLIC}
    for want in [
        "transliterate",
        "resolve_many",
        "Dataset.entity",
        "Dataset.extract_many",
        "Entity.name_in",
        "Entity.coordinates",
        "Relations.to_parquet",
        "Relations.ids",
        "Mention.candidates",
        "DatasetError",
        "KzrelError",
    ]:
        assert want in names, want
    assert len([n for n, _, example in PUBLIC if example]) >= 60


@pytest.mark.parametrize(
    ("name", "obj", "needs_example"), PUBLIC, ids=[name for name, _, _ in PUBLIC]
)
def test_docstring(name: str, obj: object, needs_example: bool) -> None:
    doc = inspect.getdoc(obj) if not _is_getter(obj) else obj.__doc__
    assert doc and doc.strip(), f"{name} has no docstring"
    if needs_example:
        assert ">>>" in doc, f"{name} has no example"
    if ">>>" not in doc:
        return
    test = doctest.DocTestParser().get_doctest(doc, {}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=FLAGS, verbose=False)
    report: list[str] = []
    result = runner.run(test, out=report.append)
    assert result.attempted > 0, f"{name}: no example ran"
    assert result.failed == 0, f"the examples of {name} fail:\n" + "".join(report)
