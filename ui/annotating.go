package ui

import (
	"context"
	"errors"
	"fmt"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/library"
)

// annotationLayer is what floats over the reader: the selection toolbar
// and the note shown while hovering a passage.
func (m *MainWindow) annotationLayer() fyne.CanvasObject {
	m.toolbar = NewSelectionToolbar(m.HighlightIn, m.AddNote, m.AddQuestion, m.UseAsAnswer)
	m.tooltip = widget.NewLabel("")
	m.tooltip.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	bg.CornerRadius = theme.InputRadiusSize()
	m.tooltipBox = container.NewStack(bg, m.tooltip)
	m.tooltipBox.Hide()
	m.floating = container.NewWithoutLayout(m.toolbar, m.tooltipBox)
	return m.floating
}

// saved reports a committed change and reads what shows it again, off
// the UI goroutine; then (may be nil) runs once it shows.
func (m *MainWindow) saved(msg string, then func()) {
	m.setStatus(msg)
	m.refresh(then)
}

// savedHere reports a committed change to the open document's
// annotations: the library list only needs that document's count, not
// every document read again. then (may be nil) runs once it shows.
func (m *MainWindow) savedHere(msg string, then func()) {
	m.setStatus(msg)
	m.refreshHere(then)
}

// selection is the reader's selection, or ok false with a hint.
//
// The spaces and line breaks a drag takes in at its ends are left out, as
// Hypothesis and Zotero leave them: a quote begins and ends on its words.
func (m *MainWindow) selection() (int, int, bool) {
	s, e := m.trimmedSelection()
	if m.reader.Document() == nil || s == e {
		m.setStatus("Select a passage first")
		return 0, 0, false
	}
	return s, e, true
}

// Highlight highlights the selection in the current colour.
func (m *MainWindow) Highlight() { m.HighlightIn(m.colour) }

// trimmedSelection is the reader's selection without the spaces and line
// breaks at its ends; an empty one when it holds nothing else.
func (m *MainWindow) trimmedSelection() (int, int) {
	s, e := m.reader.Selection()
	text := m.reader.Text()
	for s < e && unicode.IsSpace(text[s]) {
		s++
	}
	for e > s && unicode.IsSpace(text[e-1]) {
		e--
	}
	if s == e {
		return 0, 0
	}
	return s, e
}

// HighlightIn highlights the selection in a colour, which becomes the
// current colour. The library's rule decides what that does to the
// highlights the selection overlaps (recolour, join, nothing); when it
// cannot, the reader is asked.
func (m *MainWindow) HighlightIn(c annotate.Colour) {
	m.colour = c
	s, e, ok := m.selection()
	if !ok {
		return
	}
	m.applyColour(m.reader.Document().ID, s, e, c, library.Decide)
}

func (m *MainWindow) applyColour(docID string, s, e int, c annotate.Colour, how library.HighlightChoice) {
	saveChange(m, "Saving the highlight…", func() (library.Highlighted, error) {
		return m.lib.Highlight(docID, s, e, c, how)
	}, func(res library.Highlighted, err error) {
		if err != nil {
			m.setStatus("")
			m.showError(err)
			return
		}
		m.highlighted(docID, s, e, c, res)
	})
}

// highlighted shows what a highlight saved did; the passage, still
// selected, is let go, unless another was selected meanwhile.
func (m *MainWindow) highlighted(docID string, s, e int, c annotate.Colour, res library.Highlighted) {
	msg := "Saved"
	switch res.Outcome {
	case library.MustAsk:
		m.toolbar.Hide()
		m.highlightChoice = newHighlightChoice(c, res, m.win, func(how library.HighlightChoice) {
			if how == library.Decide {
				// Cancelled: the passage stays selected, with its toolbar.
				m.selectionDone(m.reader.Selection())
				return
			}
			m.applyColour(docID, s, e, c, how)
		})
		m.dialogs.showWith(m.highlightChoice.Show, m.highlightChoice.cancel.OnTapped)
		return
	case library.Unchanged:
		m.letGo(docID, s, e)
		m.setStatus("Already highlighted in " + string(c))
		if res.Annotation != nil {
			m.panel.Reveal(res.Annotation.ID)
		}
		return
	case library.Recoloured:
		msg = "Saved: recoloured " + string(c) + " · Ctrl+Z undoes"
	case library.Merged:
		msg = "Saved: one " + string(c) + " highlight now covers the passage · Ctrl+Z undoes"
	}
	m.letGo(docID, s, e)
	id := res.Annotation.ID
	m.savedOn(docID, msg, func() { m.panel.Reveal(id) })
}

