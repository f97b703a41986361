package ui

import (
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// preparingPDF is what the status bar says while the PDF reader starts.
const preparingPDF = "Preparing the PDF reader… (first time only)"

// askPasswords asks, one file after the other, for the passwords of PDFs
// locked with one, and imports each with it.
func (im *importer) askPasswords(paths []string) {
	if len(paths) == 0 {
		return
	}
	im.askPassword(paths[0], "", func() { im.askPasswords(paths[1:]) })
}

// askPassword asks for the password of a locked PDF: Open imports it off
// the UI goroutine with the password, which is kept nowhere; a wrong one
// says so and asks again; Cancel or Esc gives up on the file. next runs
// once the file is imported or given up.
func (im *importer) askPassword(path, problem string, next func()) {
	entry := newShortcutEntry(false)
	entry.Password = true
	entry.SetPlaceHolder("Password")
	about := widget.NewLabel(fmt.Sprintf("%s is locked with a password. Type it to open the PDF; Scholia does not keep it.", filepath.Base(path)))
	about.Wrapping = fyne.TextWrapWord
	wrong := widget.NewLabel(problem)
	wrong.Importance = widget.DangerImportance
	wrong.Hidden = problem == ""
	var d *dialog.CustomDialog
	closed := false
	cancel := func() {
		if closed {
			return
		}
		closed = true
		d.Hide()
		im.status.set("")
		next()
	}
	open := func() {
		if closed || entry.Text == "" {
			return
		}
		closed = true
		password := entry.Text
		entry.SetText("")
		d.Hide()
		im.importLocked(path, password, next)
	}
	entry.OnSubmitted = func(string) { open() }
	entry.onCancel = cancel
	openBtn := widget.NewButton("Open", open)
	openBtn.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Password needed", container.NewVBox(about, wrong, entry), im.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", cancel), openBtn})
	d.Resize(fyne.NewSize(480, 0))
	im.passwordEntry = entry
	im.dialogs.showWith(d.Show, cancel)
	im.win.Canvas().Focus(entry)
}

// importLocked imports a locked PDF with its password off the UI
// goroutine; a wrong password asks again.
func (im *importer) importLocked(path, password string, next func()) {
	im.status.importStarted("Opening " + filepath.Base(path) + "…")
	im.guard.goRun(func() {
		res, err := im.lib.ImportLocked(path, password)
		im.guard.do(func() {
			switch {
			case errors.Is(err, library.ErrPassword):
				im.status.importStarted("")
				im.askPassword(path, "The password is wrong. Try again.", next)
			case err != nil:
				im.imported("", []string{capitalise(err.Error()) + "."})
				next()
			default:
				im.imported(res.Document.ID, nil)
				next()
			}
		})
	})
}
