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
// stops between files, then says what happened. The channel closes when
// the summary shows.
func (im *importer) folder(dir string) <-chan struct{} {
	done := make(chan struct{})
	// Walking a big folder takes seconds: it runs off the UI goroutine.
	start(im.tasks, laneChange, "Looking for files in "+filepath.Base(dir)+"…", func() ([]string, error) {
		return library.ImportableFiles(dir)
	}, func(paths []string, err error) {
		im.status.set("")
		if err != nil || len(paths) == 0 {
			msg := fmt.Sprintf("%s holds no plain-text, Markdown, HTML, EPUB or PDF files.", dir)
			if err != nil {
				msg = capitalise(err.Error()) + "."
			}
			im.dialogs.inform("Nothing to import", msg, im.win)
			im.summary = msg
			close(done)
			return
		}
		im.importPaths(dir, paths, done)
	})
	return done
}

// importPaths imports a folder's files with the progress bar.
func (im *importer) importPaths(dir string, paths []string, done chan struct{}) {
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
		im.folderImported(batch)
	})
}

func (im *importer) folderImported(b library.Batch) {
	im.reload()
	if len(b.Imported) > 0 {
		im.open(b.Imported[len(b.Imported)-1].Document.ID, false)
	}
	var lines []string
	head := fmt.Sprintf("%s imported, %d already in the library, %d failed.", plural(len(b.Imported), "document"), len(b.Existing), len(b.Failed))
	if b.Cancelled {
		head = "Cancelled: " + head + " What was imported stays."
	}
	lines = append(lines, head)
	for _, f := range b.Failed {
		lines = append(lines, capitalise(f.Err.Error())+".")
	}
	im.summary = strings.Join(lines, "\n")
	title := "Import finished"
	if b.Cancelled {
		title = "Import cancelled"
	}
	im.showSummary(title, im.summary)
	im.status.set(head)
}

// showSummary shows what an import did in a dialog whose text wraps and
// scrolls when it is long.
func (im *importer) showSummary(title, text string) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(msg)
	lines := len(text)/70 + strings.Count(text, "\n") + 1
	scroll.SetMinSize(fyne.NewSize(520, min(float32(60+30*lines), 320)))
	im.dialogs.show(dialog.NewCustom(title, "Close", scroll, im.win))
}
