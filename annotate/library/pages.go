package library

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"runtime/debug"

	"scholia/annotate"
	"scholia/annotate/ingest"
	"scholia/annotate/pdf"
)

// The page view's parts, as annotate/pdf makes them: the window reaches
// them through here.
type (
	// PageMap says where each character of a PDF's text stands on its pages.
	PageMap = pdf.PageMap
	// PageRect is a rectangle on one page, in points from its top-left corner.
	PageRect = pdf.PageRect
	// Rect is a rectangle on a page, in points from its top-left corner.
	Rect = pdf.Rect
	// PageCache draws pages off the window's goroutine within a budget of bytes.
	PageCache = pdf.PageCache
)

// ErrNoPages: the library keeps no copy of a document's pages to show (a
// document that is no PDF, or a PDF imported before copies were kept,
// whose file has changed or gone since).
var ErrNoPages = errors.New("no pages kept")

// Pages is a PDF document's pages open for the page view, to draw. Close
// it when the view closes.
type Pages struct {
	pages    *pdf.Pages
	data     []byte
	password string
	text     string
}

// keptOriginal is what an import keeps of the bytes read: a PDF's, for its
// pages; nothing of other formats, whose text is all they show.
func keptOriginal(doc *annotate.Document, data []byte) []byte {
	if doc.Format == "pdf" {
		return data
	}
	return nil
}

// OpenPages opens a PDF document's pages: it reads the PDF the library
// kept (or, for one imported before they were kept, its file where it
// was imported from, if unchanged), in a fraction of a second; Map then
// finds where its text stands on them. It reads: call it off the window's
// goroutine. password is for a PDF locked with one (empty for none).
func (l *Library) OpenPages(docID, password string) (*Pages, error) {
	doc, err := l.Document(docID)
	if err != nil {
		return nil, err
	}
	if doc.Format != "pdf" {
		return nil, annotate.Problemf(ErrNoPages, "%q is no PDF: it has no pages to show", doc.Title)
	}
	data, err := l.store.Original(docID)
	if err != nil {
		return nil, err
	}
	if data == nil {
		data = sameFile(doc.Source, doc.Hash)
	}
	if data == nil {
		return nil, annotate.Problemf(ErrNoPages, "Scholia keeps no copy of the pages of %q (imported before it kept them); import the PDF again to see them", doc.Title)
	}
	p, err := ingest.PDFEngine().OpenPages(data, password)
	if err != nil {
		return nil, err
	}
	return &Pages{pages: p, data: data, password: password, text: doc.Text()}, nil
}

// Map reads the PDF again to find where each character of the text
// stands on its pages: seconds for a book of 300 pages (the reading of an
// import, without building its paragraphs anew). Call it off the window's
// goroutine.
//
// Reading a book's every character leaves garbage of about a megabyte a
// page, which the Go runtime would keep from the system for minutes: it
// is given back at once (measured on a 300-page book: 360 MB resident
// after mapping, 73 MB after giving back).
func (p *Pages) Map() (*PageMap, error) {
	m, err := ingest.PDFEngine().PageMap(p.data, p.password, p.text)
	debug.FreeOSMemory()
	return m, err
}

// sameFile is the file at path when it still holds the bytes of hash, else
// nil.
func sameFile(path, hash string) []byte {
	if path == "" {
		return nil
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > ingest.MaxFileSize {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != hash {
		return nil
	}
	return data
}

// Count is the number of pages.
func (p *Pages) Count() int { return p.pages.Count() }

// Size is page n's width and height in points (1-based).
func (p *Pages) Size(n int) (w, h float64) { return p.pages.Size(n) }

// NewCache draws the pages off the caller's goroutine, keeping up to
// budget bytes of them; drawn is called on the cache's goroutine when a
// wanted page is ready.
func (p *Pages) NewCache(budget int, drawn func(n, width int)) *PageCache {
	return pdf.NewPageCache(p.pages, budget, drawn)
}

// Close lets the PDF go.
func (p *Pages) Close() error { return p.pages.Close() }
