package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzRead feeds PDFium whatever bytes the fuzzer makes of a few small
// PDFs: every outcome must be a Document whose blocks stand on its pages,
// or one *Problem; a panic or a crash of the sandbox fails the run.
func FuzzRead(f *testing.F) {
	e := NewEngine(Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm"), StallTimeout: time.Second})
	defer e.Close()
	f.Add(fixture{pages: [][]run{column(50, 60, 60, "A short paragraph of text on one page.")}}.bytes())
	f.Add(fixture{
		pages: [][]run{
			framed("1", append([]run{{x: 50, y: 80, size: 20, bold: true, text: "Title"}}, column(50, 120, 40, "Left column words run down the page for a while.")...)),
			framed("2", column(330, 120, 40, "Right column words run down the page for a while.")),
		},
		title: "Microsoft Word - draft3.docx", roman: 1, id: "00ff", marks: []mark{{"Title", 1}},
	}.bytes())
	f.Add([]byte("%PDF-1.7\n%garbage\n"))
	f.Add(bomb(1 << 20))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := e.Read(data, "")
		if err != nil {
			var p *Problem
			if !errors.As(err, &p) {
				t.Fatalf("error %T %v is not a *Problem", err, err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("a read with no error gave no blocks")
		}
		for _, b := range doc.Blocks {
			if b.Page < 1 || b.Page > doc.Pages {
				t.Fatalf("block on page %d of %d", b.Page, doc.Pages)
			}
		}
	})
}
