package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// ShowDamage is the window shown instead of the library when the library
// was found damaged and set aside: what happened in plain sentences, and
// the way on. resume is called with true to restore the newest good
// backup, false to start an empty library; it opens the main window, or
// returns why it could not, which the window then shows.
func ShowDamage(app fyne.App, d *library.Damage, resume func(restore bool) error) fyne.Window {
	w := app.NewWindow("Scholia")
	title := widget.NewLabelWithStyle("Your library was damaged and has been set aside", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lines := fmt.Sprintf("Scholia found the library %s damaged: %s.\nThe damaged file is kept unchanged as %s.", d.Library, d.Reason, d.KeptAs)
	if d.Backup != nil {
		lines += fmt.Sprintf("\n\nThe newest good backup is of %s. Restoring it brings back everything saved up to then.", library.Describe(*d.Backup))
	} else {
		lines += "\n\nThere is no good backup to restore. Scholia can start a new, empty library; the damaged file stays where it is."
	}
	msg := widget.NewLabel(lines)
	msg.Wrapping = fyne.TextWrapWord
	problem := widget.NewLabel("")
	problem.Wrapping = fyne.TextWrapWord
	problem.Importance = widget.DangerImportance
	problem.Hide()
	act := func(restore bool) func() {
		return func() {
			if err := resume(restore); err != nil {
				problem.SetText(capitalise(err.Error()) + ".")
				problem.Show()
				return
			}
			w.Close()
		}
	}
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton("Quit", func() { app.Quit() }))
	fresh := widget.NewButton("Start an empty library", act(false))
	buttons.Add(fresh)
	if d.Backup != nil {
		restore := widget.NewButton("Restore the backup", act(true))
		restore.Importance = widget.HighImportance
		buttons.Add(restore)
	} else {
		fresh.Importance = widget.HighImportance
	}
	icon := container.NewVBox(widget.NewIcon(theme.WarningIcon()))
	body := container.NewBorder(title, buttons, icon, nil, container.NewVBox(msg, problem))
	w.SetContent(container.NewPadded(body))
	w.Resize(fyne.NewSize(620, 300))
	return w
}
