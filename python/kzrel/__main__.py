"""The ``kzrel`` command line: ``translit``, ``schemes``, ``detect``, ``entity``,
``entities``, ``resolve``, ``extract``, ``relations`` and ``info``.

Exit codes: 0 success; 1 a text could not be transliterated (``--errors strict``), no
entity for a name (``resolve``), or a file that could not be read or a glob that matched
nothing (``extract``, which still writes every other file's rows); 2 bad usage (unknown
scheme, profile, entity or kind; a malformed date; a dataset that does not check out).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence, TextIO

import kzrel
from kzrel.errors import UnmappableCharacterError

SAMPLE = Path(__file__).with_name("sample.txt")


def _sample_lines() -> list[tuple[str, str]]:
    rows = []
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, _, text = line.partition(":")
            rows.append((lang.strip(), text.strip()))
    return rows


def _inputs(texts: Sequence[str], files: Sequence[str], stdin: TextIO) -> Iterator[str]:
    yield from texts
    for name in files:
        try:
            with open(name, encoding="utf-8") as fh:
                for line in fh:
                    yield line.rstrip("\n")
        except (OSError, UnicodeDecodeError) as e:
            raise SystemExit(f"kzrel: error: cannot read {name}: {e}") from None
    if not texts and not files:
        for line in stdin:
            yield line.rstrip("\n")


def _translit(args: argparse.Namespace, out: TextIO) -> int:
    if args.sample:
        wanted = [kzrel.scheme(args.scheme)] if args.scheme else kzrel.schemes()
        for lang, text in _sample_lines():
            mine = [s for s in wanted if s.language == lang]
            if not mine:
                continue
            print(f"[{lang}] {text}", file=out)
            width = max(len(s.id) for s in mine)
            for s in mine:
                print(f"  {s.id:<{width}}  {kzrel.transliterate(text, s.id)}", file=out)
            print(file=out)
        return 0
    scheme = args.scheme or "kk-latn-2021"
    kwargs = {"errors": args.errors, "replacement": args.replacement}
    kzrel.scheme(scheme)  # fail early on an unknown id
    status = 0
    for n, text in enumerate(_inputs(args.text, args.file, sys.stdin), start=1):
        try:
            if args.reverse:
                print(kzrel.to_cyrillic(text, scheme, **kwargs), file=out)
            else:
                print(kzrel.transliterate(text, scheme, profiles=args.profile, **kwargs), file=out)
        except UnmappableCharacterError as e:
            print(f"kzrel: input {n}: {e}", file=sys.stderr)
            status = 1
    return status


def _schemes(out: TextIO) -> int:
    rows = [(s.id, s.language, "yes" if s.reverses else "no", ", ".join(s.profiles) or "-", s.description) for s in kzrel.schemes()]
    head = ("id", "lang", "reverses", "profiles", "description")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    for r in [head, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r[:4], widths)) + "  " + r[4], file=out)
    return 0


def _detect(texts: Iterable[str], out: TextIO) -> int:
    for t in texts:
        r = kzrel.detect_script(t)
        print(f"{r.primary or '-'}\t{r.language or '-'}\t{r.confidence:.2f}\t{'mixed' if r.mixed else 'single'}\t{t}", file=out)
    return 0


def _dataset(args: argparse.Namespace) -> kzrel.Dataset:
    return kzrel.load(*args.data, embedded=not args.no_embedded)


def _entity(args: argparse.Namespace, out: TextIO) -> int:
    ds = _dataset(args)
    for n, key in enumerate(args.key):
        if n:
            print(file=out)
        print(str(ds.entity(key)), end="", file=out)
    return 0


def _entities(args: argparse.Namespace, out: TextIO) -> int:
    rows = _dataset(args).rows(kind=args.kind, country=args.country, as_of=args.as_of)
    _table(rows, ["id", "kind", "subkind", "iso3166", "geonames_id", "name"], out)
    return 0


def _table(rows: list[dict], cols: list[str], out: TextIO) -> None:
    table = [[("" if r[c] is None else str(r[c])) for c in cols] for r in rows]
    widths = [max(len(x) for x in col) for col in zip(cols, *table)]
    for line in [cols, *table]:
        print("  ".join(x.ljust(w) for x, w in zip(line, widths)).rstrip(), file=out)


def _relations(args: argparse.Namespace, out: TextIO) -> int:
    found = _dataset(args).relations(
        kind=args.kind or None, party=args.party or None, within=args.within,
        party_kind=args.party_kind, country=args.country, since=args.since, until=args.until,
        during=args.during, place=args.place, text=args.text,
    )
    if args.format == "jsonl":
        print(found.to_jsonl(), end="", file=out)
    elif args.format == "csv":
        print(found.to_csv(), end="", file=out)
    elif args.format == "graphml":
        print(found.to_graphml(), end="", file=out)
    else:
        rows = found.rows()
        for r in rows:
            if len(r["summary"]) > 70:
                r["summary"] = r["summary"][:69] + "…"
        _table(rows, ["id", "date", "kind", "subkind", "parties", "summary"], out)
    return 0


def _resolve(args: argparse.Namespace, out: TextIO) -> int:
    ds = _dataset(args)
    rows = []
    for q in args.name:
        for rank, m in enumerate(ds.resolve(q, as_of=args.as_of, kind=args.kind, country=args.country,
                                            limit=args.limit), 1):
            rows.append({"query": q, "rank": rank, "entity": m.entity.id, "name": m.entity.name,
                         "score": f"{m.score:.3f}", "method": m.method, "matched": m.matched.text,
                         "notes": "; ".join(m.notes)})
    _table(rows, ["query", "rank", "entity", "name", "score", "method", "matched", "notes"], out)
    return 0 if rows else 1


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    from kzrel._cli_extract import extract

    return extract(args, _dataset(args), out)


def _data_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", action="append", default=[], metavar="FILE",
                   help="add your own file: records (*.jsonl), relations (*.csv), sources and records (*.toml); repeatable")
    p.add_argument("--no-embedded", action="store_true", help="use only the --data files")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kzrel",
        description="Names of Kazakhstan and its partners: exact transliteration, and the entities of the dataset.",
    )
    p.add_argument("--version", action="version", version=f"kzrel {kzrel.__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    t = sub.add_parser("translit", help="transliterate text, files or standard input, a line at a time")
    t.add_argument("text", nargs="*", help="texts to transliterate (default: read --file or standard input)")
    t.add_argument("-s", "--scheme", help="scheme id (default kk-latn-2021; see `kzrel schemes`)")
    t.add_argument("-f", "--file", action="append", default=[], help="read lines from this UTF-8 file (repeatable)")
    t.add_argument("-r", "--reverse", action="store_true", help="Latin → Cyrillic (reversible schemes only)")
    t.add_argument("--errors", choices=["strict", "preserve", "replace"], default="preserve",
                   help="letters the scheme cannot map: fail, keep (default) or replace")
    t.add_argument("--replacement", default="?", help="the replacement for --errors replace")
    t.add_argument("-p", "--profile", action="append", default=[], help="enable a profile, e.g. separators")
    t.add_argument("--sample", action="store_true",
                   help="transliterate the embedded sample in every scheme of each line's language")

    sub.add_parser("schemes", help="list the schemes")
    d = sub.add_parser("detect", help="script and likely language of each text")
    d.add_argument("text", nargs="+")

    e = sub.add_parser("entity", help="show entities: kzrel id, ISO 3166 code or geonames:<id>")
    e.add_argument("key", nargs="+")
    _data_options(e)
    es = sub.add_parser("entities", help="list entities by kind, country and date")
    es.add_argument("-k", "--kind", help="country, region, city, district, organization, company or person")
    es.add_argument("-c", "--country", help="a country: KZ, RU, kz…")
    es.add_argument("--as-of", help="only those that existed then: 1995, 2014-10, 2022-06-08")
    _data_options(es)
    rv = sub.add_parser("resolve", help="the entities a spelling may name, ranked (exit 1 if none)")
    rv.add_argument("name", nargs="+", help="names in any script or form: Өскеменде, Korgan region, ВКО…")
    rv.add_argument("--as-of", help="the date the text speaks of: 1995, 2014-10")
    rv.add_argument("-k", "--kind", help="only entities of this kind")
    rv.add_argument("-c", "--country", help="only entities in this country")
    rv.add_argument("-n", "--limit", type=int, default=3, help="matches per name (default 3)")
    _data_options(rv)
    ex = sub.add_parser("extract", help="mentions of places and organizations in files, globs or standard input")
    ex.add_argument("file", nargs="*", help="UTF-8 text files or globs ('corpus/**/*.txt'); '-' or none: standard "
                    "input. A file that cannot be read, or a glob that matches none, is reported and skipped, and "
                    "the exit status is 1")
    ex.add_argument("--sample", action="store_true", help="read the built-in sample text (Kazakh, Russian, "
                    "Ukrainian and English sentences written for kzrel)")
    ex.add_argument("--as-of", help="the date the texts speak of: 1995, 2014-10")
    ex.add_argument("-k", "--kind", help="only entities of this kind")
    ex.add_argument("-c", "--country", help="only entities in this country")
    ex.add_argument("-f", "--format", choices=["tsv", "csv", "jsonl"], default="tsv",
                    help="rows: file, line, start, end (Python string indices in the file), text, entity, name, "
                    "kind, method, score")
    ex.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                    help="a progress line on standard error (default: on a terminal, for more than 5 MB)")
    _data_options(ex)
    inf = sub.add_parser("info", help="versions of kzrel and its data, the data's counts, the schemes")
    _data_options(inf)
    rs = sub.add_parser("relations", help="list relations by kind, party, country, date, place and text")
    rs.add_argument("-k", "--kind", action="append", default=[],
                    help="agreement, partnership, event, trade-figure, membership or project (repeatable)")
    rs.add_argument("-p", "--party", action="append", default=[], help="an entity key: KZ-59, by, org-osce… (repeatable)")
    rs.add_argument("--within", action="store_true", help="parties inside --party count too (its regions, cities…)")
    rs.add_argument("--party-kind", help="only parties of this kind count (region, city…)")
    rs.add_argument("-c", "--country", help="a counterpart: another party in this country")
    rs.add_argument("--since", help="dated on or after: 2014, 2014-10, 2014-10-16")
    rs.add_argument("--until", help="dated on or before")
    rs.add_argument("--during", help="dated within: 2014 takes 2014-10-16 and 2013/2015")
    rs.add_argument("--place", help="took place in this entity")
    rs.add_argument("--text", help="in the title, summary, note or a quote")
    rs.add_argument("-f", "--format", choices=["table", "jsonl", "csv", "graphml"], default="table")
    _data_options(rs)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    out = sys.stdout
    try:
        if args.command == "translit":
            return _translit(args, out)
        if args.command == "schemes":
            return _schemes(out)
        if args.command == "entity":
            return _entity(args, out)
        if args.command == "entities":
            return _entities(args, out)
        if args.command == "relations":
            return _relations(args, out)
        if args.command == "resolve":
            return _resolve(args, out)
        if args.command == "extract":
            return _extract(args, out)
        if args.command == "info":
            from kzrel._cli_extract import info

            return info(_dataset(args), out)
        return _detect(args.text, out)
    except (kzrel.UnknownSchemeError, kzrel.UnknownProfileError, kzrel.NotReversibleError,
            kzrel.UnknownEntityError, kzrel.DatasetError) as e:
        print(f"kzrel: error: {e}", file=sys.stderr)
        return 2
    except ValueError as e:  # a malformed --as-of or --kind
        print(f"kzrel: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
