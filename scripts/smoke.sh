#!/usr/bin/env bash
# Smoke test of the real binary in a real window under Xvfb:
# the window appears (checked with xdotool, not assumed), a screenshot of it
# is not blank, and the library is intact after the window closes.
# Usage: scripts/smoke.sh BIN   (screenshots go to test-artifacts/)
set -uo pipefail

bin=$(realpath "${1:?usage: smoke.sh BIN}")
root=$(cd "$(dirname "$0")/.." && pwd)
art="$root/test-artifacts"
mkdir -p "$art"
work=$(mktemp -d)
passed=0 failed=0
pass() { echo "smoke: ok: $*"; passed=$((passed + 1)); }
fail() { echo "smoke: FAIL: $*"; failed=$((failed + 1)); }

cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null
  [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_DATA_HOME="$work/data"
unset LC_ALL LC_MESSAGES
# Fyne cannot parse the C locale; env avoids bash's own setlocale warning.
scholia() { env LANG=en_US.UTF-8 "$bin" "$@"; }
mkdir -p "$HOME"

# A free display number.
for n in $(seq 90 140); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=":$n"; break; }
done
Xvfb "$display" -noreset -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=$display
for _ in $(seq 1 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || { echo "smoke: FAIL: Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }

# The seed article when the shared corpus is beside the project, else our own fixture.
doc="$root/../shared/corpus/seed/000_f041920d014e6657.txt"
[ -f "$doc" ] || doc="$root/annotate/ingest/testdata/briefing.txt"
lib="$work/library.db"
title=$(scholia --library "$lib" import "$doc" | cut -f2)
[ -n "$title" ] && pass "imported '$title'" || fail "import of $doc"
text=$(scholia --library "$lib" show --text "$title")

env LANG=en_US.UTF-8 "$bin" --library "$lib" open "$doc" >"$work/app.log" 2>&1 &
app=$!
if win=$(timeout 30 xdotool search --sync --onlyvisible --name "Scholia" 2>/dev/null | head -1) && [ -n "$win" ]; then
  pass "window appeared: '$(xdotool getwindowname "$win")'"
else
  fail "no window within 30 s"; cat "$work/app.log"
fi

if [ -n "${win:-}" ]; then
  xdotool windowsize "$win" 1280 800 windowmove "$win" 0 0 2>/dev/null
  # Wait until the window's title names the document: it is then laid out.
  for _ in $(seq 1 50); do
    case "$(xdotool getwindowname "$win")" in *"$title"*) break ;; esac
    sleep 0.1
  done
  # The GL driver presents the first frame a moment after mapping the window:
  # poll the screen until it shows more than a flat colour (10 s at most).
  colours=0
  for _ in $(seq 1 50); do
    import -window root "$art/smoke-window.png"
    colours=$(identify -format %k "$art/smoke-window.png")
    [ "$colours" -gt 20 ] && break
    sleep 0.2
  done
  [ "$colours" -gt 20 ] && pass "screenshot has $colours colours ($art/smoke-window.png)" || fail "screenshot looks blank ($colours colours)"
fi

if [ -n "${win:-}" ]; then
  # Drag across the text like a person, copy, and compare with the document.
  xdotool mousemove 380 420 mousedown 1
  for x in 480 620 760 900; do xdotool mousemove "$x" 470; done
  xdotool mousemove 980 520 mouseup 1
  xdotool key ctrl+c
  copied=""
  for _ in $(seq 1 50); do
    copied=$(xclip -selection clipboard -o 2>/dev/null) && [ -n "$copied" ] && break
    sleep 0.1
  done
  import -window root "$art/smoke-selection.png"
  if [ -n "$copied" ] && [[ "$text" == *"$copied"* ]]; then
    pass "drag + Ctrl+C copied ${#copied} characters, exactly a passage of the document"
  else
    fail "drag + Ctrl+C copied '${copied:0:80}', not a passage of the document"
  fi
  # Drag again and press Ctrl+H: the highlight is saved in the library.
  xdotool mousemove 380 600 mousedown 1
  for x in 500 650 800; do xdotool mousemove "$x" 625; done
  xdotool mousemove 900 630 mouseup 1
  xdotool key ctrl+c
  highlighted=""
  for _ in $(seq 1 50); do
    highlighted=$(xclip -selection clipboard -o 2>/dev/null) && [ -n "$highlighted" ] && [ "$highlighted" != "$copied" ] && break
    sleep 0.1
  done
  xdotool key ctrl+h
  import -window root "$art/smoke-highlight.png"
  # Ctrl+Q quits and releases the library.
  xdotool key ctrl+q
  for _ in $(seq 1 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$app" 2>/dev/null; then fail "Ctrl+Q did not quit within 10 s"; else pass "Ctrl+Q quit"; fi
fi
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; app=
if [ -n "${highlighted:-}" ]; then
  exact=$(scholia --library "$lib" annotations --json | python3 -c 'import json,sys; a=json.load(sys.stdin); print(a[0]["exact"] if len(a)==1 and a[0]["kind"]=="highlight" else "")')
  # The highlight leaves out the spaces a drag takes in at its ends.
  trimmed=$(printf '%s' "$highlighted" | python3 -c 'import sys; print(sys.stdin.read().strip())')
  [ -n "$exact" ] && [ "$exact" == "$trimmed" ] && pass "drag + Ctrl+H saved a highlight of exactly the selected ${#exact} characters" || fail "highlight saved '${exact:0:60}', selected '${highlighted:0:60}'"
fi
listed=$(scholia --library "$lib" list --json)
case "$listed" in *"$title"*) pass "library intact after the window closed" ;; *) fail "library after close: $listed" ;; esac