// letGo clears the selection of the passage s-e of docID, once a change
// to it is saved, unless the reader has selected something else since.
func (m *MainWindow) letGo(docID string, s, e int) {
	if d := m.reader.Document(); d == nil || d.ID != docID {
		return
	}
	if cs, ce := m.trimmedSelection(); cs == s && ce == e {
		m.reader.ClearSelection()
	}
}

// savedOn reports a change committed to docID's annotations: then (may be
// nil) runs once it shows, if that document is still the one open.
func (m *MainWindow) savedOn(docID, msg string, then func()) {
	if d := m.reader.Document(); d == nil || d.ID != docID {
		m.saved(msg, nil)
		return
	}
	m.savedHere(msg, then)
}

// HighlightQuestion is the question last asked about a passage that
// overlaps a highlight of another colour, or nil.
func (m *MainWindow) HighlightQuestion() *HighlightChoice { return m.highlightChoice }

// create saves a new annotation off the UI goroutine, then shows it,
// selected, in the panel; done (may be nil) is told on the UI goroutine,
// before that, whether it was saved.
func (m *MainWindow) create(docID string, d library.Draft, done func(error)) {
	saveChange(m, "Saving…", func() (*annotate.Annotation, error) {
		return m.lib.Annotate(docID, d)
	}, func(a *annotate.Annotation, err error) {
		if done != nil {
			done(err)
		}
		if err != nil {
			m.setStatus("Not saved")
			var p *annotate.Panic
			if errors.As(err, &p) {
				m.guard.caught(p, nil)
			} else if done == nil {
				m.showError(err)
			}
			return
		}
		if !d.Whole {
			m.letGo(docID, d.Start, d.End)
		}
		m.savedOn(docID, "Saved", func() { m.panel.Reveal(a.ID) })
	})
}

// AddNote writes a note on the selection, or on the whole document when
// nothing is selected.
func (m *MainWindow) AddNote() { m.annotateWithText(annotate.KindNote) }

// AddQuestion asks a question about the selection, or the whole document.
func (m *MainWindow) AddQuestion() { m.annotateWithText(annotate.KindQuestion) }

// AddDocumentNote writes a note on the whole document.
func (m *MainWindow) AddDocumentNote() {
	if m.reader.Document() == nil {
		return
	}
	m.reader.ClearSelection()
	m.annotateWithText(annotate.KindNote)
}

func (m *MainWindow) annotateWithText(kind annotate.Kind) {
	doc := m.reader.Document()
	if doc == nil {
		return
	}
	s, e := m.trimmedSelection()
	d := library.Draft{Kind: kind, Colour: m.colour, Start: s, End: e, Whole: s == e}
	quote := ""
	if s != e {
		quote = string(m.reader.Text()[s:e])
	}
	m.toolbar.Hide()
	m.noteDialog = NewNoteDialog(kind, quote, m.tags, m.win, func(body string, tags []string, done func(error)) {
		d.Body, d.Tags = body, tags
		if !m.guard.run(func() { m.create(doc.ID, d, done) }) {
			done(errCrashed)
		}
	})
	m.noteDialog.dialogs = m.dialogs
	m.dialogs.showWith(func() { m.noteDialog.Show(m.win) }, m.noteDialog.Cancel)
}

// NoteDialog is the note or question dialog last opened.
func (m *MainWindow) NoteDialog() *NoteDialog { return m.noteDialog }

