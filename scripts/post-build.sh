#!/usr/bin/env bash
# Trunk's post_build hook. Trunk runs the hooks of one stage at the same time,
# and each step rewrites index.html, so one hook runs them in turn.
set -euo pipefail
python3 scripts/externalize-inline-scripts.py
# Release builds only: `trunk serve` stays quick and shows the live page at once.
if [ "${TRUNK_PROFILE:-}" = release ]; then
  python3 scripts/minify-glue.py
  python3 scripts/prerender.py
fi
