#!/usr/bin/env bash
# Times `scholia search` as a fresh process on a library of N annotations
# cut from the real books of ../shared/corpus/text (scripts/biglibrary):
# the first search builds the search index and keeps it in the file; each
# query after it is run 3 times, and the median wall time and the largest
# resident memory are printed.
#   scripts/search-process.sh [N] [WORKDIR]    (N defaults to 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
work=${2:-$(mktemp -d)}
mkdir -p "$work/home"
lib="$work/lib-$n.db"
go build -tags migrated_fynedo -o "$work/scholia" ./cmd/scholia
if [ ! -e "$lib" ]; then
	go run ./scripts/biglibrary -docs $((n / 50)) -per 50 -o "$lib"
fi
run() { # prints "seconds cpu-seconds KB" of one search
	HOME="$work/home" /usr/bin/time -f "%e %U %S %M" "$work/scholia" --library "$lib" search "$@" 2>&1 >/dev/null |
		tail -1 | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}
echo "library: $(du -m "$lib" | cut -f1) MB before the first search"
echo "first search (builds and keeps the index): $(run lavrov)"
echo "library: $(du -m "$lib" | cut -f1) MB after"
for q in "lavrov" "propoganda" "hawksih sanctoins" "negro problm" "workers of the world unite" \
	"the problem of the twentieth century is the problem of the color line"; do
	times=() cpus=() kb=0
	for _ in 1 2 3; do
		read -r s c m <<<"$(run "$q")"
		times+=("$s") cpus+=("$c")
		((m > kb)) && kb=$m
	done
	median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
	cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 2p)
	printf '%-60s wall %s s (of %s), CPU %s s, max RSS %d MB\n' "\"$q\"" "$median" "${times[*]}" "$cpu" $((kb / 1024))
done
