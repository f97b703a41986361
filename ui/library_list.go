package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// LibraryList is the list of documents: title, then source, import date and
// number of annotations.
type LibraryList struct {
	widget.BaseWidget
	docs   []library.Summary
	list   *widget.List
	onOpen func(id string)
	quiet  bool
}

// NewLibraryList builds an empty list; onOpen is called with the id of the
// document a person picks.
func NewLibraryList(onOpen func(id string)) *LibraryList {
	l := &LibraryList{onOpen: onOpen}
	l.list = widget.NewList(
		func() int { return len(l.docs) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(title, detail)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			d := l.docs[id]
			box.Objects[0].(*widget.Label).SetText(d.Title)
			box.Objects[1].(*widget.Label).SetText(detailLine(d))
		},
	)
	l.list.OnSelected = func(id widget.ListItemID) {
		if !l.quiet && id < len(l.docs) && l.onOpen != nil {
			l.onOpen(l.docs[id].ID)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// SetDocuments replaces the documents on show.
func (l *LibraryList) SetDocuments(docs []library.Summary) {
	l.docs = docs
	l.list.UnselectAll()
	l.list.Refresh()
}

// Len is the number of documents listed.
func (l *LibraryList) Len() int { return len(l.docs) }

// Titles lists the titles in the order shown.
func (l *LibraryList) Titles() []string {
	out := make([]string, len(l.docs))
	for i, d := range l.docs {
		out[i] = d.Title
	}
	return out
}

// Select marks the document with this id as chosen without opening it again.
func (l *LibraryList) Select(id string) {
	for i, d := range l.docs {
		if d.ID == id {
			l.quiet = true
			l.list.Select(i)
			l.quiet = false
			return
		}
	}
}

// Tap opens the document at row i, as a click does.
func (l *LibraryList) Tap(i int) { l.list.Select(i) }

// CreateRenderer draws the list.
func (l *LibraryList) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.list)
}

func detailLine(d library.Summary) string {
	where := d.Site
	if where == "" {
		where = d.Source
	}
	notes := "no notes"
	switch d.Annotations {
	case 0:
	case 1:
		notes = "1 note"
	default:
		notes = fmt.Sprintf("%d notes", d.Annotations)
	}
	return fmt.Sprintf("%s · %s · %s", d.Imported.Local().Format("2 Jan 2006"), notes, baseName(where))
}
