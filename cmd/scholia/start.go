package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
	"scholia/ui"
)

// startCheck checks a library file; a test binary sets it to hold the
// check while it looks at the window.
var startCheck library.Checker = cli.ChildCheck

// openLibrary opens the library for the window once its check has passed
// (library.OpenVerified); checked says so at once. Opening it while the
// check runs (library.OpenChecking) was tried and left: a damaged file
// could crash the window closing for the damage window, and a page tree
// with a cycle exhausts memory in bbolt before any recover.
func openLibrary(path string) (*library.Library, <-chan error, error) {
	lib, err := library.OpenVerified(path, startCheck)
	checked := make(chan error, 1)
	checked <- nil
	return lib, checked, err
}

// awaitCheck waits off the UI goroutine for the check of the library the
// window w shows. A check that found damage closes w for the damage
// window, exactly as damage found before the window opened; one that
// could not run closes it for the sentence saying why. Nothing was written
// to the library either way: its writes waited for the check.
func awaitCheck(a fyne.App, w *ui.MainWindow, checked <-chan error, damaged func(*library.Damage) fyne.Window) {
	go func() {
		err := <-checked
		if err == nil {
			return
		}
		fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
		fyne.Do(func() {
			var damage *library.Damage
			if errors.As(err, &damage) {
				damaged(damage).Show()
			} else {
				ui.ShowStartupError(a, err).Show()
			}
			w.Window().Close()
		})
	}()
}

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
