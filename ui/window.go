package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/library"
	"scholia/ui/reader"
)

// MainWindow is Scholia's window: the library on the left, the reader in
// the middle, the annotations panel on the right, a status line below.
type MainWindow struct {
	app     fyne.App
	win     fyne.Window
	lib     *library.Library
	library *libraryPane
	reading *readerPane
	pages   *pagePane      // the page view of a PDF
	reader  *reader.Reader // the reading pane's reader, for the annotating code
	notes   *annotationsPane
	edits   *editing
	cites   *citations
	panel   *AnnotationPanel // the annotations pane's panel
	status  *statusBar
	imports *importer
	backups *backups
	exports *exporter
	frame   *frame
	state   windowState
	help    *helpSheet
	history *history // the places jumped from, for Back and Forward

	annotator *annotator
	overlay   *overlay
	menu      *contextMenu // the right click's menu on the text
	palette   *SearchPalette
	guard     *crashGuard
	dialogs   *openDialogs
	alerts    *alerts
	tasks     *tasks // what runs off the UI goroutine for the window
	changes   *changes
	display   *display // what shows of the library, and the open document
	trash     *trash   // removing documents, and the trash's dialog
	closing   *closing // quitting
}

// NewMainWindow builds the window on an open library, restoring the
// window's size, splits, theme and the document last read.
func NewMainWindow(app fyne.App, lib *library.Library) *MainWindow {
	m := &MainWindow{app: app, win: app.NewWindow("Scholia"), lib: lib}
	m.alerts = &alerts{win: m.win, setStatus: m.setStatus}
	m.guard = newCrashGuard(m.alerts.crash)
	m.tasks = newTasks(m.guard, m.setStatus)
	m.dialogs = newOpenDialogs(m.win.Canvas(), m.guard.do)
	m.alerts.guard, m.alerts.dialogs = m.guard, m.dialogs
	m.changes = &changes{lib: lib, tasks: m.tasks, quit: func() { m.closing.quit() }}
	m.state = loadState(app.Preferences())
	applyTheme(app, m.state.theme)

	m.reading = newReaderPane(lib, m.tasks, m.guard)
	m.reading.scrolled = func() {
		if m.pages.showing() {
			m.pages.readerMoved()
			return
		}
		m.overlay.tooltipBox.Hide() // the text under the note moved
		if m.overlay.toolbar.Visible() {
			m.overlay.place()
		}
	}
	m.reader = m.reading.reader
	m.reading.settings = newReadingSettings(app.Preferences(), m.reader)
	m.reader.OnUnhandledKey = m.typedKey
	m.reader.OnTapped = m.tapped
	m.status = newStatusBar(m.statusCounts)
	m.library = &libraryPane{list: NewLibraryPanel(m.openPicked), lib: lib, tasks: m.tasks, guard: m.guard, status: m.status,
		reader: m.reader, questionsWanted: func() questionSet { return m.panel.questionsWanted() }, showError: m.alerts.showError}
	m.library.list.OnFiltered = func() { m.setStatus("") }
	m.history = readerHistory(m.reader, m.library.openDocument, func(id string) bool { return m.library.list.title(id) != "" })
	m.reading.leaving, m.library.leaving = m.history.leaving, m.history.leaving
	if m.state.order != "" {
		m.library.list.SetOrder(m.state.order)
	}
	ch := changer{lib: lib, win: m.win, guard: m.guard, dialogs: m.dialogs, status: m.status, changes: m.changes, reader: m.reader}
	m.notes = newAnnotationsPane(&annotationsPane{changer: ch, tasks: m.tasks,
		saved: m.library.saved, savedHere: m.library.savedHere, showError: m.alerts.showError, openDocument: func(id string, again bool, then func()) {
			m.history.leaving()
			m.library.openDocument(id, again, then)
		}})
	m.panel = m.notes.panel
	m.edits = &editing{win: m.win, reader: m.reader, status: m.status, notes: m.notes}
	m.panel.OnQuestionsShown = func() { m.library.refreshing(m.library.listStale, nil) }
	m.annotator = &annotator{changer: ch, app: app, state: &m.state, panel: m.panel,
		saved: m.library.saved, savedHere: m.library.savedHere, showError: m.alerts.showError, colour: annotate.Yellow}
	a := m.annotator
	m.overlay = newOverlay(m.reader, a.HighlightIn, a.AddNote, a.AddQuestion, a.UseAsAnswer)
	m.dialogs.opening = m.overlay.tooltipBox.Hide
	a.overlay = m.overlay
	m.overlay.setStatus, m.overlay.annotationAt = m.setStatus, a.annotationAt
	m.pages = newPagePane(lib, m.tasks, m.guard, m.reader, m.overlay, m.setStatus, m.tapped)
	m.pages.view.OnUnhandledKey, m.pages.view.OnRune, m.pages.canvas = m.typedKey, a.typedRune, m.win.Canvas()
	m.reader.OnSelectionChanged = func(s, e int) {
		m.overlay.selectionChanged(s, e)
		m.pages.selectionChanged(s, e)
	}
	m.reader.OnHover = m.overlay.hovered
	m.reader.OnSelectionDone = m.overlay.selectionDone
	m.reader.OnRune = a.typedRune
	m.menu = &contextMenu{an: a, notes: m.notes, showPanel: func() {
		if !m.panel.Visible() {
			m.frame.togglePanel()
		}
	}}
	m.reader.OnSecondaryTapped = m.menu.show
	m.display = &display{app: app, win: m.win, reader: m.reader, reading: m.reading, pages: m.pages, list: m.library.list, status: m.status,
		overlay: m.overlay, panel: m.panel, annotator: a}
	m.library.apply, m.library.show = m.display.apply, m.showOpened
	m.trash = &trash{lib: lib, win: m.win, tasks: m.tasks, changes: m.changes, dialogs: m.dialogs, status: m.status,
		reader: m.reader, editor: m.panel.Editor, showError: m.alerts.showError, saved: m.library.saved, closeDocument: m.display.close,
		open: func(id string) { m.library.openDocument(id, false, nil) }}
	m.library.list.OnRemove = m.trash.remove
	m.panel.Editor.OnAnswerWithSelection = a.AnswerWithSelection
	m.panel.Editor.OnPlace = a.placeHere
	m.palette = NewSearchPalette(lib, m.win, m.openHit)
	m.imports = &importer{lib: lib, win: m.win, guard: m.guard, tasks: m.tasks, changes: m.changes, dialogs: m.dialogs, status: m.status,
		showError: m.alerts.showError,
		open:      func(id string, again bool) { m.library.openDocument(id, again, nil) },
		reload:    m.Reload,
	}

	m.backups = &backups{lib: lib, tasks: m.tasks, guard: m.guard, status: m.status, showError: m.alerts.showError}
	m.exports = &exporter{lib: lib, win: m.win, guard: m.guard, dialogs: m.dialogs, status: m.status,
		state: &m.state, reader: m.reader, palette: m.palette, showError: m.alerts.showError, showMessage: m.ShowMessage}

	m.cites = &citations{changer: ch, state: &m.state, showMessage: m.ShowMessage, reload: m.Reload}
	m.help = &helpSheet{win: m.win, dialogs: m.dialogs, actions: m.actions}
	m.win.SetContent(m.layout())
	m.closing = &closing{app: app, win: m.win, dialogs: m.dialogs, status: m.status, changes: m.changes, tasks: m.tasks,
		imports: m.imports, annotator: a, reading: m.reading, pages: m.pages, panel: m.panel, list: m.library.list, frame: m.frame, state: &m.state}
	m.win.Resize(fyne.NewSize(m.state.width, m.state.height))
	m.installMenus()
	m.reading.settings.install(m.win)
	m.win.SetOnDropped(guard2(m.guard, m.imports.dropped))
	m.win.SetCloseIntercept(func() {
		// Closing the window closes it, whatever went wrong on the way.
		if !m.guard.run(m.closing.quit) {
			m.win.Close()
			m.app.Quit()
		}
	})
	m.win.SetOnClosed(m.guard.wrap(m.closing.stopTimers))
	m.guardCallbacks()

	lib.OnBackupProblem(m.backups.problem)
	m.library.load()
	if err := lib.BackupProblem(); err != nil {
		m.backups.failed(err)
	}
	return m
}

