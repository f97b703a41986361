package ui

import (
	"path/filepath"
	"strings"

	"scholia/annotate/library"
)

// annotationFileExtensions are the files "Import Annotations…" offers.
var annotationFileExtensions = []string{".json", ".jsonld", ".txt"}

// showAnnotationsDialog lets the reader pick a file of annotations
// (W3C JSON-LD, Hypothesis JSON, Kindle clippings) to import.
func (im *importer) showAnnotationsDialog() {
	im.showFileOpen(annotationFileExtensions, func(path string) { im.annotations(path) })
}

// annotations imports a file of annotations as a change task (quitting
// waits for it), then says what happened in the status bar and a dialog.
// The channel closes once the window shows the result.
func (im *importer) annotations(path string) <-chan struct{} {
	done := make(chan struct{})
	im.status.set("Importing annotations from " + filepath.Base(path) + "…")
	importing(im.changes, func() (library.AnnotationsImported, error) {
		return im.lib.ImportAnnotations(path)
	}, func(res library.AnnotationsImported, err error) {
		defer close(done)
		if err != nil {
			im.status.set("")
			im.dialogs.inform("Scholia", capitalise(err.Error())+".", im.win)
			return
		}
		im.status.set(strings.TrimSuffix(res.Summary(), "."))
		im.reload()
		im.showSummary("Annotations imported", res.Summary())
	})
	return done
}
