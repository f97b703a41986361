package library

import (
	"time"

	"scholia/annotate/backup"
	"scholia/annotate/library/repair"
	"scholia/annotate/store"
)

// What can be done to a library file by its path, before it is opened or
// while no one has it open: check it, list and restore its backups, find
// it damaged, compact it. The window and the command line reach these
// only through here.

// Report is what a check of a library file found: what it holds, and its
// problems (none when it is sound).
type Report = store.Report

// Counts are how many records of each kind a library file holds.
type Counts = store.Counts

// Checker checks a library file that may be damaged, where a fault
// cannot take the caller down (the app runs Check in a child process).
type Checker func(path string) (Report, error)

// Check reads every record of the library file at path and says what it
// holds and what is wrong with it, changing nothing. A fault in bbolt on
// a file cut short can take the process down: run it where that is
// allowed (see Checker).
func Check(path string) (Report, error) { return store.Check(path) }

// BackupInfo is one backup of a library: where it is, when it was taken
// and what it holds.
type BackupInfo = backup.Info

// Backups lists the backups of the library at path, newest first.
func Backups(path string) ([]BackupInfo, error) { return backup.List(path) }

// RestoreBackup puts the backup from (the newest when "") in place of the
// library at path, checked first with check; the library as it was is
// kept beside it, and its name returned ("" when there was none). It
// refuses while another Scholia has the library open.
func RestoreBackup(path, from string, check Checker, now time.Time) (restored BackupInfo, kept string, err error) {
	return backup.Restore(path, from, backup.Checker(check), now)
}

// Damage is a library found damaged before it was opened (see
// repair.Damage).
type Damage = repair.Damage

// Compacted is what a compaction did: the file's size before and after.
type Compacted = repair.Compacted

// Describe names a backup for a person: its time and what it holds.
func Describe(b BackupInfo) string { return repair.Describe(b) }

// Verify checks the library at path before it is opened (see
// repair.Verify): nil when there is no file, a *Damage when it was
// damaged and set aside.
func Verify(path string, check Checker, now time.Time) (*Report, error) {
	return repair.Verify(path, backup.Checker(check), now)
}

// Compact rewrites the library at path without the space deleted and
// replaced records left behind (see repair.Compact).
func Compact(path string, check Checker) (Compacted, error) {
	return repair.Compact(path, backup.Checker(check))
}
