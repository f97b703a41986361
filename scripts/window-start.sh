#!/usr/bin/env bash
# Measures the window starting on a library: seconds from launch to the
# window on screen, and to a usable window (a click on the second row of
# the library list opens that document: the list is drawn and takes
# clicks), then the resident memory (VmRSS) once start has settled.
#   scripts/window-start.sh BINARY LIBRARY DISPLAY [RUNS]
# BINARY: go build -tags migrated_fynedo -o /tmp/x/scholia ./cmd/scholia
# LIBRARY: e.g. go run ./scripts/biglibrary -out /tmp/x/big.db (copied
# first, so each run starts from the same file; run once untimed so the
# library has its first backup, as a library in use does).
# DISPLAY: a running X server, e.g. Xvfb :71 -screen 0 1280x800x24.
set -euo pipefail
bin=$1 lib=$2 display=$3 runs=${4:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DISPLAY=$display LANG=en_US.UTF-8 HOME=$work/home
export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share XDG_CACHE_HOME=$HOME/.cache XDG_STATE_HOME=$HOME/.local/state
mkdir -p "$HOME"
cp "$lib" "$work/library.db"
export SCHOLIA_LIBRARY=$work/library.db
now() { date +%s.%N; }
launch() {
	"$bin" >"$work/app.log" 2>&1 &
	pid=$!
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
# The untimed first run takes the library's first backup and leaves a
# document opened last, as a library in use has.
launch
wid=$(xdotool search --sync --pid "$pid" --name Scholia | head -1)
sleep 5
stop
for r in $(seq 1 "$runs"); do
	t0=$(now)
	launch
	wid=$(xdotool search --sync --pid "$pid" --name Scholia | head -1)
	t1=$(now)
	first=""
	usable=""
	for i in $(seq 1 400); do
		name=$(xdotool getwindowname "$wid" 2>/dev/null || true)
		if [ -z "$first" ] && [ "$name" != "Scholia" ] && [ -n "$name" ]; then
			first=$name
		fi
		if [ -n "$first" ] && [ "$name" != "$first" ]; then
			usable=$(now)
			break
		fi
		# the second row of the library list, in the default window size
		xdotool mousemove --window "$wid" 140 225 click 1 2>/dev/null || true
		sleep 0.02
	done
	sleep 4
	rss=$(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/"$pid"/status)
	printf 'run %d: window %.2f s, usable %.2f s, resident %s\n' "$r" "$(echo "$t1 - $t0" | bc)" "$(echo "${usable:-0} - $t0" | bc)" "$rss"
	stop
done