func (m *MainWindow) layout() fyne.CanvasObject {
	open := widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(), m.imports.showOpenDialog)
	searchBtn := widget.NewButtonWithIcon("Search  Ctrl+K", theme.SearchIcon(), m.openSearch)
	findBtn := widget.NewButtonWithIcon("", theme.SearchIcon(), m.openFind)
	themeBtn := widget.NewButtonWithIcon("", theme.ColorPaletteIcon(), func() { toggleTheme(m.app, &m.state) })
	panelBtn := widget.NewButtonWithIcon("", theme.ListIcon(), func() { m.frame.togglePanel() })
	pagesBtn := widget.NewButtonWithIcon("", theme.FileImageIcon(), m.pages.toggle)
	pagesBtn.Hide()
	m.pages.button = pagesBtn
	helpBtn := widget.NewButtonWithIcon("", theme.HelpIcon(), m.help.show)
	libBtn := widget.NewButtonWithIcon("", theme.MenuIcon(), func() { m.frame.toggleLibrary() })
	toolbar := newToolbarFit(container.NewBorder(nil, nil, container.NewHBox(libBtn, m.history.buttons(), open, searchBtn),
		container.NewHBox(pagesBtn, findBtn, panelBtn, themeBtn, helpBtn), m.reading.outline), []*widget.Button{open, searchBtn}, themeBtn)
	centre := container.NewBorder(container.NewVBox(toolbar, m.reading.find), nil, nil, nil,
		container.NewStack(m.reader, m.pages.box, m.overlay.floating))
	m.frame = newFrame(m.library.list, centre, m.panel, m.state)
	statusBar := container.NewBorder(widget.NewSeparator(), nil, nil, nil, m.status.label)
	return container.NewBorder(readOnlyBanner(m.lib), statusBar, nil, nil, m.frame.root)
}

