package ui

import (
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// LibraryPanel is the list of documents on the left: a filter box, a sort
// order, and for each document its title, then site or source, import date
// and number of annotations.
type LibraryPanel struct {
	widget.BaseWidget
	// OnFiltered is called when the filter changes what is shown.
	OnFiltered func()
	// OnRemove is called with the id of a document to remove from the
	// library (the Delete key, a row's menu).
	OnRemove func(id string)

	all     []library.Summary
	shown   []library.Summary
	filter  *textBox
	order   *widget.Select
	list    *keyList
	rowMenu *fyne.Menu // the menu a right-click on a row showed last
	onOpen  func(id string)
	current string
	quiet   bool
}

// NewLibraryPanel builds an empty panel; onOpen is called with the id of
// the document a person picks.
func NewLibraryPanel(onOpen func(id string)) *LibraryPanel {
	l := &LibraryPanel{onOpen: onOpen}
	l.filter = newTextBox(false)
	l.filter.SetPlaceHolder("Filter documents…")
	l.filter.OnChanged = func(string) {
		l.apply()
		if l.OnFiltered != nil {
			l.OnFiltered()
		}
	}
	var orders []string
	for _, o := range library.Orders {
		orders = append(orders, "Sort: "+string(o))
	}
	l.order = widget.NewSelect(orders, nil)
	l.order.SetSelectedIndex(0)
	l.order.OnChanged = func(string) { l.apply() }
	l.list = newKeyList(
		func() int { return len(l.shown) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.SizeName = theme.SizeNameCaptionText
			return newDocRow(container.New(&tightColumn{}, title, detail), l.list, l.showRowMenu)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*docRow)
			row.id = id
			box := row.content.(*fyne.Container)
			d := l.shown[id]
			setLabel(box.Objects[0].(*widget.Label), d.Title)
			setLabel(box.Objects[1].(*widget.Label), detailLine(d))
		},
	)
	l.list.keys[fyne.KeyDelete] = func() { l.remove(l.current) }
	l.list.OnSelected = func(id widget.ListItemID) {
		if id >= len(l.shown) {
			return
		}
		l.current = l.shown[id].ID
		if !l.quiet && l.onOpen != nil {
			l.onOpen(l.current)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// CreateRenderer draws the panel.
func (l *LibraryPanel) CreateRenderer() fyne.WidgetRenderer {
	heading := widget.NewLabelWithStyle("Library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(heading, l.filter, l.order)
	return widget.NewSimpleRenderer(container.NewBorder(top, nil, nil, nil, l.list))
}

// SetDocuments replaces the documents, keeping the filter, order, the
// chosen document and the places of the documents listed: opening a
// document, from the list or anywhere else, or saving a change moves
// nothing under the pointer (in a list sorted by last opened the document
// opened would otherwise jump to the top, and the next click open
// another). New documents stand where the order puts them; the order
// applies to all again the next time the list is sorted or filtered.
func (l *LibraryPanel) SetDocuments(docs []library.Summary) {
	l.all = docs
	if len(l.shown) == 0 {
		l.apply()
		return
	}
	l.shown = keepPlaces(l.shown, library.Filter(l.all, l.filter.Text, library.Order(l.Order())))
	l.list.Refresh()
	l.markCurrent()
}

// SetAnnotationCount shows a new count of annotations for one document,
// redrawing only its row: after a save on the open document, the only
// thing of the list that changed (no order depends on it).
func (l *LibraryPanel) SetAnnotationCount(id string, n int) {
	for i := range l.all {
		if l.all[i].ID == id {
			l.all[i].Annotations = n
		}
	}
	for i := range l.shown {
		if l.shown[i].ID == id && l.shown[i].Annotations != n {
			l.shown[i].Annotations = n
			l.list.RefreshItem(i)
		}
	}
}

// keepPlaces orders sorted so that the documents also in before keep their
// order in before, and the others stand where sorted puts them.
func keepPlaces(before, sorted []library.Summary) []library.Summary {
	place := make(map[string]int, len(before))
	for i, d := range before {
		place[d.ID] = i
	}
	var kept []library.Summary
	for _, d := range sorted {
		if _, ok := place[d.ID]; ok {
			kept = append(kept, d)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return place[kept[i].ID] < place[kept[j].ID] })
	out := make([]library.Summary, 0, len(sorted))
	k := 0
	for _, d := range sorted {
		if _, ok := place[d.ID]; ok {
			out = append(out, kept[k])
			k++
		} else {
			out = append(out, d)
		}
	}
	return out
}

// SetOrder chooses the sort order by name ("title", "imported", ...).
func (l *LibraryPanel) SetOrder(name string) {
	for i, o := range library.Orders {
		if string(o) == name {
			l.order.SetSelectedIndex(i)
		}
	}
}

// Order is the chosen sort order's name.
func (l *LibraryPanel) Order() string {
	return strings.TrimPrefix(l.order.Selected, "Sort: ")
}

func (l *LibraryPanel) apply() {
	l.shown = library.Filter(l.all, l.filter.Text, library.Order(l.Order()))
	l.list.Refresh()
	l.markCurrent()
}

// Select marks the document with this id as chosen without opening it.
func (l *LibraryPanel) Select(id string) {
	l.current = id
	l.markCurrent()
}

func (l *LibraryPanel) markCurrent() {
	l.quiet = true
	defer func() { l.quiet = false }()
	for i, d := range l.shown {
		if d.ID == l.current {
			l.list.Select(i)
			return
		}
	}
	l.list.UnselectAll()
}

// opened marks documents opened now, in order (the last most recently),
// as the library records it, so sorting by last opened puts them first
// without reading the list again.
func (l *LibraryPanel) opened(ids ...string) {
	for _, id := range ids {
		now := time.Now()
		for i := range l.all {
			if l.all[i].ID == id {
				l.all[i].LastOpened = now
			}
		}
	}
}

// title is the title of the document with this id, "" when it is not
// listed.
func (l *LibraryPanel) title(id string) string {
	for _, d := range l.all {
		if d.ID == id {
			return d.Title
		}
	}
	return ""
}

// Len is the number of documents shown.
func (l *LibraryPanel) Len() int { return len(l.shown) }

// Tap opens the document at row i, as a click does.
func (l *LibraryPanel) Tap(i int) {
	l.list.UnselectAll()
	l.list.Select(i)
}

func detailLine(d library.Summary) string {
	where := d.Site
	switch {
	case where != "":
	case strings.HasPrefix(d.Source, "scholia:"):
		where = "Scholia guide"
	default:
		where = baseName(d.Source)
	}
	parts := []string{d.Imported.Local().Format("2 Jan 2006")}
	switch d.Annotations {
	case 0:
	default:
		parts = append(parts, plural(d.Annotations, "annotation"))
	}
	return strings.Join(append(parts, where), " · ")
}

// tightColumn stacks objects with no padding between them, so a title and
// its detail line read as one entry.
type tightColumn struct{}

func (tightColumn) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height - theme.Padding()
		o.Move(fyne.NewPos(0, y-theme.Padding()/2))
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		y += h
	}
}

func (tightColumn) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height - theme.Padding()
	}
	return fyne.NewSize(w, h)
}
