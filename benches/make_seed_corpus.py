#!/usr/bin/env python3
"""Build the extraction benchmark corpus: the seed documents, whole, repeated.

Each round appends every seed document (in a shuffled order, fixed by ``--seed``) until
the output reaches ``--size-mb`` megabytes (10^6 bytes). Documents are separated by a
form feed (U+000C) on its own line, so a benchmark can feed them one at a time as a
corpus of documents. Standard library only. Usage (from the repository root)::

    python3 benches/make_seed_corpus.py [--seeds DIR] [--out FILE] [--size-mb 100]

Exit codes: 0 on success, 2 if the seeds folder is missing or empty.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = REPO_ROOT / ".." / "shared" / "seeds"
DEFAULT_OUT = REPO_ROOT / "target" / "bench-corpus" / "seeds.txt"
SEPARATOR = "\n\f\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--size-mb", type=float, default=100.0)
    ap.add_argument("--seed", type=int, default=2010)
    args = ap.parse_args()
    files = sorted(args.seeds.glob("*.txt")) if args.seeds.is_dir() else []
    docs = [f.read_text(encoding="utf-8") for f in files]
    docs = [d for d in docs if d.strip()]
    if not docs:
        print(f"make_seed_corpus: no seed documents in {args.seeds}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    target = int(args.size_mb * 1_000_000)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    count = 0
    with args.out.open("w", encoding="utf-8", newline="\n") as out:
        while size < target:
            order = docs[:]
            rng.shuffle(order)
            for d in order:
                if size >= target:
                    break
                if count:
                    out.write(SEPARATOR)
                    size += len(SEPARATOR)
                out.write(d)
                size += len(d.encode("utf-8"))
                count += 1
    print(f"{args.out}: {size / 1e6:.1f} MB, {count} documents from {len(docs)} seeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