// PickColour makes the i-th colour (from 1) current.
func (m *MainWindow) PickColour(i int) {
	if i < 1 || i > len(annotate.Colours) {
		return
	}
	m.colour = annotate.Colours[i-1]
	m.setStatus("Highlight colour: " + string(m.colour))
}

// CopyWithCitation copies the selection followed by where it comes from.
func (m *MainWindow) CopyWithCitation() {
	s, e, ok := m.selection()
	if !ok {
		return
	}
	passage, err := annotate.NewAnchor(m.reader.Text(), s, e)
	if err != nil {
		return
	}
	m.app.Clipboard().SetContent(library.Citation(m.reader.Document(), &passage, m.state.citation))
	m.setStatus("Copied with citation")
}

// Undo reverts the last change to an annotation, or the typing in a text
// box that has the focus. The change reverted is the one that was last
// when Ctrl+Z was pressed, even if a newer one is saved before the undo
// runs (behind a backup, say).
func (m *MainWindow) Undo() {
	if e := m.focusedEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	m.panel.Editor.flush()
	// An edit still being saved was made before Ctrl+Z: the mark is taken
	// once it is saved.
	// So is a change still being saved from the window: the mark is the
	// one right after it.
	mark, marked, after := m.lib.UndoMark(), !m.panel.Editor.saving(), m.undoAfter()
	type undone struct {
		what  string
		newer int
	}
	saveChange(m, "Undoing…", func() (undone, error) {
		m.panel.Editor.waitSaved()
		switch {
		case !marked:
			mark = m.lib.UndoMark()
		case after != nil:
			mark = after.value()
		}
		what, newer, err := m.lib.UndoStep(mark)
		return undone{what, newer}, err
	}, func(u undone, err error) {
		if errors.Is(err, library.ErrCannotUndo) {
			// The step is dropped: the next Ctrl+Z undoes the one before.
			m.saved(capitalise(err.Error()), nil)
			return
		}
		if err != nil {
			m.setStatus("")
			m.showError(err)
			return
		}
		switch {
		case u.what == "":
			m.setStatus("Nothing to undo")
		case u.newer == 1:
			m.saved("Undid "+u.what+"; the change made since stays", nil)
		case u.newer > 1:
			m.saved(fmt.Sprintf("Undid %s; the %d changes made since stay", u.what, u.newer), nil)
		default:
			m.saved("Undid "+u.what, nil)
		}
	})
}

func (m *MainWindow) deleteAnnotation(id string) {
	m.panel.Editor.flush()
	saveChange(m, "Moving to the trash…", func() (struct{}, error) {
		m.panel.Editor.waitSaved()
		return struct{}{}, m.lib.DeleteAnnotation(id)
	}, func(_ struct{}, err error) {
		if err != nil {
			m.setStatus("")
			m.showError(err)
			return
		}
		m.panel.Editor.forget(id)
		m.panel.Editor.Clear()
		m.saved("Moved to the trash · Ctrl+Z undoes", nil)
	})
}

func (m *MainWindow) restoreAnnotation(id string) {
	m.panel.Editor.flush()
	saveChange(m, "Restoring…", func() (*annotate.Annotation, error) {
		m.panel.Editor.waitSaved()
		return m.lib.RestoreAnnotation(id)
	}, func(a *annotate.Annotation, err error) {
		if err != nil {
			m.setStatus("")
			m.showError(err)
			return
		}
		m.saved("Restored · Ctrl+Z undoes", func() { m.panel.Reveal(a.ID) })
	})
}

// goTo shows an annotation's passage: its document, scrolled to it, flashing.
func (m *MainWindow) goTo(a annotate.Annotation) {
	m.openDocument(a.DocID, false, func() {
		if a.Anchor != nil && !a.Orphan {
			m.reader.Reveal(a.Anchor.Start)
			m.reader.Flash(a.Anchor.Start, a.Anchor.End)
		}
		m.panel.Reveal(a.ID)
	})
}

