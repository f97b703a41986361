package ui

import (
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// noteMarkdown turns a note's Markdown into rich text segments: emphasis,
// strong, code, links and lists. Links are shown, never fetched: a click
// copies the address to the clipboard. Images show their alt text (nothing
// is loaded). oneLine flattens the note to a single line for a list row.
type noteMarkdown struct {
	src     []byte
	oneLine bool
	out     []widget.RichTextSegment
}

// noteCache keeps the segments of notes already parsed, by their text and
// shape: a list refreshed after a save fills its rows again, and parsing
// each note anew would cost as much as shaping it.
var noteCache = struct {
	sync.Mutex
	m map[noteKey][]widget.RichTextSegment
}{m: map[noteKey][]widget.RichTextSegment{}}

type noteKey struct {
	body    string
	oneLine bool
}

const noteCacheMax = 4096

// noteSegments is the rich text of a note's Markdown, parsed once per text.
func noteSegments(body string, oneLine bool) []widget.RichTextSegment {
	k := noteKey{body, oneLine}
	noteCache.Lock()
	defer noteCache.Unlock()
	if s, ok := noteCache.m[k]; ok {
		return s
	}
	if len(noteCache.m) >= noteCacheMax {
		noteCache.m = map[noteKey][]widget.RichTextSegment{}
	}
	s := parseNote(body, oneLine)
	noteCache.m[k] = s
	return s
}

// parseNote converts body without the cache.
func parseNote(body string, oneLine bool) []widget.RichTextSegment {
	src := []byte(body)
	root := goldmark.DefaultParser().Parse(text.NewReader(src))
	n := &noteMarkdown{src: src, oneLine: oneLine}
	n.blocks(root)
	if oneLine {
		for len(n.out) > 0 && textOfSegment(n.out[len(n.out)-1]) == " " {
			n.out = n.out[:len(n.out)-1]
		}
	}
	return n.out
}

func textOfSegment(s widget.RichTextSegment) string {
	if t, ok := s.(*widget.TextSegment); ok {
		return t.Text
	}
	return ""
}

// blocks converts the block children of parent into n.out.
func (n *noteMarkdown) blocks(parent ast.Node) {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		n.out = append(n.out, n.block(c)...)
	}
}

// block converts one block node.
func (n *noteMarkdown) block(b ast.Node) []widget.RichTextSegment {
	switch x := b.(type) {
	case *ast.List:
		if n.oneLine {
			var segs []widget.RichTextSegment
			i := x.Start
			for it := x.FirstChild(); it != nil; it = it.NextSibling() {
				segs = append(segs, n.text(bullet(x, i)+" ", widget.RichTextStyleInline))
				segs = append(segs, n.inlineOf(it)...)
				segs = append(segs, n.text(" ", widget.RichTextStyleInline))
				i++
			}
			return segs
		}
		list := &widget.ListSegment{Ordered: x.IsOrdered()}
		for it := x.FirstChild(); it != nil; it = it.NextSibling() {
			var item []widget.RichTextSegment
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				item = append(item, n.block(c)...)
			}
			list.Items = append(list.Items, &widget.ParagraphSegment{Texts: item})
		}
		return []widget.RichTextSegment{list}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var sb strings.Builder
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			sb.Write(seg.Value(n.src))
		}
		code := strings.TrimRight(sb.String(), "\n")
		if n.oneLine {
			return []widget.RichTextSegment{n.text(strings.Join(strings.Fields(code), " ")+" ", widget.RichTextStyleCodeInline)}
		}
		return []widget.RichTextSegment{n.text(code, widget.RichTextStyleCodeBlock)}
	case *ast.TextBlock:
		return n.inlineOf(b)
	default:
		segs := n.inlineOf(b)
		if n.oneLine {
			return append(segs, n.text(" ", widget.RichTextStyleInline))
		}
		if len(segs) > 0 {
			// The last segment of a paragraph ends its line.
			if t, ok := segs[len(segs)-1].(*widget.TextSegment); ok {
				t.Style.Inline = false
			} else {
				segs = append(segs, n.text("", widget.RichTextStyleParagraph))
			}
		}
		if _, ok := b.(*ast.Heading); ok {
			for _, s := range segs {
				if t, ok := s.(*widget.TextSegment); ok {
					t.Style.TextStyle.Bold = true
				}
			}
		}
		return segs
	}
}

