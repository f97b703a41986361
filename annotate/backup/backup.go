// Package backup keeps copies of a library in a backups folder beside it:
// each written to a temporary file, verified by opening and checking it,
// then renamed into place with a manifest of what it holds. It also puts a
// damaged library aside and restores a backup over the library.
package backup

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"scholia/annotate"
	"scholia/annotate/store"
)

// Retention: the newest KeepNewest backups, plus the newest of each of the
// last KeepDays days.
const (
	KeepNewest = 10
	KeepDays   = 7
)

// Interval is how often a library being changed is backed up.
const Interval = 10 * time.Minute

// stamp names backups and kept files by time; it sorts as time does.
const stamp = "20060102-150405.000"

// Info is one backup as its manifest describes it.
type Info struct {
	Path string    `json:"-"`
	Time time.Time `json:"time"`
	// TxID is the library's last transaction in the copy: the library has
	// not changed since while its own id is the same.
	TxID int   `json:"txid"`
	Size int64 `json:"size"`
	store.Counts
}

// Dir is the folder that holds a library's backups.
func Dir(library string) string { return filepath.Join(filepath.Dir(library), "backups") }

// prefix starts the name of every backup of library: two libraries in one
// folder keep apart.
func prefix(library string) string {
	base := filepath.Base(library)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// named says whether a file name is one of library's backups (ext ".db")
// or manifests (".json"): its prefix, a time stamp, ext. The backups of
// library-2.db, beside library.db, are not library.db's.
func named(library, name, ext string) bool {
	stamped, ok := strings.CutPrefix(name, prefix(library))
	if !ok {
		return false
	}
	stamped, ok = strings.CutSuffix(stamped, ext)
	_, err := time.Parse(stamp, stamped)
	return ok && err == nil
}

// Write copies the open library to dest: into a temporary file beside
// dest, flushed to disk, opened and checked, then renamed. dest is either
// the whole good copy or untouched.
func Write(s *store.Store, dest string) (Info, error) {
	dir := filepath.Dir(dest)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Info{}, fmt.Errorf("cannot back up to %s: %w", dest, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return Info{}, fmt.Errorf("cannot back up to %s: %w", dest, err)
	}
	defer os.Remove(tmp.Name())
	wrote, err := s.CopyTo(tmp)
	if err == nil {
		err = fsync(tmp)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Info{}, fmt.Errorf("cannot back up to %s: %w", dest, err)
	}
	if err := verify(tmp.Name(), wrote); err != nil {
		return Info{}, fmt.Errorf("cannot back up to %s: %w", dest, err)
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return Info{}, fmt.Errorf("cannot back up to %s: %w", dest, err)
	}
	syncDir(dir)
	fi, err := os.Stat(dest)
	if err != nil {
		return Info{}, err
	}
	return Info{Path: dest, TxID: wrote.TxID, Size: fi.Size(), Counts: wrote.Counts}, nil
}

// verify opens a copy just written and checks every page and record, and
// that it holds what was copied.
func verify(path string, wrote store.Report) error {
	got, err := store.CheckLettingGo(path) // in the app's process, which the copy must not swell
	switch {
	case err != nil:
		return err
	case len(got.Problems) > 0:
		return fmt.Errorf("the copy fails its check (%s)", got.Problems[0])
	case got.Counts != wrote.Counts:
		return fmt.Errorf("the copy holds %d records instead of %d", got.Total(), wrote.Total())
	}
	return nil
}

// taking lets one Take at a time list, write and prune: the keeper's and
// one asked for would otherwise prune each other's unfinished backups.
// Only the process holding the library takes its backups.
var taking sync.Mutex

// Take backs up the open library into Dir when it changed since the
// newest backup (force: whatever), then applies the retention. It says
// whether it wrote one. Backups are ordered by time: one taken with a clock
// behind the newest is stamped just after it.
func Take(s *store.Store, now time.Time, force bool) (Info, bool, error) {
	taking.Lock()
	defer taking.Unlock()
	removeUnfinished(s.Path(), now)
	list, err := List(s.Path())
	if err != nil {
		return Info{}, false, err
	}
	if !force && len(list) > 0 && list[0].TxID == s.TxID() {
		return list[0], false, nil
	}
	if len(list) > 0 && !now.After(list[0].Time) {
		now = list[0].Time.Add(time.Millisecond)
	}
	name := prefix(s.Path()) + now.UTC().Format(stamp) + ".db"
	info, err := Write(s, filepath.Join(Dir(s.Path()), name))
	if err != nil {
		return Info{}, false, err
	}
	info.Time = now
	if err := writeManifest(info); err != nil {
		return Info{}, false, err
	}
	return info, true, Prune(s.Path(), now)
}

func manifestPath(backup string) string { return strings.TrimSuffix(backup, ".db") + ".json" }

// writeManifest writes what a backup holds beside it, by the same
// temporary file, flushed to disk, then renamed and the folder flushed: a
// backup without a manifest is unfinished, and a manifest is whole once
// it bears its name, even after a crash.
func writeManifest(info Info) error {
	data, err := json.MarshalIndent(info, "", "  ")
	if err != nil {
		return err
	}
	dest := manifestPath(info.Path)
	tmp := dest + ".tmp"
	if err := writeSynced(tmp, data); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("cannot back up to %s: %w", info.Path, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("cannot back up to %s: %w", info.Path, err)
	}
	syncDir(filepath.Dir(dest))
	return nil
}

// fsync flushes a file to disk (a variable so a test can see it fail).
var fsync = (*os.File).Sync

// writeSynced writes data to a new file at path and flushes it to disk.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = fsync(f)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// List returns the finished backups of library, newest first.
func List(library string) ([]Info, error) {
	entries, err := os.ReadDir(Dir(library))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the backups of %s: %w", library, err)
	}
	var out []Info
	for _, e := range entries {
		name := e.Name()
		if !named(library, name, ".json") {
			continue
		}
		info, ok := readManifest(filepath.Join(Dir(library), name))
		if ok {
			out = append(out, info)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// readManifest reads one manifest; a backup whose manifest or file is
// missing or unreadable is not a backup.
func readManifest(path string) (Info, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Info{}, false
	}
	var info Info
	if json.Unmarshal(data, &info) != nil {
		return Info{}, false
	}
	info.Path = strings.TrimSuffix(path, ".json") + ".db"
	if _, err := os.Stat(info.Path); err != nil {
		return Info{}, false
	}
	return info, true
}

// Prune deletes the backups retention does not keep, and the files of
// backups that were never finished.
func Prune(library string, now time.Time) error {
	list, err := List(library)
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	days := map[string]bool{}
	oldest := now.AddDate(0, 0, -KeepDays)
	for i, b := range list {
		day := b.Time.Local().Format("2006-01-02")
		if i < KeepNewest || (!days[day] && b.Time.After(oldest)) {
			keep[b.Path] = true
		}
		days[day] = true
	}
	entries, err := os.ReadDir(Dir(library))
	if err != nil {
		return err
	}
	removeUnfinished(library, now)
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(Dir(library), name)
		if !named(library, name, ".db") {
			continue
		}
		if !keep[path] {
			_ = os.Remove(manifestPath(path))
			_ = os.Remove(path)
		}
	}
	return nil
}

// started is when this process started: a temporary file of a backup
// older than it was left by a process cut off (killed, or ended by a
// closed pipe, as `scholia list | head` does) before it finished.
var started = time.Now()

// unfinished says whether a folder entry is the temporary file of one of
// library's backups or manifests cut off before this process started, or
// over an hour ago. Only the process holding the library takes its
// backups.
func unfinished(e os.DirEntry, library string, now time.Time) bool {
	name, ok := strings.CutSuffix(e.Name(), ".tmp")
	if !ok {
		return false
	}
	if dotted, ok := strings.CutPrefix(name, "."); ok { // .<backup>.db.<random>.tmp
		i := strings.LastIndexByte(dotted, '.')
		ok = i > 0 && named(library, dotted[:i], ".db")
		if !ok {
			return false
		}
	} else if !named(library, name, ".json") { // <manifest>.json.tmp
		return false
	}
	fi, err := e.Info()
	return err == nil && (fi.ModTime().Before(started) || now.Sub(fi.ModTime()) > time.Hour)
}

// removeUnfinished removes the temporary files of library's backups that
// were never finished.
func removeUnfinished(library string, now time.Time) {
	entries, _ := os.ReadDir(Dir(library))
	for _, e := range entries {
		if unfinished(e, library, now) {
			_ = os.Remove(filepath.Join(Dir(library), e.Name()))
		}
	}
}

// Kept names a file kept beside the library: library.db.damaged-<time>.
func Kept(library, why string, now time.Time) string {
	return library + "." + why + "-" + now.UTC().Format(stamp)
}

// errNone is returned when a library has no backup to restore.
func errNone(library string) error {
	return annotate.Problemf(annotate.ErrNotFound, "the library %s has no backups in %s", library, Dir(library))
}
