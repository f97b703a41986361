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

// ShowImportFolderDialog lets the reader pick a folder and imports every
// plain-text, Markdown, HTML, EPUB and PDF file in it, recursively.
func (m *MainWindow) ShowImportFolderDialog() {
	d := dialog.NewFolderOpen(guard2(m.guard, func(u fyne.ListableURI, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if u != nil {
			m.ImportFolder(u.Path())
		}
	}), m.win)
	d.Resize(fyne.NewSize(760, 520))
	m.dialogs.show(d)
}

// ImportFolder imports a folder's files off the UI goroutine with a
// progress bar (n of N and the current file) and a Cancel button that
// stops between files, then says what happened. The channel closes when
// the summary shows.
func (m *MainWindow) ImportFolder(dir string) <-chan struct{} {
	done := make(chan struct{})
	// Walking a big folder takes seconds: it runs off the UI goroutine.
	start(m.tasks, laneChange, "Looking for files in "+filepath.Base(dir)+"…", func() ([]string, error) {
		return library.ImportableFiles(dir)
	}, func(paths []string, err error) {
		m.setStatus("")
		if err != nil || len(paths) == 0 {
			msg := fmt.Sprintf("%s holds no plain-text, Markdown, HTML, EPUB or PDF files.", dir)
			if err != nil {
				msg = capitalise(err.Error()) + "."
			}
			m.dialogs.inform("Nothing to import", msg, m.win)
			m.importSummary = msg
			close(done)
			return
		}
		m.importPaths(dir, paths, done)
	})
	return done
}

// importPaths imports a folder's files with the progress bar.
func (m *MainWindow) importPaths(dir string, paths []string, done chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	bar.Max = float64(len(paths))
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	progress := dialog.NewCustomWithoutButtons("Importing "+filepath.Base(dir), container.NewVBox(bar, label), m.win)
	progress.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", cancel)})
	progress.Resize(fyne.NewSize(520, 0))
	// Esc cancels, as the Cancel button does, and closes the progress at
	// once; the summary follows when the file being imported is done.
	m.dialogs.showWith(progress.Show, func() {
		cancel()
		progress.Hide()
	})
	m.cancelImport = cancel
	m.guard.goRun(func() {
		batch := m.lib.ImportAll(ctx, paths, func(n, total int, path string) {
			m.guard.do(func() {
				bar.SetValue(float64(n))
				text := fmt.Sprintf("%d of %d · %s", n, total, filepath.Base(path))
				if library.IsPDF(path) && !library.PDFReaderReady() {
					text += " · " + preparingPDF
				}
				label.SetText(text)
			})
		})
		m.guard.do(func() {
			defer close(done)
			progress.Hide()
			cancel()
			m.folderImported(batch)
		})
	})
}

// CancelImport stops a folder import between two files, as its Cancel
// button does.
func (m *MainWindow) CancelImport() {
	if m.cancelImport != nil {
		m.cancelImport()
	}
}

// ImportSummary is what the last folder import's summary said.
func (m *MainWindow) ImportSummary() string { return m.importSummary }

func (m *MainWindow) folderImported(b library.Batch) {
	m.Reload()
	if len(b.Imported) > 0 {
		m.OpenDocument(b.Imported[len(b.Imported)-1].Document.ID)
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
	m.importSummary = strings.Join(lines, "\n")
	title := "Import finished"
	if b.Cancelled {
		title = "Import cancelled"
	}
	m.showSummary(title, m.importSummary)
	m.setStatus(head)
}

// showSummary shows what an import did in a dialog whose text wraps and
// scrolls when it is long.
func (m *MainWindow) showSummary(title, text string) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(msg)
	lines := len(text)/70 + strings.Count(text, "\n") + 1
	scroll.SetMinSize(fyne.NewSize(520, min(float32(60+30*lines), 320)))
	m.dialogs.show(dialog.NewCustom(title, "Close", scroll, m.win))
}
