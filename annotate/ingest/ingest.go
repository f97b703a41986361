// Package ingest turns a file's bytes into a Document: plain text (title,
// contents list, headings, paragraphs, lists), Markdown, HTML pages (the
// article, through go-readability) and EPUB books, decoding the bytes
// first. It never rewrites the words of the source and never fetches
// anything.
package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"scholia/annotate"
)

// MaxFileSize is the largest file Scholia imports. The longest novels are a
// few megabytes; a larger "text" is nearly always a data dump or a log.
const MaxFileSize = 16 << 20

// Parse reads one file's bytes. name is used for the format (by extension)
// and as a fallback title; it is not opened. The result has its blocks, title
// and hash set; ID and Imported are the caller's.
func Parse(name string, data []byte) (*annotate.Document, error) {
	if err := checkSize(data); err != nil {
		return nil, err
	}
	format := formatOf(name)
	switch format {
	case "pdf":
		return ParsePDF(name, data, "")
	case "epub":
		doc, err := parseEPUB(data)
		if err != nil {
			return nil, err
		}
		return finish(doc, name, format, data), nil
	case "unsupported":
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "%s files are not a format Scholia reads; save it as plain text, Markdown, HTML or EPUB",
			strings.ToUpper(strings.TrimPrefix(filepath.Ext(name), ".")))
	}
	var doc *annotate.Document
	var text string
	var err error
	if format != "html" {
		text, _, err = decodeText(data)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(text) == "" {
			return nil, annotate.Problemf(annotate.ErrEmpty, "the file holds no text")
		}
	}
	if format == "html" {
		if reason := binaryReason(data); reason != "" && !bytes.HasPrefix(data, bomUTF16LE) && !bytes.HasPrefix(data, bomUTF16BE) {
			return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "%s; Scholia imports web pages saved as HTML", reason)
		}
		if doc, err = parseHTML(data); err != nil {
			return nil, err
		}
	} else if format == "markdown" {
		doc = parseMarkdown(text)
	} else {
		doc = parsePlainText(text)
	}
	if len(doc.Blocks) == 0 {
		return nil, annotate.Problemf(annotate.ErrEmpty, "the file holds no text")
	}
	return finish(doc, name, format, data), nil
}

func checkSize(data []byte) error {
	if len(data) == 0 {
		return annotate.Problemf(annotate.ErrEmpty, "the file is empty")
	}
	if len(data) > MaxFileSize {
		return annotate.Problemf(annotate.ErrTooLarge, "it is %s and Scholia imports files up to %s; split it into smaller files",
			humanSize(len(data)), humanSize(MaxFileSize))
	}
	return nil
}

// finish sets what every format shares: format, hash, a title.
func finish(doc *annotate.Document, name, format string, data []byte) *annotate.Document {
	doc.Format = format
	sum := sha256.Sum256(data)
	doc.Hash = hex.EncodeToString(sum[:])
	if doc.Title == "" {
		doc.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	doc.Title = shorten(doc.Title, 200)
	return doc
}

// formatOf names the format by the file's extension: "markdown", "html",
// "epub", "pdf", "unsupported" for formats known not to be text, else "text" (the
// bytes are then checked to be text).
func formatOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return "pdf"
	case ".doc", ".docx", ".odt", ".rtf", ".mobi", ".azw", ".azw3", ".djvu", ".zip":
		return "unsupported"
	case ".md", ".markdown", ".mdown", ".mkd":
		return "markdown"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".epub":
		return "epub"
	}
	return "text"
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func humanSize(n int) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
