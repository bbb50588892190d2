#!/usr/bin/env bash
# Installs every tool the build and the tests need, and only what is missing.
# Versions come from Trunk.toml so that they are pinned in one place.
set -euo pipefail
cd "$(dirname "$0")/.."

toml_value() { # key -> value of the first `key = "value"` line in Trunk.toml
  sed -n "s/^$1 *= *\"\\([^\"]*\\)\".*/\\1/p" Trunk.toml | head -n1
}
TRUNK_VERSION="$(toml_value trunk-version)"
WASM_BINDGEN_VERSION="$(toml_value wasm_bindgen)"
BINARYEN_VERSION="$(toml_value wasm_opt | sed 's/^version_//')"
# Tools trunk does not know about are pinned here.
CARGO_FUZZ_VERSION="0.13.2"
AXE_CORE_VERSION="4.14.1"

say() { printf 'setup: %s\n' "$*"; }

if ! grep -q "^wasm-bindgen = \"=$WASM_BINDGEN_VERSION\"" Cargo.toml; then
  say "Cargo.toml must pin wasm-bindgen = \"=$WASM_BINDGEN_VERSION\" (as Trunk.toml says)" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
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

if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install --force cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

# axe-core, which the browser tests inject into the page for the accessibility audit.
if [ "$(npm ls --global --depth=0 --parseable --long axe-core 2>/dev/null | sed -n 's/.*:axe-core@//p')" != "$AXE_CORE_VERSION" ]; then
  say "installing axe-core@$AXE_CORE_VERSION from npm"
  npm install --global --no-audit --no-fund "axe-core@$AXE_CORE_VERSION"
fi

# Chromium and its driver for the browser tests; CJK fonts so that the
# screenshots the tests save show Chinese text rather than empty boxes;
# brotli for the size report.
DEBIAN_PACKAGES=(chromium chromium-driver fonts-noto-cjk brotli)
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

say "all tools present: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1), $(chromedriver --version | cut -d" " -f1-2), $(cargo fuzz --version), axe-core $AXE_CORE_VERSION, $(brotli --version)"
