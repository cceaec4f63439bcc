#!/usr/bin/env python3
"""Precision, recall and F1 of `Dataset.extract` on the gold annotations in
tests/data/extract, by document set, with every error listed (for BENCHMARKS.md).

Usage (from the repository root, with kzrel installed): ``python benches/eval_extract.py
[--errors]``. The seed documents are read from ../shared/seeds; without them only the
sentences are scored.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import kzrel  # noqa: E402
import extract_gold as eg  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list every error")
    args = ap.parse_args()
    ds = kzrel.load()
    sets = []
    try:
        sets += [(d.name, [d]) for d in eg.seed_docs()]
    except FileNotFoundError as e:
        print(f"seeds absent ({e.filename}): scoring the sentences only", file=sys.stderr)
    sentences = eg.sentence_docs()
    for lang in ("kk", "ru", "uk"):
        sets.append((f"sentences ({lang})", [d for d in sentences if d.lang == lang]))
    sets.append(("all", [d for _, ds_ in sets for d in ds_]))
    print("| Set | Gold (with id) | Precision | Recall | F1 | F1, exact spans | Out of dataset |")
    print("|---|---|---|---|---|---|---|")
    errors = []
    for name, docs in sets:
        s = eg.evaluate(ds, docs)
        strict = eg.evaluate(ds, docs, strict=True)
        gold = sum(1 for d in docs for g in d.gold if g.id)
        nil = sum(1 for d in docs for g in d.gold if not g.id)
        print(f"| {name} | {gold} | {s.precision:.3f} | {s.recall:.3f} | **{s.f1:.3f}** | {strict.f1:.3f} | {nil} |")
        if name == "all":
            errors = s.errors
    if args.errors:
        print()
        for e in errors:
            print(f"- {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
