#!/usr/bin/env bash
# Cargo's runner for wasm32-wasip1 (set by scripts/test.sh): runs a test binary under
# node's built-in WASI (scripts/wasi-run.mjs). Node 20 itself crashes now and then with
# SIGSEGV on these binaries, most often while exiting after a long, memory-hungry one
# has finished (seen after the binary's "test result: ok" in three clean runs of
# 2026-12-07). A wasm program cannot cause a native crash, so that crash, and only that
# one, is handled: after the binary's own exit code was written (wasi-run.mjs) that code
# stands; before it, the binary runs again, at most twice more.
here="$(dirname "$0")"
verdict="$(mktemp)"
trap 'rm -f "$verdict"' EXIT
for attempt in 1 2 3; do
  : > "$verdict"
  WASI_RUN_VERDICT="$verdict" node --no-warnings "$here/wasi-run.mjs" "$@"
  status=$?
  [ "$status" -ne 139 ] && exit "$status"
  if [ -s "$verdict" ]; then
    echo "wasi-run: node crashed (SIGSEGV) after the binary exited with $(cat "$verdict"); that code stands" >&2
    exit "$(cat "$verdict")"
  fi
  echo "wasi-run: node crashed (SIGSEGV), attempt $attempt of 3" >&2
done
exit "$status"
