"""``kzrel extract`` and ``kzrel info``: the command line's corpus tools.

``extract`` reads files, globs or standard input a block of lines at a time (names do
not cross lines, so nothing is lost at a block's edge, and memory stays bounded however
large a file), and writes one row per mention: TSV, CSV or JSON Lines. Offsets are
Python string indices into the whole file; ``line`` is 1-based. A file that cannot be
read, or a glob that matches nothing, is reported on standard error and skipped; the
others' rows are all written, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import sys
import time
from typing import Iterator, TextIO

import kzrel

COLUMNS = ["file", "line", "start", "end", "text", "entity", "name", "kind", "method", "score"]
# About a megabyte of text per call: large enough to amortize the call, small enough
# that a 500 MB file streams.
BLOCK_CHARS = 1 << 20


def _paths(patterns: list[str]) -> tuple[list[str], list[str]]:
    """The files the arguments name, in order, and the patterns that named none."""
    out, missing = [], []
    for p in patterns:
        if p == "-" or not glob.has_magic(p):
            out.append(p)
            continue
        found = sorted(glob.glob(p, recursive=True))
        found = [f for f in found if os.path.isfile(f)]
        if found:
            out.extend(found)
        else:
            missing.append(p)
    return out, missing


def _blocks(fh: TextIO) -> Iterator[str]:
    """The text of `fh` in blocks of whole lines of about BLOCK_CHARS characters."""
    buf: list[str] = []
    size = 0
    for line in fh:
        buf.append(line)
        size += len(line)
        if size >= BLOCK_CHARS:
            yield "".join(buf)
            buf, size = [], 0
    if buf:
        yield "".join(buf)


class _Progress:
    """A one-line progress report on standard error, for long work on a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled = total, enabled
        self.done = 0
        self.start = self.last = time.monotonic()

    def advance(self, nbytes: int, name: str) -> None:
        self.done += nbytes
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        rate = self.done / 1e6 / max(now - self.start, 1e-9)
        share = f"{100 * self.done / self.total:5.1f}% " if self.total else ""
        print(f"\r{share}{self.done / 1e6:,.1f} MB, {rate:,.1f} MB/s  {name[-40:]:<40}", end="", file=sys.stderr)

    def close(self) -> None:
        if self.enabled and self.done:
            print(file=sys.stderr)


SAMPLE_TEXT = os.path.join(os.path.dirname(__file__), "sample_text.txt")


def extract(args: argparse.Namespace, ds: kzrel.Dataset, out: TextIO) -> int:
    # A bad --as-of, --kind or --country fails here, before a header is written.
    ds.extract("", as_of=args.as_of, kind=args.kind, country=args.country)
    if args.sample:
        args.file = [SAMPLE_TEXT, *args.file]
    paths, missing = _paths(args.file or ["-"])
    failed = len(missing)
    for p in missing:
        print(f"kzrel: no file matches {p}", file=sys.stderr)
    total = sum(os.path.getsize(p) for p in paths if p != "-" and os.path.isfile(p))
    show = args.progress if args.progress is not None else (sys.stderr.isatty() and total > 5_000_000)
    progress = _Progress(total, show)
    writer = None
    if args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
    elif args.format == "tsv":
        print("\t".join(COLUMNS), file=out)
    names: dict[str, str] = {}
    for path in paths:
        shown = "sample" if path == SAMPLE_TEXT else path
        try:
            fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
            with fh if path != "-" else _nullcontext(fh):
                offset, line = 0, 1
                for block in _blocks(fh):
                    rows = _rows(ds, block, args, shown, offset, line, names)
                    _write(args.format, writer, rows, out)
                    offset += len(block)
                    line += block.count("\n")
                    progress.advance(len(block.encode("utf-8")), path)
        except BrokenPipeError:
            raise
        except (OSError, UnicodeDecodeError) as e:
            progress.close()
            print(f"kzrel: cannot read {path}: {e}", file=sys.stderr)
            failed += 1
    progress.close()
    return 1 if failed else 0


class _nullcontext:
    def __init__(self, v):
        self.v = v

    def __enter__(self):
        return self.v

    def __exit__(self, *exc):
        return False


def _rows(ds: kzrel.Dataset, block: str, args: argparse.Namespace, shown: str, offset: int, line: int,
          names: dict[str, str]) -> list[list]:
    """The rows of a block's mentions: the best candidate of each, by line and offset in
    the file. The mentions come as columns (extract_many), which saves making a Python
    object per mention."""
    c = ds.extract_many([block], as_of=args.as_of, kind=args.kind, country=args.country, frame=None)
    rows = []
    at, nl = 0, 0
    for start, end, text, entity, kind, method, score in zip(
        c["start"], c["end"], c["text"], c["entity"], c["kind"], c["method"], c["score"]
    ):
        nl += block.count("\n", at, start)
        at = start
        name = names.get(entity)
        if name is None:
            name = names[entity] = ds.entity(entity).name
        rows.append([shown, line + nl, offset + start, offset + end, text, entity, name, kind, method,
                     round(score, 3)])
    return rows


def _write(fmt: str, writer, rows: list[list], out: TextIO) -> None:
    if fmt == "jsonl":
        dumps = json.dumps
        # Ids, kinds and methods are plain ASCII words: only the texts need escaping.
        out.write("".join(
            f'{{"file": {dumps(r[0], ensure_ascii=False)}, "line": {r[1]}, "start": {r[2]}, "end": {r[3]}, '
            f'"text": {dumps(r[4], ensure_ascii=False)}, "entity": "{r[5]}", '
            f'"name": {dumps(r[6], ensure_ascii=False)}, "kind": "{r[7]}", "method": "{r[8]}", "score": {r[9]}}}\n'
            for r in rows
        ))
    elif fmt == "csv":
        writer.writerows(rows)
    else:
        out.write("".join(
            "\t".join(str(v).replace("\t", " ").replace("\n", " ") for v in r) + "\n" for r in rows
        ))


def info(ds: kzrel.Dataset, out: TextIO) -> int:
    """Versions, the data's counts and the schemes."""
    print(f"kzrel {kzrel.__version__}", file=out)
    print(f"data {kzrel.__data_version__}", file=out)
    kinds: dict[str, int] = {}
    names = 0
    for e in ds.entities():
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
        names += len(e.names)
    print(f"entities {len(ds)}: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda x: -x[1])),
          file=out)
    print(f"names {names}", file=out)
    rels: dict[str, int] = {}
    for r in ds.relations():
        rels[r.kind] = rels.get(r.kind, 0) + 1
    print(f"relations {sum(rels.values())}: " + ", ".join(f"{n} {k}" for k, n in sorted(rels.items(), key=lambda x: -x[1])),
          file=out)
    print(f"sources {len(ds.source_ids())}", file=out)
    schemes = kzrel.schemes()
    print(f"schemes {len(schemes)}: " + " ".join(s.id for s in schemes), file=out)
    return 0
