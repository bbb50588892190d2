#!/usr/bin/env bash
# The release bundle: `trunk build --release` with the options given (--dist,
# --public-url), its wasm built by a pinned nightly that rebuilds the standard
# library with panics that abort at once: about 20 KB less gzip than stable
# (docs/performance.md, "Bundle size"). A panic then stops the page without a
# message, which the page, whose errors are values, does not rely on.
# scripts/setup-serve.sh installs the toolchain; `trunk serve` stays on stable.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned here, and only here (scripts/setup-serve.sh reads it).
RELEASE_TOOLCHAIN="nightly-2026-05-19"

export RUSTUP_TOOLCHAIN="$RELEASE_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
# For the wasm only: build scripts and the native pre-render keep their own flags.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec trunk build --release "$@"
