package ingest

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"scholia/annotate"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns a text file's bytes into a string: UTF-8 with or without a
// BOM, UTF-16 with a BOM, and Windows-1252 (a superset of ISO-8859-1's
// printable characters) when the bytes are not valid UTF-8. It names the
// encoding it used and refuses bytes that are not text.
func decodeText(data []byte) (string, string, error) {
	hasBOM := bytes.HasPrefix(data, bomUTF8) || bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE)
	if !hasBOM {
		if reason := binaryReason(data); reason != "" {
			return "", "", annotate.Problemf(annotate.ErrUnsupportedFormat, "%s; Scholia imports plain text, Markdown, HTML and EPUB", reason)
		}
	}
	out, _, err := transform.Bytes(xunicode.BOMOverride(transform.Nop), data)
	if err != nil {
		return "", "", annotate.Problemf(annotate.ErrUnsupportedFormat, "the text cannot be decoded (%v)", err)
	}
	enc := "utf-8"
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		enc = "utf-16le"
	case bytes.HasPrefix(data, bomUTF16BE):
		enc = "utf-16be"
	}
	if !utf8.Valid(out) {
		out, err = charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", annotate.Problemf(annotate.ErrUnsupportedFormat, "the text cannot be decoded (%v)", err)
		}
		enc = "windows-1252"
	}
	text := string(out)
	if controlShare(text) > 0.02 {
		return "", "", annotate.Problemf(annotate.ErrUnsupportedFormat, "it holds binary data, not text; Scholia imports plain text, Markdown, HTML and EPUB")
	}
	return text, enc, nil
}

// magic names common binary formats by their first bytes, so the message can
// say what the file is.
var magic = []struct {
	prefix string
	name   string
}{
	{"%PDF", "a PDF"},
	{"PK\x03\x04", "a ZIP archive (an office document or an archive)"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x7FELF", "a program"},
	{"\x1F\x8B", "a gzip archive"},
	{"{\\rtf", "an RTF document"},
	{"\xD0\xCF\x11\xE0", "an old Microsoft Office document"},
}

func binaryReason(data []byte) string {
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "it is " + m.name + ", not text"
		}
	}
	head := data[:min(len(data), 64<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return "it holds binary data, not text"
	}
	return ""
}

// controlShare is the share of control characters other than line breaks,
// tabs and form feeds in the first 64 Ki code points.
func controlShare(s string) float64 {
	n, bad := 0, 0
	for _, r := range s {
		if n == 64<<10 {
			break
		}
		n++
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			bad++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(bad) / float64(n)
}
