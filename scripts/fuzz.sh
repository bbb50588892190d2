#!/usr/bin/env bash
# Runs every cargo-fuzz target for a bounded time: `scripts/fuzz.sh [seconds per target]`.
# A target fails on any panic, including an assertion of its own; the input that
# broke it is saved under fuzz/artifacts/<target>/ and named in the output.
#
# No sanitizer: the engine has no unsafe code, and AddressSanitizer would need a
# nightly compiler. Debug assertions stay on, so any arithmetic overflow panics.
# Committed seeds (fuzz/seeds/<target>/) start the search; what the fuzzer finds
# grows in fuzz/corpus/<target>/, which is not committed.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
targets=(url_query scenario_round_trip typed_number optimizer stored_pins held_paste)

cargo fuzz build --sanitizer none --debug-assertions
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  seeds=()
  [ -d "seeds/$target" ] && seeds=("seeds/$target")
  printf 'fuzz: %-20s ' "$target"
  log="$(mktemp)"
  if cargo fuzz run --sanitizer none --debug-assertions "$target" "corpus/$target" "${seeds[@]}" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 >"$log" 2>&1; then
    grep -E '^Done [0-9]+ runs' "$log" || echo "done"
  else
    echo "FAILED"
    tail -n 40 "$log"
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
done
