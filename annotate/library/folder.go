package library

import (
	"context"
)

// importable are the file endings a folder import picks up.
var importable = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".xhtml": true, ".epub": true, ".pdf": true}

// ImportableFiles lists the files under dir (recursively, hidden folders
// and files skipped) that a folder import imports, in path order: those
// ScanFolder does not leave out.
func ImportableFiles(dir string) ([]string, error) {
	s, err := ScanFolder(dir)
	return s.Files, err
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
