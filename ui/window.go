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

	annotator     *annotator
	overlay       *overlay
	menu          *contextMenu // the right click's menu on the text
	openQuestions int
	palette       *SearchPalette
	guard         *crashGuard
	dialogs       *openDialogs
	alerts        *alerts
	quitUnsaved   bool
	readingSaved  bool   // quitting has recorded where the reader is
	tasks         *tasks // what runs off the UI goroutine for the window
	changes       *changes
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
	m.changes = &changes{lib: lib, tasks: m.tasks, quit: m.Quit}
	m.state = loadState(app.Preferences())
	applyTheme(app, m.state.theme)

	m.reading = newReaderPane(lib, m.tasks, m.guard)
	m.reading.scrolled = func() {
		if m.pages.showing() {
			m.pages.readerMoved()
			return
		}
		if m.overlay.toolbar.Visible() {
			m.overlay.place()
		}
	}
	m.reader = m.reading.reader
	m.reading.settings = newReadingSettings(app.Preferences(), m.reader)
	m.reader.OnUnhandledKey = m.typedKey
	m.reader.OnTapped = m.tapped
	m.status = newStatusBar(m.statusCounts)
	m.library = &libraryPane{list: NewLibraryPanel(m.OpenDocument), lib: lib, tasks: m.tasks, guard: m.guard, status: m.status,
		reader: m.reader, questionsWanted: func() questionSet { return m.panel.questionsWanted() }, showError: m.alerts.showError,
		apply: m.apply, show: m.showDocument}
	m.library.list.OnFiltered = func() { m.setStatus("") }
	m.library.list.OnRemove = m.RemoveDocument
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

	m.cites = &citations{changer: ch, state: &m.state, showMessage: m.ShowMessage}
	m.help = &helpSheet{win: m.win, dialogs: m.dialogs, actions: m.actions}
	m.win.SetContent(m.layout())
	m.win.Resize(fyne.NewSize(m.state.width, m.state.height))
	m.installMenus()
	m.reading.settings.install(m.win)
	m.win.SetOnDropped(guard2(m.guard, m.imports.dropped))
	m.win.SetCloseIntercept(func() {
		// Closing the window closes it, whatever went wrong on the way.
		if !m.guard.run(m.Quit) {
			m.win.Close()
			m.app.Quit()
		}
	})
	m.win.SetOnClosed(m.guard.wrap(m.stopTimers))
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
	searchBtn := widget.NewButtonWithIcon("Search  Ctrl+K", theme.SearchIcon(), m.OpenSearch)
	findBtn := widget.NewButtonWithIcon("", theme.SearchIcon(), m.OpenFind)
	themeBtn := widget.NewButtonWithIcon("", theme.ColorPaletteIcon(), m.ToggleTheme)
	panelBtn := widget.NewButtonWithIcon("", theme.ListIcon(), func() { m.frame.togglePanel() })
	pagesBtn := widget.NewButtonWithIcon("", theme.FileImageIcon(), m.pages.toggle)
	helpBtn := widget.NewButtonWithIcon("", theme.HelpIcon(), m.help.show)
	toolbar := container.NewBorder(nil, nil, container.NewHBox(m.history.buttons(), open, searchBtn),
		container.NewHBox(pagesBtn, findBtn, panelBtn, themeBtn, helpBtn), m.reading.outline)
	centre := container.NewBorder(container.NewVBox(toolbar, m.reading.find), nil, nil, nil,
		container.NewStack(m.reader, m.pages.box, m.overlay.floating))
	m.frame = newFrame(m.library.list, centre, m.panel, m.state)
	statusBar := container.NewBorder(widget.NewSeparator(), nil, nil, nil, m.status.label)
	return container.NewBorder(readOnlyBanner(m.lib), statusBar, nil, nil, m.frame.left)
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

// OpenDocument shows the document with this id where it was last read.
func (m *MainWindow) OpenDocument(id string) { m.library.openDocument(id, false, nil) }

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
	if m.openQuestions > 0 {
		parts = append(parts, plural(m.openQuestions, "open question"))
	}
	return append(parts, m.lib.Path())
}

// OpenSearch opens the search palette.
func (m *MainWindow) OpenSearch() { m.dialogs.showWith(m.palette.Show, m.palette.Hide) }

// openHit shows a search result: an annotation's passage, or a document.
func (m *MainWindow) openHit(h library.Hit) {
	m.history.leaving()
	if h.Document {
		m.OpenDocument(h.DocID)
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

// OpenFind shows the find bar.
func (m *MainWindow) OpenFind() { m.reading.find.Open(m.win.Canvas()) }

// FocusFilter puts the cursor in the library filter.
func (m *MainWindow) FocusFilter() { m.win.Canvas().Focus(m.library.list.filter) }

// ToggleTheme switches between dark and light, overriding the system.
func (m *MainWindow) ToggleTheme() {
	if currentVariant(m.app) == theme.VariantDark {
		m.SetTheme(ThemeLight)
	} else {
		m.SetTheme(ThemeDark)
	}
}

// SetTheme chooses the theme and remembers it.
func (m *MainWindow) SetTheme(mode ThemeMode) {
	m.state.theme = mode
	applyTheme(m.app, mode)
	m.app.Preferences().SetString(prefTheme, string(mode))
}

// SaveState remembers the window's size, splits, panel, theme, sort order
// and reading position.
func (m *MainWindow) SaveState() {
	size := m.win.Canvas().Size()
	if size.Width > 0 && size.Height > 0 {
		m.state.width, m.state.height = size.Width, size.Height
	}
	m.state.left, m.state.right = m.frame.left.Offset, m.frame.right.Offset
	m.state.panel = m.panel.Visible()
	m.state.order = m.library.list.Order()
	m.state.save(m.app.Preferences())
}

// stopTimers ends what would otherwise run after the window is gone.
func (m *MainWindow) stopTimers() {
	m.reading.stop()
	m.pages.close()
	m.panel.Editor.stopTimer()
	// A save under way finishes before the window goes: at most one
	// save, milliseconds, and nothing of it touches the window after.
	m.panel.Editor.wait()
	// So does a task's work (its result is dropped): the library closes
	// after the window.
	m.tasks.waitWork()
}

// Quit saves the panel's edits and the window's state and ends the app;
// when an edit cannot be saved it asks first. Changes still being saved
// are waited for, the window free meanwhile (saving.go).
func (m *MainWindow) Quit() {
	if m.savingBeforeQuit() {
		return
	}
	if err := m.panel.Editor.settle(); err != nil && !m.quitUnsaved {
		m.confirmQuitUnsaved(err)
		return
	}
	if !m.readingSaved {
		m.readingSaved = true
		if m.reading.saveReadingBeforeQuit(m.changes) {
			return
		}
	}
	m.stopTimers()
	m.SaveState()
	m.win.Close()
	m.app.Quit()
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
