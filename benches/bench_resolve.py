#!/usr/bin/env python3
"""Resolution: accuracy on the evaluation set and speed, kzrel beside rapidfuzz, in one run.

The evaluation set is ``tests/data/resolve/*.tsv`` (query, as_of, expected, source, note;
see its README). For every row, kzrel resolves the query (with ``as_of`` when the row has
one) and counts a hit @1 when its first match is the expected entity, @5 when any of the
first five is. rapidfuzz (``process.extractOne`` / ``process.extract``) searches the same
names — every name of every entity of the embedded dataset — after ``unidecode`` and
lower-casing of both sides, with each of its scorers ``WRatio``, ``ratio`` and
``token_sort_ratio``; the best of them is the one compared.

Speed: queries per second over all rows, median of ``--repeat`` rounds, for
``Dataset.resolve`` one query at a time, ``Dataset.resolve_many`` in one call, and
rapidfuzz's ``extractOne`` with its best scorer.

    python benches/bench_resolve.py [--repeat 3] [--failures OUT.tsv] [--json OUT.json]

Needs kzrel; rapidfuzz and unidecode (``pip install .[bench]``) for the comparison.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import kzrel

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "data" / "resolve"


def rows() -> list[dict[str, str]]:
    out = []
    for path in sorted(EVAL.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                r["file"] = path.name
                out.append(r)
    return out


def kzrel_eval(ds: kzrel.Dataset, data: list[dict[str, str]]) -> list[tuple[bool, bool, str]]:
    out = []
    for r in data:
        found = ds.resolve(r["query"], as_of=r["as_of"] or None, limit=5)
        ids = [m.entity.id for m in found]
        out.append((bool(ids) and ids[0] == r["expected"], r["expected"] in ids, ids[0] if ids else ""))
    return out


def median_qps(fn, n: int, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return n / statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--failures", type=Path, help="write kzrel's failures @1 to this TSV")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    args = ap.parse_args()

    ds = kzrel.load()
    data = rows()
    if not data:
        print(f"no evaluation rows under {EVAL}", file=sys.stderr)
        return 1
    ds.resolve("warm up the index")
    results = kzrel_eval(ds, data)

    by_source: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for r, (a1, a5, _) in zip(data, results):
        by_source[r["source"].split(":")[0]].append((a1, a5))
    figures: dict = {"machine": platform.platform(), "python": sys.version.split()[0], "rows": len(data)}
    print(f"# {len(data)} queries; {platform.platform()}; Python {sys.version.split()[0]}\n")
    print("| source | queries | kzrel @1 | kzrel @5 |")
    print("|---|---|---|---|")
    acc = {}
    for src, v in sorted(by_source.items()) + [("all", [(a, b) for a, b, _ in results])]:
        a1 = sum(a for a, _ in v) / len(v)
        a5 = sum(b for _, b in v) / len(v)
        acc[src] = {"n": len(v), "at1": a1, "at5": a5}
        print(f"| {src} | {len(v)} | {a1:.1%} | {a5:.1%} |")
    figures["kzrel_accuracy"] = acc

    queries = [r["query"] for r in data]
    speed = {
        "kzrel resolve": median_qps(lambda: [ds.resolve(q, limit=5) for q in queries], len(queries), args.repeat),
        "kzrel resolve_many": median_qps(lambda: ds.resolve_many(queries, frame=None), len(queries), args.repeat),
    }

    try:
        from rapidfuzz import fuzz, process
        from unidecode import unidecode
    except ImportError:
        print("\nrapidfuzz or unidecode is not installed: pip install .[bench]", file=sys.stderr)
        rapid = None
    else:
        names, owners = [], []
        for e in ds.entities():
            for n in e.names:
                names.append(unidecode(n.text).lower())
                owners.append(e.id)
        prepared = [unidecode(q).lower() for q in queries]
        rapid = {}
        for scorer in (fuzz.WRatio, fuzz.ratio, fuzz.token_sort_ratio):
            at1 = at5 = 0
            for q, r in zip(prepared, data):
                top = process.extract(q, names, scorer=scorer, limit=5)
                ids = []
                for _, _, i in top:
                    if owners[i] not in ids:
                        ids.append(owners[i])
                at1 += bool(ids) and ids[0] == r["expected"]
                at5 += r["expected"] in ids
            rapid[scorer.__name__] = {"at1": at1 / len(data), "at5": at5 / len(data)}
        best = max(rapid, key=lambda s: rapid[s]["at1"])
        scorer = getattr(fuzz, best)
        speed[f"rapidfuzz extractOne ({best})"] = median_qps(
            lambda: [process.extractOne(q, names, scorer=scorer) for q in prepared], len(queries), args.repeat
        )
        figures["rapidfuzz_accuracy"] = rapid
        print(f"\n| rapidfuzz scorer | @1 | @5 |\n|---|---|---|")
        for s, v in rapid.items():
            print(f"| {s} | {v['at1']:.1%} | {v['at5']:.1%} |")
        print(f"\n{len(names)} names searched by rapidfuzz.")

    figures["queries_per_second"] = speed
    print("\n| method | queries/s (median of %d) |\n|---|---|" % args.repeat)
    for k, v in speed.items():
        print(f"| {k} | {v:,.0f} |")

    failures = [(r, got) for r, (a1, _, got) in zip(data, results) if not a1]
    print(f"\n{len(failures)} failures @1")
    if args.failures:
        with args.failures.open("w", encoding="utf-8") as f:
            f.write("query\tas_of\texpected\tgot\tsource\n")
            for r, got in failures:
                f.write(f"{r['query']}\t{r['as_of']}\t{r['expected']}\t{got}\t{r['source']}\n")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
