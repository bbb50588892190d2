#!/usr/bin/env bash
# Installs what building and serving the page needs, and only what is missing:
# the wasm32 target, trunk, wasm-bindgen-cli, wasm-opt, esbuild and the release
# build's nightly with the standard library's source. Idempotent: a re-run takes
# seconds. Versions come from Trunk.toml and scripts/dist.py (esbuild's,
# which trunk has no key for, from this file) so that each is pinned in one place.
set -euo pipefail
cd "$(dirname "$0")/.."

toml_value() { # key -> value of the first `key = "value"` line in Trunk.toml
  sed -n "s/^$1 *= *\"\\([^\"]*\\)\".*/\\1/p" Trunk.toml | head -n1
}
TRUNK_VERSION="$(toml_value trunk-version)"
WASM_BINDGEN_VERSION="$(toml_value wasm_bindgen)"
BINARYEN_VERSION="$(toml_value wasm_opt | sed 's/^version_//')"
# The release build's JS minifier (scripts/dist.py, "minify glue").
ESBUILD_VERSION="0.25.12"
RELEASE_TOOLCHAIN="$(sed -n 's/^RELEASE_TOOLCHAIN = "\(.*\)"$/\1/p' scripts/dist.py)"

say() { printf 'setup-serve: %s\n' "$*"; }

if ! grep -q "^wasm-bindgen = \"=$WASM_BINDGEN_VERSION\"" Cargo.toml; then
  say "Cargo.toml must pin wasm-bindgen = \"=$WASM_BINDGEN_VERSION\" (as Trunk.toml says)" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build rebuilds the standard library for wasm32 from source (build-std),
# so this nightly needs rust-src rather than the target's prebuilt library.
if ! rustup run "$RELEASE_TOOLCHAIN" rustc --version >/dev/null 2>&1 \
  || ! rustup component list --toolchain "$RELEASE_TOOLCHAIN" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing $RELEASE_TOOLCHAIN with rust-src (about 30 s)"
  rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal --component rust-src
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 20 minutes of compiling)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the CLI's lock file names a crate version this registry lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
  say "installing wasm-opt from the npm package binaryen@$BINARYEN_VERSION"
  npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

if [ "$(esbuild --version 2>/dev/null || true)" != "$ESBUILD_VERSION" ]; then
  say "installing esbuild $ESBUILD_VERSION from npm (the release build minifies the JS glue with it)"
  npm install --global --no-audit --no-fund "esbuild@$ESBUILD_VERSION"
fi

say "serving tools present: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1), esbuild $(esbuild --version), $(rustup run "$RELEASE_TOOLCHAIN" rustc --version)"
