package annotate_test

import (
	"strings"
	"testing"

	"scholia/annotate"
)

// pagedDocument: page 1 holds "Alpha one.", page 2 "Beta two." and the
// start of "Gamma three.", which goes on onto page 3 (a block keeps the
// page it starts on), page 3 "Delta four.".
func pagedDocument(labels []string) *annotate.Document {
	d := &annotate.Document{Title: "P", PageLabels: labels}
	d.SetBlocks([]annotate.Block{
		{Kind: annotate.BlockParagraph, Text: "Alpha one.", Page: 1},
		{Kind: annotate.BlockParagraph, Text: "Beta two.", Page: 2},
		{Kind: annotate.BlockParagraph, Text: "Gamma three.", Page: 2},
		{Kind: annotate.BlockParagraph, Text: "Delta four.", Page: 3},
	})
	return d
}

func anchorOn(t *testing.T, d *annotate.Document, quote string) *annotate.Anchor {
	t.Helper()
	text := d.Text()
	i := strings.Index(text, quote)
	if i < 0 {
		t.Fatalf("%q is not in the text", quote)
	}
	start := len([]rune(text[:i]))
	a, err := annotate.NewAnchor([]rune(text), start, start+len([]rune(quote)))
	if err != nil {
		t.Fatal(err)
	}
	return &a
}

func TestAPassageGivesThePagesItsBlocksStandOn(t *testing.T) {
	d := pagedDocument(nil)
	for _, c := range []struct{ quote, want string }{
		{"Alpha", "p. 1"},
		{"one.", "p. 1"},
		{"Beta two.\n\nGamma", "p. 2"},
		{"one.\n\nBeta", "pp. 1–2"},
		{"three.\n\nDelta four.", "pp. 2–3"},
	} {
		if got := d.PageCitation(anchorOn(t, d, c.quote)); got != c.want {
			t.Errorf("%q: %q, want %q", c.quote, got, c.want)
		}
	}
}

func TestPagesArePrintedWithThePDFsLabels(t *testing.T) {
	d := pagedDocument([]string{"iii", "", "12"})
	if got := d.PageCitation(anchorOn(t, d, "Alpha one.\n\nBeta")); got != "pp. iii–2" {
		t.Errorf("labels iii and none: %q, want pp. iii–2", got)
	}
	if got := d.PageCitation(anchorOn(t, d, "Delta")); got != "p. 12" {
		t.Errorf("label 12: %q", got)
	}
}

func TestADocumentWithoutPagesCitesNone(t *testing.T) {
	d := sampleDocument()
	if got := d.PageCitation(anchorOn(t, d, "three")); got != "" {
		t.Errorf("a document without pages cites %q", got)
	}
	if len(d.PageStarts) != 0 {
		t.Errorf("a document without pages keeps page starts %v", d.PageStarts)
	}
}

// A paragraph of a PDF that goes on over a page break knows where the
// break is: a passage after it is on the next page, one across it on both.
func TestAPassageAfterAPageBreakInsideAParagraphIsOnTheNextPage(t *testing.T) {
	d := &annotate.Document{Title: "P"}
	d.SetBlocks([]annotate.Block{
		{Kind: annotate.BlockParagraph, Text: "Alpha one.", Page: 1},
		{Kind: annotate.BlockParagraph, Text: "Beta goes on and on", Page: 1, Turns: []annotate.PageStart{{At: 13, Page: 2}}},
		{Kind: annotate.BlockParagraph, Text: "Gamma three.", Page: 2},
	})
	for _, c := range []struct{ quote, want string }{
		{"Beta goes", "p. 1"},
		{"and on", "p. 2"},
		{"goes on and", "pp. 1–2"},
		{"on\n\nGamma", "p. 2"},
	} {
		if got := d.PageCitation(anchorOn(t, d, c.quote)); got != c.want {
			t.Errorf("%q: %q, want %q", c.quote, got, c.want)
		}
	}
}
