package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/interop"
)

// Scope is what an export holds.
type Scope int

// Export scopes.
const (
	ScopeDocument Scope = iota // the open document
	ScopeLibrary               // every annotated document
	ScopeSearch                // what the last search found
)

// ShowExportDialog asks for a format, a scope and a citation style, then
// for the file to write.
func (m *MainWindow) ShowExportDialog() {
	var formatNames, styleNames []string
	for _, f := range interop.Formats {
		formatNames = append(formatNames, f.Name())
	}
	for _, s := range interop.Styles {
		styleNames = append(styleNames, s.Name())
	}
	format := widget.NewSelect(formatNames, nil)
	format.SetSelected(m.state.export.Name())
	style := widget.NewSelect(styleNames, nil)
	style.SetSelected(m.state.citation.Name())
	// A choice made leaves the keys with the dialog, so Esc closes it.
	unfocus := func(string) { m.win.Canvas().Unfocus() }
	format.OnChanged, style.OnChanged = unfocus, unfocus

	scopes := []Scope{ScopeLibrary}
	labels := []string{"The whole library"}
	if d := m.reader.Document(); d != nil {
		scopes = append([]Scope{ScopeDocument}, scopes...)
		labels = append([]string{"This document: " + d.Title}, labels...)
	}
	if q := m.palette.Query(); q != "" {
		scopes = append(scopes, ScopeSearch)
		labels = append(labels, "The results of the search “"+q+"”")
	}
	scope := widget.NewRadioGroup(labels, nil)
	scope.SetSelected(labels[0])
	scope.OnChanged = unfocus
	form := widget.NewForm(
		widget.NewFormItem("Format", format),
		widget.NewFormItem("Annotations", scope),
		widget.NewFormItem("Citation style", style),
	)
	d := dialog.NewCustomConfirm("Export Annotations", "Choose File…", "Cancel", form, guard1(m.guard, func(ok bool) {
		if !ok {
			return
		}
		f := interop.Formats[max(format.SelectedIndex(), 0)]
		st := interop.Styles[max(style.SelectedIndex(), 0)]
		sc := scopes[max(slices.Index(labels, scope.Selected), 0)]
		m.state.export, m.state.citation = f, st
		m.chooseExportFile(f, sc, st)
	}), m.win)
	d.Resize(fyne.NewSize(560, 0))
	m.dialogs.show(d)
}

func (m *MainWindow) chooseExportFile(f interop.Format, sc Scope, st interop.Style) {
	save := dialog.NewFileSave(guard2(m.guard, func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		// A whole library's export takes seconds: it is written off the
		// UI goroutine, the status bar saying so meanwhile.
		write, err := m.exportJob(path, f, sc, st)
		if err != nil {
			m.ShowMessage(err)
			return
		}
		m.setStatus("Exporting to " + path + "…")
		m.guard.goRun(func() {
			n, err := write()
			m.guard.do(func() {
				if err != nil {
					m.setStatus("")
					m.ShowMessage(err)
					return
				}
				m.setStatus(fmt.Sprintf("Exported %s to %s", plural(n, "annotation"), path))
			})
		})
	}), m.win)
	name := "Scholia annotations"
	if d := m.reader.Document(); d != nil && sc == ScopeDocument {
		name = d.Title
	}
	save.SetFileName(safeFileName(name) + f.Ext())
	save.SetFilter(storage.NewExtensionFileFilter([]string{f.Ext()}))
	save.Resize(fyne.NewSize(760, 520))
	m.dialogs.show(save)
}

// Export writes the annotations of a scope to path in a format; it
// returns how many it wrote.
func (m *MainWindow) Export(path string, f interop.Format, sc Scope, st interop.Style) (int, error) {
	write, err := m.exportJob(path, f, sc, st)
	if err != nil {
		return 0, err
	}
	return write()
}

// exportJob reads what a scope names (the open document, the palette's
// query) on the UI goroutine and returns the writing, which may run off
// it. A search's, a document's or the whole library's annotations are
// written as they are read, one document at a time.
func (m *MainWindow) exportJob(path string, f interop.Format, sc Scope, st interop.Style) (func() (int, error), error) {
	switch sc {
	case ScopeDocument:
		d := m.reader.Document()
		if d == nil {
			return nil, fmt.Errorf("no document is open")
		}
		return func() (int, error) { return m.lib.ExportDocumentsFile(path, f, []string{d.ID}, st) }, nil
	case ScopeSearch:
		query := m.palette.Query()
		return func() (int, error) { return m.lib.ExportSearchFile(context.Background(), path, f, query, st) }, nil
	}
	return func() (int, error) { return m.lib.ExportDocumentsFile(path, f, nil, st) }, nil
}

// safeFileName keeps a title usable as a file name.
func safeFileName(title string) string {
	title = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, title)
	title = strings.TrimSpace(title)
	if len([]rune(title)) > 80 {
		title = string([]rune(title)[:80])
	}
	if title == "" {
		return "annotations"
	}
	return title
}
