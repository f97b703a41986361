package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/library"
	"scholia/ui/reader"
)

// trash is the window's side of removing documents: Remove from Library
// (the File menu, the Delete key in the library list, a right-click on a
// row) moves one to the trash with its annotations in one transaction,
// Ctrl+Z bringing it back (see annotate/library's removing.go); Removed
// Documents lists the trash, each with Bring Back and Delete for Good.
type trash struct {
	lib       *library.Library
	win       fyne.Window
	tasks     *tasks
	changes   *changes
	dialogs   *openDialogs
	status    *statusBar
	reader    *reader.Reader // holds the document on show
	editor    *AnnotationEditor
	showError func(error)
	// saved reports a committed change and reads the library again.
	saved func(msg string, then func())
	// closeDocument empties the reader: the document shown left.
	closeDocument func()
	// open shows a document in the reader.
	open func(id string)
}

// removeCurrent removes the document open in the reader.
func (t *trash) removeCurrent() {
	if d := t.reader.Document(); d != nil {
		t.remove(d.ID)
		return
	}
	t.status.set("Open a document to remove it")
}

// remove moves the document with this id to the trash, saving an edit
// under way first, off the UI goroutine; the reader is emptied if it
// showed it.
func (t *trash) remove(id string) {
	t.editor.flush()
	saveChange(t.changes, "Moving to the trash…", func() (*annotate.Document, error) {
		t.editor.saver.waitSaved()
		return t.lib.RemoveDocument(id)
	}, func(doc *annotate.Document, err error) {
		if err != nil {
			t.failed(err)
			return
		}
		if cur := t.reader.Document(); cur != nil && cur.ID == id {
			t.closeDocument()
		}
		t.saved("Removed “"+doc.Title+"” — Ctrl+Z brings it back", nil)
	})
}

// failed clears the status bar's progress and says what went wrong.
func (t *trash) failed(err error) {
	t.status.set("")
	t.showError(err)
}

// show lists the documents in the trash, read off the UI goroutine, each
// with Bring Back and Delete for Good.
func (t *trash) show() {
	start(t.tasks, laneChange, "Reading the trash…", t.lib.RemovedDocuments, func(removed []library.RemovedDocument, err error) {
		if err != nil {
			t.failed(err)
			return
		}
		t.status.set("")
		t.list(removed)
	})
}

func (t *trash) list(removed []library.RemovedDocument) {
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
			t.bringBack(id)
		})
		purge := widget.NewButton("Delete for Good…", func() {
			d.Hide()
			t.confirmPurge(id, name)
		})
		rows.Add(container.NewBorder(nil, nil, nil, container.NewHBox(back, purge),
			container.New(&tightColumn{}, title, widget.NewLabel(detail))))
	}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(560, min(float32(max(len(removed), 1))*64, 400)))
	d = dialog.NewCustom("Removed Documents", "Close", scroll, t.win)
	t.dialogs.show(d)
}

// bringBack brings a removed document back with its annotations: the
// library list shows it again.
func (t *trash) bringBack(id string) {
	saveChange(t.changes, "Bringing it back…", func() (string, error) {
		doc, err := t.lib.RestoreDocument(id)
		if err != nil {
			return "", err
		}
		return doc.Title, nil
	}, func(title string, err error) {
		if err != nil {
			t.failed(err)
			return
		}
		t.saved("Brought back “"+title+"” with its annotations — Ctrl+Z removes it again", func() {
			if t.reader.Document() == nil {
				t.open(id) // the reader stood empty: it shows what came back
			}
		})
	})
}

// confirmPurge asks before deleting a removed document for good.
func (t *trash) confirmPurge(id, title string) {
	c := dialog.NewConfirm("Delete for good?",
		"“"+title+"” and its annotations will be deleted for good: no undo brings them back.",
		func(ok bool) {
			if !ok {
				return
			}
			saveChange(t.changes, "Deleting…", func() (struct{}, error) { return struct{}{}, t.lib.PurgeDocument(id) },
				func(_ struct{}, err error) {
					if err != nil {
						t.failed(err)
						return
					}
					t.saved("Deleted “"+title+"” for good", nil)
				})
		}, t.win)
	c.SetConfirmText("Delete for Good")
	c.SetDismissText("Keep It")
	t.dialogs.show(c)
}
