"""The examples in README.md and in the package docstring run as tests."""

from __future__ import annotations

import doctest
import re

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
