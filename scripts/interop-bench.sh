#!/usr/bin/env bash
# Measures scholia export (every format) and import-annotations on a library
# cut from the corpus books (scripts/biglibrary): wall time, peak resident
# memory, and peak anonymous memory (the heap; the rest of the resident
# memory is the library file bbolt maps, which the kernel can drop).
#   scripts/interop-bench.sh [DOCS] [PER-DOC] [RUNS]
# 2000 x 50 (100,000 annotations) by default, 3 runs each, median first.
# 20000 50 1 measures 1,000,000 annotations (about 10 minutes, 5 GB of disk).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-2000} per=${2:-50} runs=${3:-3}
corpus=${SCHOLIA_CORPUS:-../shared/corpus/text}
if [ ! -d "$corpus" ]; then
	echo "interop-bench: skipped: $corpus is absent (the shared corpus lives beside the project)" >&2
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -tags migrated_fynedo -o "$work/scholia" ./cmd/scholia
go build -o "$work/biglibrary" ./scripts/biglibrary
"$work/biglibrary" -docs "$docs" -per "$per" -corpus "$corpus" -o "$work/full.db"
"$work/biglibrary" -docs "$docs" -per "$per" -corpus "$corpus" -bare -o "$work/bare.db"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$HOME"

# measure CMD...: one run; prints "seconds cpu-seconds rss-MB anon-MB".
measure() {
	/usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >"$work/out" 2>&1 &
	local pid=$! anon=0 child="" a
	while kill -0 "$pid" 2>/dev/null; do
		[ -z "$child" ] && child=$(pgrep -P "$pid" || true)
		if [ -n "$child" ]; then
			a=$(awk '/^RssAnon/{print $2}' "/proc/$child/status" 2>/dev/null || true)
			[ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
		fi
		sleep 0.05
	done
	if ! wait "$pid"; then
		echo "interop-bench: $* failed: $(head -c 300 "$work/out")" >&2
		exit 1
	fi
	read -r wall user sys rss <"$work/time"
	echo "$wall $(echo "$user + $sys" | bc) $((rss / 1024)) $((anon / 1024))"
}

# report LABEL RESULTS...: the median run by time, and every run.
report() {
	local label=$1
	shift
	local med
	med=$(printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p")
	set -- $med
	printf '%-30s %6.2f s (%5.2f s of processor)  peak RSS %5d MB  peak heap (anon) %5d MB\n' "$label" "$1" "$2" "$3" "$4"
}

n=$((docs * per))
echo "$n annotations on $docs documents cut from $corpus; $runs runs, median; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for f in md jsonld csv; do
	results=()
	for _ in $(seq "$runs"); do
		results+=("$(measure "$work/scholia" --library "$work/full.db" export --format "$f" -o "$work/export.$f")")
	done
	report "export $f ($(( $(stat -c %s "$work/export.$f") >> 20 )) MB)" "${results[@]}"
done
fresh=() again=()
for i in $(seq "$runs"); do
	cp "$work/bare.db" "$work/import-$i.db"
	fresh+=("$(measure "$work/scholia" --library "$work/import-$i.db" import-annotations "$work/export.jsonld")")
	again+=("$(measure "$work/scholia" --library "$work/import-$i.db" import-annotations "$work/export.jsonld")")
	rm -f "$work/import-$i.db"
done
report "import jsonld (fresh)" "${fresh[@]}"
report "import jsonld (all existing)" "${again[@]}"
