package annotate_test

import (
	"errors"
	"testing"

	"scholia/annotate"
)

func sampleDocument() *annotate.Document {
	d := &annotate.Document{Title: "T"}
	d.SetBlocks([]annotate.Block{
		{Kind: annotate.BlockTitle, Text: "Títle"},
		{Kind: annotate.BlockHeading, Level: 1, Text: "IV"},
		{Kind: annotate.BlockHeading, Level: 1, Text: "Of the Meaning of Progress"},
		{Kind: annotate.BlockParagraph, Text: "One «two» three."},
		{Kind: annotate.BlockHeading, Level: 2, Text: "A Section"},
	})
	return d
}

func TestBlocksKnowWhereTheyStandInTheText(t *testing.T) {
	d := sampleDocument()
	text := []rune(d.Text())
	if d.Len() != len(text) {
		t.Fatalf("Len %d, text %d", d.Len(), len(text))
	}
	for i, b := range d.Blocks {
		if string(text[b.Start:b.End()]) != b.Text {
			t.Errorf("block %d at %d does not read %q", i, b.Start, b.Text)
		}
		if got := d.BlockAt(b.Start); got != i {
			t.Errorf("BlockAt(%d) = %d, want %d", b.Start, got, i)
		}
	}
	if got := d.BlockAt(d.Blocks[0].End()); got != 1 {
		t.Errorf("a position in the separator belongs to the next block, got %d", got)
	}
	if got := d.BlockAt(d.Len()); got != -1 {
		t.Errorf("BlockAt(end) = %d, want -1", got)
	}
}

func TestOutlineJoinsABareNumberWithItsHeading(t *testing.T) {
	d := sampleDocument()
	o := d.Outline()
	if len(o) != 2 {
		t.Fatalf("outline %+v, want 2 entries", o)
	}
	if o[0].Title != "IV. Of the Meaning of Progress" || o[0].Start != d.Blocks[1].Start || o[0].Block != 1 {
		t.Errorf("first entry %+v", o[0])
	}
	if o[1].Title != "A Section" || o[1].Level != 2 {
		t.Errorf("second entry %+v", o[1])
	}
}

func TestAnchorCountsCodePoints(t *testing.T) {
	text := []rune(sampleDocument().Text())
	start := 0
	for i := range text {
		if text[i] == '«' {
			start = i
		}
	}
	a, err := annotate.NewAnchor(text, start, start+5)
	if err != nil {
		t.Fatal(err)
	}
	if a.Exact != "«two»" || string([]rune(a.Prefix)[len([]rune(a.Prefix))-4:]) != "One " {
		t.Errorf("anchor %+v", a)
	}
	if _, err := annotate.NewAnchor(text, 5, 5); !errors.Is(err, annotate.ErrInvalid) {
		t.Errorf("empty passage: %v", err)
	}
	if _, err := annotate.NewAnchor(text, 0, len(text)+1); !errors.Is(err, annotate.ErrInvalid) {
		t.Errorf("passage past the end: %v", err)
	}
}
