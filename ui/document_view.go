package ui

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// DocumentView shows a document's blocks as formatted, read-only text.
type DocumentView struct {
	widget.BaseWidget
	doc    *annotate.Document
	text   *widget.RichText
	scroll *container.Scroll
}

// NewDocumentView builds a view that invites the reader to pick a document.
func NewDocumentView() *DocumentView {
	v := &DocumentView{text: widget.NewRichText()}
	v.text.Wrapping = fyne.TextWrapWord
	v.scroll = container.NewVScroll(container.New(&readingColumn{}, v.text))
	v.SetDocument(nil)
	v.ExtendBaseWidget(v)
	return v
}

// Document is the document on show, or nil.
func (v *DocumentView) Document() *annotate.Document { return v.doc }

// SetDocument shows doc from its top; nil shows a hint.
func (v *DocumentView) SetDocument(doc *annotate.Document) {
	v.doc = doc
	if doc == nil {
		v.text.Segments = []widget.RichTextSegment{&widget.TextSegment{
			Style: widget.RichTextStyleParagraph,
			Text:  "Choose a document on the left, or import one with: scholia import FILE",
		}}
	} else {
		v.text.Segments = segments(doc)
	}
	v.text.Refresh()
	v.scroll.ScrollToTop()
}

// Markup is the view's text as plain lines, for tests and copying.
func (v *DocumentView) Markup() string {
	var b strings.Builder
	for _, s := range v.text.Segments {
		b.WriteString(s.Textual())
		b.WriteByte('\n')
	}
	return b.String()
}

// CreateRenderer draws the view.
func (v *DocumentView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.scroll)
}

func segments(doc *annotate.Document) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	if len(doc.Blocks) == 0 || doc.Blocks[0].Kind != annotate.BlockTitle {
		out = append(out, &widget.TextSegment{Style: widget.RichTextStyleHeading, Text: doc.Title})
	}
	for _, b := range doc.Blocks {
		out = append(out, blockSegment(b))
	}
	return out
}

func blockSegment(b annotate.Block) widget.RichTextSegment {
	style := widget.RichTextStyleParagraph
	text := b.Text
	switch b.Kind {
	case annotate.BlockTitle:
		style = widget.RichTextStyleHeading
	case annotate.BlockHeading:
		style = widget.RichTextStyleSubHeading
	case annotate.BlockQuote:
		style = widget.RichTextStyleBlockquote
	case annotate.BlockPre:
		style = widget.RichTextStyleCodeBlock
	case annotate.BlockContents:
		style.SizeName = theme.SizeNameCaptionText
	case annotate.BlockListItem:
		text = "•  " + text
	case annotate.BlockBoilerplate:
		style.TextStyle = fyne.TextStyle{Italic: true}
	}
	return &widget.TextSegment{Style: style, Text: text}
}

// baseName shortens a file path to its name; URLs and names stay whole.
func baseName(source string) string {
	if strings.Contains(source, "://") {
		return source
	}
	return filepath.Base(source)
}
