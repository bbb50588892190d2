#!/usr/bin/env bash
# Installs what the tests, the benchmarks and fuzzing need, and only what is
# missing: first everything serving needs (scripts/setup-serve.sh), then the
# browsers (Chromium, Firefox ESR, WebKitGTK) and their drivers, the fuzzer and
# the audit tools. Idempotent: a re-run takes seconds. Nothing here, nor in the
# tests, downloads a browser or a driver of its own: the browsers, chromedriver
# and WebKitWebDriver are Debian's packages, geckodriver is built from its
# crates.io source with cargo.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-serve.sh

# Tools trunk does not know about are pinned here.
CARGO_FUZZ_VERSION="0.13.2"
AXE_CORE_VERSION="4.14.1"
# Firefox's WebDriver server; 0.37.1 builds on rustc 1.95 and drives Debian 12's
# firefox-esr (153 ESR).
GECKODRIVER_VERSION="0.37.1"

say() { printf 'setup-test: %s\n' "$*"; }

# The engine's tests also run on a 32-bit target, under node's built-in WASI
# (scripts/wasi-run.mjs; node comes with scripts/setup-serve.sh).
if ! rustup target list --installed | grep -qx wasm32-wasip1; then
  say "adding the wasm32-wasip1 target"
  rustup target add wasm32-wasip1
fi

if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install --force cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

# geckodriver goes where cargo installs binaries; the browser tests look there
# first, then on PATH.
GECKODRIVER="${CARGO_HOME:-$HOME/.cargo}/bin/geckodriver"
if [ "$("$GECKODRIVER" --version 2>/dev/null | sed -n 1p || true)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (built from source: about 3-4 minutes on 2 cores)"
  cargo install --locked --force geckodriver --version "$GECKODRIVER_VERSION"
fi

# axe-core, which the browser tests inject into the page for the accessibility audit.
if [ "$(npm ls --global --depth=0 --parseable --long axe-core 2>/dev/null | sed -n 's/.*:axe-core@//p')" != "$AXE_CORE_VERSION" ]; then
  say "installing axe-core@$AXE_CORE_VERSION from npm"
  npm install --global --no-audit --no-fund "axe-core@$AXE_CORE_VERSION"
fi

# The browsers and their drivers for the browser tests: Chromium and
# chromedriver; Firefox ESR (geckodriver above); WebKitGTK's MiniBrowser and
# WebKitWebDriver, and Xvfb, the virtual display MiniBrowser runs on (the tests
# start and stop it). CJK fonts so that the screenshots the tests save show
# Chinese text rather than empty boxes; brotli for the size report.
DEBIAN_PACKAGES=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb fonts-noto-cjk brotli)
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

say "test tools present: $(chromedriver --version | cut -d" " -f1-2), $(firefox-esr --version 2>/dev/null), $("$GECKODRIVER" --version 2>/dev/null | sed -n 1p), WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver), $(cargo fuzz --version), axe-core $AXE_CORE_VERSION, $(brotli --version)"