func bullet(l *ast.List, i int) string {
	if l.IsOrdered() {
		return strconv.Itoa(i) + "."
	}
	return "•"
}

// inlineOf converts the inline content of a block node, or of nested
// blocks (a list item's paragraphs) one after another.
func (n *noteMarkdown) inlineOf(b ast.Node) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for c := b.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			if len(segs) > 0 {
				segs = append(segs, n.text(" ", widget.RichTextStyleInline))
			}
			segs = append(segs, n.inlineOf(c)...)
			continue
		}
		segs = n.inline(c, widget.RichTextStyleInline, segs)
	}
	return segs
}

// inline appends the segments of inline node c drawn in style.
func (n *noteMarkdown) inline(c ast.Node, style widget.RichTextStyle, segs []widget.RichTextSegment) []widget.RichTextSegment {
	switch x := c.(type) {
	case *ast.Text:
		s := string(x.Segment.Value(n.src))
		if x.SoftLineBreak() || x.HardLineBreak() {
			s += " "
		}
		return append(segs, n.text(s, style))
	case *ast.String:
		return append(segs, n.text(string(x.Value), style))
	case *ast.CodeSpan:
		return append(segs, n.text(plain(x, n.src), widget.RichTextStyleCodeInline))
	case *ast.Emphasis:
		st := style
		if x.Level >= 2 {
			st.TextStyle.Bold = true
		} else {
			st.TextStyle.Italic = true
		}
		for g := x.FirstChild(); g != nil; g = g.NextSibling() {
			segs = n.inline(g, st, segs)
		}
		return segs
	case *ast.Link:
		return append(segs, link(plain(x, n.src), string(x.Destination)))
	case *ast.AutoLink:
		u := string(x.URL(n.src))
		return append(segs, link(u, u))
	case *ast.Image:
		return append(segs, n.text(plain(x, n.src), style))
	default:
		for g := c.FirstChild(); g != nil; g = g.NextSibling() {
			segs = n.inline(g, style, segs)
		}
		if c.FirstChild() == nil {
			return append(segs, n.text(plain(c, n.src), style))
		}
		return segs
	}
}

func (n *noteMarkdown) text(s string, style widget.RichTextStyle) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: style}
}

// link shows label in the link colour; a click copies url and fetches
// nothing.
func link(label, url string) *widget.HyperlinkSegment {
	return &widget.HyperlinkSegment{Alignment: fyne.TextAlignLeading, Text: label, OnTapped: func() {
		if a := fyne.CurrentApp(); a != nil {
			a.Clipboard().SetContent(url)
		}
	}}
}

// plain is the text of an inline node and its children.
func plain(node ast.Node, src []byte) string {
	var sb strings.Builder
	_ = ast.Walk(node, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch x := c.(type) {
		case *ast.Text:
			sb.Write(x.Segment.Value(src))
		case *ast.String:
			sb.Write(x.Value)
		}
		return ast.WalkContinue, nil
	})
	return sb.String()
}

// noteRichText is a rich text box for notes: one line, cut with an
// ellipsis, in a list row; wrapped in the hover card.
func noteRichText(oneLine bool) *widget.RichText {
	r := widget.NewRichText()
	if oneLine {
		r.Truncation = fyne.TextTruncateEllipsis
	} else {
		r.Wrapping = fyne.TextWrapWord
	}
	return r
}

// setNote shows body's Markdown in r unless r shows it already.
func setNote(r *widget.RichText, body string, oneLine bool) {
	segs := noteSegments(body, oneLine)
	if len(r.Segments) == len(segs) && (len(segs) == 0 || r.Segments[0] == segs[0]) {
		return
	}
	r.Segments = segs
	r.Refresh()
}
