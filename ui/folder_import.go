package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// showFolderDialog lets the reader pick a folder and imports every
// plain-text, Markdown, HTML, EPUB and PDF file in it, recursively.
func (im *importer) showFolderDialog() {
	d := dialog.NewFolderOpen(guard2(im.guard, func(u fyne.ListableURI, err error) {
		if err != nil {
			im.showError(err)
			return
		}
		if u != nil {
			im.folder(u.Path())
		}
	}), im.win)
	d.Resize(fyne.NewSize(760, 520))
	im.dialogs.show(d)
}

// folder imports a folder's files off the UI goroutine with a
// progress bar (n of N and the current file) and a Cancel button that
// stops between files, then says what happened, naming each file left
// out and why. The channel closes when the summary shows.
func (im *importer) folder(dir string) <-chan struct{} {
	done := make(chan struct{})
	// Walking a big folder takes seconds: it runs off the UI goroutine.
	start(im.tasks, laneChange, "Looking for files in "+filepath.Base(dir)+"…", func() (library.FolderScan, error) {
		return library.ScanFolder(dir)
	}, func(scan library.FolderScan, err error) {
		im.status.set("")
		if err != nil || len(scan.Files) == 0 {
			msg := fmt.Sprintf("%s holds no plain-text, Markdown, HTML, EPUB or PDF files.", dir)
			if err != nil {
				msg = capitalise(err.Error()) + "."
			}
			im.summary = strings.Join(append([]string{msg}, skippedLines(dir, scan.Skipped)...), "\n")
			im.showSummary("Nothing to import", im.summary)
			close(done)
			return
		}
		im.importPaths(dir, scan, done)
	})
	return done
}

// skippedLines name the files a folder import left out, relative to the
// folder, each with why: "photos/cover.png: image: not a document".
func skippedLines(dir string, skipped []library.Skipped) []string {
	if len(skipped) == 0 {
		return nil
	}
	lines := []string{"", "Skipped:"}
	for _, k := range skipped {
		rel, err := filepath.Rel(dir, k.Path)
		if err != nil {
			rel = k.Path
		}
		lines = append(lines, rel+": "+k.Why)
	}
	return lines
}

// importPaths imports a folder's files with the progress bar.
func (im *importer) importPaths(dir string, scan library.FolderScan, done chan struct{}) {
	paths := scan.Files
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	bar.Max = float64(len(paths))
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	progress := dialog.NewCustomWithoutButtons("Importing "+filepath.Base(dir), container.NewVBox(bar, label), im.win)
	progress.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", cancel)})
	progress.Resize(fyne.NewSize(520, 0))
	// Esc cancels, as the Cancel button does, and closes the progress at
	// once; the summary follows when the file being imported is done.
	im.dialogs.showWith(progress.Show, func() {
		cancel()
		progress.Hide()
	})
	im.cancel = cancel
	// A change task: quitting cancels it and waits for the file under way.
	importing(im.changes, func() (library.Batch, error) {
		return im.lib.ImportAll(ctx, paths, func(n, total int, path string) {
			im.guard.do(func() {
				bar.SetValue(float64(n))
				text := fmt.Sprintf("%d of %d · %s", n, total, filepath.Base(path))
				if library.IsPDF(path) && !library.PDFReaderReady() {
					text += " · " + preparingPDF
				}
				label.SetText(text)
			})
		}), nil
	}, func(batch library.Batch, _ error) {
		defer close(done)
		progress.Hide()
		cancel()
		im.cancel = nil
		im.folderImported(dir, batch, scan.Skipped)
	})
}

func (im *importer) folderImported(dir string, b library.Batch, skipped []library.Skipped) {
	im.reload()
	if len(b.Imported) > 0 {
		im.open(b.Imported[len(b.Imported)-1].Document.ID, false)
	}
	var lines []string
	head := fmt.Sprintf("%s imported, %d already in the library, %d failed, %d skipped.", plural(len(b.Imported), "document"), len(b.Existing), len(b.Failed), len(skipped))
	if b.Cancelled {
		head = "Cancelled: " + head + " What was imported stays."
	}
	lines = append(lines, head)
	for _, f := range b.Failed {
		lines = append(lines, capitalise(f.Err.Error())+".")
	}
	lines = append(lines, skippedLines(dir, skipped)...)
	im.summary = strings.Join(lines, "\n")
	title := "Import finished"
	if b.Cancelled {
		title = "Import cancelled"
	}
	im.showSummary(title, im.summary)
	im.status.set(head)
}
