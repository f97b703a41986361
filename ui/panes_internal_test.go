package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// What the tests read off the panes and do on them, as a person sees and
// does it, reaching inside the package rather than through exported hooks.

// shownIn lists the annotations the panel's filters let through, in
// order, copied: the panel reuses its list.
func shownIn(p *AnnotationPanel) []annotate.Annotation {
	return append([]annotate.Annotation(nil), p.shown...)
}

// chooseAnnotation picks the i-th annotation the panel lists, as a click
// does.
func chooseAnnotation(p *AnnotationPanel, i int) {
	p.list.UnselectAll()
	p.list.Select(i)
}

// showQuestions shows the panel's Questions tab, as a click on it does.
func showQuestions(p *AnnotationPanel) {
	if p.tabs != nil {
		p.tabs.SelectIndex(1)
	}
}

// questionsTitle is the title of the panel's Questions tab.
func questionsTitle(p *AnnotationPanel) string {
	if p.tabs == nil {
		return ""
	}
	return p.tabs.Items[1].Text
}

// setFilters chooses the panel's filters by value ("" for any), as a
// person picks them from the drop-downs.
func setFilters(p *AnnotationPanel, kind, colour, tag, status string) {
	set := func(s *widget.Select, v, any string) {
		if v == "" {
			v = any
		}
		s.SetSelected(v)
	}
	set(p.kind, kind, anyKind)
	set(p.colour, colour, anyColour)
	for o, t := range p.tagOf {
		if t == tag {
			tag = o
		}
	}
	set(p.tag, tag, anyTag)
	set(p.status, status, anyStatus)
}

// findCurrent is the find bar's match on show, or [0 0] when none.
func findCurrent(f *FindBar) [2]int {
	if f.current < 0 || f.current >= len(f.matches) {
		return [2]int{}
	}
	return f.matches[f.current]
}

// titlesIn lists the titles the library list shows, in order.
func titlesIn(l *LibraryPanel) []string {
	out := make([]string, len(l.shown))
	for i, d := range l.shown {
		out[i] = d.Title
	}
	return out
}

// typeNote types a note and its tags into the note dialog, as a person
// would.
func typeNote(d *NoteDialog, body string, tags ...string) {
	d.body.SetText(body)
	d.tags.SetTags(tags)
}

// outlineSection is the title of the section the outline marks, or "".
func outlineSection(o *Outline) string {
	if i := o.SelectedIndex(); i >= 0 && i < len(o.entries) {
		return o.entries[i].Title
	}
	return ""
}

// typeQuery types a query in the search palette, as a person would, and
// returns a channel closed when its results are shown. The search starts
// once the box has shown the text, as it does after a real keystroke's
// event has been handled.
func typeQuery(p *SearchPalette, q string) <-chan struct{} {
	changed := p.entry.OnChanged
	p.entry.OnChanged = nil
	p.entry.SetText(q)
	p.entry.OnChanged = changed
	p.query(q)
	return p.pending
}

// swatchOf is the toolbar's dot that highlights in colour c, for
// clicking; nil before the toolbar is first drawn.
func swatchOf(t *SelectionToolbar, c annotate.Colour) fyne.Tappable {
	if s, ok := t.swatches[c]; ok {
		return s
	}
	return nil
}
