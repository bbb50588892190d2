#!/usr/bin/env bash
# Cargo's runner for wasm32-wasip1 (set by scripts/test.sh): runs a test binary under
# node's built-in WASI (scripts/wasi-run.mjs). Node 20 itself crashes now and then with
# SIGSEGV on these binaries (twice in two clean runs here, each time on a binary that
# passed when run again): a wasm program cannot cause a native crash, so that crash,
# and only that one, is retried, at most twice.
here="$(dirname "$0")"
for attempt in 1 2 3; do
  node --no-warnings "$here/wasi-run.mjs" "$@"
  status=$?
  [ "$status" -ne 139 ] && exit "$status"
  echo "wasi-run: node crashed (SIGSEGV), attempt $attempt of 3" >&2
done
exit "$status"
