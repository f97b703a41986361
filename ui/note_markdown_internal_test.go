package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/ui/reader"
)

func TestANoteIsShownAsMarkdown(t *testing.T) {
	segs := parseNote("Read *this* and **that**, run `go test`.\n\n- one\n- two\n\nSee [the spec](https://example.org/spec).", false)
	var italic, bold, code, list, link bool
	for _, s := range segs {
		switch x := s.(type) {
		case *widget.TextSegment:
			italic = italic || (x.Text == "this" && x.Style.TextStyle.Italic)
			bold = bold || (x.Text == "that" && x.Style.TextStyle.Bold)
			code = code || (x.Text == "go test" && x.Style.TextStyle.Monospace)
		case *widget.ListSegment:
			list = len(x.Items) == 2 && itemText(x.Items[0]) == "one" && itemText(x.Items[1]) == "two"
		case *widget.HyperlinkSegment:
			link = x.Text == "the spec" && x.URL == nil && x.OnTapped != nil
		}
	}
	if !italic || !bold || !code || !list || !link {
		t.Fatalf("italic %v bold %v code %v list %v link (shown, not fetched) %v in %#v", italic, bold, code, list, link, segs)
	}
}

func TestANotesLinkIsCopiedNotFetched(t *testing.T) {
	a := test.NewApp()
	defer test.NewApp()
	for _, s := range parseNote("<https://example.org/x>", false) {
		if l, ok := s.(*widget.HyperlinkSegment); ok {
			l.OnTapped()
			if got := a.Clipboard().Content(); got != "https://example.org/x" {
				t.Fatalf("a click on the link copied %q", got)
			}
			return
		}
	}
	t.Fatal("no link shown")
}

func TestAPanelRowShowsTheNotesMarkdownOnOneLine(t *testing.T) {
	test.NewApp()
	p := NewAnnotationPanel()
	w := test.NewWindow(p)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 600))
	p.SetAnnotations([]annotate.Annotation{{ID: "a", Kind: annotate.KindNote, Body: "A *fine* point:\n\n1. first\n2. second"}}, nil)
	r, ok := find(w.Canvas().Content(), func(r *widget.RichText) bool { return r.Visible() && strings.Contains(r.String(), "point") })
	if !ok {
		t.Fatal("no note shown in the panel")
	}
	if got := r.String(); got != "A fine point: 1. first 2. second" {
		t.Fatalf("the row shows %q", got)
	}
	italic := false
	for _, s := range r.Segments {
		if x, ok := s.(*widget.TextSegment); ok && x.Text == "fine" {
			italic = x.Style.TextStyle.Italic && x.Style.Inline
		}
	}
	if !italic {
		t.Fatalf("the emphasis is not drawn in italics on the row's line: %#v", r.Segments)
	}
	if a, b := noteSegments("x *y*", true), noteSegments("x *y*", true); &a[0] != &b[0] && a[0] != b[0] {
		t.Fatal("a note's Markdown is parsed again each time its row is filled")
	}
}

func itemText(s widget.RichTextSegment) string {
	var b strings.Builder
	for _, t := range s.(*widget.ParagraphSegment).Texts {
		b.WriteString(t.Textual())
	}
	return b.String()
}

func TestTheHoverCardShowsTheNotesMarkdown(t *testing.T) {
	test.NewApp()
	r := reader.New()
	o := newOverlay(r, nil, nil, nil, nil)
	w := test.NewWindow(container.NewStack(r, o.floating))
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	o.hover(annotate.Annotation{Kind: annotate.KindNote, Body: "A **strong** claim:\n\n- one\n- two", Tags: []string{"law"}}, true, fyne.NewPos(100, 100))
	if !o.tooltipBox.Visible() || o.tooltipBox.Size().Height < 3*o.tags.MinSize().Height/2 {
		t.Fatalf("the hover card is not shown whole: visible %v, size %v", o.tooltipBox.Visible(), o.tooltipBox.Size())
	}
	bold, list := false, false
	for _, s := range o.tooltip.Segments {
		switch x := s.(type) {
		case *widget.TextSegment:
			bold = bold || (x.Text == "strong" && x.Style.TextStyle.Bold)
		case *widget.ListSegment:
			list = len(x.Items) == 2
		}
	}
	if !bold || !list || !strings.Contains(o.note(), "#law") {
		t.Fatalf("the hover card shows %q (bold %v, list %v)", o.note(), bold, list)
	}
}
