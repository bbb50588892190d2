#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to find: formatting, lints,
# native tests of the engine (also on a 32-bit target), a short fuzzing run, then the release bundle's
# size and the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."

# The test runs' output is copied here, to close the run with one total.
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
counted() { "$@" 2>&1 | tee -a "$results"; }

bash scripts/setup-test.sh
step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
cargo fmt --manifest-path fuzz/Cargo.toml -- --check

step "clippy (native, whole workspace)"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy (the app, for the browser)"
cargo clippy -p faceid-calculator --target wasm32-unknown-unknown -- -D warnings

step "clippy (the fuzz targets)"
cargo clippy --manifest-path fuzz/Cargo.toml -- -D warnings

step "native tests"
counted cargo test --workspace --exclude e2e

step "native tests of the engine and the page model on 32 bits (wasm32-wasip1 under node's WASI)"
# usize is 32 bits wide in the browser: what overflows only there shows here.
counted env CARGO_TARGET_WASM32_WASIP1_RUNNER="bash $PWD/scripts/wasi-run.sh" \
  cargo test -p pricing -p calculator --target wasm32-wasip1

step "fuzzing, briefly (make fuzz runs longer)"
bash scripts/fuzz.sh "${FUZZ_SECONDS:-5}"

step "release bundle for the browser tests"
# Built once here and shared by every browser-test binary (the harness would
# otherwise build it once per binary); the deploy tests build their sub-path
# bundle themselves.
python3 scripts/dist.py build --dist target/e2e-dist
export E2E_DIST=target/e2e-dist

step "bundle size against the budget"
bash scripts/size-report.sh target/e2e-dist

step "browser tests"
counted cargo test -p e2e --tests --no-fail-fast -- --test-threads=2

# The plain closing line: every test of every kind, native and in the browser.
awk '/^test result: / { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$results"
