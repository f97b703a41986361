package ui

import (
	"context"
	"errors"
	"fmt"
	"scholia/annotate"
	"scholia/annotate/library"

	"fyne.io/fyne/v2"
)

// annotationsPane is the right of the window: the annotations panel, with
// what it asks of the library. It moves an annotation to the trash and
// back, undoes the last change, saves the edits made in the panel, shows
// an annotation's passage and finds the notes matching its filter.
type annotationsPane struct {
	changer
	panel *AnnotationPanel
	tasks *tasks
	// saved and savedHere report a change saved and read what shows it
	// again (savedHere: only the open document's annotations); then
	// (may be nil) runs once it shows.
	saved, savedHere func(msg string, then func())
	showError        func(error)
	// openDocument shows a document (again: read it anew), then runs then.
	openDocument func(id string, again bool, then func())
}

// newAnnotationsPane builds the panel and has it call the pane.
func newAnnotationsPane(p *annotationsPane) *annotationsPane {
	p.panel = NewAnnotationPanel()
	p.panel.OnChosen = p.goTo
	p.panel.OnQuestion = func(q library.Question) { p.goTo(q.Annotation) }
	p.panel.OnRestore = p.restoreAnnotation
	p.panel.OnFilterText = p.matchInDocument
	p.panel.Editor.OnSave = p.commitEdit
	p.panel.Editor.OnSaved = p.editSaved
	p.panel.Editor.OnDelete = p.deleteAnnotation
	p.panel.Editor.OnFollow = p.followAnswer
	return p
}

// undo reverts the last change to an annotation: the one that was last
// when Ctrl+Z was pressed, even if a newer one is saved before the undo
// runs (behind a backup, say).
func (p *annotationsPane) undo() {
	p.panel.Editor.flush()
	// An edit still being saved was made before Ctrl+Z: the mark is taken
	// once it is saved.
	// So is a change still being saved from the window: the mark is the
	// one right after it.
	mark, marked, after := p.lib.UndoMark(), !p.panel.Editor.saver.running(), p.changes.undoAfter()
	type undone struct {
		what  string
		newer int
	}
	saveChange(p.changes, "Undoing…", func() (undone, error) {
		p.panel.Editor.saver.waitSaved()
		switch {
		case !marked:
			mark = p.lib.UndoMark()
		case after != nil:
			mark = after.value()
		}
		what, newer, err := p.lib.UndoStep(mark)
		return undone{what, newer}, err
	}, func(u undone, err error) {
		if errors.Is(err, library.ErrCannotUndo) {
			// The step is dropped: the next Ctrl+Z undoes the one before.
			p.saved(capitalise(err.Error()), nil)
			return
		}
		if err != nil {
			p.status.set("")
			p.showError(err)
			return
		}
		switch {
		case u.what == "":
			p.status.set("Nothing to undo")
		case u.newer == 1:
			p.saved("Undid "+u.what+"; the change made since stays", nil)
		case u.newer > 1:
			p.saved(fmt.Sprintf("Undid %s; the %d changes made since stay", u.what, u.newer), nil)
		default:
			p.saved("Undid "+u.what, nil)
		}
	})
}

func (p *annotationsPane) deleteAnnotation(id string) {
	p.panel.Editor.flush()
	saveChange(p.changes, "Moving to the trash…", func() (struct{}, error) {
		p.panel.Editor.saver.waitSaved()
		return struct{}{}, p.lib.DeleteAnnotation(id)
	}, func(_ struct{}, err error) {
		if err != nil {
			p.status.set("")
			p.showError(err)
			return
		}
		p.panel.Editor.forget(id)
		p.panel.Editor.Clear()
		p.saved("Moved to the trash · Ctrl+Z undoes", nil)
	})
}

func (p *annotationsPane) restoreAnnotation(id string) {
	p.panel.Editor.flush()
	saveChange(p.changes, "Restoring…", func() (*annotate.Annotation, error) {
		p.panel.Editor.saver.waitSaved()
		return p.lib.RestoreAnnotation(id)
	}, func(a *annotate.Annotation, err error) {
		if err != nil {
			p.status.set("")
			p.showError(err)
			return
		}
		p.saved("Restored · Ctrl+Z undoes", func() { p.panel.Reveal(a.ID) })
	})
}

// goTo shows an annotation's passage: its document, scrolled to it, flashing.
func (p *annotationsPane) goTo(a annotate.Annotation) {
	p.openDocument(a.DocID, false, func() {
		if a.Anchor != nil && !a.Orphan {
			p.reader.Reveal(a.Anchor.Start)
			p.reader.Flash(a.Anchor.Start, a.Anchor.End)
		}
		p.panel.Reveal(a.ID)
	})
}

func (p *annotationsPane) followAnswer(linkID string) {
	start(p.tasks, laneLookup, "Opening…", func() (*annotate.Annotation, error) {
		return p.lib.Annotation(linkID)
	}, func(a *annotate.Annotation, err error) {
		if err != nil {
			p.showError(err)
			return
		}
		p.goTo(*a)
	})
}

// matchInDocument finds the open document's annotations that match a
// search, for the panel's filter box, off the UI goroutine.
func (p *annotationsPane) matchInDocument(text string, show func(map[string]bool)) {
	doc := p.reader.Document()
	if doc == nil {
		show(map[string]bool{})
		return
	}
	query := "doc:" + doc.ID + " " + text
	start(p.tasks, laneFilter, "Filtering the notes…", func() ([]library.Hit, error) {
		return p.lib.Search(context.Background(), query, 10000)
	}, func(hits []library.Hit, err error) {
		p.status.set("")
		if err != nil {
			p.showError(err)
			return
		}
		ids := make(map[string]bool, len(hits))
		for _, h := range hits {
			ids[h.ID] = true
		}
		show(ids)
	})
}

// commitEdit saves an annotation edited in the panel; it runs off the UI
// goroutine.
func (p *annotationsPane) commitEdit(a annotate.Annotation) error {
	_, err := p.lib.UpdateAnnotation(a)
	return err
}

// editSaved shows how saving an edit went.
func (p *annotationsPane) editSaved(_ annotate.Annotation, err error) {
	if err == nil {
		p.savedHere("Saved", nil)
		return
	}
	fyne.LogError("saving an edit", err)
	p.status.set("Not saved")
	if !errors.Is(err, errCrashed) {
		p.dialogs.inform("Not saved", capitalise(err.Error())+". What you typed stays in the panel; it is saved again when you next change it.", p.win)
	}
}
