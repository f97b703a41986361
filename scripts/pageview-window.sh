#!/usr/bin/env bash
# The page view in a real window under Xvfb: opens a PDF of the corpus,
# switches to its pages (Ctrl+Shift+V), drags across the first line of
# text shown on the page, highlights it with Ctrl+H, and checks that
# `scholia annotations --json` holds exactly one highlight whose quote is
# that line of the document's text, that the screenshot shows the
# highlight's yellow over the line, and, back in the text view, over the
# text. Screenshots of both themes are left in OUT to look at.
#   scripts/pageview-window.sh BINARY DISPLAY [OUT]
# BINARY: go build -tags migrated_fynedo -o /tmp/x/scholia ./cmd/scholia
# DISPLAY: a running X server, e.g. Xvfb :63 -screen 0 1400x900x24.
set -euo pipefail
bin=$1 display=$2 out=${3:-/tmp/pageview-window}
pdf=$(cd "$(dirname "$0")/../../shared/corpus/pdf/real" 2>/dev/null && pwd)/shared-mime-info-spec.pdf
if [ ! -f "$pdf" ]; then
	echo "skipped: $pdf is absent (the shared corpus lives beside the project)"
	exit 0
fi
mkdir -p "$out"
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=$display LANG=en_US.UTF-8 HOME=$work/home
export XDG_CONFIG_HOME=$HOME/.config XDG_DATA_HOME=$HOME/.local/share XDG_STATE_HOME=$HOME/.local/state
mkdir -p "$HOME"
export SCHOLIA_LIBRARY=$work/library.db
fail() {
	echo "FAIL: $*" >&2
	exit 1
}
"$bin" import "$pdf" >/dev/null
first=$("$bin" show --text "Shared MIME-info" | head -1)
"$bin" "Shared MIME-info" >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
	case $(xdotool search --onlyvisible --name 'Shared MIME-info' 2>/dev/null | head -1) in
	"") sleep 0.1 ;;
	*) break ;;
	esac
done
sleep 1
shot() { import -window root "$out/$1.png"; }
# measure FILE: the page's paper (pure white) and the first line of text
# on it below the view's top:
# prints "x0 x1 y0 y1" of that line's dark pixels.
measure() {
	convert "$1" -colorspace gray -depth 8 gray:"$work/gray"
	read -r w h < <(identify -format '%w %h\n' "$1")
	python3 - "$work/gray" "$w" "$h" <<'EOF'
import sys
data = open(sys.argv[1], 'rb').read()
w, h = int(sys.argv[2]), int(sys.argv[3])
px = lambda x, y: data[y * w + x]
# the paper: the longest white run of the rows of the screen's middle
# half (a row between two paragraphs crosses it whole)
runs = []
for row in range(h // 4, 3 * h // 4, 3):
    x = 0
    while x < w:
        if px(x, row) >= 250:
            s = x
            while x < w and px(x, row) >= 250:
                x += 1
            runs.append((x - s, s, x))
        x += 1
_, x0, x1 = max(runs)
mid = (x0 + x1) // 2
# the paper's top: white at both its edges and its middle (a toolbar's
# white letters are not)
top = next(y for y in range(h) if min(px(x0 + 2, y), px(mid, y), px(x1 - 3, y)) >= 250)
dark = lambda y: [x for x in range(x0, x1) if px(x, y) < 128]
y = top
while not dark(y):
    y += 1
y0 = y
while dark(y):
    y += 1
xs = [x for yy in range(y0, y) for x in dark(yy)]
print(min(xs), max(xs), y0, y - 1)
EOF
}
# yellow FILE X0 X1 Y0 Y1: how many pixels of the box are the highlight's
# yellow (red and green well above blue).
yellow() {
	convert "$1" -crop "$(($3 - $2 + 1))x$(($5 - $4 + 1))+$2+$4" +repage -depth 8 rgb:"$work/rgb"
	python3 - "$work/rgb" <<'EOF'
import sys
d = open(sys.argv[1], 'rb').read()
print(sum(1 for i in range(0, len(d) - 2, 3) if d[i] > 90 and d[i + 1] > 70 and d[i] - d[i + 2] > 50 and d[i + 1] - d[i + 2] > 40))
EOF
}
xdotool key ctrl+shift+v
sleep 3
shot 1-pages
read -r x0 x1 y0 y1 < <(measure "$out/1-pages.png")
echo "first line on the page: x $x0-$x1, y $y0-$y1"
ym=$(((y0 + y1) / 2))
before=$(yellow "$out/1-pages.png" "$x0" "$x1" "$y0" "$y1")
xdotool mousemove $((x0 - 2)) "$ym" mousedown 1
for i in 1 2 3 4 5 6 7 8; do
	xdotool mousemove $((x0 - 2 + (x1 - x0 + 4) * i / 8)) "$ym"
	sleep 0.08
done
xdotool mouseup 1
sleep 0.5
xdotool key ctrl+h
sleep 1.5
shot 2-highlighted
"$bin" annotations --json >"$work/anns.json"
python3 - "$work/anns.json" "$first" <<'EOF' || fail "the library does not hold the line dragged over"
import json, sys
anns = json.load(open(sys.argv[1]))
want = sys.argv[2].strip()
got = [a["exact"] for a in anns]
print("annotations:", got, "line:", repr(want))
sys.exit(0 if len(anns) == 1 and anns[0]["kind"] == "highlight" and got[0] == want else 1)
EOF
after=$(yellow "$out/2-highlighted.png" "$x0" "$x1" "$y0" "$y1")
echo "yellow pixels over the line: $before before, $after after"
[ "$after" -gt $((before + (x1 - x0) * (y1 - y0 + 1) / 4)) ] || fail "the page shows no highlight over the line"
xdotool key ctrl+shift+t
sleep 1
shot 3-pages-other-theme
xdotool key ctrl+shift+v
sleep 1
shot 4-text-other-theme
read -r ww wh < <(identify -format '%w %h\n' "$out/4-text-other-theme.png")
intext=$(yellow "$out/4-text-other-theme.png" 0 $((ww - 1)) 0 $((wh - 1)))
echo "yellow pixels in the text view: $intext"
[ "$intext" -gt 500 ] || fail "the text view shows no highlight"
xdotool key ctrl+shift+t
sleep 1
shot 5-text
echo "ok: screenshots in $out"
