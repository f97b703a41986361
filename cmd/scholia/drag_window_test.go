package main

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"scholia/cmd/scholia/internal/xwindow"
)

// swatches are the toolbar's six colour dots, as ui/colours.go paints them
// at full strength (highlights behind text are translucent, so only the
// toolbar shows these exact colours).
var swatches = []color.RGBA{
	{0xff, 0xd4, 0x00, 0xff}, {0x4c, 0xc2, 0x6e, 0xff}, {0x4a, 0x9b, 0xff, 0xff},
	{0xff, 0x5c, 0xa8, 0xff}, {0xa8, 0x7b, 0xff, 0xff}, {0xff, 0x93, 0x2e, 0xff},
}

// The reader at the window's first size (xwindow.Width x Height): where it
// shows, and the column of text inside it.
var (
	readerArea = image.Rect(312, 70, 986, 755)
	textArea   = image.Rect(350, 90, 940, 745)
)

// longArticle writes an article of 30 paragraphs of varied length, taller
// than the window, and returns its path.
func longArticle(t *testing.T, dir string) string {
	t.Helper()
	words := strings.Fields("the delegations agreed in principle to a negotiated settlement while further consultations at the technical level would take place at an appropriate time and progress on the humanitarian questions raised by either side remained a condition for any lasting agreement")
	rnd := rand.New(rand.NewPCG(7, 7))
	var b strings.Builder
	b.WriteString("Drag Test Article\n\n")
	for range 30 {
		n := 30 + rnd.IntN(90)
		para := make([]string, n)
		for i := range para {
			para[i] = words[rnd.IntN(len(words))]
		}
		s := strings.Join(para, " ")
		b.WriteString(strings.ToUpper(s[:1]) + s[1:] + ".\n\n")
	}
	path := filepath.Join(dir, "drag-test-article.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// toolbarAt is where the toolbar's first (yellow) dot is, when all six
// dots show over the reader.
func toolbarAt(shot xwindow.Screen) (image.Point, bool) {
	first, ok := shot.Find(readerArea, swatches[0])
	if !ok {
		return first, false
	}
	row := image.Rect(first.X-10, first.Y-4, first.X+220, first.Y+26)
	for _, c := range swatches[1:] {
		if shot.Count(row, c) == 0 {
			return first, false
		}
	}
	return first, true
}

// A person selects with the mouse again and again: 50 drags of random
// lengths, up and down the text, some ending past the reader's edges,
// with double- and triple-clicks between. After every one the selection
// toolbar is on screen near where the pointer let go, and Ctrl+C copies a
// passage of the document; now and then the yellow dot is clicked, and
// the library ends up with highlights that never overlap.
func TestWindowToolbarAfterEveryDrag(t *testing.T) {
	s := xwindow.Start(t)
	doc := longArticle(t, s.Dir)
	title := strings.TrimSpace(strings.SplitN(s.CLI("import", doc), "\t", 2)[1])
	text := s.CLI("show", "--text", title)
	s.Open(doc)
	s.WaitTitle(title)

	rnd := rand.New(rand.NewPCG(13, 21))
	point := func(r image.Rectangle) image.Point {
		return image.Pt(r.Min.X+rnd.IntN(r.Dx()), r.Min.Y+rnd.IntN(r.Dy()))
	}
	failures := 0
	// selected checks one finished selection: Ctrl+C copies a passage of
	// the document, and the toolbar shows over the reader near the lines
	// from y0 to y1 (where the pointer went, kept inside the reader), or
	// anywhere over the reader when y0 < 0. It returns the toolbar's
	// yellow dot.
	selected := func(what string, y0, y1 int) (image.Point, bool) {
		t.Helper()
		// The toolbar is looked for before any key is pressed: a key
		// (Ctrl+C) redraws the window and once hid that the toolbar had
		// not been drawn after a drag.
		near := func(at image.Point) bool { return true }
		// A drag that ends near or past the reader's top or bottom edge
		// scrolls the text for as long as the pointer stays there, which
		// a loaded machine makes longer: the selection may be anywhere
		// then.
		past := y1 < readerArea.Min.Y+40 || y1 > readerArea.Max.Y-40
		if y0 >= 0 && !past {
			y0, y1 = min(y0, y1), max(y0, y1)
			y0 = min(max(y0, readerArea.Min.Y), readerArea.Max.Y)
			y1 = min(max(y1, readerArea.Min.Y), readerArea.Max.Y)
			// The toolbar goes above the selection's first line (below
			// its last when there is no room).
			near = func(at image.Point) bool { return at.Y > y0-200 && at.Y < y1+200 }
		}
		var at image.Point
		var shot xwindow.Screen
		if !xwindow.Poll(3*time.Second, func() bool {
			var ok bool
			shot = s.Shot()
			at, ok = toolbarAt(shot)
			return ok && near(at)
		}) {
			name := fmt.Sprintf("window-toolbar-missing-%d.png", failures)
			path, _ := shot.Save(name)
			t.Errorf("%s: no selection toolbar near it before anything else was pressed (screenshot %s)", what, path)
			failures++
			return at, false
		}
		s.Key("ctrl+c")
		var copied string
		if !xwindow.Poll(5*time.Second, func() bool {
			copied = s.Clipboard()
			return copied != "before" && copied != ""
		}) {
			t.Errorf("%s: Ctrl+C copied nothing", what)
			failures++
			return at, false
		}
		if !strings.Contains(text, copied) {
			t.Errorf("%s: Ctrl+C copied %q, not a passage of the document", what, copied)
		}
		return at, true
	}

	clicked := 0
	for i := range 50 {
		if failures > 5 {
			t.Fatal("giving up after 6 failures")
		}
		s.SetClipboard("before")
		from := point(textArea)
		to := point(image.Rect(readerArea.Min.X-100, readerArea.Min.Y-60, readerArea.Max.X+100, readerArea.Max.Y+45))
		if i%2 == 0 {
			to = point(textArea)
		}
		if d := to.Y - from.Y; d < 60 && d > -60 {
			to.Y = from.Y + 60
			if to.Y > textArea.Max.Y {
				to.Y = from.Y - 60
			}
		}
		s.Drag(from.X, from.Y, to.X, to.Y, 2+rnd.IntN(7))
		at, ok := selected(fmt.Sprintf("drag %d from %v to %v", i, from, to), from.Y, to.Y)
		if ok && i%10 == 9 {
			s.Click(at.X, at.Y, 1)
			clicked++
		}
		if i%8 == 3 {
			s.SetClipboard("before")
			// Click on the text, not on the toolbar of the last selection.
			toolbar := image.Rect(at.X-20, at.Y-30, at.X+360, at.Y+30)
			p := point(textArea)
			for p.In(toolbar) || p.Add(image.Pt(40, 0)).In(toolbar) {
				p = point(textArea)
			}
			s.Click(p.X, p.Y, 2)
			selected(fmt.Sprintf("double-click at %v", p), p.Y, p.Y)
			s.Move(p.X+40, p.Y)
			s.SetClipboard("before")
			s.Click(p.X+40, p.Y, 3)
			selected(fmt.Sprintf("triple-click at %v", p.Add(image.Pt(40, 0))), -1, -1)
		}
	}
	s.Quit()

	as := annotations(t, s)
	if len(as) == 0 || clicked == 0 {
		t.Fatalf("clicking the yellow dot %d times stored %+v", clicked, as)
	}
	for _, a := range as {
		if a.Kind != "highlight" || a.Colour != "yellow" || !strings.Contains(text, a.Exact) {
			t.Errorf("stored %+v, want a yellow highlight of a passage", a)
		}
	}
	spans := spansOf(t, s)
	for i := 1; i < len(spans); i++ {
		if spans[i][0] < spans[i-1][1] {
			t.Errorf("highlights %v and %v overlap: a passage was highlighted twice", spans[i-1], spans[i])
		}
	}
}

// spansOf is where the stored annotations lie, in document order.
func spansOf(t *testing.T, s *xwindow.Session) [][2]int {
	t.Helper()
	var as []struct {
		Start, End int
	}
	if err := json.Unmarshal([]byte(s.CLI("annotations", "--json")), &as); err != nil {
		t.Fatalf("annotations --json: %v", err)
	}
	out := make([][2]int, len(as))
	for i, a := range as {
		out[i] = [2]int{a.Start, a.End}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// The first thing a new reader does: the welcome article opens in a
// window already on screen, and a drag across its first paragraph shows
// the toolbar at once, before any key redraws the window. (The toolbar,
// drawn once while empty before the article opened, was once left
// undrawn after a first drag, though it caught clicks.)
func TestWindowToolbarAfterTheFirstDragOnTheWelcome(t *testing.T) {
	s := xwindow.Start(t)
	s.Open()
	s.WaitTitle("Reading a Foreign-Policy Source")
	s.Drag(737, 621, 820, 622, 3)
	var shot xwindow.Screen
	if !xwindow.Poll(3*time.Second, func() bool {
		shot = s.Shot()
		_, ok := toolbarAt(shot)
		return ok
	}) {
		path, _ := shot.Save("window-toolbar-missing-welcome.png")
		t.Fatalf("no selection toolbar after the first drag on the welcome article (screenshot %s)", path)
	}
}
