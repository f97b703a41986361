package ui

import (
	"scholia/ui/reader"

	"fyne.io/fyne/v2"
)

// editing are the Edit menu's Undo, Copy and Select All: they act in the
// text box that has the keyboard focus, else on the reader's selection and
// the annotations' last change.
type editing struct {
	win    fyne.Window
	reader *reader.Reader
	status *statusBar
	notes  *annotationsPane
}

// focusedEntry is the text box with the keyboard focus, if any: Copy and
// Select All act there rather than in the reader.
func (c *editing) focusedEntry() fyne.Shortcutable {
	f := c.win.Canvas().Focused()
	if f == nil || f == fyne.Focusable(c.reader.Page()) {
		return nil
	}
	s, _ := f.(fyne.Shortcutable)
	return s
}

// undo reverts the last change to an annotation, or the typing in a text
// box that has the focus. The change reverted is the one that was last
// when Ctrl+Z was pressed, even if a newer one is saved before the undo
// runs (behind a backup, say).
func (c *editing) undo() {
	if e := c.focusedEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	c.notes.undo()
}

// copy copies the reader's selection, or the text box's when one has the
// focus.
func (c *editing) copy() {
	if e := c.focusedEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: fyne.CurrentApp().Clipboard()})
		return
	}
	c.reader.Copy()
	if s, e := c.reader.Selection(); s != e {
		c.status.set("Copied " + plural(e-s, "character"))
	}
}

// selectAll selects the whole document, or the text box's text.
func (c *editing) selectAll() {
	if e := c.focusedEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
		return
	}
	c.reader.SelectAll()
}
