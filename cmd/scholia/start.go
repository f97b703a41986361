package main

import (
	"time"

	"fyne.io/fyne/v2"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
	"scholia/ui"
)

// startCheck checks a library file before the window opens on it
// (library.OpenVerified). The window does not open while the check runs:
// a page tree with a cycle exhausts memory in bbolt before any recover,
// and the check must not share the window's process.
var startCheck library.Checker = cli.ChildCheck

// showDamaged is the damage window for the library at path, found
// damaged and set aside: restoring its backup or starting anew opens the
// main window on the library it stores in lib, served to command lines
// by the server it stores in served.
func showDamaged(a fyne.App, inv cli.Invocation, path string, damage *library.Damage, lib **library.Library, served **deskServer) fyne.Window {
	return ui.ShowDamage(a, damage, func(restore bool) error {
		if restore {
			if _, _, err := library.RestoreBackup(path, damage.Backup.Path, startCheck, time.Now()); err != nil {
				return err
			}
		}
		opened, err := library.OpenVerified(path, startCheck)
		if err != nil {
			return err
		}
		*lib = opened
		// The library changed under the name: what it names now is
		// shown, or said in the window.
		named, err := inv.Resolve(opened)
		w := showMain(a, opened, named)
		*served = serve(opened)
		(*served).attach(w)
		if err != nil {
			w.ShowMessage(err)
		}
		return nil
	})
}
