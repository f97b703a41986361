#!/usr/bin/env bash
# Measures the window starting on a library: seconds from launch to the
# window on screen, and to a usable window (a click on the second row of
# the library list opens that document: the list is drawn and takes
# clicks), then the resident memory (VmRSS) 4 s after that, and 20 s after
# (settled: the search index loaded, the pages of the library file read
# let go), with the process's own part of it (RssAnon) and its peak
# (VmHWM, pages of files mapped included).
#   scripts/window-start.sh BINARY LIBRARY DISPLAY [RUNS]
# BINARY: go build -tags migrated_fynedo -o /tmp/x/scholia ./cmd/scholia
# LIBRARY: e.g. go run ./scripts/biglibrary -o /tmp/x/big.db (copied
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
name() { xdotool getwindowname "$wid" 2>/dev/null || true; }
# waitname NOT: waits (up to 60 s) for a window title other than NOT and
# "Scholia", and prints it.
waitname() {
	for _ in $(seq 1 600); do
		n=$(name)
		if [ -n "$n" ] && [ "$n" != "Scholia" ] && [ "$n" != "$1" ]; then
			echo "$n"
			return
		fi
		sleep 0.1
	done
	echo "no document opened" >&2
	exit 1
}
row() { xdotool mousemove --window "$wid" 140 "$1" click 1; }
# The untimed first run takes the library's first backup and learns the
# titles of the first two rows, then leaves the first opened last, as a
# library in use has; each timed run starts from that state.
launch
wid=$(xdotool search --sync --pid "$pid" --name Scholia | head -1)
first=$(waitname "")
sleep 3
row 225
second=$(waitname "$first")
row 163
waitname "$second" >/dev/null
sleep 3
# The library's check, run while the window reads, leaves a mark until it
# passes; a start that finds the mark waits for its check (see
# library.OpenChecking), so the base state is taken once it has gone.
for _ in $(seq 1 1200); do
	[ -e "$work/.library.db.checking" ] || break
	sleep 0.1
done
stop
cp -a "$work" "$work.base"
trap 'rm -rf "$work" "$work.base"' EXIT
for r in $(seq 1 "$runs"); do
	rm -rf "$work" && cp -a "$work.base" "$work"
	t0=$(now)
	launch
	wid=$(xdotool search --sync --pid "$pid" --name Scholia | head -1)
	t1=$(now)
	usable=""
	for _ in $(seq 1 1000); do
		if [ "$(name)" = "$second" ]; then
			usable=$(now)
			break
		fi
		# the second row of the library list, in the default window size
		row 225 2>/dev/null || true
		sleep 0.02
	done
	sleep 4
	rss=$(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/"$pid"/status)
	sleep 16
	rss20=$(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/"$pid"/status)
	hwm=$(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/"$pid"/status)
	anon=$(awk '/RssAnon/ {print $2/1024 " MB"}' /proc/"$pid"/status)
	printf 'run %d: window %.2f s, usable %.2f s, resident %s, 20 s after usable %s (anon %s), peak %s\n' "$r" "$(echo "$t1 - $t0" | bc)" "$(echo "${usable:-0} - $t0" | bc)" "$rss" "$rss20" "$anon" "$hwm"
	stop
done
