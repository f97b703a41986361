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
func (m *MainWindow) askPasswords(paths []string) {
	if len(paths) == 0 {
		return
	}
	m.askPassword(paths[0], "", func() { m.askPasswords(paths[1:]) })
}

// askPassword asks for the password of a locked PDF: Open imports it off
// the UI goroutine with the password, which is kept nowhere; a wrong one
// says so and asks again; Cancel or Esc gives up on the file. next runs
// once the file is imported or given up.
func (m *MainWindow) askPassword(path, problem string, next func()) {
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
		m.setStatus("")
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
		m.importLocked(path, password, next)
	}
	entry.OnSubmitted = func(string) { open() }
	entry.onCancel = cancel
	openBtn := widget.NewButton("Open", open)
	openBtn.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Password needed", container.NewVBox(about, wrong, entry), m.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", cancel), openBtn})
	d.Resize(fyne.NewSize(480, 0))
	m.passwordEntry = entry
	m.dialogs.showWith(d.Show, cancel)
	m.win.Canvas().Focus(entry)
}

// importLocked imports a locked PDF with its password off the UI
// goroutine; a wrong password asks again.
func (m *MainWindow) importLocked(path, password string, next func()) {
	m.importing = "Opening " + filepath.Base(path) + "…"
	m.setStatus("")
	m.guard.goRun(func() {
		res, err := m.lib.ImportLocked(path, password)
		m.guard.do(func() {
			switch {
			case errors.Is(err, library.ErrPassword):
				m.importing = ""
				m.setStatus("")
				m.askPassword(path, "The password is wrong. Try again.", next)
			case err != nil:
				m.imported("", []string{capitalise(err.Error()) + "."})
				next()
			default:
				m.imported(res.Document.ID, nil)
				next()
			}
		})
	})
}
