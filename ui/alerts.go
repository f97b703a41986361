package ui

import (
	"errors"
	"scholia/annotate"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// alerts tell the person what went wrong: a crash caught, in the status
// bar and a dialog, one at a time; an error in a dialog.
type alerts struct {
	win       fyne.Window
	guard     *crashGuard
	dialogs   *openDialogs
	setStatus func(string)
	showing   bool // the crash dialog is showing
}

// crash says in the status bar and in a dialog that something went
// wrong and where the details are; one dialog at a time.
func (a *alerts) crash(sentence string) {
	a.setStatus(sentence)
	if a.showing {
		return
	}
	d := dialog.NewInformation("Something went wrong", sentence, a.win)
	d.SetOnClosed(func() { a.showing = false })
	a.showing = true
	a.dialogs.message(d)
}

// showError tells the reader what went wrong in a dialog; a save that
// failed also says so in the status bar, where it stays until the next
// change is saved.
func (a *alerts) showError(err error) {
	var p *annotate.Panic
	if errors.As(err, &p) {
		a.guard.caught(p, nil)
		return
	}
	fyne.LogError("scholia", err)
	if errors.Is(err, annotate.ErrNotSaved) {
		a.setStatus("Not saved")
		a.dialogs.inform("Not saved", capitalise(err.Error())+".", a.win)
		return
	}
	a.dialogs.message(dialog.NewError(err, a.win))
}
