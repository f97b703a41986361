package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// docRow is one row of the library list: a click opens its document, as
// a list row does, and a right-click offers to open or remove it. (Taking
// the right-click, it takes the click too: the pointer goes to the
// topmost object that takes either.)
type docRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	id      widget.ListItemID
	list    *keyList
	menu    func(id widget.ListItemID, at fyne.Position)
}

func newDocRow(content fyne.CanvasObject, list *keyList, menu func(widget.ListItemID, fyne.Position)) *docRow {
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
