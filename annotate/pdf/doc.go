// Package pdf reads PDFs into Scholia's blocks with PDFium compiled to
// WebAssembly and run by wazero: no cgo, no system library, and a sandbox
// with a memory limit and a time limit, so a hostile PDF costs one
// sentence of error, never the app. Only this package imports go-pdfium.
//
// Reading is in three steps: PDFium gives each page's characters with
// their boxes and fonts (read.go); lines are rebuilt from them (line.go),
// running headers and footers dropped (running.go), columns put one after
// the other (column.go); then lines become paragraphs, headings, list
// items, quotes and footnotes (paragraph.go), and the document gets its
// title, outline and pages (document.go).
package pdf
