package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// ShowRemovedDocuments lists the documents in the trash, read off the UI
// goroutine, each with Bring Back and Delete for Good.
func (m *MainWindow) ShowRemovedDocuments() {
	start(m.tasks, laneChange, "Reading the trash…", m.lib.RemovedDocuments, func(removed []library.RemovedDocument, err error) {
		if err != nil {
			m.setStatus("")
			m.alerts.showError(err)
			return
		}
		m.setStatus("")
		m.showRemoved(removed)
	})
}

func (m *MainWindow) showRemoved(removed []library.RemovedDocument) {
	var d dialog.Dialog
	rows := container.NewVBox()
	if len(removed) == 0 {
		rows.Add(widget.NewLabel("No document is in the trash."))
	}
	for _, r := range removed {
		title := widget.NewLabelWithStyle(r.Document.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		detail := fmt.Sprintf("removed %s", r.RemovedAt.Local().Format("2 Jan 2006 15:04"))
		if n := r.Annotations + r.Trashed; n > 0 {
			detail += " · " + plural(n, "annotation")
		}
		id, name := r.Document.ID, r.Document.Title
		back := widget.NewButton("Bring Back", func() {
			d.Hide()
			m.bringBack(id)
		})
		purge := widget.NewButton("Delete for Good…", func() {
			d.Hide()
			m.confirmPurge(id, name)
		})
		rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(back, purge),
			container.New(&tightColumn{}, title, widget.NewLabel(detail))))
	}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(560, min(float32(max(len(removed), 1))*64, 400)))
	d = dialog.NewCustom("Removed Documents", "Close", scroll, m.win)
	m.dialogs.show(d)
}

// bringBack brings a removed document back with its annotations and
// opens it.
func (m *MainWindow) bringBack(id string) {
	saveChange(m.changes, "Bringing it back…", func() (string, error) {
		doc, err := m.lib.RestoreDocument(id)
		if err != nil {
			return "", err
		}
		return doc.Title, nil
	}, func(title string, err error) {
		if err != nil {
			m.setStatus("")
			m.alerts.showError(err)
			return
		}
		m.library.saved("Brought back “"+title+"” with its annotations — Ctrl+Z removes it again", nil)
	})
}

// confirmPurge asks before deleting a removed document for good.
func (m *MainWindow) confirmPurge(id, title string) {
	c := dialog.NewConfirm("Delete for good?",
		"“"+title+"” and its annotations will be deleted for good: no undo brings them back.",
		func(ok bool) {
			if !ok {
				return
			}
			saveChange(m.changes, "Deleting…", func() (struct{}, error) { return struct{}{}, m.lib.PurgeDocument(id) },
				func(_ struct{}, err error) {
					if err != nil {
						m.setStatus("")
						m.alerts.showError(err)
						return
					}
					m.library.saved("Deleted “"+title+"” for good", nil)
				})
		}, m.win)
	c.SetConfirmText("Delete for Good")
	c.SetDismissText("Keep It")
	m.dialogs.show(c)
}
