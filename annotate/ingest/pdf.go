package ingest

import (
	"os"
	"path/filepath"
	"sync"

	"scholia/annotate"
	"scholia/annotate/pdf"
)

var (
	pdfMu     sync.Mutex
	pdfEngine *pdf.Engine
)

// PDFEngine is the engine that reads PDFs, made on first use with its
// compilation cache in the user's cache folder (scholia/wasm); it starts
// nothing until a PDF is read.
func PDFEngine() *pdf.Engine {
	pdfMu.Lock()
	defer pdfMu.Unlock()
	if pdfEngine == nil {
		dir := ""
		if c, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(c, "scholia", "wasm")
		}
		pdfEngine = pdf.NewEngine(pdf.Config{CacheDir: dir})
	}
	return pdfEngine
}

// SetPDFEngine makes e the engine that reads PDFs.
func SetPDFEngine(e *pdf.Engine) {
	pdfMu.Lock()
	defer pdfMu.Unlock()
	pdfEngine = e
}

// ParsePDF reads a PDF locked with a user password; Parse reads one
// without. A missing or wrong password gives an error that unwraps to
// pdf.ErrPassword.
func ParsePDF(name string, data []byte, password string) (*annotate.Document, error) {
	if err := checkSize(data); err != nil {
		return nil, err
	}
	read, err := PDFEngine().Read(data, password)
	if err != nil {
		return nil, err
	}
	return finish(read.Annotate(), name, "pdf", data), nil
}
