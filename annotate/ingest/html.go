package ingest

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"scholia/annotate"
)

// parseHTML extracts a web page's article with go-readability and turns
// its structure into blocks: headings, paragraphs, list items, quotes and
// preformatted text, inline markup flattened to text. Scripts, styles,
// forms and navigation do not survive readability; nothing is fetched.
// The charset comes from the bytes: a BOM, then <meta charset>, then a
// guess (golang.org/x/net/html/charset).
func parseHTML(data []byte) (*annotate.Document, error) {
	utf := data
	// A BOM settles the encoding; otherwise bytes that are valid UTF-8 are
	// UTF-8 (charset only looks for <meta charset> in the first 1,024
	// bytes, and guesses Windows-1252 past them).
	if enc, _, certain := charset.DetermineEncoding(data, "text/html"); certain || !utf8.Valid(data) {
		var err error
		if utf, err = enc.NewDecoder().Bytes(data); err != nil {
			return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "the page cannot be decoded (%v)", err)
		}
	}
	root, err := html.Parse(bytes.NewReader(utf))
	if err != nil {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "the page cannot be read as HTML (%v)", err)
	}
	art, err := readability.FromDocument(root, nil)
	if err != nil || art.Node == nil {
		return nil, annotate.Problemf(annotate.ErrEmpty, "no article text was found in the page")
	}
	h := &htmlReader{}
	h.walk(art.Node, 0)
	h.flush(annotate.BlockParagraph, 0)
	doc := &annotate.Document{
		Title:    strings.Join(strings.Fields(art.Title()), " "),
		Byline:   strings.Join(strings.Fields(art.Byline()), " "),
		Site:     strings.Join(strings.Fields(art.SiteName()), " "),
		Language: art.Language(),
	}
	if t, err := art.PublishedTime(); err == nil {
		doc.Published = t.Format("2006-01-02")
	} else {
		doc.Published = publishedDate(root)
	}
	doc.URL = canonicalURL(root)
	doc.Direction = direction(root)
	blocks := h.out
	if doc.Title != "" && (len(blocks) == 0 || wordsKey(blocks[0].Text) != wordsKey(doc.Title)) {
		blocks = append([]annotate.Block{{Kind: annotate.BlockTitle, Text: doc.Title}}, blocks...)
	} else if len(blocks) > 0 && blocks[0].Kind == annotate.BlockHeading {
		blocks[0].Kind, blocks[0].Level = annotate.BlockTitle, 0
	}
	if len(blocks) == 0 {
		return nil, annotate.Problemf(annotate.ErrEmpty, "no article text was found in the page")
	}
	doc.SetBlocks(blocks)
	return doc, nil
}

// htmlReader collects blocks from an article's nodes.
type htmlReader struct {
	out   []annotate.Block
	text  strings.Builder
	space bool
}

var headingLevels = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// walk visits n; lists counts the enclosing lists.
func (h *htmlReader) walk(n *html.Node, lists int) {
	switch n.Type {
	case html.TextNode:
		h.inline(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			h.walk(c, lists)
		}
		return
	}
	switch a := n.DataAtom; {
	case a == atom.Head || a == atom.Title || a == atom.Script || a == atom.Style || a == atom.Noscript || a == atom.Form || a == atom.Nav ||
		a == atom.Button || a == atom.Select || a == atom.Textarea || a == atom.Iframe || a == atom.Svg:
		return
	case a == atom.Br:
		h.text.WriteByte('\n')
		h.space = false
	case headingLevels[a] > 0:
		h.block(n, annotate.BlockHeading, headingLevels[a], lists)
	case a == atom.P:
		h.block(n, annotate.BlockParagraph, 0, lists)
	case a == atom.Li || a == atom.Dt || a == atom.Dd:
		h.flush(annotate.BlockParagraph, 0)
		h.children(n, lists+1, annotate.BlockListItem, max(lists, 1))
	case a == atom.Blockquote:
		h.flush(annotate.BlockParagraph, 0)
		h.children(n, lists, annotate.BlockQuote, 0)
	case a == atom.Pre:
		h.flush(annotate.BlockParagraph, 0)
		if t := strings.Trim(textOf(n), "\n"); strings.TrimSpace(t) != "" {
			h.out = append(h.out, annotate.Block{Kind: annotate.BlockPre, Text: t})
		}
	case a == atom.Ul || a == atom.Ol || a == atom.Dl:
		h.flush(annotate.BlockParagraph, 0)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			h.walk(c, lists+1)
		}
		h.flush(annotate.BlockParagraph, 0)
	case a == atom.Tr:
		h.flush(annotate.BlockParagraph, 0)
		h.row(n)
	case isBlockElement(a):
		h.flush(annotate.BlockParagraph, 0)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			h.walk(c, lists)
		}
		h.flush(annotate.BlockParagraph, 0)
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			h.walk(c, lists)
		}
	}
}

