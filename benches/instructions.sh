#!/usr/bin/env bash
# Instructions per byte of input of each forward scheme, counted by valgrind's callgrind:
# a figure that, unlike MB/s on a shared machine, is the same on every run.
#
# Usage (from the repository root, after benches/make_corpus.py):
#   benches/instructions.sh [SCHEME...]        (default: every scheme)
# It cuts a 1 MB prefix of the corpus (at a line end), runs the throughput binary with
# 1 and with 3 timed runs, and divides the difference by 2 runs and by the prefix size,
# so loading the corpus and compiling the table are not counted.
set -euo pipefail
cd "$(dirname "$0")"
command -v valgrind >/dev/null || { echo "instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 2; }
corpus=${KZREL_BENCH_CORPUS:-../target/bench-corpus/kk-ru.txt}
[ -f "$corpus" ] || { echo "instructions.sh: no corpus at $corpus (run benches/make_corpus.py)" >&2; exit 2; }
cargo build --release --quiet --bin throughput
prefix=$(mktemp)
trap 'rm -f "$prefix"' EXIT
python3 - "$corpus" "$prefix" <<'PY'
import sys
data = open(sys.argv[1], "rb").read(1_000_000)
open(sys.argv[2], "wb").write(data[: data.rfind(b"\n") + 1])
PY
bytes=$(stat -c %s "$prefix")
count() {
  KZREL_BENCH_CORPUS="$prefix" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    ./target/release/throughput --forward-only --runs "$2" --scheme "$1" 2>&1 |
    awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
schemes=("$@")
if [ ${#schemes[@]} -eq 0 ]; then
  mapfile -t schemes < <(./target/release/throughput --list)
fi
echo "prefix: $bytes bytes; instructions per byte of input (forward)"
for s in "${schemes[@]}"; do
  one=$(count "$s" 1) three=$(count "$s" 3)
  python3 -c "print(f'{\"$s\":<14} {($three - $one) / 2 / $bytes:6.2f}')"
done