// placeHere anchors an orphan on the passage selected in the reader,
// once the panel's edits are saved.
func (m *MainWindow) placeHere(id string) {
	s, e, ok := m.selection()
	if !ok {
		m.setStatus("Select the passage to place it on, then choose Place here")
		return
	}
	docID := m.reader.Document().ID
	m.panel.Editor.flush()
	saveChange(m, "Placing…", func() (*annotate.Annotation, error) {
		m.panel.Editor.waitSaved()
		return m.lib.PlaceAnnotation(id, s, e)
	}, func(_ *annotate.Annotation, err error) {
		if err != nil {
			m.setStatus("")
			m.showError(err)
			return
		}
		m.letGo(docID, s, e)
		m.savedOn(docID, "Placed", func() { m.panel.Reveal(id) })
	})
}

func (m *MainWindow) followAnswer(linkID string) {
	a, err := m.lib.Annotation(linkID)
	if err != nil {
		m.showError(err)
		return
	}
	m.goTo(*a)
}

// AnswerWithSelection waits for the reader to select, in any document, the
// passage that answers a question.
func (m *MainWindow) AnswerWithSelection(questionID string) {
	q, err := m.lib.Annotation(questionID)
	if err != nil {
		m.showError(err)
		return
	}
	m.answering = q.ID
	m.toolbar.SetAnswering(true)
	m.setStatus(fmt.Sprintf("Select the passage that answers “%s” in any document, then choose Use as answer", trimQuote(oneLine(q.Body), 60)))
}

// UseAsAnswer answers the waiting question with the selected passage,
// once the panel's edits are saved. Should that fail, the question still
// waits for its answer.
func (m *MainWindow) UseAsAnswer() {
	if m.answering == "" {
		return
	}
	s, e, ok := m.selection()
	if !ok {
		return
	}
	qID, docID := m.answering, m.reader.Document().ID
	m.answering = ""
	m.toolbar.SetAnswering(false)
	m.panel.Editor.flush()
	saveChange(m, "Saving the answer…", func() (struct{}, error) {
		m.panel.Editor.waitSaved()
		q, err := m.lib.Annotation(qID)
		if err != nil {
			return struct{}{}, err
		}
		text := ""
		if q.Answer != nil {
			text = q.Answer.Text
		}
		_, err = m.lib.AnswerWithPassage(q.ID, docID, s, e, text)
		return struct{}{}, err
	}, func(_ struct{}, err error) {
		if err != nil {
			if m.answering == "" {
				m.answering = qID
				m.toolbar.SetAnswering(true)
			}
			m.setStatus("")
			m.showError(err)
			return
		}
		m.letGo(docID, s, e)
		m.saved("Answered", func() { m.panel.Reveal(qID) })
	})
}

// matchInDocument finds the open document's annotations that match a
// search, for the panel's filter box, off the UI goroutine.
func (m *MainWindow) matchInDocument(text string, show func(map[string]bool)) {
	doc := m.reader.Document()
	if doc == nil {
		show(map[string]bool{})
		return
	}
	query := "doc:" + doc.ID + " " + text
	start(m.tasks, laneFilter, "Filtering the notes…", func() ([]library.Hit, error) {
		return m.lib.Search(context.Background(), query, 10000)
	}, func(hits []library.Hit, err error) {
		m.setStatus("")
		if err != nil {
			m.showError(err)
			return
		}
		ids := make(map[string]bool, len(hits))
		for _, h := range hits {
			ids[h.ID] = true
		}
		show(ids)
	})
}

// annotationAt is the shortest annotation whose passage holds pos.
func (m *MainWindow) annotationAt(pos int) (annotate.Annotation, bool) {
	var best annotate.Annotation
	found := false
	for _, a := range m.anns {
		if a.Anchor == nil || a.Orphan || pos < a.Anchor.Start || pos >= a.Anchor.End {
			continue
		}
		if !found || a.Anchor.End-a.Anchor.Start < best.Anchor.End-best.Anchor.Start {
			best, found = a, true
		}
	}
	return best, found
}

