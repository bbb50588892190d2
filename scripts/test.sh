#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to find: formatting, lints,
# native tests of the engine, then the browser tests against the release bundle.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native, whole workspace)"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy (the app, for the browser)"
cargo clippy -p faceid-calculator --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --workspace --exclude e2e

step "browser tests (builds the release bundle with trunk)"
cargo test -p e2e -- --test-threads=2
