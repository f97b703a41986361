package ingest_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/ingest"
	"scholia/annotate/pdf"
)

func init() {
	ingest.SetPDFEngine(pdf.NewEngine(pdf.Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm")}))
}

// onePagePDF is a one-page PDF in Helvetica with each line at 14 points
// below the one before; a line set as "# text" is set at 20 points.
func onePagePDF(title string, lines ...string) []byte {
	var c strings.Builder
	y := 720
	for _, l := range lines {
		size := 10
		if t, ok := strings.CutPrefix(l, "# "); ok {
			size, l = 20, t
		}
		fmt.Fprintf(&c, "BT /F1 %d Tf 50 %d Td (%s) Tj ET\n", size, y, l)
		y -= 14 + size
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", c.Len(), c.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Title (%s) >>", title),
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestAPDFImportsWithItsHeadingsParagraphsAndPages(t *testing.T) {
	data := onePagePDF("Microsoft Word - memo.docx", "# Arms Control", "The treaty limits warheads.", "", "Inspectors verify it.")
	doc, err := ingest.Parse("memo.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != "pdf" || doc.Title != "Arms Control" || doc.Hash == "" {
		t.Errorf("format %q, title %q, hash %q", doc.Format, doc.Title, doc.Hash)
	}
	var got []block
	for _, b := range doc.Blocks {
		got = append(got, block{b.Kind, b.Level, b.Text})
	}
	want := []block{
		{annotate.BlockHeading, 1, "Arms Control"},
		{annotate.BlockParagraph, 0, "The treaty limits warheads."},
		{annotate.BlockParagraph, 0, "Inspectors verify it."},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("blocks %v, want %v", got, want)
	}
	for _, b := range doc.Blocks {
		if b.Page != 1 {
			t.Errorf("block %q on page %d, want 1", b.Text, b.Page)
		}
	}
}

func TestABrokenPDFIsRefusedWithOneSentence(t *testing.T) {
	_, err := ingest.Parse("cut.pdf", onePagePDF("Cut", "Some words.")[:300])
	if !errors.Is(err, pdf.ErrTruncated) || !errors.Is(err, annotate.ErrUnsupportedFormat) || !strings.Contains(err.Error(), "PDF") {
		t.Errorf("error %v, want a cut-short PDF", err)
	}
	_, err = ingest.ParsePDF("locked.pdf", onePagePDF("Open", "Some words."), "a password it does not need")
	if err != nil {
		t.Errorf("a PDF with no password, given one: %v", err)
	}
}
