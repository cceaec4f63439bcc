#!/usr/bin/env python3
"""Side-by-side transliteration throughput benchmark: kzrel vs. PyICU vs. iuliia.

Measures, in one run:

* every kzrel scheme: ``kzrel.transliterate(whole_text, scheme)`` on the whole corpus and
  on a ~1 MB prefix of it (cut at a line boundary);
* ``kzrel.transliterate_list(lines, "ru-bgn")`` over the whole corpus split into lines;
* CPython's own UTF-8 encode of the input and decode of an output, the conversions
  every call through the stable ABI pays (a floor for any such extension);
* peers, each only if importable: PyICU (``Russian-Latin/BGN``, ``Kazakh-Latin/BGN``,
  ``Ukrainian-Latin/BGN``, ``Belarusian-Latin/BGN``) and iuliia (``BGN_PCGN``,
  ``WIKIPEDIA``, ``GOST_779_ALT``, ``ICAO_DOC_9303``, ``ALA_LC``), on the prefix only
  because they are much slower.

Throughput is in MB/s with MB = 10^6 bytes of UTF-8 *input*. Each measurement is timed
with ``time.perf_counter`` over ``--repeat`` runs (after one untimed warm-up call on a
short slice of the same input); the table shows the median time, the median MB/s and the
min-max MB/s range. Ratios compare kzrel and a peer on the identical prefix.

Standard library only (kzrel required; PyICU and iuliia optional). Usage::

    python benches/bench_translit.py [--corpus PATH] [--repeat N] [--prefix-mb 1]
                                     [--json OUT]

The default corpus is ``target/bench-corpus/kk-ru.txt`` (built by
``benches/make_corpus.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT / "target" / "bench-corpus" / "kk-ru.txt"

ICU_IDS = [
    "Russian-Latin/BGN",
    "Kazakh-Latin/BGN",
    "Ukrainian-Latin/BGN",
    "Belarusian-Latin/BGN",
]
IULIIA_SCHEMAS = ["BGN_PCGN", "WIKIPEDIA", "GOST_779_ALT", "ICAO_DOC_9303", "ALA_LC"]

# (kzrel scheme, peer engine, peer scheme) pairs compared on the identical prefix.
RATIO_PAIRS = [
    ("ru-bgn", "PyICU", "Russian-Latin/BGN"),
    ("ru-bgn", "iuliia", "BGN_PCGN"),
    ("kk-bgn", "PyICU", "Kazakh-Latin/BGN"),
    ("uk-national", "PyICU", "Ukrainian-Latin/BGN"),
    ("be-bgn", "PyICU", "Belarusian-Latin/BGN"),
    ("ru-press", "iuliia", "WIKIPEDIA"),
    ("ru-gost779b", "iuliia", "GOST_779_ALT"),
    ("ru-icao", "iuliia", "ICAO_DOC_9303"),
    ("ru-alalc", "iuliia", "ALA_LC"),
]

WARMUP_CHARS = 10_000


def mb(nbytes: int) -> float:
    return nbytes / 1e6


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def dist_version(name: str) -> Optional[str]:
    try:
        from importlib.metadata import version
    except ImportError:  # pragma: no cover - Python < 3.8
        return None
    try:
        return version(name)
    except Exception:
        return None


def prefix_at_line_boundary(data: bytes, limit: int) -> bytes:
    """The first `limit` bytes of `data`, shortened to end just after a newline.

    Falls back to a UTF-8 character boundary if the first `limit` bytes contain no
    newline."""
    if len(data) <= limit:
        return data
    cut = data.rfind(b"\n", 0, limit)
    if cut >= 0:
        return data[: cut + 1]
    cut = limit
    while cut > 0 and (data[cut] & 0xC0) == 0x80:  # continuation byte
        cut -= 1
    return data[:cut]


class Result:
    def __init__(
        self,
        engine: str,
        scheme: str,
        input_name: str,
        nbytes: int,
        times: List[float],
        out_chars: int,
        note: str = "",
    ) -> None:
        self.engine = engine
        self.scheme = scheme
        self.input_name = input_name
        self.nbytes = nbytes
        self.times = times
        self.out_chars = out_chars
        self.note = note

    @property
    def median_s(self) -> float:
        return statistics.median(self.times)

    @property
    def median_mbps(self) -> float:
        return mb(self.nbytes) / self.median_s

    @property
    def min_mbps(self) -> float:
        return mb(self.nbytes) / max(self.times)

    @property
    def max_mbps(self) -> float:
        return mb(self.nbytes) / min(self.times)

    def as_dict(self) -> Dict[str, Any]:
        return {
            "engine": self.engine,
            "scheme": self.scheme,
            "input": self.input_name,
            "input_bytes": self.nbytes,
            "input_mb": mb(self.nbytes),
            "times_s": self.times,
            "median_s": self.median_s,
            "median_mbps": self.median_mbps,
            "min_mbps": self.min_mbps,
            "max_mbps": self.max_mbps,
            "output_chars": self.out_chars,
            "note": self.note,
        }


def measure(
    fn: Callable[[Any], Any],
    arg: Any,
    warm_arg: Any,
    repeat: int,
) -> Tuple[List[float], Any]:
    """Run fn(warm_arg) once untimed, then time fn(arg) `repeat` times."""
    fn(warm_arg)
    times: List[float] = []
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn(arg)
        times.append(time.perf_counter() - t0)
        if _ != repeat - 1:
            out = None  # free the previous output before the next run
    return times, out


def out_len(out: Any) -> int:
    if isinstance(out, (str, bytes)):
        return len(out)
    if isinstance(out, list):
        return sum(len(s) for s in out)
    return -1


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument(
        "--prefix-mb",
        type=float,
        default=1.0,
        help="size limit (10^6 bytes) of the prefix used for peers and ratios",
    )
    ap.add_argument("--json", type=Path, default=None, help="write results as JSON")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be >= 1")

    try:
        import kzrel
    except ImportError as exc:
        print(f"error: cannot import kzrel: {exc}", file=sys.stderr)
        return 2

    if not args.corpus.is_file():
        print(
            f"error: corpus {args.corpus} not found "
            "(build it with: python3 benches/make_corpus.py)",
            file=sys.stderr,
        )
        return 2

    data = args.corpus.read_bytes()
    text = data.decode("utf-8")
    pdata = prefix_at_line_boundary(data, int(args.prefix_mb * 1e6))
    ptext = pdata.decode("utf-8")
    lines = text.split("\n")
    lines_bytes = sum(len(s.encode("utf-8")) for s in lines)
    full_name = "full"
    prefix_name = "prefix"

    # ---- environment -------------------------------------------------------------
    env: Dict[str, Any] = {
        "python": sys.version.split()[0],
        "python_impl": platform.python_implementation(),
        "platform": platform.platform(),
        "kzrel": getattr(kzrel, "__version__", None) or dist_version("kzrel"),
        "cpu": cpu_model(),
        "cpu_count": os.cpu_count(),
        "corpus": str(args.corpus),
        "corpus_bytes": len(data),
        "corpus_chars": len(text),
        "corpus_lines": len(lines),
        "prefix_bytes": len(pdata),
        "prefix_chars": len(ptext),
        "repeat": args.repeat,
    }
    skipped: Dict[str, str] = {}

    icu = None
    try:
        import icu as _icu  # PyICU

        icu = _icu
        env["pyicu"] = getattr(icu, "VERSION", None) or dist_version("PyICU")
        env["icu"] = getattr(icu, "ICU_VERSION", None)
    except Exception as exc:  # ImportError or a broken build
        skipped["PyICU"] = f"{type(exc).__name__}: {exc}"
        env["pyicu"] = None
        env["icu"] = None

    iuliia = None
    try:
        import iuliia as _iuliia

        iuliia = _iuliia
        env["iuliia"] = getattr(iuliia, "__version__", None) or dist_version("iuliia")
    except Exception as exc:
        skipped["iuliia"] = f"{type(exc).__name__}: {exc}"
        env["iuliia"] = None

    print("kzrel transliteration throughput benchmark")
    print(f"  python   : {env['python']} ({env['python_impl']}, {env['platform']})")
    print(f"  kzrel    : {env['kzrel']}")
    if icu is not None:
        print(f"  PyICU    : {env['pyicu']} (ICU {env['icu']})")
    else:
        print(f"  PyICU    : skipped: {skipped['PyICU']}")
    if iuliia is not None:
        print(f"  iuliia   : {env['iuliia']}")
    else:
        print(f"  iuliia   : skipped: {skipped['iuliia']}")
    print(f"  CPU      : {env['cpu']} ({env['cpu_count']} logical CPUs)")
    print(
        f"  corpus   : {args.corpus} — {mb(len(data)):.3f} MB, "
        f"{len(text):,} chars, {len(lines):,} lines"
    )
    print(
        f"  prefix   : first {mb(len(pdata)):.3f} MB ({len(ptext):,} chars), cut at a "
        f"line boundary; used for peers, kzrel-on-prefix and ratios"
    )
    print(
        f"  method   : time.perf_counter, {args.repeat} timed runs after 1 untimed "
        f"warm-up on the first {WARMUP_CHARS:,} chars; MB = 10^6 bytes of UTF-8 input"
    )
    print(flush=True)

    results: List[Result] = []

    def run(engine, scheme, input_name, nbytes, fn, arg, warm_arg, note=""):
        try:
            times, out = measure(fn, arg, warm_arg, args.repeat)
        except Exception as exc:
            key = f"{engine} {scheme}"
            skipped[key] = f"{type(exc).__name__}: {exc}"
            print(f"  skipped: {key}: {skipped[key]}", flush=True)
            return None
        r = Result(engine, scheme, input_name, nbytes, times, out_len(out), note)
        results.append(r)
        print(
            f"  done: {engine:<6} {scheme:<22} {input_name:<6} "
            f"{r.median_mbps:9.2f} MB/s",
            flush=True,
        )
        return r

    # ---- kzrel -------------------------------------------------------------------
    scheme_ids = [s.id for s in kzrel.schemes()]
    for sid in scheme_ids:
        fn = lambda t, sid=sid: kzrel.transliterate(t, sid)  # noqa: E731
        run("kzrel", sid, full_name, len(data), fn, text, text[:WARMUP_CHARS])
    for sid in scheme_ids:
        fn = lambda t, sid=sid: kzrel.transliterate(t, sid)  # noqa: E731
        run("kzrel", sid, prefix_name, len(pdata), fn, ptext, ptext[:WARMUP_CHARS])
    # The conversions any str -> str extension built on the stable ABI pays: encoding the
    # argument to UTF-8 and decoding the result (here ru-bgn's), measured on their own.
    # MB/s is still per MB of Cyrillic input, so the two add up with kzrel's figures.
    run(
        "CPython",
        "utf-8 encode (input)",
        prefix_name,
        len(pdata),
        lambda t: t.encode("utf-8"),
        ptext,
        ptext[:WARMUP_CHARS],
        note="str.encode of the prefix: the argument's conversion",
    )
    if "ru-bgn" in scheme_ids:
        pout = kzrel.transliterate(ptext, "ru-bgn").encode("utf-8")
        run(
            "CPython",
            "utf-8 decode (output)",
            prefix_name,
            len(pdata),
            lambda b: b.decode("utf-8"),
            pout,
            pout[:WARMUP_CHARS],
            note="bytes.decode of ru-bgn's output of the prefix: the result's conversion",
        )
        fn = lambda ls: kzrel.transliterate_list(ls, "ru-bgn")  # noqa: E731
        run(
            "kzrel",
            "ru-bgn [list]",
            full_name,
            lines_bytes,
            fn,
            lines,
            lines[:100],
            note=f"transliterate_list over {len(lines):,} lines (newlines excluded)",
        )

    # ---- PyICU -------------------------------------------------------------------
    if icu is not None:
        for tid in ICU_IDS:
            try:
                tr = icu.Transliterator.createInstance(tid)
            except Exception as exc:
                skipped[f"PyICU {tid}"] = f"{type(exc).__name__}: {exc}"
                print(f"  skipped: PyICU {tid}: {skipped[f'PyICU {tid}']}", flush=True)
                continue
            fn = lambda t, tr=tr: tr.transliterate(t)  # noqa: E731
            run("PyICU", tid, prefix_name, len(pdata), fn, ptext, ptext[:WARMUP_CHARS])
    else:
        print(f"  skipped: PyICU: {skipped['PyICU']}", flush=True)

    # ---- iuliia ------------------------------------------------------------------
    if iuliia is not None:
        for name in IULIIA_SCHEMAS:
            schema = getattr(iuliia, name, None)
            if schema is None:
                skipped[f"iuliia {name}"] = "schema not found in this iuliia version"
                print(f"  skipped: iuliia {name}: {skipped[f'iuliia {name}']}")
                continue
            # schema.translate(text) is what the (deprecated since 0.12)
            # iuliia.translate(text, schema=...) delegates to; calling it directly
            # avoids a DeprecationWarning per call and measures the same work.
            if hasattr(schema, "translate"):
                fn = lambda t, s=schema: s.translate(t)  # noqa: E731
            else:
                fn = lambda t, s=schema: iuliia.translate(t, schema=s)  # noqa: E731
            run("iuliia", name, prefix_name, len(pdata), fn, ptext, ptext[:WARMUP_CHARS])
    else:
        print(f"  skipped: iuliia: {skipped['iuliia']}", flush=True)

    # ---- table -------------------------------------------------------------------
    print()
    header = ["engine", "scheme", "input", "MB", "median s", "median MB/s", "min–max MB/s"]
    rows = []
    for r in results:
        rows.append(
            [
                r.engine,
                r.scheme,
                r.input_name,
                f"{mb(r.nbytes):.3f}",
                f"{r.median_s:.4f}",
                f"{r.median_mbps:.2f}",
                f"{r.min_mbps:.2f}–{r.max_mbps:.2f}",
            ]
        )
    widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h)
              for i, h in enumerate(header)]
    right = {3, 4, 5, 6}

    def fmt(cells: List[str]) -> str:
        return "  ".join(
            c.rjust(widths[i]) if i in right else c.ljust(widths[i])
            for i, c in enumerate(cells)
        ).rstrip()

    print(fmt(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(fmt(row))
    notes = [r for r in results if r.note]
    for r in notes:
        print(f"note: {r.engine} {r.scheme}: {r.note}")
    print(
        f"input 'full' = whole corpus ({mb(len(data)):.3f} MB); "
        f"'prefix' = first {mb(len(pdata)):.3f} MB cut at a line boundary"
    )

    # ---- ratios ------------------------------------------------------------------
    by_key = {(r.engine, r.scheme, r.input_name): r for r in results}
    ratios: List[Dict[str, Any]] = []
    print()
    print(
        f"Ratios on the identical {mb(len(pdata)):.3f} MB prefix "
        "(kzrel median MB/s ÷ peer median MB/s):"
    )
    rrows = []
    for kz, peer, pscheme in RATIO_PAIRS:
        k = by_key.get(("kzrel", kz, prefix_name))
        p = by_key.get((peer, pscheme, prefix_name))
        if k is None or p is None:
            missing = "kzrel " + kz if k is None else f"{peer} {pscheme}"
            reason = skipped.get(peer) or skipped.get(missing) or "not measured"
            rrows.append([f"kzrel {kz}", f"{peer} {pscheme}", "", "", f"skipped: {reason}"])
            ratios.append(
                {"kzrel": kz, "peer": peer, "peer_scheme": pscheme, "ratio": None,
                 "skipped": reason}
            )
            continue
        ratio = k.median_mbps / p.median_mbps
        rrows.append(
            [
                f"kzrel {kz}",
                f"{peer} {pscheme}",
                f"{k.median_mbps:.2f}",
                f"{p.median_mbps:.2f}",
                f"{ratio:.1f}×",
            ]
        )
        ratios.append(
            {
                "kzrel": kz,
                "peer": peer,
                "peer_scheme": pscheme,
                "input_bytes": len(pdata),
                "kzrel_median_mbps": k.median_mbps,
                "peer_median_mbps": p.median_mbps,
                "ratio": ratio,
            }
        )
    rheader = ["kzrel", "peer", "kzrel MB/s", "peer MB/s", "ratio"]
    rw = [max(len(h), *(len(row[i]) for row in rrows)) for i, h in enumerate(rheader)]
    print("  ".join(
        h.rjust(rw[i]) if i in {2, 3, 4} else h.ljust(rw[i]) for i, h in enumerate(rheader)
    ))
    print("  ".join("-" * w for w in rw))
    for row in rrows:
        if row[4].startswith("skipped"):
            print(f"{row[0].ljust(rw[0])}  {row[1].ljust(rw[1])}  {row[4]}")
        else:
            print("  ".join(
                c.rjust(rw[i]) if i in {2, 3, 4} else c.ljust(rw[i])
                for i, c in enumerate(row)
            ))

    if skipped:
        print()
        for key, reason in skipped.items():
            print(f"skipped: {key}: {reason}")

    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "environment": env,
            "results": [r.as_dict() for r in results],
            "ratios": ratios,
            "skipped": skipped,
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        print()
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
