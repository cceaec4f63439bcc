#!/usr/bin/env bash
# Run every fuzz target for a set time each (libFuzzer through cargo-fuzz, on nightly):
#   ./scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default 60 s, every target)
# Installs cargo-fuzz and the nightly toolchain when missing. Each target starts from
# its committed seeds (fuzz/seeds/<target>) and keeps what it learns in fuzz/corpus/
# (not committed). A crash stops the run with exit status 1 and leaves the input in
# fuzz/artifacts/<target>/: turn it into a regression test, then fix. The summary line
# of each target gives its executions and corpus size.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_PER=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(translit script resolve extract load)
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
cargo +nightly fuzz build --release 2>&1 | tail -1
status=0
for t in "${TARGETS[@]}"; do
  mkdir -p "corpus/$t"
  log="target/fuzz-$t.log"
  mkdir -p target
  echo "== $t: ${SECONDS_PER}s"
  # -rss_limit_mb: an input that makes memory grow without bound is a finding too.
  if cargo +nightly fuzz run --release "$t" "corpus/$t" "seeds/$t" -- \
      -max_total_time="$SECONDS_PER" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^Done' "$log" | tr '\n' ' '; echo
  else
    status=1
    echo "!! $t found a problem: see fuzz/$log and fuzz/artifacts/$t/"
    grep -E 'panicked|ERROR|SUMMARY' "$log" | head -5
  fi
done
exit "$status"
