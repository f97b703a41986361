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

// importExtensions are the files the open dialog offers.
var importExtensions = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".epub", ".pdf"}

// ShowOpenDialog lets the reader pick a file to import and open.
func (m *MainWindow) ShowOpenDialog() {
	m.showFileOpen(importExtensions, func(path string) { m.ImportFiles([]string{path}) })
}

// showFileOpen asks for a file with one of exts and hands its path on.
func (m *MainWindow) showFileOpen(exts []string, then func(path string)) {
	d := dialog.NewFileOpen(guard2(m.guard, func(f fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if f == nil {
			return
		}
		path := f.URI().Path()
		_ = f.Close()
		then(path)
	}), m.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fyne.NewSize(760, 520))
	m.dialogs.show(d)
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
func (m *MainWindow) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		if fi, err := os.Stat(u.Path()); err == nil && fi.IsDir() {
			m.ImportFolder(u.Path())
			continue
		}
		if IsAnnotationFile(u.Path()) {
			m.ImportAnnotations(u.Path())
			continue
		}
		paths = append(paths, u.Path())
	}
	m.ImportFiles(paths)
}

// ImportFiles imports files off the UI goroutine, then opens the last one
// that worked and reports those that did not, one sentence each. The
// channel closes once the window shows the result.
func (m *MainWindow) ImportFiles(paths []string) <-chan struct{} {
	done := make(chan struct{})
	if len(paths) == 0 {
		close(done)
		return done
	}
	m.importing = fmt.Sprintf("Importing %s…", plural(len(paths), "file"))
	m.setStatus("")
	m.guard.goRun(func() {
		var opened, note string
		var problems, locked []string
		for _, p := range paths {
			if library.IsPDF(p) && !library.PDFReaderReady() {
				m.guard.do(func() {
					m.importing = preparingPDF
					m.setStatus("")
				})
			}
			res, err := m.lib.Import(p)
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
		m.guard.do(func() {
			defer close(done)
			m.imported(opened, problems)
			if note != "" {
				m.setStatus(note)
			}
			m.askPasswords(locked)
		})
	})
	return done
}

func (m *MainWindow) imported(opened string, problems []string) {
	m.importing = ""
	m.setStatus("")
	if opened != "" {
		m.openDocument(opened, true, nil)
	} else {
		m.Reload()
	}
	m.problems = problems
	if len(problems) > 0 {
		title := "A file was not imported"
		if len(problems) > 1 {
			title = "Some files were not imported"
		}
		m.dialogs.inform(title, strings.Join(problems, "\n"), m.win)
	}
}
