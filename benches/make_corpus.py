#!/usr/bin/env python3
"""Build the benchmark corpus: a large mixed Kazakh/Russian Cyrillic text.

The corpus is made from the seed documents in the shared seeds folder (by default
``../shared/seeds`` next to the repository root). Every non-empty line of a seed whose
letters are mostly Cyrillic (``--min-cyrillic``, default 0.6) is kept, except lines
detected as Ukrainian or Belarusian, so that the corpus is Kazakh + Russian only. The
distinct lines are then written in a deterministic shuffled order (fixed ``--seed``),
reshuffled each round, until the output reaches ``--size-mb`` megabytes (10^6 bytes).

Standard library only. Usage (from the repository root)::

    python3 benches/make_corpus.py [--seeds DIR] [--out FILE] [--size-mb 12] [--seed N]

Exit codes: 0 on success, 2 if the seeds folder is missing or yields no usable line.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = REPO_ROOT / ".." / "shared" / "seeds"
DEFAULT_OUT = REPO_ROOT / "target" / "bench-corpus" / "kk-ru.txt"

# Letters of the Kazakh Cyrillic alphabet that Russian does not have (і is left out:
# Ukrainian and Belarusian use it too).
KAZAKH_ONLY = set("әғқңөұүһ")
# Letters that mark a line as Ukrainian (є ї ґ) or Belarusian (ў).
UKRAINIAN_OR_BELARUSIAN = set("єїґў")
# Russian has no і; a line with і and no Kazakh-only letter is Ukrainian or Belarusian.
DOTTED_I = "і"


def is_cyrillic(ch: str) -> bool:
    """Cyrillic block, Cyrillic Supplement and the Extended blocks."""
    cp = ord(ch)
    return (
        0x0400 <= cp <= 0x052F
        or 0x1C80 <= cp <= 0x1C8F
        or 0x2DE0 <= cp <= 0x2DFF
        or 0xA640 <= cp <= 0xA69F
    )


def cyrillic_share(text: str) -> tuple[int, int]:
    """(Cyrillic letters, all letters) in `text`."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if is_cyrillic(c)), len(letters)


def classify(line: str) -> str:
    """'kk', 'ru' or 'uk' (Ukrainian or Belarusian) for a mostly-Cyrillic line."""
    low = line.lower()
    if any(c in UKRAINIAN_OR_BELARUSIAN for c in low):
        return "uk"
    if any(c in KAZAKH_ONLY for c in low):
        return "kk"
    if DOTTED_I in low:
        return "uk"
    return "ru"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                   help=f"folder of seed *.txt documents (default: {DEFAULT_SEEDS})")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT,
                   help=f"output file (default: {DEFAULT_OUT})")
    p.add_argument("--size-mb", type=float, default=12.0,
                   help="minimum output size in MB of 10^6 bytes (default: 12)")
    p.add_argument("--seed", type=int, default=20240601,
                   help="seed of the deterministic shuffle (default: 20240601)")
    p.add_argument("--min-cyrillic", type=float, default=0.6,
                   help="minimum share of Cyrillic among a line's letters (default: 0.6)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    seeds_dir: Path = args.seeds
    if not seeds_dir.is_dir():
        print(f"make_corpus: seeds folder not found: {seeds_dir.resolve()}\n"
              f"  (pass --seeds DIR to point at the folder of seed *.txt documents)",
              file=sys.stderr)
        return 2
    files = sorted(seeds_dir.glob("*.txt"))
    if not files:
        print(f"make_corpus: no *.txt seed documents in {seeds_dir.resolve()}", file=sys.stderr)
        return 2

    lines: list[str] = []
    seen: set[str] = set()
    kinds = {"kk": 0, "ru": 0}
    skipped_uk = 0
    per_file: list[tuple[str, int]] = []
    for f in files:
        kept_here = 0
        text = f.read_text(encoding="utf-8", errors="replace")
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line in seen:
                continue
            cyr, letters = cyrillic_share(line)
            if letters == 0 or cyr / letters < args.min_cyrillic:
                continue
            kind = classify(line)
            if kind == "uk":
                skipped_uk += 1
                seen.add(line)
                continue
            seen.add(line)
            lines.append(line)
            kinds[kind] += 1
            kept_here += 1
        per_file.append((f.name, kept_here))

    if not lines:
        print(f"make_corpus: no mostly-Cyrillic Kazakh/Russian line in {seeds_dir.resolve()}",
              file=sys.stderr)
        return 2

    target = int(args.size_mb * 1_000_000)
    rng = random.Random(args.seed)
    order = list(lines)
    chunks: list[bytes] = []
    size = 0
    while size < target:
        rng.shuffle(order)
        for line in order:
            b = (line + "\n").encode("utf-8")
            chunks.append(b)
            size += len(b)
            if size >= target:
                break
    data = b"".join(chunks)

    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)

    text = data.decode("utf-8")
    cyr, letters = cyrillic_share(text)
    unique_bytes = sum(len(l.encode("utf-8")) + 1 for l in lines)
    kk_bytes = sum(len(l.encode("utf-8")) + 1 for l in lines if classify(l) == "kk")
    print(f"seeds:           {seeds_dir.resolve()} ({len(files)} files)")
    for name, n in per_file:
        print(f"  {name}: {n} lines kept")
    print(f"distinct lines:  {len(lines)} (kazakh {kinds['kk']}, russian {kinds['ru']}; "
          f"{skipped_uk} ukrainian/belarusian lines excluded)")
    print(f"distinct text:   {unique_bytes} bytes, kazakh lines {kk_bytes / unique_bytes:.1%} of them")
    print(f"output:          {out.resolve()}")
    print(f"size:            {len(data)} bytes ({len(data) / 1e6:.2f} MB, "
          f"{len(data) / 2**20:.2f} MiB), {text.count(chr(10))} lines")
    print(f"cyrillic share:  {cyr / letters:.2%} of {letters} letters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
