package reader

import (
	"strings"
	"testing"

	"scholia/annotate"
)

// Scrolling to the place at the top of the view stays there, however far
// into a long book: Back and Forward return to a place read this way, and
// a rounding error would move the reader a line up on each return.
func TestScrollToTheTopPositionStaysThere(t *testing.T) {
	d := &annotate.Document{ID: "b", Title: "A Long Book"}
	var blocks []annotate.Block
	for i := 0; i < 3000; i++ {
		blocks = append(blocks, annotate.Block{Kind: annotate.BlockParagraph,
			Text: strings.Repeat("A sentence of a long book, to be read far from its start. ", 1+i%7)})
	}
	d.SetBlocks(blocks)
	r, _ := showReader(t, d, "")
	n := len([]rune(d.Text()))
	for k := 1; k < 40; k++ {
		r.ScrollTo(n / 40 * k)
		top := r.TopPosition()
		for round := 0; round < 3; round++ {
			r.ScrollTo(top)
			if got := r.TopPosition(); got != top {
				t.Fatalf("scrolling to %d, the top of the view, put %d at the top (round %d)", top, got, round)
			}
		}
	}
}