// readOnlyBanner says, above everything, that nothing can be saved when
// the library could only be opened read-only; nil otherwise.
func readOnlyBanner(lib *library.Library) fyne.CanvasObject {
	if !lib.ReadOnly() {
		return nil
	}
	banner := widget.NewLabel(fmt.Sprintf("Read-only: Scholia cannot write to %s, so you can read and search, but highlights and notes cannot be saved. Make the file writable and reopen Scholia to annotate.", lib.Path()))
	banner.Wrapping = fyne.TextWrapWord
	banner.Importance = widget.WarningImportance
	return container.NewVBox(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, banner), widget.NewSeparator())
}

// Window is the Fyne window.
func (m *MainWindow) Window() fyne.Window { return m.win }

// Reload reads the document list, and the open document's annotations,
// from the library again, off the UI goroutine.
func (m *MainWindow) Reload() { m.library.refreshing(true, nil) }

// OpenDocument shows the document with this id where it was last read,
// as the library holds it now: a command line that imported it again
// (revised) asks for the new text even when the document is on show.
func (m *MainWindow) OpenDocument(id string) { m.library.openDocument(id, true, nil) }

// ImportFiles imports files off the UI goroutine, then opens the last one
// that worked and reports those that did not, one sentence each. The
// channel closes once the window shows the result.
func (m *MainWindow) ImportFiles(paths []string) <-chan struct{} { return m.imports.files(paths) }

// ImportAnnotations imports a file of annotations off the UI goroutine,
// then says what happened in the status bar and a dialog. The channel
// closes once the window shows the result.
func (m *MainWindow) ImportAnnotations(path string) <-chan struct{} {
	return m.imports.annotations(path)
}

