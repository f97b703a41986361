// Package repair finds a library file damaged before it is opened, sets
// it aside and names the backup to bring back, and compacts a sound one.
// It works on the file by its path, never on an open library.
package repair

import (
	"errors"
	"fmt"
	"os"
	"time"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/store"
)

// Damage is a library found damaged before it was opened. Its file has
// been set aside unchanged; Backup is the newest backup that checks clean,
// nil when there is none.
type Damage struct {
	Library string
	KeptAs  string
	Reason  string
	Backup  *backup.Info
}

// Error says in one sentence what happened and what to do, naming
// `scholia restore` for the command line; the window offers a button.
func (d *Damage) Error() string {
	s := fmt.Sprintf("the library %s is damaged: %s; it was kept unchanged as %s", d.Library, d.Reason, d.KeptAs)
	if d.Backup == nil {
		return s + ", and there is no good backup to restore, so a new library is started on the next run"
	}
	return s + fmt.Sprintf(", and its newest good backup, of %s, can be brought back with scholia restore", Describe(*d.Backup))
}

// Unwrap makes a Damage an annotate.ErrDamaged.
func (d *Damage) Unwrap() error { return annotate.ErrDamaged }

// Describe names a backup for a person: its time and what it holds.
func Describe(b backup.Info) string {
	return fmt.Sprintf("%s (%s, %s)", when(b),
		annotate.Count(b.Documents, "document"), annotate.Count(b.Annotations, "annotation"))
}

// Verify checks the library at path before it is opened, with check
// running where a fault in bbolt cannot take this process down, and
// returns what the check found: nil when there is no file (a new library).
// A locked file is ErrLocked. A damaged one (0 bytes, failing the check,
// holding no records while its newest backup holds some, or an older
// transaction than that backup: a meta page lost) is set aside and a
// *Damage returned. Restoring, compacting and starting anew each take a
// backup at once, so a file that legitimately starts over is never
// mistaken for one gone back.
func Verify(path string, check backup.Checker, now time.Time) (*store.Report, error) {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && fi.IsDir()) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open the library %s: %w", path, err)
	}
	r := store.Report{Problems: []string{"it is empty (0 bytes)"}}
	if fi.Size() > 0 {
		if r, err = check(path); err != nil {
			return nil, err
		}
	}
	return Judge(path, r, check, now)
}

// Judge is Verify given the check of the file at path, made while nothing
// wrote to it: the report back when the file is sound, else the file set
// aside and a *Damage.
func Judge(path string, checked store.Report, check backup.Checker, now time.Time) (*store.Report, error) {
	r := &checked
	reason := diagnose(path, *r)
	if reason == "" {
		return r, nil
	}
	kept, err := backup.SetAside(path, now)
	if err != nil {
		return nil, err
	}
	return nil, &Damage{Library: path, KeptAs: kept, Reason: reason, Backup: goodBackup(path, check)}
}

// diagnose says what is wrong with a library file, given its check, ""
// when nothing is.
func diagnose(path string, r store.Report) string {
	if len(r.Problems) > 0 {
		return r.Problems[0]
	}
	newest, ok := backup.Newest(path)
	switch {
	case !ok:
	case r.Total() == 0 && newest.Total() > 0 && r.Purged == newest.Purged: // not emptied from the trash
		return fmt.Sprintf("it holds no records, but its backup of %s holds %d", when(newest), newest.Total())
	case r.TxID < newest.TxID:
		return fmt.Sprintf("it went back to a state older than its backup of %s", when(newest))
	}
	return ""
}

func when(b backup.Info) string { return b.Time.Local().Format("2 Jan 2006 15:04") }

// goodBackup is the newest backup that checks clean.
func goodBackup(path string, check backup.Checker) *backup.Info {
	list, err := backup.List(path)
	if err != nil {
		return nil
	}
	for _, b := range list {
		if r, err := check(b.Path); err == nil && len(r.Problems) == 0 {
			return &b
		}
	}
	return nil
}
