package backup

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"scholia/annotate"
	"scholia/annotate/store"
)

// Checker verifies a library file that may be damaged, where a fault
// cannot take the caller down (in a child process).
type Checker func(path string) (store.Report, error)

// Newest is the newest backup of library; ok is false when there is none.
func Newest(library string) (Info, bool) {
	list, err := List(library)
	if err != nil || len(list) == 0 {
		return Info{}, false
	}
	return list[0], true
}

// SetAside renames a damaged library to library.damaged-<time>, keeping
// its bytes as they are, and returns the new name.
func SetAside(library string, now time.Time) (string, error) {
	kept := Kept(library, "damaged", now)
	if err := os.Rename(library, kept); err != nil {
		return "", fmt.Errorf("cannot keep the damaged library %s aside: %w", library, err)
	}
	syncDir(filepath.Dir(library))
	return kept, nil
}

// Restore puts the backup from over library: from is checked first, the
// library (when there is one) is kept as library.before-restore, and the
// copy is renamed into place. An empty from means the newest backup. It
// returns the backup used and where the library was kept ("" when there
// was none). It refuses while another Scholia has the library open.
func Restore(library, from string, check Checker, now time.Time) (Info, string, error) {
	info, err := chooseBackup(library, from, check)
	if err != nil {
		return Info{}, "", err
	}
	unlock, err := lock(library)
	if err != nil {
		return Info{}, "", err
	}
	defer func() { unlock() }()
	tmp := library + ".restoring"
	if err := copyFile(info.Path, tmp); err != nil {
		_ = os.Remove(tmp)
		return Info{}, "", fmt.Errorf("cannot restore %s: %w", info.Path, err)
	}
	kept := ""
	if _, err := os.Stat(library); err == nil {
		kept = library + ".before-restore"
		if _, err := os.Stat(kept); err == nil {
			kept = Kept(library, "before-restore", now)
		}
		if err := os.Rename(library, kept); err != nil {
			_ = os.Remove(tmp)
			return Info{}, "", fmt.Errorf("cannot keep %s before restoring: %w", library, err)
		}
	}
	if err := os.Rename(tmp, library); err != nil {
		return Info{}, kept, fmt.Errorf("cannot restore %s: %w", info.Path, err)
	}
	syncDir(filepath.Dir(library))
	unlock()
	if err := TakeFile(library, now); err != nil {
		return info, kept, fmt.Errorf("the backup is restored, but backing up the restored library failed: %w", err)
	}
	return info, kept, nil
}

// TakeFile backs up the library file at path, when it differs from its
// newest backup: after it was replaced (restored, compacted), so the newest
// backup describes the file as it now is.
func TakeFile(path string, now time.Time) error {
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	_, _, err = Take(s, now, false)
	return errors.Join(err, s.Close())
}

// chooseBackup finds the backup to restore and checks it.
func chooseBackup(library, from string, check Checker) (Info, error) {
	var info Info
	if from == "" {
		newest, ok := Newest(library)
		if !ok {
			return Info{}, errNone(library)
		}
		info = newest
	} else if m, ok := readManifest(manifestPath(from)); ok {
		info = m
	} else {
		info = Info{Path: from}
	}
	r, err := check(info.Path)
	if err != nil {
		return Info{}, fmt.Errorf("cannot restore %s: %w", info.Path, err)
	}
	if len(r.Problems) > 0 {
		return Info{}, annotate.Problemf(annotate.ErrDamaged, "cannot restore %s: it is damaged too (%s)", info.Path, r.Problems[0])
	}
	info.Counts, info.TxID = r.Counts, r.TxID
	return info, nil
}

// copyFile copies src to dst and flushes dst to disk.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	return errors.Join(err, out.Close())
}

// syncDir flushes a folder's entries, so a rename survives a power cut.
// Some systems cannot sync a folder; the rename stands regardless.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
