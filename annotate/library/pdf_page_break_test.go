package library_test

import (
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/interop"
	"scholia/annotate/library"
	"scholia/annotate/pdf/pdftest"
)

// quoteOnPages imports file, highlights quote and gives what a reader
// sees of its pages: Copy with citation, the Markdown export, the CSV
// export's pages column and the JSON-LD export.
func quoteOnPages(t *testing.T, file, quote string) (citation, md, pages, ld string) {
	t.Helper()
	lib, _ := openLibrary(t)
	res, err := lib.Import(file)
	if err != nil {
		t.Fatal(err)
	}
	an, err := lib.AnnotateQuote(res.Document.ID, quote, 1, library.Draft{Kind: annotate.KindHighlight, Colour: annotate.Yellow})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := lib.Document(res.Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(exportString(t, lib, interop.CSV, []string{doc.ID}))).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][len(rows[0])-1] != "pages" {
		t.Fatalf("CSV export: %v %q", err, rows)
	}
	return library.Citation(doc, an.Anchor, interop.Chicago), exportString(t, lib, interop.Markdown, []string{doc.ID}),
		rows[1][len(rows[1])-1], exportString(t, lib, interop.JSONLD, []string{doc.ID})
}

// A paragraph that goes on over a page break: a quote after the break is
// on the next page everywhere a page is given, one across it on both.
func TestAQuoteAfterAPageBreakInsideAParagraphGivesTheNextPage(t *testing.T) {
	file := writeFile(t, "budget.pdf", pdftest.PDF{Title: "The Budget", FirstLabel: 11, Pages: [][]string{
		{"The committee met in March to weigh the information it had gathered over the winter.", "After a long debate the committee agreed that"},
		{"the budget would grow by a tenth, as the treasurer had asked.", "The next meeting falls in June."},
	}}.Bytes())
	citation, md, pages, ld := quoteOnPages(t, file, "grow by a tenth")
	if !strings.Contains(citation, "“grow by a tenth” (p. 12)") {
		t.Errorf("Copy with citation gives %q, want (p. 12)", citation)
	}
	if !strings.Contains(md, "(p. 12)") || pages != "12" || !strings.Contains(ld, `"value":"page=2"`) {
		t.Errorf("exports give the wrong page: CSV %q, Markdown\n%s\nJSON-LD\n%s", pages, md, ld)
	}
	citation, _, pages, _ = quoteOnPages(t, file, "agreed that the budget")
	if !strings.Contains(citation, "(pp. 11–12)") || pages != "11–12" {
		t.Errorf("a quote across the break gives %q, CSV %q; want pp. 11–12", citation, pages)
	}
}

// The user test that found it: on page 2 of the Washington Post article,
// after "gasoline bombs" in a paragraph that starts on page 1.
func TestAQuoteOnTheSecondPageOfARealTwoColumnPDFGivesPage2(t *testing.T) {
	file := filepath.Join(corpus.Path(t, "pdf", "pages"), "wapo-1-2col.pdf")
	citation, md, pages, ld := quoteOnPages(t, file, "attack — Ansar al-Sharia")
	if !strings.Contains(citation, "(p. 2)") {
		t.Errorf("Copy with citation gives %q, want p. 2", citation)
	}
	if !strings.Contains(md, "(p. 2)") || pages != "2" || !strings.Contains(ld, `"value":"page=2"`) {
		t.Errorf("exports give the wrong page: CSV %q, Markdown\n%s", pages, md)
	}
}
