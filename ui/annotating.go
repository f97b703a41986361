package ui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"

	"scholia/annotate"
	"scholia/annotate/library"
)

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
	mark, marked, after := m.lib.UndoMark(), !m.panel.Editor.saving(), m.changes.undoAfter()
	type undone struct {
		what  string
		newer int
	}
	saveChange(m.changes, "Undoing…", func() (undone, error) {
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
	saveChange(m.changes, "Moving to the trash…", func() (struct{}, error) {
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
	saveChange(m.changes, "Restoring…", func() (*annotate.Annotation, error) {
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

func (m *MainWindow) followAnswer(linkID string) {
	a, err := m.lib.Annotation(linkID)
	if err != nil {
		m.showError(err)
		return
	}
	m.goTo(*a)
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

// tapped selects the annotation under a click in the panel.
func (m *MainWindow) tapped(pos int) {
	if a, ok := m.annotator.annotationAt(pos); ok {
		if !m.panel.Visible() {
			m.TogglePanel()
		}
		m.panel.Reveal(a.ID)
	}
}

// hovered shows the note of the passage under the pointer.
func (m *MainWindow) hovered(pos int, at fyne.Position) {
	a, ok := m.annotator.annotationAt(pos)
	m.overlay.hover(a, ok && pos >= 0, at)
}
