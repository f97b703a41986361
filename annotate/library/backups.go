package library

import (
	"time"

	"scholia/annotate/backup"
	"scholia/annotate/library/keeper"
	"scholia/annotate/library/repair"
	"scholia/annotate/store"
)

// OpenVerified is how the app opens a library: Verify first (see there),
// then Open with automatic backups (annotate/library/keeper): before a
// migration writes to an existing library (while Open waits), then in
// the background one at once when the library changed since its newest
// backup, and one every backup.Interval while it changes.
func OpenVerified(path string, check Checker) (*Library, error) {
	found, err := repair.Verify(path, backup.Checker(check), time.Now())
	if err != nil {
		return nil, err
	}
	k := keeper.New()
	s, err := store.OpenWith(path, func(s *store.Store) { k.Take(s, time.Now()) })
	if err != nil {
		return nil, err
	}
	if found == nil {
		// A new library where backups of an older one may lie: its own
		// first backup must exist before anything can compare with them.
		k.Take(s, time.Now())
	}
	ticker := time.NewTicker(backup.Interval)
	k.Start(s, ticker.C, ticker.Stop)
	return newLibrary(s, k), nil
}

// OpenVerifiedToRead is OpenVerified for a command that only reads the
// library: it is verified as there, and backed up before a migration
// writes to it, but not for changes made before nor on a schedule, so
// that reading never writes a backup (220 MB at 100,000 annotations).
func OpenVerifiedToRead(path string, check Checker) (*Library, error) {
	if _, err := repair.Verify(path, backup.Checker(check), time.Now()); err != nil {
		return nil, err
	}
	k := keeper.New()
	s, err := store.OpenWith(path, func(s *store.Store) { k.Take(s, time.Now()) })
	if err != nil {
		return nil, err
	}
	return newLibrary(s, nil), nil
}

// OnBackupProblem sets what is called (from another goroutine) when an
// automatic backup fails.
func (l *Library) OnBackupProblem(f func(error)) {
	if l.backups != nil {
		l.backups.OnProblem(f)
	}
}

// BackupProblem is why the latest automatic backup failed, nil when it
// did not (or the library keeps none).
func (l *Library) BackupProblem() error {
	if l.backups == nil {
		return nil
	}
	return l.backups.Problem()
}

// Backup backs the library up now: into the backups folder when dest is
// "" (unless it is unchanged since its newest backup, which is returned
// with wrote false), else to dest.
func (l *Library) Backup(dest string) (info BackupInfo, wrote bool, err error) {
	if dest == "" {
		return backup.Take(l.store, l.now(), false)
	}
	info, err = backup.Write(l.store, dest)
	info.Time = l.now()
	return info, err == nil, err
}
