package library_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/ingest"
	"scholia/annotate/interop"
	"scholia/annotate/library"
	"scholia/annotate/pdf"
	"scholia/annotate/pdf/pdftest"
)

// One engine for the package's PDF tests, its compilation cache shared
// with the other packages' tests so that only the first run compiles.
func init() {
	ingest.SetPDFEngine(pdf.NewEngine(pdf.Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm")}))
}

// treatyPDF is a report of three pages printed 11 to 13, with a trailer
// /ID, its second paragraph cut by no page break.
func treatyPDF(second string) pdftest.PDF {
	return pdftest.PDF{
		Title: "The Lapsed Treaty", Author: "Ann Lee", Created: "D:20190502120000", ID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", FirstLabel: 11,
		Pages: [][]string{
			{"# The Lapsed Treaty", "The treaty lapsed quietly in the spring, and nobody in either capital said so aloud."},
			{second, "Verification was the sticking point from the first round of talks."},
			{"Neither side would let inspectors into the missile fields after that."},
		},
	}
}

func TestAPDFsAnnotationsCarryTheirPagesThroughExportAndImport(t *testing.T) {
	lib, _ := openLibrary(t)
	file := writeFile(t, "treaty.pdf", treatyPDF("Talks resumed in Geneva in the autumn.").Bytes())
	res, err := lib.Import(file)
	if err != nil {
		t.Fatal(err)
	}
	doc := res.Document
	if doc.Title != "The Lapsed Treaty" || doc.Byline != "Ann Lee" || doc.Published != "2019-05-02" || doc.Fingerprint != "0a1b2c3d4e5f60718293a4b5c6d7e8f9" {
		t.Errorf("citation fields %q %q %q, fingerprint %q", doc.Title, doc.Byline, doc.Published, doc.Fingerprint)
	}
	hl, err := lib.AnnotateQuote(doc.ID, "sticking point", 1, library.Draft{Kind: annotate.KindHighlight, Colour: annotate.Green})
	if err != nil {
		t.Fatal(err)
	}
	across, err := lib.AnnotateQuote(doc.ID, "first round of talks.\n\nNeither side", 1, library.Draft{Kind: annotate.KindNote, Body: "The crux."})
	if err != nil {
		t.Fatal(err)
	}
	info, err := lib.Find(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.PageCitation(hl.Anchor); got != "p. 12" {
		t.Errorf("the highlight is on %q, want p. 12 (the printed label)", got)
	}
	if got := info.PageCitation(across.Anchor); got != "pp. 12–13" {
		t.Errorf("the note is on %q, want pp. 12–13", got)
	}
	var md, ld bytes.Buffer
	if _, err := lib.Exports().Documents(&md, interop.Markdown, []string{doc.ID}, interop.Chicago); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "> sticking point\n\n(p. 12)\n") || !strings.Contains(md.String(), "(pp. 12–13)") {
		t.Errorf("Markdown export without the pages:\n%s", md.String())
	}
	if _, err := lib.Exports().Documents(&ld, interop.JSONLD, []string{doc.ID}, interop.Chicago); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ld.String(), `"conformsTo":"http://tools.ietf.org/rfc/rfc8118","value":"page=2"`) {
		t.Errorf("JSON-LD without the FragmentSelector:\n%s", ld.String())
	}
	// Another library holding the same PDF takes the export back onto it.
	other, _ := openLibrary(t)
	mine, err := other.Import(file)
	if err != nil {
		t.Fatal(err)
	}
	got, err := other.ImportAnnotationBytes("treaty.jsonld", ld.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	anns, err := other.Annotations(mine.Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) != 2 || got.Orphans != 0 {
		t.Fatalf("%d annotations on the PDF (%d orphans), want 2 placed: %+v", len(anns), got.Orphans, got)
	}
	for _, a := range anns {
		if a.Anchor.Start != hl.Anchor.Start && a.Anchor.Start != across.Anchor.Start {
			t.Errorf("an annotation placed at %d-%d %q", a.Anchor.Start, a.Anchor.End, a.Anchor.Exact)
		}
	}
}

func TestARevisedPDFOfTheSamePathReanchorsItsAnnotations(t *testing.T) {
	lib, _ := openLibrary(t)
	file := filepath.Join(t.TempDir(), "treaty.pdf")
	if err := os.WriteFile(file, treatyPDF("Talks resumed in Geneva in the autumn.").Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := lib.Import(file)
	if err != nil {
		t.Fatal(err)
	}
	a, err := lib.AnnotateQuote(first.Document.ID, "sticking point", 1, library.Draft{Kind: annotate.KindNote, Body: "why?"})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, treatyPDF("Talks resumed in Geneva in the autumn, then stalled again for a whole winter of quarrels.").Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := lib.Import(file)
	if err != nil {
		t.Fatal(err)
	}
	if !second.Revised || second.Document.ID != first.Document.ID || second.Placed != 1 || second.Orphans != 0 {
		t.Fatalf("second import %+v", second)
	}
	anns, err := lib.Annotations(first.Document.ID)
	if err != nil || len(anns) != 1 {
		t.Fatalf("%d annotations, %v", len(anns), err)
	}
	doc, err := lib.Document(first.Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	moved := anns[0].Anchor
	if anns[0].ID != a.ID || anns[0].Orphan || string([]rune(doc.Text())[moved.Start:moved.End]) != "sticking point" || moved.Start == a.Anchor.Start {
		t.Errorf("after the revision the note is at %d-%d (was %d), orphan %v, on %q", moved.Start, moved.End, a.Anchor.Start, anns[0].Orphan, string([]rune(doc.Text())[moved.Start:moved.End]))
	}
	if got := doc.PageCitation(moved); got != "p. 12" {
		t.Errorf("after the revision the note is on %q, want p. 12", got)
	}
}

func TestHypothesisAnnotationsOfAPDFLandOnItByItsFingerprint(t *testing.T) {
	lib, _ := openLibrary(t)
	res, err := lib.Import(writeFile(t, "treaty.pdf", treatyPDF("Talks resumed in Geneva in the autumn.").Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows := `{"total": 1, "rows": [{"id": "hX1", "uri": "urn:x-pdf:0A1B2C3D4E5F60718293A4B5C6D7E8F9", "text": "Check the dates.", "tags": ["treaty"],
		"created": "2026-01-05T10:00:00+00:00", "updated": "2026-01-05T10:00:00+00:00", "document": {"title": ["The Lapsed Treaty"]},
		"target": [{"source": "https://example.org/treaty.pdf", "selector": [{"type": "TextQuoteSelector", "exact": "lapsed quietly in the spring", "prefix": "The treaty ", "suffix": ", and nobody"}]}]}]}`
	got, err := lib.ImportAnnotationBytes("hypothesis.json", []byte(rows))
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := lib.Documents()
	if len(docs) != 1 {
		t.Fatalf("%d documents after the import, want the PDF alone: %+v", len(docs), got)
	}
	anns, err := lib.Annotations(res.Document.ID)
	if err != nil || len(anns) != 1 || anns[0].Orphan || anns[0].Anchor.Exact != "lapsed quietly in the spring" {
		t.Fatalf("annotations on the PDF %+v, %v", anns, err)
	}
}

func TestAFolderImportTakesItsPDFs(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{"a.pdf": treatyPDF("x.").Bytes(), "b.PDF": treatyPDF("y.").Bytes(), "c.txt": []byte("Notes\n\nText.\n")} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := library.ImportableFiles(dir)
	if err != nil || len(files) != 3 {
		t.Fatalf("importable %v, %v; want the two PDFs and the text", files, err)
	}
}

// A PDF of 10,000 pages (3 MB) and one of 200 MB are each refused in one
// sentence within 10 s, and the library keeps what it held.
func TestAPDFTooLongOrTooBigIsRefusedInOneSentenceLeavingTheLibraryAlone(t *testing.T) {
	lib, _ := openLibrary(t)
	res, err := lib.Import(writeFile(t, "treaty.pdf", treatyPDF("Talks resumed.").Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lib.AnnotateQuote(res.Document.ID, "sticking point", 1, library.Draft{Kind: annotate.KindHighlight, Colour: annotate.Green}); err != nil {
		t.Fatal(err)
	}
	many := pdftest.PDF{Title: "Far Too Long"}
	for i := 1; i <= 10000; i++ {
		many.Pages = append(many.Pages, []string{fmt.Sprintf("Page %d of a document far too long to read.", i)})
	}
	huge := writeFile(t, "huge.pdf", treatyPDF("Talks resumed.").Bytes())
	if err := os.Truncate(huge, 200<<20); err != nil { // sparse: 200 MB on paper, nothing on disk
		t.Fatal(err)
	}
	for _, c := range []struct{ file, says string }{
		{writeFile(t, "many.pdf", many.Bytes()), "10000 pages"},
		{huge, "200.0 MB"},
	} {
		start := time.Now()
		_, err := lib.Import(c.file)
		took := time.Since(start)
		if !errors.Is(err, annotate.ErrTooLarge) || !strings.Contains(err.Error(), c.says) || strings.Contains(strings.TrimSuffix(err.Error(), "."), ". ") {
			t.Errorf("%s: error %v, want one sentence saying %q", filepath.Base(c.file), err, c.says)
		}
		if took > 10*time.Second {
			t.Errorf("%s: refused after %s, want within 10 s", filepath.Base(c.file), took)
		}
	}
	docs, err := lib.Documents()
	if err != nil || len(docs) != 1 || docs[0].ID != res.Document.ID {
		t.Fatalf("the library holds %+v (%v), want the treaty alone", docs, err)
	}
	anns, err := lib.Annotations(res.Document.ID)
	if err != nil || len(anns) != 1 || anns[0].Anchor.Exact != "sticking point" {
		t.Errorf("the treaty's annotations are %+v (%v), want its highlight", anns, err)
	}
}
