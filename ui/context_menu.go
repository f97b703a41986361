package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// contextMenu is the menu a right click opens on the text: on the
// selection, what the selection toolbar offers; on an annotation's
// passage, what can be done to it (colour, note, question, copy, delete).
type contextMenu struct {
	an    *annotator
	notes *annotationsPane
	// showPanel shows the annotations panel, when hidden.
	showPanel func()
	shown     *fyne.Menu // the menu last shown
	popUp     *widget.PopUpMenu
}

// show opens the menu of the text at pos where the pointer is, at (on the
// canvas): the selection's when pos is in it, else the menu of the
// annotation under the pointer, if any.
func (c *contextMenu) show(pos int, at fyne.Position) {
	cv := fyne.CurrentApp().Driver().CanvasForObject(c.an.reader)
	if cv == nil {
		return
	}
	c.an.overlay.tooltipBox.Hide() // the menu says what the note would
	if s, e := c.an.reader.Selection(); s != e && pos >= s && pos <= e {
		c.shown = c.selectionMenu()
	} else if a, ok := c.an.annotationAt(pos); ok {
		c.shown = c.annotationMenu(a)
	} else {
		return
	}
	c.popUp = widget.NewPopUpMenu(c.shown, cv)
	c.popUp.ShowAtPosition(at)
}

// colours is a menu item per highlight colour.
func colours(pick func(annotate.Colour)) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, col := range annotate.Colours {
		items = append(items, fyne.NewMenuItem(capitalise(string(col)), func() { pick(col) }))
	}
	return items
}

// selectionMenu is the selection toolbar's actions, and copying.
func (c *contextMenu) selectionMenu() *fyne.Menu {
	an := c.an
	highlight := fyne.NewMenuItem("Highlight", nil)
	highlight.ChildMenu = fyne.NewMenu("", colours(an.HighlightIn)...)
	items := []*fyne.MenuItem{highlight,
		fyne.NewMenuItem("Note…", an.AddNote),
		fyne.NewMenuItem("Question…", an.AddQuestion)}
	if an.answering != "" {
		items = append(items, fyne.NewMenuItem("Use as Answer", an.UseAsAnswer))
	}
	items = append(items, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Copy", an.reader.Copy),
		fyne.NewMenuItem("Copy with Citation", an.CopyWithCitation))
	return fyne.NewMenu("", items...)
}

// annotationMenu is what can be done to a: change its colour, write its
// note, ask a question on its passage, copy the passage (with its
// citation), move it to the trash.
func (c *contextMenu) annotationMenu(a annotate.Annotation) *fyne.Menu {
	an := c.an
	onPassage := func(do func()) func() {
		return func() {
			an.reader.Select(a.Anchor.Start, a.Anchor.End)
			do()
		}
	}
	// copying leaves the selection as it was.
	copying := func(do func()) func() {
		return func() {
			s, e := an.reader.Selection()
			onPassage(do)()
			an.reader.Select(s, e)
		}
	}
	colour := fyne.NewMenuItem("Colour", nil)
	colour.ChildMenu = fyne.NewMenu("", colours(func(col annotate.Colour) { c.recolour(a.ID, col) })...)
	return fyne.NewMenu("", colour,
		fyne.NewMenuItem("Note…", func() { c.editNote(a.ID) }),
		fyne.NewMenuItem("Question…", onPassage(an.AddQuestion)),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Copy", copying(an.reader.Copy)),
		fyne.NewMenuItem("Copy with Citation", copying(an.CopyWithCitation)),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Delete", func() { c.notes.deleteAnnotation(a.ID) }))
}

// editNote shows the annotation in the panel's editor, its note box
// taking the keys.
func (c *contextMenu) editNote(id string) {
	if c.showPanel != nil {
		c.showPanel()
	}
	p := c.an.panel
	p.Reveal(id)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(p.Editor); cv != nil && p.Editor.ID() == id {
		cv.Focus(p.Editor.body)
	}
}

// recolour gives an annotation another colour, once the panel's edits are
// saved; Ctrl+Z undoes it.
func (c *contextMenu) recolour(id string, col annotate.Colour) {
	an := c.an
	an.panel.Editor.flush()
	saveChange(an.changes, "Recolouring…", func() (struct{}, error) {
		an.panel.Editor.saver.waitSaved()
		a, err := an.lib.Annotation(id)
		if err != nil {
			return struct{}{}, err
		}
		a.Colour = col
		_, err = an.lib.UpdateAnnotation(*a)
		return struct{}{}, err
	}, func(_ struct{}, err error) {
		if err != nil {
			an.status.set("")
			an.showError(err)
			return
		}
		an.savedHere("Made "+string(col)+" · Ctrl+Z undoes", nil)
	})
}
