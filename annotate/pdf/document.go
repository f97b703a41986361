package pdf

import (
	pdfium "github.com/klippa-app/go-pdfium"
	"regexp"
	"strings"
	"unicode"

	"scholia/annotate"
)

// Document is a PDF read into blocks. Each block's Page is the 1-based
// page it starts on; PageLabels[n-1] is page n's printed label ("iv",
// "12"), empty where the PDF gives none.
type Document struct {
	Title       string
	Author      string
	Subject     string
	Created     string // YYYY-MM-DD, from CreationDate
	Fingerprint string // the trailer's /ID, hex: Hypothesis's urn:x-pdf:<fingerprint>
	Pages       int
	PageLabels  []string
	Blocks      []annotate.Block
}

// Read turns a PDF's bytes into a Document. password may be empty; a PDF
// that needs one gives an error that unwraps to ErrPassword.
func (e *Engine) Read(data []byte, password string) (*Document, error) {
	r, err := e.readRaw(data, password)
	if err != nil {
		return nil, err
	}
	return build(r)
}

// readRaw reads what the PDF's pages hold, in an instance of the engine.
func (e *Engine) readRaw(data []byte, password string) (*raw, error) {
	if err := sniff(data); err != nil {
		return nil, err
	}
	var r *raw
	err := e.run(func(inst pdfium.Pdfium, tick func()) error {
		var err error
		r, err = readRaw(inst, data, password, tick)
		return err
	})
	return r, err
}

// Annotate is the Document as Scholia stores it; format and hash are the
// caller's.
func (d *Document) Annotate() *annotate.Document {
	doc := &annotate.Document{
		Title:       d.Title,
		Byline:      d.Author,
		Published:   d.Created,
		Description: d.Subject,
		Fingerprint: d.Fingerprint,
	}
	for _, l := range d.PageLabels {
		if l != "" {
			doc.PageLabels = d.PageLabels
			break
		}
	}
	doc.SetBlocks(append([]annotate.Block(nil), d.Blocks...))
	return doc
}

func build(r *raw) (*Document, error) {
	d := &Document{
		Author:      r.meta["Author"],
		Subject:     r.meta["Subject"],
		Created:     pdfDate(r.meta["CreationDate"]),
		Fingerprint: r.fingerprint,
		Pages:       len(r.pages),
	}
	for _, p := range r.pages {
		d.PageLabels = append(d.PageLabels, p.label)
	}
	lines, st, paras, err := arrange(r)
	if err != nil {
		return nil, err
	}
	for _, p := range paras {
		d.Blocks = append(d.Blocks, st.block(p))
	}
	if len(d.Blocks) == 0 {
		return nil, problem(ErrScanned, "the PDF holds only pictures of text, and Scholia cannot read those yet")
	}
	if len(r.bookmarks) > 0 {
		d.Blocks = outlineFromBookmarks(d.Blocks, r.bookmarks)
	}
	d.Title = r.meta["Title"]
	if junkTitle(d.Title) {
		d.Title = largestOnFirstPage(lines)
	}
	return d, nil
}

// arrange rebuilds the document's lines (running headers and footers
// dropped) and its paragraphs in reading order, with the style of its body.
func arrange(r *raw) ([][]line, style, []*para, error) {
	lines := make([][]line, len(r.pages))
	glyphs := 0
	for i, p := range r.pages {
		lines[i] = linesOf(p)
		glyphs += len(p.glyphs)
	}
	if glyphs == 0 {
		if len(r.pages) == 0 {
			return nil, style{}, nil, problem(ErrDamaged, "the PDF has no pages")
		}
		return nil, style{}, nil, problem(ErrScanned, "the PDF holds only pictures of text, and Scholia cannot read those yet")
	}
	dropRunning(r.pages, lines, r.meta["Title"])
	st := measure(lines)
	var paras []*para
	for i, ls := range lines {
		ordered := readingOrder(ls, r.pages[i].width)
		for _, p := range st.paragraphs(ordered) {
			if len(paras) > 0 && continues(paras[len(paras)-1], p) {
				last := paras[len(paras)-1]
				last.lines = append(last.lines, p.lines...)
				continue
			}
			paras = append(paras, p)
		}
	}
	return lines, st, paras, nil
}

// continues: a paragraph (or a block quote) cut by a page or a column
// break goes on at the top of the next page or column, in lower case,
// after a line that ends no sentence, in the same size and face, its first
// line not indented past its second. What goes on there may be taken for
// a quote when it stands right of the new page's left edge.
func continues(prev, next *para) bool {
	a, b := prev.lines[len(prev.lines)-1], next.lines[0]
	if !runsOn(prev.kind) || !runsOn(next.kind) || prev.footnote || next.footnote || (a.page == b.page && a.col == b.col) {
		return false
	}
	if endsSentence(a.text) || round(a.size) != round(b.size) || a.bold != b.bold || a.mono != b.mono {
		return false
	}
	if len(next.lines) > 1 && b.x0 > next.lines[1].x0+0.5*max(b.size, 1) {
		return false
	}
	for _, r := range b.text {
		return unicode.IsLower(r)
	}
	return false
}

func runsOn(k annotate.BlockKind) bool {
	return k == annotate.BlockParagraph || k == annotate.BlockQuote
}

var fileExt = regexp.MustCompile(`(?i)\.(docx?|pdf|tex|odt|rtf|indd|pptx?|xlsx?|dvi|ps|qxd|pages|txt|html?)$`)

// junkTitle: an empty Title, "Microsoft Word - draft3.docx", "Untitled",
// a file name ("report_final", "bbc-1").
func junkTitle(t string) bool {
	t = strings.TrimSpace(t)
	lower := strings.ToLower(t)
	switch {
	case t == "", strings.HasPrefix(lower, "untitled"), fileExt.MatchString(t):
		return true
	case strings.HasPrefix(lower, "microsoft ") && strings.Contains(t, " - "):
		return true
	}
	return !strings.Contains(t, " ") && strings.ContainsAny(t, "0123456789_-")
}

// largestOnFirstPage is the text set largest on page 1 (its lines that
// follow each other at that size).
func largestOnFirstPage(lines [][]line) string {
	if len(lines) == 0 {
		return ""
	}
	big := 0.0
	for _, l := range lines[0] {
		big = max(big, round(l.size))
	}
	var parts []string
	for _, l := range lines[0] {
		if round(l.size) == big {
			parts = append(parts, l.text)
		} else if len(parts) > 0 {
			break
		}
	}
	return strings.Join(parts, " ")
}

// pdfDate turns "D:20240302..." into 2024-03-02 (or 2024 alone).
func pdfDate(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 4 || !allDigits(s[:4]) {
		return ""
	}
	if len(s) >= 8 && allDigits(s[:8]) {
		return s[:4] + "-" + s[4:6] + "-" + s[6:8]
	}
	return s[:4]
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
