#!/usr/bin/env bash
# Installs what `make bench` needs beyond the tests (scripts/setup-test.sh):
# Lighthouse, which audits the release page in Debian's Chromium. Only the
# benchmarks use it, so neither the tests nor CI install it. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-test.sh

LIGHTHOUSE_VERSION="12.8.2"

if [ "$(npm ls --global --depth=0 --parseable --long lighthouse 2>/dev/null | sed -n 's/.*:lighthouse@//p')" != "$LIGHTHOUSE_VERSION" ]; then
  printf 'setup-bench: installing lighthouse@%s from npm\n' "$LIGHTHOUSE_VERSION"
  npm install --global --no-audit --no-fund "lighthouse@$LIGHTHOUSE_VERSION"
fi
printf 'setup-bench: lighthouse %s\n' "$(lighthouse --version)"
