#!/usr/bin/env bash
# Cargo's runner for wasm32-wasip1 (set by scripts/test.sh): runs a test binary under
# node's built-in WASI (scripts/wasi-run.mjs). Node 20 itself crashed once here with
# SIGSEGV on a test binary that then passed three runs in a row: a wasm program cannot
# cause a native crash, so that crash, and only that one, is retried once.
here="$(dirname "$0")"
node --no-warnings "$here/wasi-run.mjs" "$@"
status=$?
if [ "$status" -eq 139 ]; then
  echo "wasi-run: node crashed (SIGSEGV); running the test binary once more" >&2
  node --no-warnings "$here/wasi-run.mjs" "$@"
  status=$?
fi
exit "$status"
