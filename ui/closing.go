package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"scholia/annotate"
)

// closing is how the window ends: Quit (the menu, Ctrl+Q, the window's
// close button) saves the panel's edits, waits for the changes still being
// saved (saving.go), records where the reader is and the window's state,
// and asks first when something typed would be lost.
type closing struct {
	app       fyne.App
	win       fyne.Window
	dialogs   *openDialogs
	status    *statusBar
	changes   *changes
	tasks     *tasks
	imports   *importer
	annotator *annotator // its note dialog may hold a note not saved
	reading   *readerPane
	pages     *pagePane
	panel     *AnnotationPanel
	list      *LibraryPanel
	frame     *frame
	state     *windowState

	unsaved      bool // the reader chose to quit losing an edit
	readingSaved bool // quitting has recorded where the reader is
}

// quit saves the panel's edits and the window's state and ends the app;
// when an edit cannot be saved it asks first. Changes still being saved
// are waited for, the window free meanwhile (saving.go).
func (c *closing) quit() {
	if c.savingFirst() {
		return
	}
	if err := c.panel.Editor.settle(); err != nil && !c.unsaved {
		c.confirmUnsaved(err)
		return
	}
	if !c.readingSaved {
		c.readingSaved = true
		if c.reading.saveReadingBeforeQuit(c.changes) {
			return
		}
	}
	c.stopTimers()
	c.saveState()
	c.win.Close()
	c.app.Quit()
}

// savingFirst says whether quitting must wait: while changes are still
// being saved the window quits once they are, unless one of them fails; a
// note typed in the note dialog and not saved is not thrown away without
// asking.
func (c *closing) savingFirst() bool {
	if c.changes.out > 0 {
		if c.imports.cancel != nil { // a folder import stops after the file under way
			c.imports.cancel()
		}
		c.changes.quitWhenSaved = true
		c.status.set("Saving before quitting…")
		return true
	}
	d := c.annotator.noteDialog
	if d == nil || !d.Open() || !d.typed() {
		return false
	}
	what := "note"
	if d.kind == annotate.KindQuestion {
		what = "question"
	}
	confirm := dialog.NewConfirm("Quit without saving the "+what+"?",
		fmt.Sprintf("The %s you are writing is not saved. Quit and lose it?", what),
		func(quit bool) {
			if quit {
				d.discard()
				c.quit()
				return
			}
			// After the events of this key press, as Keep editing does.
			c.dialogs.later(func() { c.win.Canvas().Focus(d.body) })
		}, c.win)
	confirm.SetConfirmText("Quit Anyway")
	confirm.SetDismissText("Keep Scholia Open")
	c.dialogs.show(confirm)
	return true
}

// confirmUnsaved asks before quitting with an edit that could not be
// saved.
func (c *closing) confirmUnsaved(err error) {
	d := dialog.NewConfirm("Quit without saving?",
		fmt.Sprintf("A change to a note could not be saved (%v). Quit and lose it?", err),
		func(quit bool) {
			if quit {
				c.unsaved = true
				c.quit()
			}
		}, c.win)
	d.SetConfirmText("Quit Anyway")
	d.SetDismissText("Keep Scholia Open")
	c.dialogs.show(d)
}

// stopTimers ends what would otherwise run after the window is gone.
func (c *closing) stopTimers() {
	c.reading.stop()
	c.pages.close()
	c.panel.Editor.stopTimer()
	// A save under way finishes before the window goes: at most one
	// save, milliseconds, and nothing of it touches the window after.
	c.panel.Editor.wait()
	// So does a task's work (its result is dropped): the library closes
	// after the window.
	c.tasks.waitWork()
}

// saveState remembers the window's size, splits, panel, theme, sort order
// and reading position.
func (c *closing) saveState() {
	size := c.win.Canvas().Size()
	if size.Width > 0 && size.Height > 0 {
		c.state.width, c.state.height = size.Width, size.Height
	}
	c.state.left, c.state.right = c.frame.left.Offset, c.frame.right.Offset
	c.state.panel = c.frame.panelOn
	c.state.order = c.list.Order()
	c.state.save(c.app.Preferences())
}
