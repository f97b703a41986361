#!/usr/bin/env bash
# Scholia's search and fzf --filter, side by side, on the same synthetic
# annotations and the same keystrokes (a person typing queries letter by
# letter).   scripts/search-vs-fzf.sh [RECORDS] [QUERIES]   (default 100000 10)
# fzf is installed from Debian when missing. fzf's times include reading
# the records file, as a one-off `fzf --filter` must; Scholia's index is
# built once, as the app does at start.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
queries=${2:-10}
if ! command -v fzf >/dev/null; then
  sudo=(); [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq fzf >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go run ./scripts/searchbench -n "$n" -queries "$queries" -out "$work"
times=()
while IFS= read -r key; do
  start=$(date +%s%N)
  fzf --filter "$key" < "$work/records.txt" > "$work/out" || true
  times+=($(( ($(date +%s%N) - start) / 1000 )))
done < "$work/keystrokes.txt"
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$n" '{ t[NR] = $1 } END {
  printf "fzf      %d records, %d keystrokes: per keystroke p50 %.2f ms, p90 %.2f ms, max %.2f ms\n",
    n, NR, t[int(NR/2)+1] / 1000, t[int(NR*0.9)+1] / 1000, t[NR] / 1000 }'
