package reader

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"scholia/annotate"
)

// newBidiReader shows a document of the given direction and paragraphs.
func newBidiReader(t *testing.T, direction string, paragraphs ...string) *Reader {
	t.Helper()
	d := &annotate.Document{ID: "b", Title: "t", Direction: direction}
	var blocks []annotate.Block
	for _, p := range paragraphs {
		blocks = append(blocks, annotate.Block{Kind: annotate.BlockParagraph, Text: p})
	}
	d.SetBlocks(blocks)
	r, _ := showReader(t, d, "")
	return r
}

// box is where runes [s, e) of the document are drawn on one line: the
// leftmost and rightmost edges of their letters, from the column's left.
func (r *Reader) box(s, e int) (float32, float32) {
	i, j := r.lay.locate(s)
	it := &r.lay.items[i]
	ln := it.line(j)
	left, right := float32(math.Inf(1)), float32(math.Inf(-1))
	for k := s - it.start; k < e-it.start; k++ {
		a, b := it.x(ln, k), it.x(ln, k+1)
		if u := unitOf(ln.units, k); u != nil {
			a, b = it.edge(u, k), it.edge(u, k+1)
		}
		left, right = min(left, a, b), max(right, a, b)
	}
	return left, right
}

func (r *Reader) boxOf(t *testing.T, word string) (float32, float32) {
	t.Helper()
	s := indexOf(r, word)
	return r.box(s, s+len([]rune(word)))
}

func TestRightToLeftTextReadsFromTheRightEdge(t *testing.T) {
	r := newBidiReader(t, "rtl", "שלום עולם יפה")
	l1, r1 := r.boxOf(t, "שלום")
	l2, r2 := r.boxOf(t, "עולם")
	l3, r3 := r.boxOf(t, "יפה")
	if !(l1 > r2 && l2 > r3) {
		t.Errorf("words not ordered right to left: שלום [%.0f,%.0f] עולם [%.0f,%.0f] יפה [%.0f,%.0f]", l1, r1, l2, r2, l3, r3)
	}
	if math.Abs(float64(r1-r.lay.width)) > 1 {
		t.Errorf("first word ends at %.1f, want flush with the right edge %.1f", r1, r.lay.width)
	}
	if l3 < r.lay.width/2 {
		t.Errorf("short right-to-left line starts at %.1f: not aligned right in a %.0f column", l3, r.lay.width)
	}
}

func TestRightToLeftHitTestingAndSelection(t *testing.T) {
	r := newBidiReader(t, "rtl", "שלום עולם יפה")
	s := indexOf(r, "שלום")
	left, right := r.boxOf(t, "שלום")
	y := r.lay.items[0].top + r.lay.items[0].st.lineHeight/2
	if got := r.lay.hit(right-0.5, y); got != s {
		t.Errorf("the right edge of the first word hits %d, want %d (its first letter)", got, s)
	}
	from, to := fyne.NewPos(r.colX+right-0.5, y), fyne.NewPos(r.colX+left+0.5, y)
	drag(r.page, from, to)
	if got := r.SelectedText(); got != "שלום" {
		t.Errorf("dragging right to left over the first word selected %q", got)
	}
}

func TestMixedDirectionsInALeftToRightParagraph(t *testing.T) {
	r := newBidiReader(t, "", "The minister said שלום עולם and left.")
	_, said := r.boxOf(t, "said")
	l1, _ := r.boxOf(t, "שלום")
	_, r2 := r.boxOf(t, "עולם")
	and, _ := r.boxOf(t, "and")
	l0, _ := r.boxOf(t, "The")
	if l0 > 1+r.lay.items[0].st.indent {
		t.Errorf("a left-to-right paragraph starts at %.1f, want the left edge", l0)
	}
	if !(said < r2 && r2 < l1 && l1 < and) {
		t.Errorf("visual order wrong: said ends %.0f, עולם ends %.0f, שלום starts %.0f, and starts %.0f", said, r2, l1, and)
	}
}

