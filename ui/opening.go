package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"scholia/annotate/library"
)

// importExtensions are the files the Open dialog lists.
var importExtensions = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".epub", ".pdf"}

// showFileOpen asks for a file with one of exts and hands its path on.
func (im *importer) showFileOpen(exts []string, then func(path string)) {
	d := dialog.NewFileOpen(guard2(im.guard, func(f fyne.URIReadCloser, err error) {
		if err != nil {
			im.showError(err)
			return
		}
		if f == nil {
			return
		}
		path := f.URI().Path()
		_ = f.Close()
		then(path)
	}), im.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fyne.NewSize(760, 520))
	im.dialogs.show(d)
}

// IsAnnotationFile says whether a file holds annotations to import rather
// than a document: JSON (W3C, Hypothesis) or a Kindle clippings file.
func IsAnnotationFile(path string) bool {
	name := strings.ToLower(filepath.Base(path))
	switch filepath.Ext(name) {
	case ".json", ".jsonld":
		return true
	case ".txt":
		return strings.Contains(name, "clippings")
	}
	return false
}

// dropped imports files dragged onto the window; a folder is imported
// with everything in it.
func (im *importer) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		if fi, err := os.Stat(u.Path()); err == nil && fi.IsDir() {
			im.folder(u.Path())
			continue
		}
		if IsAnnotationFile(u.Path()) {
			im.annotations(u.Path())
			continue
		}
		paths = append(paths, u.Path())
	}
	im.files(paths)
}

// files imports files off the UI goroutine, then opens the last one
// that worked and reports those that did not, one sentence each. The
// channel closes once the window shows the result.
func (im *importer) files(paths []string) <-chan struct{} {
	done := make(chan struct{})
	if len(paths) == 0 {
		close(done)
		return done
	}
	im.status.importStarted(fmt.Sprintf("Importing %s…", plural(len(paths), "file")))
	im.guard.goRun(func() {
		var opened, note string
		var problems, locked []string
		for _, p := range paths {
			if library.IsPDF(p) && !library.PDFReaderReady() {
				im.guard.do(func() {
					im.status.importStarted(preparingPDF)
				})
			}
			res, err := im.lib.Import(p)
			if errors.Is(err, library.ErrPassword) {
				locked = append(locked, p)
				continue
			}
			if err != nil {
				problems = append(problems, capitalise(err.Error())+".")
				continue
			}
			opened = res.Document.ID
			if res.Revised {
				note = fmt.Sprintf("Updated to revision %d: %d annotations placed again, %d could not be placed", res.Document.Revision, res.Placed, res.Orphans)
			}
		}
		im.guard.do(func() {
			defer close(done)
			im.imported(opened, problems)
			if note != "" {
				im.status.set(note)
			}
			im.askPasswords(locked)
		})
	})
	return done
}

func (im *importer) imported(opened string, problems []string) {
	im.status.importStarted("")
	if opened != "" {
		im.open(opened, true)
	} else {
		im.reload()
	}
	im.problems = problems
	if len(problems) > 0 {
		title := "A file was not imported"
		if len(problems) > 1 {
			title = "Some files were not imported"
		}
		im.dialogs.inform(title, strings.Join(problems, "\n"), im.win)
	}
}
