package reader

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/ingest"
)

func parsed(t *testing.T, path string) *annotate.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// checkAligned checks that the rows of doc's first table start each
// column at one x, and that no row is drawn with its cells' separators.
func checkAligned(t *testing.T, r *Reader, doc *annotate.Document) {
	t.Helper()
	cols := map[int]float32{}
	rows := 0
	for _, b := range doc.Blocks {
		if b.Kind != annotate.BlockTableRow {
			if rows > 0 {
				break
			}
			continue
		}
		rows++
		r.ScrollTo(b.Start)
		for _, c := range b.Cells {
			x := r.pointOf(b.Start + c.Start).X
			if want, ok := cols[c.Col]; ok && want != x {
				t.Fatalf("row %q: column %d starts at x=%v, above at x=%v", b.Text, c.Col, x, want)
			}
			cols[c.Col] = x
		}
		if len(b.Cells) > 1 && cols[b.Cells[1].Col] <= cols[b.Cells[0].Col] {
			t.Fatalf("row %q: its columns do not move right", b.Text)
		}
	}
	if rows < 2 || len(cols) < 2 {
		t.Fatalf("no table of two rows and two columns: %d rows, %d columns", rows, len(cols))
	}
	pr := test.WidgetRenderer(r.page).(*pageRenderer)
	for _, tx := range pr.texts[:pr.nt] {
		if tx.Visible() && (tx.Text == "·" || len([]rune(tx.Text)) > 3 && containsSep(tx.Text)) {
			t.Fatalf("a row is drawn as a line of text: %q", tx.Text)
		}
	}
}

func containsSep(s string) bool {
	for i := 0; i+len(annotate.CellSeparator) <= len(s); i++ {
		if s[i:i+len(annotate.CellSeparator)] == annotate.CellSeparator {
			return true
		}
	}
	return false
}

func TestAnHTMLTableIsDrawnAlignedAndSelectsItsText(t *testing.T) {
	doc := parsed(t, "testdata/table.html")
	r, _ := showReader(t, doc, "")
	checkAligned(t, r, doc)

	cell := "A snippet of text that occurs immediately before the text."
	a := indexOf(r, cell)
	r.ScrollTo(a)
	drag(r.page, r.pointOf(a), r.pointOf(a+len([]rune(cell))))
	if got := r.SelectedText(); got != cell {
		t.Fatalf("dragging over a cell selected %q, want %q", got, cell)
	}
	a = indexOf(r, "prefix")
	b := indexOf(r, "Property · A snippet") + len("Property")
	drag(r.page, r.pointOf(a), r.pointOf(b))
	if got := r.SelectedText(); got != "prefix · Property" {
		t.Fatalf("dragging across two cells selected %q", got)
	}
}

func TestAnEPUBsTableIsDrawnAligned(t *testing.T) {
	doc := parsed(t, corpus.Path(t, "epub", "idpf_georgia-cfi.epub"))
	r, _ := showReader(t, doc, "")
	checkAligned(t, r, doc)
}

func TestATableCellTooLongForTheLineWrapsAtItsColumn(t *testing.T) {
	doc := parsed(t, "testdata/table.html")
	r, _ := showReaderSized(t, doc, fyne.NewSize(420, 600))
	checkAligned(t, r, doc)
	cell := "A copy of the text which is being selected, after normalization."
	a := indexOf(r, cell)
	r.ScrollTo(a)
	start, end := r.pointOf(a), r.pointOf(a+len([]rune(cell))-1)
	if end.Y <= start.Y {
		t.Fatalf("the long cell is not wrapped at its column: starts at %v, ends at %v", start, end)
	}
	for _, w := range []string{"selected,", "normalization."} {
		if p := r.pointOf(indexOf(r, w)); p.X < start.X-1 && p.Y > start.Y {
			t.Fatalf("%q wrapped to x=%v, left of its column at x=%v", w, p.X, start.X)
		}
	}
	i, _ := r.lay.locate(a)
	it := r.lay.at(i)
	for _, ln := range it.lines {
		if _, right := it.span(ln); right > r.lay.width+1 {
			t.Fatalf("a line of the row runs to x=%v past the column's width %v", right, r.lay.width)
		}
	}
}

// A table's header cells (<th>) are drawn bold, its other cells not, and
// a header cell selects by its own (bold) widths.
func TestATablesHeaderCellsAreBold(t *testing.T) {
	doc := parsed(t, "testdata/table.html")
	r, _ := showReader(t, doc, "")
	r.ScrollTo(indexOf(r, "Term"))
	pr := test.WidgetRenderer(r.page).(*pageRenderer)
	bold := map[string]bool{}
	for _, tx := range pr.texts[:pr.nt] {
		if tx.Visible() {
			bold[tx.Text] = tx.TextStyle.Bold
		}
	}
	for text, want := range map[string]bool{"Term": true, "Type": true, "Description": true, "exact": false, "Property": false} {
		if got, drawn := bold[text]; !drawn || got != want {
			t.Errorf("%q drawn %v, bold %v; want bold %v", text, drawn, got, want)
		}
	}
	a := indexOf(r, "Description")
	drag(r.page, r.pointOf(a), r.pointOf(a+len("Description")))
	if got := r.SelectedText(); got != "Description" {
		t.Errorf("dragging over a header cell selected %q", got)
	}
}
