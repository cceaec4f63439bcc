"""What `import kzrel` costs a fresh interpreter, beside the interpreter alone and beside
importing peers a notebook loads anyway: each command run N times in fresh processes,
interleaved so that the machine's slow spells fall on all of them alike.

    .venv/bin/python benches/bench_import.py [N]

Prints the median and the spread of the wall time of each, and the median of
`python -X importtime`'s own figure for kzrel (cumulative microseconds).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": "pass",
    "import kzrel": "import kzrel",
    "import kzrel; kzrel.load()": "import kzrel; kzrel.load()",
    "import json": "import json",
    "import pandas": "import pandas",
}


def wall(code: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t


def importtime() -> int:
    err = subprocess.run([sys.executable, "-X", "importtime", "-c", "import kzrel"], capture_output=True,
                         text=True, check=True).stderr
    line = next(x for x in err.splitlines() if x.rstrip().endswith("| kzrel"))
    return int(line.split("|")[1])


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    runs: dict[str, list[float]] = {k: [] for k in COMMANDS}
    own: list[int] = []
    for _ in range(n):
        for name, code in COMMANDS.items():
            runs[name].append(wall(code))
        own.append(importtime())
    base = statistics.median(runs["python -c pass"])
    print(f"{n} fresh processes each, interleaved")
    for name, times in runs.items():
        med = statistics.median(times)
        print(f"{name:28} median {med * 1000:7.1f} ms  (+{(med - base) * 1000:6.1f} over bare)"
              f"  min {min(times) * 1000:6.1f}  max {max(times) * 1000:6.1f}")
    print(f"-X importtime, kzrel cumulative: median {statistics.median(own) / 1000:.2f} ms,"
          f" min {min(own) / 1000:.2f}, max {max(own) / 1000:.2f}")


if __name__ == "__main__":
    main()
