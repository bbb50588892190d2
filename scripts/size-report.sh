#!/usr/bin/env bash
# Prints the release bundle's sizes file by file (raw, gzip -9, brotli -q 11)
# and the page's total, and fails when that total, gzipped, exceeds the budget
# in scripts/size-budget.txt.
#
# The page is every file the browser loads for the calculator: index.html,
# the wasm, the JS glue and loader, the CSS and the icon. The embedding
# example is listed apart: hosts copy it, the calculator never loads it.
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
[ -d "$dist" ] || { echo "no bundle in $dist: run make dist first" >&2; exit 1; }
command -v brotli >/dev/null || { echo "brotli is missing: run scripts/setup-test.sh" >&2; exit 1; }

budget="$(sed -n 's/^page_gzip_bytes *= *\([0-9]*\).*/\1/p' scripts/size-budget.txt)"
[ -n "$budget" ] || { echo "scripts/size-budget.txt names no page_gzip_bytes" >&2; exit 1; }

row() { printf '%-46s %10s %10s %10s\n' "$@"; }
sizes() { # file -> "raw gzip brotli"
  echo "$(stat -c %s "$1") $(gzip -9c "$1" | wc -c) $(brotli -c -q 11 "$1" | wc -c)"
}

row file bytes gzip-9 brotli
total_raw=0 total_gzip=0 total_brotli=0
for file in "$dist"/*; do
  [ -f "$file" ] || continue
  case "$(basename "$file")" in embed-example.*) continue ;; esac
  read -r raw gz br < <(sizes "$file")
  row "$(basename "$file")" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)) total_gzip=$((total_gzip + gz)) total_brotli=$((total_brotli + br))
done
row "page total" "$total_raw" "$total_gzip" "$total_brotli"
for file in "$dist"/embed-example.*; do
  [ -f "$file" ] || continue
  read -r raw gz br < <(sizes "$file")
  row "($(basename "$file"), not loaded by the page)" "$raw" "$gz" "$br"
done

if [ "$total_gzip" -gt "$budget" ]; then
  echo "size: FAIL: the page is $total_gzip bytes gzipped, over the budget of $budget (scripts/size-budget.txt)" >&2
  exit 1
fi
echo "size: ok: the page is $total_gzip bytes gzipped, within the budget of $budget"