# A 150,000-word book in 2,000 paragraphs: the window opens it and stays
# under 200 MB of resident memory.
book="$work/book.txt"
awk 'BEGIN { split("the envoy met minister treaty border sanctions talks in geneva and said that both sides would keep the channel open while trade ministers argued over tariffs", v, " ");
  print "A Generated Book\n"; w = 0;
  for (p = 0; p < 2000; p++) { if (p % 50 == 0) printf "Chapter %d\n\n", p / 50 + 1;
    line = ""; for (i = 0; i < 75; i++) { line = line v[(w * 7 + i) % 27 + 1] " "; w++ } print line "end.\n" } }' > "$book"
env LANG=en_US.UTF-8 "$bin" --library "$work/book.db" open "$book" >"$work/book.log" 2>&1 &
app=$!
if bookwin=$(timeout 30 xdotool search --sync --onlyvisible --name "A Generated Book" 2>/dev/null | head -1) && [ -n "$bookwin" ]; then
  rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$app/status")
  [ "$rss" -lt 200 ] && pass "150,000-word book open: ${rss} MB resident" || fail "150,000-word book open: ${rss} MB resident (limit 200)"
else
  fail "the 150,000-word book did not open within 30 s"; cat "$work/book.log"
fi

# A second Scholia on the same library: a window saying so within 3 s,
# and the first one goes on unaffected.
if [ -n "${bookwin:-}" ]; then
  start=$(date +%s%N)
  env LANG=en_US.UTF-8 "$bin" --library "$work/book.db" >"$work/second.log" 2>&1 &
  second=$!
  # One Scholia at a time: the second hands over to the window open on
  # the library and exits 0, showing no window of its own.
  code=0
  timeout 10 tail --pid="$second" -f /dev/null || true
  if kill -0 "$second" 2>/dev/null; then
    fail "second instance still running after 10 s: $(cat "$work/second.log")"
  else
    wait "$second" || code=$?
    ms=$((($(date +%s%N) - start) / 1000000))
    n=$(xdotool search --onlyvisible --name 'Scholia' 2>/dev/null | wc -l)
    [ "$code" -eq 0 ] && [ "$n" -eq 1 ] && pass "second instance handed over to the open window in $ms ms and exited 0" ||
      fail "second instance: exit $code, $n windows, said: $(cat "$work/second.log")"
  fi
  kill "$second" 2>/dev/null; wait "$second" 2>/dev/null
  if kill -0 "$app" 2>/dev/null && xdotool search --onlyvisible --name "A Generated Book" >/dev/null; then
    pass "first instance still open after the second handed over"
  else
    fail "first instance gone after the second started"
  fi
fi
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; app=

