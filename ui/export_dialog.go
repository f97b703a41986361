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
	"scholia/annotate/library"
	"scholia/ui/reader"
)

// Scope is what an export holds.
type Scope int

// Export scopes.
const (
	ScopeDocument Scope = iota // the open document
	ScopeLibrary               // every annotated document
	ScopeSearch                // what the last search found
)

// exporter writes annotations to a file: the open document's, the whole
// library's or a search's, in a format and citation style it remembers.
type exporter struct {
	lib     *library.Library
	win     fyne.Window
	guard   *crashGuard
	dialogs *openDialogs
	status  *statusBar
	state   *windowState   // remembers the format and style chosen
	reader  *reader.Reader // the open document
	palette *SearchPalette // the search last made
	// showError tells what went wrong; showMessage tells about a mistake
	// in one plain sentence.
	showError, showMessage func(error)
}

// show asks for a format, a scope and a citation style, then
// for the file to write.
func (x *exporter) show() {
	var formatNames, styleNames []string
	for _, f := range interop.Formats {
		formatNames = append(formatNames, f.Name())
	}
	for _, s := range interop.Styles {
		styleNames = append(styleNames, s.Name())
	}
	format := widget.NewSelect(formatNames, nil)
	format.SetSelected(x.state.export.Name())
	style := widget.NewSelect(styleNames, nil)
	style.SetSelected(x.state.citation.Name())
	// A choice made leaves the keys with the dialog, so Esc closes it.
	unfocus := func(string) { x.win.Canvas().Unfocus() }
	format.OnChanged, style.OnChanged = unfocus, unfocus

	scopes := []Scope{ScopeLibrary}
	labels := []string{"The whole library"}
	if d := x.reader.Document(); d != nil {
		scopes = append([]Scope{ScopeDocument}, scopes...)
		labels = append([]string{"This document: " + trimQuote(d.Title, 48)}, labels...)
	}
	if q := x.palette.Query(); q != "" {
		scopes = append(scopes, ScopeSearch)
		labels = append(labels, "The results of the search “"+trimQuote(q, 32)+"”")
	}
	scope := widget.NewRadioGroup(labels, nil)
	scope.SetSelected(labels[0])
	scope.OnChanged = unfocus
	form := widget.NewForm(
		widget.NewFormItem("Format", format),
		widget.NewFormItem("Annotations", scope),
		widget.NewFormItem("Citation style", style),
	)
	d := dialog.NewCustomConfirm("Export Annotations", "Choose File…", "Cancel", form, guard1(x.guard, func(ok bool) {
		if !ok {
			return
		}
		f := interop.Formats[max(format.SelectedIndex(), 0)]
		st := interop.Styles[max(style.SelectedIndex(), 0)]
		sc := scopes[max(slices.Index(labels, scope.Selected), 0)]
		x.state.export, x.state.citation = f, st
		x.chooseExportFile(f, sc, st)
	}), x.win)
	d.Resize(fyne.NewSize(560, 0))
	x.dialogs.show(d)
}

func (x *exporter) chooseExportFile(f interop.Format, sc Scope, st interop.Style) {
	save := dialog.NewFileSave(guard2(x.guard, func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			x.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		// A whole library's export takes seconds: it is written off the
		// UI goroutine, the status bar saying so meanwhile.
		write, err := x.exportJob(path, f, sc, st)
		if err != nil {
			x.showMessage(err)
			return
		}
		x.status.set("Exporting to " + path + "…")
		x.guard.goRun(func() {
			n, err := write()
			x.guard.do(func() {
				if err != nil {
					x.status.set("")
					x.showMessage(err)
					return
				}
				x.status.set(fmt.Sprintf("Exported %s to %s", plural(n, "annotation"), path))
			})
		})
	}), x.win)
	name := "Scholia annotations"
	if d := x.reader.Document(); d != nil && sc == ScopeDocument {
		name = d.Title
	}
	save.SetFileName(safeFileName(name) + f.Ext())
	save.SetFilter(storage.NewExtensionFileFilter([]string{f.Ext()}))
	save.Resize(fyne.NewSize(760, 520))
	x.dialogs.show(save)
}

// export writes the annotations of a scope to path in a format; it
// returns how many it wrote.
func (x *exporter) export(path string, f interop.Format, sc Scope, st interop.Style) (int, error) {
	write, err := x.exportJob(path, f, sc, st)
	if err != nil {
		return 0, err
	}
	return write()
}

// exportJob reads what a scope names (the open document, the palette's
// query) on the UI goroutine and returns the writing, which may run off
// it. A search's, a document's or the whole library's annotations are
// written as they are read, one document at a time.
func (x *exporter) exportJob(path string, f interop.Format, sc Scope, st interop.Style) (func() (int, error), error) {
	switch sc {
	case ScopeDocument:
		d := x.reader.Document()
		if d == nil {
			return nil, fmt.Errorf("no document is open")
		}
		return func() (int, error) { return x.lib.Exports().DocumentsFile(path, f, []string{d.ID}, st) }, nil
	case ScopeSearch:
		query := x.palette.Query()
		return func() (int, error) { return x.lib.Exports().SearchFile(context.Background(), path, f, query, st) }, nil
	}
	return func() (int, error) { return x.lib.Exports().DocumentsFile(path, f, nil, st) }, nil
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
