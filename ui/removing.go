package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// Removing a document (the File menu, the Delete key in the library list,
// a right-click on a row) moves it to the trash with its annotations in
// one transaction; Ctrl+Z brings it back (see annotate/library's
// removing.go).

// RemoveCurrent removes the document open in the reader.
func (m *MainWindow) RemoveCurrent() {
	if d := m.reader.Document(); d != nil {
		m.RemoveDocument(d.ID)
		return
	}
	m.setStatus("Open a document to remove it")
}

// RemoveDocument moves the document with this id to the trash, saving an
// edit under way first, off the UI goroutine; the reader is emptied if it
// showed it.
func (m *MainWindow) RemoveDocument(id string) {
	m.panel.Editor.flush()
	saveChange(m.changes, "Moving to the trash…", func() (*annotate.Document, error) {
		m.panel.Editor.saver.waitSaved()
		return m.lib.RemoveDocument(id)
	}, func(doc *annotate.Document, err error) {
		if err != nil {
			m.setStatus("")
			m.alerts.showError(err)
			return
		}
		if cur := m.reader.Document(); cur != nil && cur.ID == id {
			m.closeDocument()
		}
		m.library.saved("Removed “"+doc.Title+"” — Ctrl+Z brings it back", nil)
	})
}

// closeDocument empties the reader and the panel: the document shown is
// no longer in the library.
func (m *MainWindow) closeDocument() {
	m.reading.show(nil, 0, 0, nil)
	m.pages.documentShown(nil, 0)
	m.overlay.toolbar.Hide()
	m.overlay.tooltipBox.Hide()
	m.panel.Editor.Clear()
	m.panel.SetAnnotations(nil, nil)
	m.annotator.anns = nil
	m.library.list.Select("")
	m.win.SetTitle("Scholia")
}

// docList is a list whose Delete key removes the chosen row: the
// library's list of documents, the panel's list of annotations.
type docList struct {
	widget.List
	onDelete func()
}

func newDocList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *docList {
	l := &docList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey removes the chosen document on Delete, and moves through the
// list on the other keys as a list does.
func (l *docList) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyDelete && l.onDelete != nil {
		l.onDelete()
		return
	}
	l.List.TypedKey(k)
}

// docRow is one row of the library list: a click opens its document, as
// a list row does, and a right-click offers to open or remove it. (Taking
// the right-click, it takes the click too: the pointer goes to the
// topmost object that takes either.)
type docRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	id      widget.ListItemID
	list    *docList
	menu    func(id widget.ListItemID, at fyne.Position)
}

func newDocRow(content fyne.CanvasObject, list *docList, menu func(widget.ListItemID, fyne.Position)) *docRow {
	r := &docRow{content: content, list: list, menu: menu}
	r.ExtendBaseWidget(r)
	return r
}

// Tapped chooses the row and gives the list the keyboard focus, as a
// click on a list row does.
func (r *docRow) Tapped(*fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.list); c != nil {
		c.Focus(r.list)
	}
	r.list.Select(r.id)
}

// CreateRenderer draws the row's content.
func (r *docRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

// TappedSecondary shows the row's menu where the pointer is.
func (r *docRow) TappedSecondary(e *fyne.PointEvent) {
	if r.menu != nil {
		r.menu(r.id, e.AbsolutePosition)
	}
}

// showRowMenu shows, at the pointer, the menu of row i: Open, Remove
// from Library.
func (l *LibraryPanel) showRowMenu(i widget.ListItemID, at fyne.Position) {
	if i < 0 || i >= len(l.shown) {
		return
	}
	id := l.shown[i].ID
	c := fyne.CurrentApp().Driver().CanvasForObject(l.list)
	if c == nil {
		return
	}
	open := fyne.NewMenuItem("Open", func() { l.openID(id) })
	remove := fyne.NewMenuItem("Remove from Library", func() { l.remove(id) })
	l.rowMenu = fyne.NewMenu("", open, remove)
	widget.ShowPopUpMenuAtPosition(l.rowMenu, c, at)
}

// openID opens the listed document with this id, as a click on it does.
func (l *LibraryPanel) openID(id string) {
	for i, d := range l.shown {
		if d.ID == id {
			l.Tap(i)
			return
		}
	}
}

// remove asks the window to remove the document with this id.
func (l *LibraryPanel) remove(id string) {
	if l.OnRemove != nil && id != "" {
		l.OnRemove(id)
	}
}

// RowMenu is the menu a right-click on a row showed last, nil before any.
func (l *LibraryPanel) RowMenu() *fyne.Menu { return l.rowMenu }

// RightClick right-clicks row i at its top left, as the pointer does.
func (l *LibraryPanel) RightClick(i int) {
	l.showRowMenu(i, fyne.CurrentApp().Driver().AbsolutePositionForObject(l.list))
}
