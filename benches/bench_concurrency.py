"""One dataset shared by Python threads, and by worker processes, against one thread:
the same documents extracted by 1, 2, 4 and 8 threads (Dataset.extract releases the GIL)
and by a process pool of 2 (the dataset pickled by reference), each checked to give
exactly the single thread's mentions. Prints MB/s and the speed-up over one thread,
median of --runs runs. The machine's cores bound the speed-up.

    .venv/bin/python benches/bench_concurrency.py [--mb 20] [--runs 3]

The corpus is the first --mb MB of target/bench-corpus/seeds.txt
(benches/make_seed_corpus.py), split into its documents' paragraphs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import kzrel

ROOT = Path(__file__).resolve().parent.parent


def mentions(ds: kzrel.Dataset, text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.entity.id) for m in ds.extract(text)]


def _work(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    ds = kzrel.load()
    return [mentions(ds, t) for t in texts]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    corpus = ROOT / "target" / "bench-corpus" / "seeds.txt"
    if not corpus.exists():
        sys.exit(f"{corpus} is missing: run python benches/make_seed_corpus.py")
    with open(corpus, encoding="utf-8") as f:
        text = f.read(int(args.mb * 1e6))
    docs = [p for p in text.split("\n\n") if p.strip()]
    size = sum(len(d.encode()) for d in docs) / 1e6
    ds = kzrel.load()
    mentions(ds, docs[0])  # builds the name index
    print(f"{len(docs):,} paragraphs, {size:.1f} MB; {os.cpu_count()} CPUs; median of {args.runs} runs")

    # Tasks of 64 paragraphs: a task per paragraph would time the pool, not kzrel.
    tasks = [docs[i:i + 64] for i in range(0, len(docs), 64)]
    want = None
    base = None
    pools = [(f"{n} thread{'s' if n > 1 else ''}", lambda n=n: ThreadPoolExecutor(n)) for n in (1, 2, 4, 8)]
    pools.append(("2 processes", lambda: ProcessPoolExecutor(2)))
    for label, make in pools:
        times = []
        for _ in range(args.runs):
            with make() as pool:
                if isinstance(pool, ProcessPoolExecutor):
                    list(pool.map(_work, tasks[:2]))  # start the workers and load their data
                t = time.perf_counter()
                got = [m for chunk in pool.map(_work, tasks) for m in chunk]
                times.append(time.perf_counter() - t)
            if want is None:
                want = got
            assert got == want, f"{label} gave other mentions than one thread"
        med = statistics.median(times)
        base = base or med
        print(f"{label:12} {size / med:6.1f} MB/s  ×{base / med:4.2f}  (min {min(times):.2f} s, max {max(times):.2f} s)"
              f"  {sum(len(g) for g in got):,} mentions, identical")


if __name__ == "__main__":
    main()
