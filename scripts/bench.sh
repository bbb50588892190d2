#!/usr/bin/env bash
# The performance report: the engine's criterion benchmarks (native), then the
# page in headless Chromium (release bundle, with and without 4x CPU throttling),
# then Lighthouse's mobile audit of the same bundle served gzip-compressed.
# Measurements only: nothing here fails on a slow figure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-bench.sh
mkdir -p target/bench
# The whole report is also kept in target/bench/report.txt.
exec > >(tee target/bench/report.txt) 2>&1

printf '\n== engine: one recommendation, 36 months (criterion)\n'
# Each benchmark's name, then its time as [low estimate, median, high estimate].
cargo bench -p pricing --bench recommend -- --noplot 2>&1 | grep -E '^[a-z_0-9]+(/|$)|time:'

printf '\n== page: headless Chromium\n'
python3 scripts/dist.py build --dist target/bench-dist
E2E_DIST=target/bench-dist cargo bench -p e2e --bench browser

printf '\n== page: Lighthouse 12, mobile (slow 4G, 4x CPU), served with gzip, 3 runs\n'
python3 scripts/lighthouse.py target/bench-dist 3
