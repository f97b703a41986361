package ui

import (
	"errors"
	"sync"

	"fyne.io/fyne/v2"

	"scholia/annotate"
	"scholia/annotate/library"
	"scholia/ui/reader"
)

// A change the reader makes to the library from the window (a highlight,
// a new note or question, Place here, Use as answer, the citation
// details, a deletion, a restore, an undo) is saved as a change task: off
// the UI goroutine, after the changes asked for before it, its result
// shown in the same order. The window says "Saved" only once the change
// is committed; quitting waits for the changes still being saved, and
// does not quit when one of them fails, so what it held is not lost.

// undoPoint is the undo mark the library held right after a change task's
// work: a Ctrl+Z pressed while that change is still being saved undoes
// up to it, whatever is saved after the press.
type undoPoint struct {
	mu   sync.Mutex
	done bool
	mark uint64
}

func (p *undoPoint) set(mark uint64) {
	p.mu.Lock()
	p.done, p.mark = true, mark
	p.mu.Unlock()
}

// pending says whether the change is not saved yet.
func (p *undoPoint) pending() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return !p.done
}

// value is the mark; only work that follows the change in its lane
// reads it.
func (p *undoPoint) value() uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.mark
}

// changes are the change tasks of the window: how many have not shown
// their result yet, the last one started, and whether quitting waits for
// them.
type changes struct {
	lib           *library.Library
	tasks         *tasks
	out           int        // change tasks whose result has not shown yet
	last          *undoPoint // the change task started last
	quitWhenSaved bool       // Quit waits for the changes being saved
	quit          func()
}

// saveChange runs work, a change to the library, as a change task, and
// then show on the UI goroutine; msg shows in the status bar should the
// change take longer than progressAfter.
func saveChange[T any](c *changes, msg string, work func() (T, error), show func(T, error)) {
	point := &undoPoint{}
	c.last = point
	counted(c, laneChange, msg, func() (T, error) {
		defer func() { point.set(c.lib.UndoMark()) }()
		return work()
	}, show)
}

// importing runs work, an import, as a task of the import lane (changes
// go on meanwhile), counted among the changes quitting waits for, and
// then show on the UI goroutine.
func importing[T any](c *changes, work func() (T, error), show func(T, error)) {
	counted(c, laneImport, "", work, show)
}

// counted runs work as a task of lane, counted among the changes quitting
// waits for: once the last shows, a quit asked for meanwhile goes on,
// unless one failed.
func counted[T any](c *changes, lane, msg string, work func() (T, error), show func(T, error)) {
	c.out++
	start(c.tasks, lane, msg, work, func(v T, err error) {
		c.out--
		if err != nil {
			c.quitWhenSaved = false
		}
		show(v, err)
		if c.out == 0 && c.quitWhenSaved {
			c.quitWhenSaved = false
			c.quit()
		}
	})
}

// changer is what a pane that changes the library works with: the
// library, the window's change tasks, the status bar and the dialogs that
// say how a change went, and the document on show.
type changer struct {
	lib     *library.Library
	win     fyne.Window
	guard   *crashGuard
	dialogs *openDialogs
	status  *statusBar
	changes *changes
	reader  *reader.Reader
}

// undoAfter is the change still being saved that a Ctrl+Z pressed now
// must undo up to, nil when every change is saved.
func (c *changes) undoAfter() *undoPoint {
	if c.out > 0 && c.last != nil && c.last.pending() {
		return c.last
	}
	return nil
}

// notSaved is the sentence a dialog shows when saving what it holds failed.
func notSaved(err error) string {
	if errors.Is(err, annotate.ErrNotSaved) {
		return capitalise(err.Error()) + ". What you typed stays here: Save tries again."
	}
	return "Not saved: " + err.Error() + ". What you typed stays here: Save tries again."
}
