"""The examples in README.md and in the package docstring run as tests."""

from __future__ import annotations

import doctest
import re

import pytest

import kzrel

from conftest import ROOT


def test_package_docstring():
    result = doctest.testmod(kzrel, verbose=False)
    assert result.attempted > 0 and result.failed == 0


def test_readme_examples():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for n, block in enumerate(blocks):
        test = parser.get_doctest(block, {}, f"README.md block {n}", "README.md", 0)
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert runner.summarize(verbose=False).attempted >= 9


def _run_page(path):
    """Every ```python block of a Markdown page as one doctest session, in order."""
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    globs: dict = {}
    for n, block in enumerate(blocks):
        test = parser.get_doctest(block, globs, f"{path.name} block {n}", str(path), 0)
        # DocTest copies the namespace it is given, and run() clears it unless told not to.
        runner.run(test, clear_globs=False)
        globs = test.globs
    return runner.summarize(verbose=False)


GUIDE = sorted((ROOT / "docs").glob("*.md"))


@pytest.mark.parametrize("page", GUIDE, ids=[p.name for p in GUIDE])
def test_user_guide_examples(page):
    result = _run_page(page)
    assert result.failed == 0


def test_the_guide_covers_what_the_issue_asks():
    names = {p.name for p in GUIDE}
    for page in ["install.md", "transliteration.md", "resolving.md", "extracting.md", "relations.md",
                 "your-data.md", "scaling-out.md", "pictures.md", "entities.md"]:
        assert page in names, page
    index = (ROOT / "docs" / "README.md").read_text(encoding="utf-8")
    for name in names - {"README.md"}:
        assert f"({name})" in index, f"docs/README.md does not link {name}"
    pictures = (ROOT / "docs" / "pictures.md").read_text(encoding="utf-8")
    for image in re.findall(r"\((img/[^)]+\.png)\)", pictures):
        assert (ROOT / "docs" / image).stat().st_size > 10_000, image
