#!/usr/bin/env bash
# Prints the release bundle's sizes, raw and gzipped (gzip -9), file by file.
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
[ -d "$dist" ] || { echo "no bundle in $dist: run make dist first" >&2; exit 1; }
printf '%-48s %10s %10s\n' file bytes gzip-9
for file in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
  [ -f "$file" ] || continue
  printf '%-48s %10d %10d\n' "$(basename "$file")" "$(stat -c %s "$file")" "$(gzip -9c "$file" | wc -c)"
done
