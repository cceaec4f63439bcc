"""The command line every data generator shares: write its file, or with --check exit 1
when the committed file differs from what the generator would write now."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, Iterable


def main(out: Path, render: Callable[[], str], argv: list[str], what: str) -> int:
    """Write `render()` to `out` (reporting `what` was written), or check it."""
    text = render()
    script = Path(sys.argv[0]).name
    if "--check" in argv:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(f"{out} is out of date: run python scripts/{script}", file=sys.stderr)
            return 1
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({text.count(chr(10))} {what})")
    return 0


def jsonl(records: Iterable[dict]) -> str:
    """Records as JSON Lines, as the data files hold them: one compact record a line."""
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
