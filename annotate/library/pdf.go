package library

import (
	"path/filepath"
	"strings"

	"scholia/annotate/ingest"
	"scholia/annotate/pdf"
)

// ErrPassword is what an import of a PDF locked with a user password
// unwraps to when the password is missing or wrong.
var ErrPassword = pdf.ErrPassword

// IsPDF says whether a file is imported as a PDF.
func IsPDF(path string) bool { return strings.EqualFold(filepath.Ext(path), ".pdf") }

// PDFReaderReady says whether the PDF reader has started: until it has,
// the first PDF imported waits for it (seconds the very first time, while
// PDFium is compiled into the cache; a fraction of one after).
func PDFReaderReady() bool { return ingest.PDFEngine().Ready() }