# A damaged library (cut to 8 KiB): the window explains and offers the
# newest backup, the damaged file is kept byte for byte, and scholia
# restore brings the document back.
dmg="$work/damaged.db"
scholia --library "$dmg" import "$doc" >/dev/null && scholia --library "$dmg" backup >/dev/null
truncate -s 8192 "$dmg"
sum=$(sha256sum <"$dmg")
env LANG=en_US.UTF-8 "$bin" --library "$dmg" >"$work/damaged.log" 2>&1 &
app=$!
if dwin=$(timeout 15 xdotool search --sync --onlyvisible --name '^Scholia$' 2>/dev/null | head -1) && [ -n "$dwin" ]; then
  for _ in $(seq 1 50); do
    import -window "$dwin" "$art/smoke-damaged.png"
    [ "$(identify -format %k "$art/smoke-damaged.png")" -gt 20 ] && break
    sleep 0.1
  done
  kept=$(ls "$dmg".damaged-* 2>/dev/null | head -1)
  if [ -n "$kept" ] && [ "$(sha256sum <"$kept")" == "$sum" ] && grep -q "is damaged" "$work/damaged.log"; then
    pass "damaged library: a window offers the backup, the file is kept unchanged as $(basename "$kept")"
  else
    fail "damaged library: kept '${kept:-nothing}', said: $(cat "$work/damaged.log")"
  fi
else
  fail "damaged library: no window within 15 s: $(cat "$work/damaged.log")"
fi
kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; app=
scholia --library "$dmg" restore >/dev/null
case "$(scholia --library "$dmg" list --json)" in *"$title"*) pass "scholia restore brought the document back" ;; *) fail "after restore: $(scholia --library "$dmg" list --json 2>&1)" ;; esac

# Hostile files: one clear sentence each, within 10 s and 512 MB, and the
# library keeps what it had.
python3 - "$work" <<'PY'
import sys, zipfile
w = sys.argv[1]
with open(w + "/big.html", "w") as f:
    f.write("<html><body><article>")
    for _ in range(100 * 1024):
        f.write("<p>" + "word " * 200 + "</p>")
    f.write("</article></body></html>")
with open(w + "/deep.html", "w") as f:
    f.write("<html><body>" + "<div>" * 10000 + "<p>deep</p>" + "</div>" * 10000 + "</body></html>")
container = '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>'
def opf(href):
    return ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>T</dc:title></metadata>'
            '<manifest><item id="a" href="%s" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>' % href)
with zipfile.ZipFile(w + "/bomb.epub", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("mimetype", "application/epub+zip")
    z.writestr("META-INF/container.xml", container)
    z.writestr("OEBPS/content.opf", opf("big.xhtml"))
    z.writestr("OEBPS/big.xhtml", "<html><body><p>" + "a" * (400 << 20) + "</p></body></html>")
with zipfile.ZipFile(w + "/climb.epub", "w") as z:
    z.writestr("mimetype", "application/epub+zip")
    z.writestr("META-INF/container.xml", container)
    z.writestr("OEBPS/content.opf", opf("../../../../etc/passwd"))
with open(w + "/truncated.epub", "wb") as f:
    f.write(open(w + "/climb.epub", "rb").read()[:300])
PY
before=$(scholia --library "$lib" list --json | grep -c '"id"')
for f in big.html deep.html bomb.epub climb.epub truncated.epub; do
  /usr/bin/time -f '%M %e' -o "$work/time.txt" env LANG=en_US.UTF-8 "$bin" --library "$lib" import "$work/$f" >/dev/null 2>"$work/err.txt"
  read -r kb secs < <(tail -1 "$work/time.txt")
  msg=$(cat "$work/err.txt")
  lines=$(printf '%s\n' "$msg" | grep -c .)
  if [ "$lines" -eq 1 ] && [[ "$msg" == *"$f"* ]] && [ "$kb" -lt 524288 ] && awk -v s="$secs" 'BEGIN { exit !(s < 10) }'; then
    pass "$f: one sentence in ${secs}s, $((kb / 1024)) MB: ${msg:0:90}"
  else
    fail "$f: ${lines} lines in ${secs}s, $((kb / 1024)) MB: ${msg:0:200}"
  fi
done
after=$(scholia --library "$lib" list --json | grep -c '"id"')
[ "$before" -eq "$after" ] && pass "hostile files left the library as it was ($after documents)" || fail "library went from $before to $after documents"

# The command line stays quiet under the C locale that servers and CI use.
noise=$(env LANG=C LC_ALL=C "$bin" --library "$lib" list 2>&1 >/dev/null)
[ -z "$noise" ] && pass "no stderr noise under LANG=C" || fail "stderr under LANG=C: $noise"
# Without a display the window explains itself instead of crashing.
msg=$(env -u DISPLAY LANG=C "$bin" --library "$lib" 2>&1); code=$?
case "$code:$msg" in 1:*"no display"*) pass "no display: one sentence, exit 1" ;; *) fail "no display: exit $code: $msg" ;; esac

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