// row turns a table row into a table row block: its cells joined by
// annotate.CellSeparator, with where each begins and its column.
func (h *htmlReader) row(n *html.Node) {
	var text strings.Builder
	var cells []annotate.Cell
	col, at := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if t := collapse(textOf(c)); t != "" {
			if len(cells) > 0 {
				text.WriteString(annotate.CellSeparator)
				at += utf8.RuneCountInString(annotate.CellSeparator)
			}
			cells = append(cells, annotate.Cell{Start: at, Col: col, Head: c.DataAtom == atom.Th})
			text.WriteString(t)
			at += utf8.RuneCountInString(t)
		}
		col += max(atoiAttr(c, "colspan"), 1)
	}
	if len(cells) > 0 {
		h.out = append(h.out, annotate.Block{Kind: annotate.BlockTableRow, Text: text.String(), Cells: cells})
	}
}

// atoiAttr is n's attribute key as a small number, 0 when absent or odd.
func atoiAttr(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v := 0
			for _, r := range a.Val {
				if r < '0' || r > '9' || v > 1000 {
					return 0
				}
				v = v*10 + int(r-'0')
			}
			return v
		}
	}
	return 0
}

// block reads n's inline content as one block of kind; block-level
// children end it and start their own.
func (h *htmlReader) block(n *html.Node, kind annotate.BlockKind, level, lists int) {
	h.flush(annotate.BlockParagraph, 0)
	h.children(n, lists, kind, level)
}

// children walks n's children; the text gathered becomes blocks of kind.
func (h *htmlReader) children(n *html.Node, lists int, kind annotate.BlockKind, level int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlockElement(c.DataAtom) || c.DataAtom == atom.P) && kind != annotate.BlockHeading {
			h.flush(kind, level)
			if c.DataAtom == atom.P {
				h.children(c, lists, kind, level)
				h.flush(kind, level)
				continue
			}
		}
		h.walk(c, lists)
	}
	h.flush(kind, level)
}

func (h *htmlReader) inline(s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			h.space = true
			continue
		}
		if h.space && h.text.Len() > 0 && !strings.HasSuffix(h.text.String(), "\n") {
			h.text.WriteByte(' ')
		}
		h.space = false
		h.text.WriteRune(r)
	}
}

// flush ends the block being gathered.
func (h *htmlReader) flush(kind annotate.BlockKind, level int) {
	t := strings.TrimSpace(h.text.String())
	h.text.Reset()
	h.space = false
	if t == "" {
		return
	}
	h.out = append(h.out, annotate.Block{Kind: kind, Level: level, Text: t})
}

func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Footer, atom.Aside,
		atom.Figure, atom.Figcaption, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Details,
		atom.Summary, atom.Address, atom.Hr, atom.Center, atom.Body, atom.Html,
		atom.Ul, atom.Ol, atom.Dl, atom.Li, atom.Blockquote, atom.Pre, atom.Tr,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// textOf is all the text under n, as written.
func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// canonicalURL is the page's <link rel="canonical">, else its og:url.
func canonicalURL(root *html.Node) string {
	var found, og string
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && found == "" {
					found = attr(n, "href")
				}
			case atom.Meta:
				if attr(n, "property") == "og:url" && og == "" {
					og = attr(n, "content")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	if found != "" {
		return found
	}
	return og
}

// direction is "rtl" when the page says its text runs right to left.
func direction(root *html.Node) string {
	var dir string
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if dir != "" {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Html || n.DataAtom == atom.Body) {
			if d := strings.ToLower(attr(n, "dir")); d == "rtl" || d == "ltr" {
				dir = d
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(root)
	return dir
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}
