package ingest

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"scholia/annotate"
)

// parseMarkdown reads Markdown with goldmark: headings, paragraphs, list
// items (nested ones at a deeper level), block quotes and code. Inline markup
// is flattened to its text; raw HTML is left out. A level-1 heading that
// opens the document is its title.
func parseMarkdown(src string) *annotate.Document {
	source := []byte(src)
	root := goldmark.New().Parser().Parse(text.NewReader(source))
	m := &markdownReader{source: source}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		m.block(n, 0)
	}
	doc := &annotate.Document{}
	if len(m.out) > 0 && m.out[0].Kind == annotate.BlockHeading && m.out[0].Level == 1 {
		m.out[0].Kind, m.out[0].Level = annotate.BlockTitle, 0
	}
	for _, b := range m.out {
		if b.Kind == annotate.BlockTitle || b.Kind == annotate.BlockHeading {
			doc.Title = b.Text
			break
		}
	}
	if doc.Title == "" && len(m.out) > 0 {
		doc.Title = strings.SplitN(m.out[0].Text, "\n", 2)[0]
	}
	doc.SetBlocks(m.out)
	return doc
}

type markdownReader struct {
	source []byte
	out    []annotate.Block
}

func (m *markdownReader) emit(kind annotate.BlockKind, level int, s string) {
	s = strings.TrimSpace(s)
	if s != "" {
		m.out = append(m.out, annotate.Block{Kind: kind, Level: level, Text: s})
	}
}

// block turns one block node into blocks; depth counts enclosing lists.
func (m *markdownReader) block(n ast.Node, depth int) {
	switch n := n.(type) {
	case *ast.Heading:
		m.emit(annotate.BlockHeading, n.Level, m.inline(n))
	case *ast.Paragraph, *ast.TextBlock:
		m.emit(annotate.BlockParagraph, 0, m.inline(n))
	case *ast.List:
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			m.listItem(item, depth+1)
		}
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind() == ast.KindParagraph {
				m.emit(annotate.BlockQuote, 0, m.inline(c))
			} else {
				m.block(c, depth)
			}
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		m.emit(annotate.BlockPre, 0, strings.TrimRight(m.lines(n), "\n"))
	}
}

// listItem: the item's own text is one block; nested lists follow it.
func (m *markdownReader) listItem(item ast.Node, depth int) {
	var parts []string
	var nested []ast.Node
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock:
			parts = append(parts, m.inline(c))
		default:
			nested = append(nested, c)
		}
	}
	m.emit(annotate.BlockListItem, depth, strings.Join(parts, "\n"))
	for _, c := range nested {
		m.block(c, depth)
	}
}

func (m *markdownReader) lines(n ast.Node) string {
	var b strings.Builder
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		b.Write(seg.Value(m.source))
	}
	return b.String()
}

// inline flattens a node's inline children to plain text.
func (m *markdownReader) inline(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(m.source))
			switch {
			case c.HardLineBreak():
				b.WriteByte('\n')
			case c.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(m.source))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