// tapped selects the annotation under a click in the panel.
func (m *MainWindow) tapped(pos int) {
	if a, ok := m.annotationAt(pos); ok {
		if !m.panel.Visible() {
			m.TogglePanel()
		}
		m.panel.Reveal(a.ID)
	}
}

// hovered shows the note of the passage under the pointer.
func (m *MainWindow) hovered(pos int, at fyne.Position) {
	a, ok := m.annotationAt(pos)
	if pos < 0 || !ok || (a.Body == "" && len(a.Tags) == 0) {
		m.tooltipBox.Hide()
		return
	}
	text := trimQuote(a.Body, 400)
	for _, t := range a.Tags {
		text += " #" + t
	}
	if a.Kind == annotate.KindQuestion {
		text = "? " + text + " (" + string(a.Status) + ")"
	}
	m.tooltip.SetText(text)
	w := min(float32(360), m.reader.Size().Width-20)
	m.tooltip.Resize(fyne.NewSize(w, 0))
	h := m.tooltip.MinSize().Height
	m.tooltipBox.Resize(fyne.NewSize(w, h))
	x := min(max(at.X+12, 4), m.reader.Size().Width-w-4)
	y := at.Y + 18
	if y+h > m.reader.Size().Height {
		y = at.Y - h - 12
	}
	m.tooltipBox.Move(fyne.NewPos(x, y))
	m.tooltipBox.Show()
}

// Tooltip is the note shown while hovering, "" when hidden.
func (m *MainWindow) Tooltip() string {
	if !m.tooltipBox.Visible() {
		return ""
	}
	return m.tooltip.Text
}

// selectionDone shows the toolbar beside a finished selection.
func (m *MainWindow) selectionDone(start, end int) {
	if start == end {
		m.toolbar.Hide()
		return
	}
	m.placeToolbar()
	m.toolbar.Show()
	// Showing the toolbar alone did not always get it drawn after a drag
	// made at a hand's pace (Fyne 2.7.1 left it undrawn, though it took
	// clicks, until something else redrew the window): redraw the layer.
	m.floating.Refresh()
}

// placeToolbar puts the toolbar where the pointer let go of the
// selection: under its last line after a drag downwards, over its first
// line after a drag upwards, and always inside the reader, even when that
// line has scrolled out of view, so a finished selection always offers it.
func (m *MainWindow) placeToolbar() {
	x, top, bottom, forward, ok := m.reader.SelectionEdge()
	if !ok {
		return
	}
	size := m.toolbar.MinSize()
	m.toolbar.Resize(size)
	view := m.reader.Size()
	const gap = 6
	y := bottom + gap
	if !forward || y+size.Height > view.Height {
		y = top - size.Height - gap
	}
	if y < 0 {
		y = bottom + gap
	}
	x = min(max(x-size.Width/2, 4), view.Width-size.Width-4)
	y = min(max(y, 4), view.Height-size.Height-4)
	m.toolbar.Move(fyne.NewPos(max(x, 0), max(y, 0)))
}

// ToolbarVisible says whether the selection toolbar shows.
func (m *MainWindow) ToolbarVisible() bool { return m.toolbar.Visible() }

// Toolbar is the toolbar that floats beside a finished selection.
func (m *MainWindow) Toolbar() *SelectionToolbar { return m.toolbar }

// Panel is the annotations panel.
func (m *MainWindow) Panel() *AnnotationPanel { return m.panel }

// typedRune highlights the selection in the colour of a key 1-6, or
// with nothing selected makes it the current colour.
func (m *MainWindow) typedRune(r rune) {
	if r < '1' || r > '6' {
		return
	}
	if s, e := m.reader.Selection(); s != e && m.reader.Document() != nil {
		m.HighlightIn(annotate.Colours[r-'1'])
		return
	}
	m.PickColour(int(r - '0'))
}
