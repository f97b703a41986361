package library

import (
	"context"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
)

// importable are the file endings a folder import picks up.
var importable = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".xhtml": true, ".epub": true, ".pdf": true}

// ImportableFiles lists the files under dir (recursively, hidden folders
// and files skipped) that Scholia can import, in path order.
func ImportableFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && importable[strings.ToLower(filepath.Ext(name))] {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// Failure is a file that could not be imported, and why.
type Failure struct {
	Path string
	Err  error
}

// Batch is what importing many files did.
type Batch struct {
	Imported  []Imported // new documents
	Existing  []Imported // already in the library
	Failed    []Failure
	Cancelled bool // stopped before the end; what was imported stays
}

// ImportAll imports files one by one, each in its own transaction,
// calling progress before each with how many are done. It stops between
// files when ctx is cancelled.
func (l *Library) ImportAll(ctx context.Context, paths []string, progress func(done, total int, path string)) Batch {
	var s Batch
	for i, p := range paths {
		if ctx.Err() != nil {
			s.Cancelled = true
			break
		}
		if progress != nil {
			progress(i, len(paths), p)
		}
		res, err := l.Import(p)
		switch {
		case err != nil:
			s.Failed = append(s.Failed, Failure{Path: p, Err: err})
		case res.Existing:
			s.Existing = append(s.Existing, res)
		default:
			s.Imported = append(s.Imported, res)
		}
	}
	if progress != nil && !s.Cancelled {
		progress(len(paths), len(paths), "")
	}
	return s
}