func (m *MainWindow) setStatus(msg string) { m.status.set(msg) }

// statusCounts are what the status bar says after its message: the
// documents shown, the open document's words, the open questions and the
// library's path.
func (m *MainWindow) statusCounts() []string {
	docs := m.library.list.Len()
	parts := []string{plural(len(m.library.list.all), "document")}
	if docs != len(m.library.list.all) {
		parts[0] = fmt.Sprintf("%d of %s shown", docs, plural(len(m.library.list.all), "document"))
	}
	if d := m.reader.Document(); d != nil {
		parts = append(parts, plural(m.reading.words, "word"))
	}
	if n := m.display.openQuestions; n > 0 {
		parts = append(parts, plural(n, "open question"))
	}
	return append(parts, m.lib.Path())
}

// openSearch opens the search palette.
func (m *MainWindow) openSearch() { m.dialogs.showWith(m.palette.Show, m.palette.Hide) }

// openHit shows a search result: an annotation's passage, or a document.
func (m *MainWindow) openHit(h library.Hit) {
	m.history.leaving()
	if h.Document {
		m.library.openDocument(h.DocID, false, nil)
		return
	}
	// One record read by its key, but a read waits while a save grows the
	// file during a long read (an export, a backup).
	start(m.tasks, laneLookup, "Opening…", func() (*annotate.Annotation, error) {
		return m.lib.Annotation(h.ID)
	}, func(a *annotate.Annotation, err error) {
		if err != nil {
			m.alerts.showError(err)
			return
		}
		m.notes.goTo(*a)
	})
}

// openFind shows the find bar.
func (m *MainWindow) openFind() { m.reading.find.Open(m.win.Canvas()) }

// focusFilter shows the library list and puts the cursor in its filter.
func (m *MainWindow) focusFilter() {
	m.frame.showLibrary()
	m.win.Canvas().Focus(m.library.list.filter)
}

// ShowMessage tells the reader about a mistake (an unreadable file) in a
// dialog with one plain sentence.
func (m *MainWindow) ShowMessage(err error) {
	m.dialogs.inform("Scholia", capitalise(err.Error())+".", m.win)
}

// metaLine is the line under a document's title: byline, site, date,
// source.
func metaLine(d *annotate.Document) string {
	var parts []string
	for _, s := range []string{d.Byline, d.Site, d.Published} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if d.Source != "" && !strings.HasPrefix(d.Source, "scholia:") {
		parts = append(parts, baseName(d.Source))
	}
	parts = append(parts, "imported "+d.Imported.Local().Format("2 Jan 2006"))
	return strings.Join(parts, " · ")
}

// baseName shortens a file path to its name; URLs stay whole; a book
// made of Kindle clippings says so.
func baseName(source string) string {
	if strings.HasPrefix(source, "kindle:") {
		return "Kindle clippings"
	}
	if strings.Contains(source, "://") || strings.HasPrefix(source, "urn:") {
		return source
	}
	return filepath.Base(source)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// wordKey is a heading or contents line reduced to lower-case words.
func wordKey(s string) string {
	var b strings.Builder
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return b.String()
}

// ShowStartupError shows one sentence in a window of its own when the
// library cannot be opened, so starting from a desktop menu still explains
// what went wrong.
func ShowStartupError(app fyne.App, err error) fyne.Window {
	w := app.NewWindow("Scholia")
	title := widget.NewLabelWithStyle("Scholia cannot open its library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(capitalise(err.Error()) + ".")
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", func() { app.Quit() })
	quit.Importance = widget.HighImportance
	icon := widget.NewIcon(theme.ErrorIcon())
	body := container.NewBorder(title, container.NewHBox(layout.NewSpacer(), quit), icon, nil, msg)
	w.SetContent(container.NewPadded(body))
	w.Resize(fyne.NewSize(560, 180))
	w.SetFixedSize(true)
	return w
}
