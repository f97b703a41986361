package ui

import (
	"errors"
	"scholia/annotate"
	"scholia/annotate/library"

	"fyne.io/fyne/v2"
)

// backups says in the status bar what the library's backups do: one taken
// now from the menu, off the UI goroutine, and the automatic ones that
// failed.
type backups struct {
	lib       *library.Library
	tasks     *tasks
	guard     *crashGuard
	status    *statusBar
	showError func(error)
}

// now backs the library up into the backups folder beside it,
// unless it is unchanged since its newest backup, off the UI goroutine,
// and says which in the status bar.
func (b *backups) now() {
	type backedUp struct {
		info  library.BackupInfo
		wrote bool
	}
	start(b.tasks, laneChange, "Backing up…", func() (backedUp, error) {
		info, wrote, err := b.lib.Backup("")
		return backedUp{info, wrote}, err
	}, func(done backedUp, err error) {
		if err != nil {
			b.status.set("")
			b.showError(err)
			return
		}
		if done.wrote {
			b.status.set("Backed up: " + library.Describe(done.info))
		} else {
			b.status.set("Unchanged since the backup of " + library.Describe(done.info))
		}
	})
}

// failed says in the status bar that an automatic backup failed:
// the library itself is sound and saving goes on.
func (b *backups) failed(err error) {
	fyne.LogError("scholia", err)
	b.status.set("Backup failed: " + err.Error())
}

// problem is told, on the keeper's goroutine, that an automatic
// backup failed; a panic in it is logged as a crash.
func (b *backups) problem(err error) {
	var p *annotate.Panic
	if errors.As(err, &p) {
		b.guard.caught(p, nil)
		return
	}
	b.guard.do(func() { b.failed(err) })
}
