package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/library"
)

// MainWindow is Scholia's window: the library list on the left, the open
// document on the right, a status line below.
type MainWindow struct {
	win    fyne.Window
	lib    *library.Library
	list   *LibraryList
	view   *DocumentView
	status *widget.Label
}

// NewMainWindow builds the window on an open library.
func NewMainWindow(app fyne.App, lib *library.Library) *MainWindow {
	m := &MainWindow{win: app.NewWindow("Scholia"), lib: lib}
	m.view = NewDocumentView()
	m.list = NewLibraryList(m.OpenDocument)
	m.status = widget.NewLabel("")
	m.status.Truncation = fyne.TextTruncateEllipsis
	split := container.NewHSplit(m.list, m.view)
	split.Offset = 0.28
	m.win.SetContent(container.NewBorder(nil, m.status, nil, nil, split))
	m.win.Resize(fyne.NewSize(1100, 720))
	m.Reload()
	return m
}

// Window is the Fyne window.
func (m *MainWindow) Window() fyne.Window { return m.win }

// Reload reads the document list from the library again.
func (m *MainWindow) Reload() {
	docs, err := m.lib.Documents()
	if err != nil {
		m.showError(err)
		return
	}
	m.list.SetDocuments(docs)
	m.status.SetText(statusLine(len(docs), m.lib.Path()))
}

// OpenDocument shows the document with this id.
func (m *MainWindow) OpenDocument(id string) {
	doc, err := m.lib.Document(id)
	if err != nil {
		m.showError(err)
		return
	}
	m.view.SetDocument(doc)
	m.list.Select(id)
	m.win.SetTitle(doc.Title + " — Scholia")
}

// List is the library list.
func (m *MainWindow) List() *LibraryList { return m.list }

// View is the document view.
func (m *MainWindow) View() *DocumentView { return m.view }

// Status is what the status bar says.
func (m *MainWindow) Status() string { return m.status.Text }

// Current is the document on show, or nil.
func (m *MainWindow) Current() *annotate.Document { return m.view.Document() }

// ShowMessage tells the reader about a mistake (an unreadable file) in a
// dialog with one plain sentence.
func (m *MainWindow) ShowMessage(err error) {
	dialog.ShowInformation("Scholia", err.Error(), m.win)
}

func (m *MainWindow) showError(err error) {
	fyne.LogError("scholia", err)
	dialog.ShowError(err, m.win)
}

// ShowStartupError shows one sentence in a window of its own when the
// library cannot be opened, so starting from a desktop menu still explains
// what went wrong.
func ShowStartupError(app fyne.App, err error) fyne.Window {
	w := app.NewWindow("Scholia")
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", func() { app.Quit() })
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(quit), nil, nil, msg)))
	w.Resize(fyne.NewSize(520, 160))
	return w
}
