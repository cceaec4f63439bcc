#!/usr/bin/env python3
"""Extraction throughput, kzrel and its peers side by side in one run, on the corpus
that ``benches/make_seed_corpus.py`` builds from the seeds (documents separated by a form
feed line).

- kzrel: ``Dataset.extract`` on each document from Python (mentions as Python objects,
  every candidate ranked, inflected forms, lists, context), and ``Dataset.extract_many``
  on the list of documents (the best candidates as columns).
- pyahocorasick: an Aho–Corasick automaton of every name of the dataset, lower-cased;
  ``iter_long`` (leftmost-longest) over each lower-cased document, keeping matches at word
  boundaries — exact dictionary matching of the same names, nothing more.
- flashtext: a ``KeywordProcessor`` of the same names (case-insensitive, its own word
  boundaries), ``extract_keywords(span_info=True)``.
- natasha: its NER (``NewsNERTagger`` on a ``Doc`` after segmentation and embedding) on
  the Russian part: the corpus's lines in Russian (at least 40 letters, 80% of them
  Russian Cyrillic, none of the letters Kazakh or Ukrainian add), in corpus order, up to
  ``--natasha-kb`` kilobytes, because it reads a few kilobytes per second; kzrel is timed
  on the same lines.

Each is timed ``--runs`` times (median; the peers' indexes are built untimed) and the MB/s
(10^6 bytes of UTF-8 input per second, one thread) and mentions found are printed as a
Markdown table. Usage: ``python benches/bench_extract.py [--corpus FILE] [--mb N] [--runs N]``
(``--mb`` reads only the first N MB of the corpus).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import kzrel

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "target" / "bench-corpus" / "seeds.txt"


def names(ds: kzrel.Dataset) -> list[tuple[str, str]]:
    return [(n.text, e.id) for e in ds.entities() for n in e.names]


def timed(runs: int, f) -> tuple[float, object]:
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def run_kzrel(ds, docs):
    return sum(len(ds.extract(d)) for d in docs)


def aho(pairs):
    import ahocorasick

    a = ahocorasick.Automaton()
    for text, ident in pairs:
        key = text.lower()
        if key.strip():
            a.add_word(key, (len(key), ident))
    a.make_automaton()

    def run(docs):
        n = 0
        for d in docs:
            low = d.lower()
            size = len(low)
            for end, (length, _ident) in a.iter_long(low):
                start = end - length + 1
                if (start == 0 or not low[start - 1].isalnum()) and (end + 1 == size or not low[end + 1].isalnum()):
                    n += 1
        return n

    return run


def flash(pairs):
    from flashtext import KeywordProcessor

    kp = KeywordProcessor(case_sensitive=False)
    # flashtext's own word characters are ASCII: Cyrillic letters must join words too.
    kp.set_non_word_boundaries(set(kp.non_word_boundaries) | {chr(c) for c in range(0x400, 0x530)})
    for text, ident in pairs:
        if text.strip():
            kp.add_keyword(text, ident)

    def run(docs):
        return sum(len(kp.extract_keywords(d, span_info=True)) for d in docs)

    return run


def russian_lines(docs, limit_bytes):
    import re

    cyr = re.compile(r"[а-яё]", re.I)
    kazakh = re.compile(r"[әғқңөұүһі]", re.I)
    out, size = [], 0
    for d in docs:
        for line in d.split("\n"):
            letters = sum(c.isalpha() for c in line)
            if letters < 40 or kazakh.search(line):
                continue
            if len(cyr.findall(line)) / letters > 0.8:
                out.append(line)
                size += len(line.encode())
                if size >= limit_bytes:
                    return out
    return out


def natasha_run():
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    seg, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def run(lines):
        n = 0
        for line in lines:
            doc = Doc(line)
            doc.segment(seg)
            doc.tag_ner(tagger)
            n += sum(1 for s in doc.spans if s.type in ("LOC", "ORG"))
        return n

    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--mb", type=float, default=0, help="read only the first N MB (0: all)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--natasha-kb", type=int, default=200)
    ap.add_argument("--skip", action="append", default=[], help="leave out a peer (aho, flashtext, natasha)")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"bench_extract: {args.corpus} is missing: run benches/make_seed_corpus.py", file=sys.stderr)
        return 2
    raw = args.corpus.read_bytes()
    if args.mb:
        raw = raw[: int(args.mb * 1e6)]
    text = raw.decode("utf-8", errors="ignore")
    docs = text.split("\n\f\n")
    mb = len(text.encode()) / 1e6
    ds = kzrel.load()
    ds.extract("Astana")  # builds the name index, untimed
    pairs = names(ds)
    rows = []
    t, n = timed(args.runs, lambda: run_kzrel(ds, docs))
    rows.append(("kzrel `Dataset.extract` (Python objects)", mb, t, n))
    t, n = timed(args.runs, lambda: len(ds.extract_many(docs, frame=None)["doc"]))
    rows.append(("kzrel `Dataset.extract_many` (columns)", mb, t, n))
    if "aho" not in args.skip:
        f = aho(pairs)
        t, n = timed(args.runs, lambda: f(docs))
        rows.append(("pyahocorasick `iter_long`, word boundaries", mb, t, n))
    if "flashtext" not in args.skip:
        f = flash(pairs)
        t, n = timed(1, lambda: f(docs))
        rows.append(("flashtext `extract_keywords`", mb, t, n))
    if "natasha" not in args.skip:
        lines = russian_lines(docs, args.natasha_kb * 1000)
        sub = sum(len(x.encode()) for x in lines) / 1e6
        f = natasha_run()
        t, n = timed(1, lambda: f(lines))
        rows.append(("natasha NER (LOC, ORG; Russian lines only)", sub, t, n))
        t, n = timed(args.runs, lambda: sum(len(ds.extract(x)) for x in lines))
        rows.append(("kzrel on the same Russian lines", sub, t, n))
    print(f"{mb:.1f} MB, {len(docs)} documents, {len(pairs)} names; median of {args.runs} runs (flashtext and natasha: one)\n")
    print("| Tool | Input MB | Seconds | MB/s | Mentions |")
    print("|---|---|---|---|---|")
    for name, size, secs, n in rows:
        print(f"| {name} | {size:.2f} | {secs:.2f} | **{size / secs:.2f}** | {n:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