func TestNumbersInRightToLeftTextKeepTheirOrder(t *testing.T) {
	r := newBidiReader(t, "rtl", "בשנת 2024 נחתם")
	l1, _ := r.boxOf(t, "בשנת")
	l2, r2 := r.boxOf(t, "2024")
	_, r3 := r.boxOf(t, "נחתם")
	if !(r3 < l2 && r2 < l1) {
		t.Errorf("want נחתם, 2024, בשנת from the left; got נחתם ends %.0f, 2024 [%.0f,%.0f], בשנת starts %.0f", r3, l2, r2, l1)
	}
	two, _ := r.box(indexOf(r, "2024"), indexOf(r, "2024")+1)
	four, _ := r.box(indexOf(r, "2024")+3, indexOf(r, "2024")+4)
	if two >= four {
		t.Errorf("the digits of 2024 run right to left: 2 at %.0f, 4 at %.0f", two, four)
	}
}

func TestDirectionFollowsTheFirstLetterWhenTheDocumentHasNone(t *testing.T) {
	r := newBidiReader(t, "", "مرحبا بالعالم", "Hello world")
	if !r.lay.items[0].rtl || r.lay.items[1].rtl {
		t.Fatalf("rtl = %v, %v; want the Arabic paragraph right to left and the English one not", r.lay.items[0].rtl, r.lay.items[1].rtl)
	}
	if r.lay.items[1].line(0).units != nil {
		t.Error("a plain English line is cut into units; it should be drawn whole")
	}
	_, right := r.boxOf(t, "مرحبا")
	if math.Abs(float64(right-r.lay.width)) > 1 {
		t.Errorf("the Arabic paragraph ends at %.1f, want the right edge %.1f", right, r.lay.width)
	}
}

func TestLongRightToLeftParagraphWrapsFlushRight(t *testing.T) {
	r := newBidiReader(t, "rtl", strings.Repeat("הסכם השלום נחתם בירושלים אחרי שנים של משא ומתן. ", 20))
	it := &r.lay.items[0]
	if len(it.lines) < 3 {
		t.Fatalf("%d lines, want the paragraph wrapped", len(it.lines))
	}
	for j := range it.lines[:len(it.lines)-1] {
		ln := it.line(j)
		_, right := it.span(ln)
		if math.Abs(float64(right-r.lay.width)) > 1 {
			t.Errorf("line %d ends at %.1f, want %.1f", j, right, r.lay.width)
		}
		if right-it.x(ln, ln.start) > 1 {
			t.Errorf("line %d: its first letter is at %.1f, not at the right edge %.1f", j, it.x(ln, ln.start), right)
		}
	}
}

func TestBracketsInRightToLeftTextAreMirrored(t *testing.T) {
	r := newBidiReader(t, "rtl", "אמר (בשקט) שלום")
	var drawn []string
	for _, u := range r.lay.items[0].line(0).units {
		drawn = append(drawn, u.text)
	}
	got := strings.Join(drawn, "|")
	// The opening bracket, read first, is on the right and drawn as ")".
	if want := "שלום| |(|בשקט|)| |אמר"; got != want {
		t.Errorf("drawn left to right %q, want %q", got, want)
	}
}

// TestEveryLetterIsDrawnOnce lays out random mixes of Hebrew, Arabic,
// Latin, digits, brackets and marks: on every line each letter belongs to
// exactly one unit, and units do not overlap on screen.
func TestEveryLetterIsDrawnOnce(t *testing.T) {
	pieces := []string{"שלום", "עולם", "مرحبا", "بالعالم", "peace", "talks", "2024", "3.5", "(", ")", "[", "«", "»", ",", ".", " ", " ", " ", "\u200f", "\u200e", "\u064b", "-"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 40; round++ {
		var b strings.Builder
		for i := 0; i < 20+rng.IntN(200); i++ {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		dir := []string{"", "rtl", "ltr"}[round%3]
		r := newBidiReader(t, dir, b.String())
		it := &r.lay.items[0]
		for j := range it.lines {
			ln := it.line(j)
			if ln.units == nil {
				continue
			}
			seen := make([]int, ln.end-ln.start)
			for k, u := range ln.units {
				for p := u.start; p < u.end; p++ {
					seen[p-ln.start]++
				}
				if k > 0 && u.x < ln.units[k-1].x+ln.units[k-1].w-0.01 {
					t.Fatalf("round %d line %d: unit %q overlaps the one before", round, j, u.text)
				}
			}
			for p, n := range seen {
				if n != 1 {
					t.Fatalf("round %d line %d: letter %d drawn %d times in %q", round, j, ln.start+p, n, string(it.runes[ln.start:ln.end]))
				}
			}
		}
	}
}
