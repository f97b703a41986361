package reader

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate"
)

// longDocument is a document of 600 paragraphs of 1 to 150 words, with a
// heading every 20, so paragraphs' heights vary as a book's do.
func longDocument() *annotate.Document {
	words := strings.Fields("When the delegates came back from the long recess, nobody could say who had called for the vote; " +
		"the chairman, tired and impatient, read the motion twice. AVAST! cried the clerk, and Wait, said another, " +
		"office holders affluent and baffled argued over “Today” until the candles burned low in Geneva.")
	blocks := []annotate.Block{{Kind: annotate.BlockTitle, Text: "A Long Record"}}
	w := 0
	for p := 0; p < 600; p++ {
		if p%20 == 0 {
			blocks = append(blocks, annotate.Block{Kind: annotate.BlockHeading, Level: 1, Text: fmt.Sprintf("Session %d", p/20+1)})
		}
		n := 1 + (p*37)%150
		para := make([]string, n)
		for i := range para {
			para[i] = words[w%len(words)]
			w++
		}
		blocks = append(blocks, annotate.Block{Kind: annotate.BlockParagraph, Text: strings.Join(para, " ")})
	}
	d := &annotate.Document{ID: "long", Title: "A Long Record"}
	d.SetBlocks(blocks)
	return d
}

func wrappedItems(r *Reader) int {
	n := 0
	for i := range r.lay.items {
		if r.lay.items[i].lines != nil {
			n++
		}
	}
	return n
}

// drawnAt is the text drawn on the line whose top is at y (page
// coordinates), or "".
func drawnAt(r *Reader, y float32) string {
	pr := test.WidgetRenderer(r.page).(*pageRenderer)
	h := r.st.paragraph.lineHeight / 2
	for _, t := range pr.texts[:pr.nt] {
		if t.Visible() && t.Position().Y > y-h && t.Position().Y < y+h && len(t.Text) > 1 {
			return t.Text
		}
	}
	return ""
}

// lineText is the text of the line holding pos and where its top is.
func lineText(r *Reader, pos int) (string, float32) {
	i, j := r.lay.locate(pos)
	it := &r.lay.items[i]
	ln := it.lines[j]
	return string(it.runes[ln.start:ln.end]), it.top + ln.y
}

func TestOpeningWrapsOnlyTheParagraphsInView(t *testing.T) {
	r, _ := showReader(t, longDocument(), "")
	if n := wrappedItems(r); n > 40 {
		t.Errorf("opening wrapped %d of %d paragraphs; only those in and near the view need it", n, len(r.lay.items))
	}
	if got := drawnAt(r, r.lay.items[0].top); got != "A Long Record" {
		t.Errorf("the first line drawn is %q, want the title", got)
	}
}

// TestJumpsLandOnTheirLineAndScrollingUpKeepsItsText: a jump to a place
// never shown lands with its line at the top, drawn; scrolling up from
// there, over paragraphs whose heights were estimates, moves the text by
// exactly the distance scrolled.
func TestJumpsLandOnTheirLineAndScrollingUpKeepsItsText(t *testing.T) {
	r, _ := showReader(t, longDocument(), "")
	doc := r.doc
	step := 3 * r.st.paragraph.lineHeight
	for _, k := range []int{500, 37, 620, 300} {
		pos := doc.Blocks[k].Start + 5
		r.ScrollTo(pos)
		text, y := lineText(r, pos)
		if y-r.lay.pad != r.scroll.Offset.Y {
			t.Fatalf("after a jump to block %d its line is at %v, the view at %v", k, y, r.scroll.Offset.Y)
		}
		if got := drawnAt(r, y); got != text {
			t.Fatalf("after a jump to block %d the line drawn at the top is %q, want %q", k, got, text)
		}
		for s := 0; s < 40 && r.scroll.Offset.Y > step; s++ {
			_, before := lineText(r, pos)
			from := before - r.scroll.Offset.Y
			r.scrollBy(-step)
			_, after := lineText(r, pos)
			if moved := after - r.scroll.Offset.Y - from; moved < step-0.01 || moved > step+0.01 {
				t.Fatalf("block %d, step %d up: its line moved %.2f px down the view, want %.2f", k, s, moved, step)
			}
		}
	}
	if n := wrappedItems(r); n == len(r.lay.items) {
		t.Errorf("every paragraph was wrapped, even those never near the view")
	}
}

func TestEndShowsTheLastLine(t *testing.T) {
	r, _ := showReader(t, longDocument(), "")
	r.page.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	last := len(r.text) - 1
	text, y := lineText(r, last)
	if y < r.scroll.Offset.Y || y > r.scroll.Offset.Y+r.scroll.Size().Height {
		t.Fatalf("after End the last line is at %v, the view shows %v to %v", y, r.scroll.Offset.Y, r.scroll.Offset.Y+r.scroll.Size().Height)
	}
	if got := drawnAt(r, y); got != text {
		t.Errorf("after End the last line drawn is %q, want %q", got, text)
	}
}

// TestNarrowingKeepsTheLineInView: a change of width re-wraps what is in
// view and keeps the first line's text at the top.
func TestNarrowingKeepsTheLineInView(t *testing.T) {
	r, w := showReader(t, longDocument(), "")
	pos := r.doc.Blocks[400].Start
	r.ScrollTo(pos)
	w.Resize(fyne.NewSize(520, 600))
	if top := r.TopPosition(); top != pos {
		t.Errorf("after narrowing the view starts at %d, want %d", top, pos)
	}
	text, y := lineText(r, pos)
	if got := drawnAt(r, y); got != text {
		t.Errorf("after narrowing the top line drawn is %q, want %q", got, text)
	}
}
