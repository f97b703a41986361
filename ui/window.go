package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/library"
	"scholia/ui/reader"
)

// MainWindow is Scholia's window: the library on the left, the reader in
// the middle, the annotations panel on the right, a status line below.
type MainWindow struct {
	app      fyne.App
	win      fyne.Window
	lib      *library.Library
	list     *LibraryPanel
	reader   *reader.Reader
	outline  *Outline
	find     *FindBar
	panel    *AnnotationPanel
	status   *widget.Label
	banner   *widget.Label
	left     *container.Split
	right    *container.Split
	state    windowState
	helpOpen bool
	problems []string

	// highlightChoice is the question last asked about a colour chosen on
	// a passage overlapping a highlight of another colour.
	highlightChoice *HighlightChoice
	// panelPane holds the annotations panel in its steady width.
	panelPane *fyne.Container

	toolbar       *SelectionToolbar
	tooltip       *widget.Label
	tooltipBox    *fyne.Container
	floating      *fyne.Container // what floats over the reader: the toolbar and the hover note
	words         int             // the open document's words, counted once: the status bar shows them on every pointer move
	noteDialog    *NoteDialog
	anns          []annotate.Annotation
	tags          []string
	openQuestions int
	colour        annotate.Colour
	answering     string
	palette       *SearchPalette
	cancelImport  context.CancelFunc
	passwordEntry *shortcutEntry // the box of the password dialog last shown
	// importing is what the status bar says while files are imported
	// (the PDF reader starting, say), whatever other messages come and go.
	importing      string
	importSummary  string
	saveTick       *time.Timer
	guard          *crashGuard
	dialogs        *openDialogs
	crashShowing   bool
	quitUnsaved    bool
	tasks          *tasks        // what runs off the UI goroutine for the window
	statusMsg      string        // what the status bar says before its counts
	searchStarted  bool          // the search index is being built or built
	searchPrepared chan struct{} // closed once the search index is built or loaded
	listStale      bool          // a refresh of the document list has not shown yet
	changesOut     int           // change tasks whose result has not shown yet (saving.go)
	lastChange     *undoPoint    // the change task started last
	quitWhenSaved  bool          // Quit waits for the changes being saved
}

// NewMainWindow builds the window on an open library, restoring the
// window's size, splits, theme and the document last read.
func NewMainWindow(app fyne.App, lib *library.Library) *MainWindow {
	m := &MainWindow{app: app, win: app.NewWindow("Scholia"), lib: lib, colour: annotate.Yellow}
	m.guard = newCrashGuard(m.tellCrash)
	m.tasks = newTasks(m.guard, m.setStatus)
	m.dialogs = newOpenDialogs(m.win.Canvas(), m.guard.do)
	m.state = loadState(app.Preferences())
	applyTheme(app, m.state.theme)

	m.reader = reader.New()
	m.reader.OnScrolled = m.scrolled
	m.reader.OnLinkTapped = m.followContentsLink
	m.reader.OnUnhandledKey = m.typedKey
	m.reader.OnSelectionChanged = m.selectionChanged
	m.reader.OnSelectionDone = m.selectionDone
	m.reader.OnTapped = m.tapped
	m.reader.OnHover = m.hovered
	m.reader.OnRune = m.typedRune
	m.panel = NewAnnotationPanel()
	m.panel.OnChosen = m.goTo
	m.panel.OnQuestion = func(q library.Question) { m.goTo(q.Annotation) }
	m.panel.OnRestore = m.restoreAnnotation
	m.panel.OnQuestionsShown = func() { m.refreshHere(nil) }
	m.panel.OnFilterText = m.matchInDocument
	m.panel.Editor.OnSave = m.commitEdit
	m.panel.Editor.OnSaved = m.editSaved
	m.panel.Editor.OnDelete = m.deleteAnnotation
	m.panel.Editor.OnAnswerWithSelection = m.AnswerWithSelection
	m.panel.Editor.OnFollow = m.followAnswer
	m.panel.Editor.OnPlace = m.placeHere
	m.outline = NewOutline(m.reader.ScrollTo)
	m.find = NewFindBar(m.showMatches, m.reader.Focus)
	m.list = NewLibraryPanel(m.OpenDocument)
	m.list.OnRemove = m.RemoveDocument
	m.list.OnFiltered = func() { m.setStatus("") }
	if m.state.order != "" {
		m.list.SetOrder(m.state.order)
	}
	m.palette = NewSearchPalette(lib, m.win, m.openHit)
	m.status = widget.NewLabel("")
	m.status.Truncation = fyne.TextTruncateEllipsis
	m.status.SizeName = theme.SizeNameCaptionText

	m.win.SetContent(m.layout())
	m.win.Resize(fyne.NewSize(m.state.width, m.state.height))
	m.installMenus()
	m.win.SetOnDropped(guard2(m.guard, m.dropped))
	m.win.SetCloseIntercept(func() {
		// Closing the window closes it, whatever went wrong on the way.
		if !m.guard.run(m.Quit) {
			m.win.Close()
			m.app.Quit()
		}
	})
	m.win.SetOnClosed(m.guard.wrap(m.stopTimers))
	m.guardCallbacks()

	lib.OnBackupProblem(m.backupProblem)
	m.load()
	if err := lib.BackupProblem(); err != nil {
		m.backupFailed(err)
	}
	return m
}

func (m *MainWindow) layout() fyne.CanvasObject {
	open := widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(), m.ShowOpenDialog)
	searchBtn := widget.NewButtonWithIcon("Search everything  Ctrl+K", theme.SearchIcon(), m.OpenSearch)
	findBtn := widget.NewButtonWithIcon("", theme.SearchIcon(), m.OpenFind)
	themeBtn := widget.NewButtonWithIcon("", theme.ColorPaletteIcon(), m.ToggleTheme)
	panelBtn := widget.NewButtonWithIcon("", theme.ListIcon(), m.TogglePanel)
	helpBtn := widget.NewButtonWithIcon("", theme.HelpIcon(), m.ShowShortcuts)
	toolbar := container.NewBorder(nil, nil, container.NewHBox(open, searchBtn),
		container.NewHBox(findBtn, panelBtn, themeBtn, helpBtn), m.outline)
	centre := container.NewBorder(container.NewVBox(toolbar, m.find), nil, nil, nil,
		container.NewStack(m.reader, m.annotationLayer()))
	m.panelPane = steady(m.panel)
	m.showPanel(m.state.panel)

	m.right = container.NewHSplit(steady(centre), m.panelPane)
	m.right.Offset = m.state.right
	m.left = container.NewHSplit(steady(m.list), m.right)
	m.left.Offset = m.state.left
	statusBar := container.NewBorder(widget.NewSeparator(), nil, nil, nil, m.status)
	return container.NewBorder(m.readOnlyBanner(), statusBar, nil, nil, m.left)
}

// readOnlyBanner says, above everything, that nothing can be saved when
// the library could only be opened read-only; nil otherwise.
func (m *MainWindow) readOnlyBanner() fyne.CanvasObject {
	if !m.lib.ReadOnly() {
		return nil
	}
	m.banner = widget.NewLabel(fmt.Sprintf("Read-only: Scholia cannot write to %s, so you can read and search, but highlights and notes cannot be saved. Make the file writable and reopen Scholia to annotate.", m.lib.Path()))
	m.banner.Wrapping = fyne.TextWrapWord
	m.banner.Importance = widget.WarningImportance
	return container.NewVBox(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, m.banner), widget.NewSeparator())
}

// Banner is what the banner above the window says, "" when there is none.
func (m *MainWindow) Banner() string {
	if m.banner == nil {
		return ""
	}
	return m.banner.Text
}

// Window is the Fyne window.
func (m *MainWindow) Window() fyne.Window { return m.win }

// Reload reads the document list, and the open document's annotations,
// from the library again, off the UI goroutine.
func (m *MainWindow) Reload() { m.refresh(nil) }

// OpenDocument shows the document with this id where it was last read.
func (m *MainWindow) OpenDocument(id string) { m.openDocument(id, false, nil) }

// Current is the document on show, or nil.
func (m *MainWindow) Current() *annotate.Document { return m.reader.Document() }

// Reader is the reading widget.
func (m *MainWindow) Reader() *reader.Reader { return m.reader }

// List is the library panel.
func (m *MainWindow) List() *LibraryPanel { return m.list }

// OutlineBar is the outline drop-down.
func (m *MainWindow) OutlineBar() *Outline { return m.outline }

// Find is the find bar.
func (m *MainWindow) Find() *FindBar { return m.find }

// Status is what the status bar says.
func (m *MainWindow) Status() string { return m.status.Text }

// Splits are the positions of the library and panel dividers (0..1).
func (m *MainWindow) Splits() (float64, float64) { return m.left.Offset, m.right.Offset }

// SetSplits moves the dividers, as dragging them does.
func (m *MainWindow) SetSplits(left, right float64) {
	m.left.SetOffset(left)
	m.right.SetOffset(right)
}

// Problems are the sentences of the last import's failures.
func (m *MainWindow) Problems() []string { return m.problems }

// HelpOpen says whether the shortcuts sheet is showing.
func (m *MainWindow) HelpOpen() bool { return m.helpOpen }

// PanelVisible says whether the annotations panel is showing.
func (m *MainWindow) PanelVisible() bool { return m.panel.Visible() }

func (m *MainWindow) setStatus(msg string) {
	m.statusMsg = msg
	if msg == "" {
		msg = m.importing
	}
	docs := m.list.Len()
	parts := []string{plural(len(m.list.all), "document")}
	if docs != len(m.list.all) {
		parts[0] = fmt.Sprintf("%d of %s shown", docs, plural(len(m.list.all), "document"))
	}
	if d := m.reader.Document(); d != nil {
		parts = append(parts, plural(m.words, "word"))
	}
	if m.openQuestions > 0 {
		parts = append(parts, plural(m.openQuestions, "open question"))
	}
	if msg != "" {
		parts = append([]string{msg}, parts...)
	}
	parts = append(parts, m.lib.Path())
	m.status.SetText(strings.Join(parts, " · "))
}

func (m *MainWindow) scrolled(top int) {
	m.outline.MarkCurrent(top)
	if m.toolbar.Visible() {
		m.placeToolbar()
	}
	if m.saveTick != nil {
		m.saveTick.Stop()
	}
	m.saveTick = m.guard.after(time.Second, m.saveReading)
}

// saveReading records, off the UI goroutine, where the reader is in the
// open document.
func (m *MainWindow) saveReading() {
	doc := m.reader.Document()
	if doc == nil || m.lib.ReadOnly() {
		return
	}
	id, pos := doc.ID, m.reader.TopPosition()
	start(m.tasks, laneChange, "", func() (struct{}, error) {
		return struct{}{}, m.lib.MarkRead(id, pos)
	}, func(_ struct{}, err error) {
		if err != nil {
			fyne.LogError("saving the reading position", err)
		}
	})
}

// saveReadingNow records where the reader is, and returns once it is
// saved: on quitting, before the library closes.
func (m *MainWindow) saveReadingNow() {
	doc := m.reader.Document()
	if doc == nil || m.lib.ReadOnly() {
		return
	}
	if err := m.lib.MarkRead(doc.ID, m.reader.TopPosition()); err != nil {
		fyne.LogError("saving the reading position", err)
	}
}

func (m *MainWindow) selectionChanged(start, end int) {
	if m.reader.Selecting() {
		m.toolbar.Hide()
	}
	if start == end {
		m.setStatus("")
		return
	}
	m.setStatus(fmt.Sprintf("Selected %s (%d–%d)", plural(end-start, "character"), start, end))
}

func (m *MainWindow) followContentsLink(line string) {
	if e, ok := m.outline.EntryFor(line); ok {
		m.reader.ScrollTo(e.Start)
	} else if pos, ok := m.outline.PagePosition(m.Current(), line); ok {
		m.reader.ScrollTo(pos)
	}
}

func (m *MainWindow) showMatches(matches [][2]int, current int) {
	m.reader.SetFindMatches(matches, current)
	if current >= 0 && current < len(matches) {
		m.reader.Reveal(matches[current][0])
	}
}

// OpenSearch opens the search palette.
func (m *MainWindow) OpenSearch() { m.dialogs.showWith(m.palette.Show, m.palette.Hide) }

// Palette is the search palette.
func (m *MainWindow) Palette() *SearchPalette { return m.palette }

// openHit shows a search result: an annotation's passage, or a document.
func (m *MainWindow) openHit(h library.Hit) {
	if h.Document {
		m.OpenDocument(h.DocID)
		return
	}
	// One record read by its key: well under a millisecond.
	a, err := m.lib.Annotation(h.ID)
	if err != nil {
		m.showError(err)
		return
	}
	m.goTo(*a)
}

// OpenFind shows the find bar.
func (m *MainWindow) OpenFind() { m.find.Open(m.win.Canvas()) }

// FocusFilter puts the cursor in the library filter.
func (m *MainWindow) FocusFilter() { m.win.Canvas().Focus(m.list.filter) }

// TogglePanel shows or hides the annotations panel.
func (m *MainWindow) TogglePanel() {
	m.showPanel(!m.panel.Visible())
	m.right.Refresh()
}

// showPanel shows or hides the annotations panel, and its place.
func (m *MainWindow) showPanel(on bool) {
	m.panel.Hidden, m.panelPane.Hidden = !on, !on
}

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
	m.state.left, m.state.right = m.left.Offset, m.right.Offset
	m.state.panel = m.panel.Visible()
	m.state.order = m.list.Order()
	m.state.save(m.app.Preferences())
	m.tasks.waitWork()
	m.saveReadingNow()
}

// stopTimers ends what would otherwise run after the window is gone.
func (m *MainWindow) stopTimers() {
	if m.saveTick != nil {
		m.saveTick.Stop()
	}
	m.panel.Editor.stopTimer()
	m.reader.Stop()
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
	m.stopTimers()
	m.SaveState()
	m.win.Close()
	m.app.Quit()
}

// showError tells the reader what went wrong in a dialog; a save that
// failed also says so in the status bar, where it stays until the next
// change is saved.
func (m *MainWindow) showError(err error) {
	var p *annotate.Panic
	if errors.As(err, &p) {
		m.guard.caught(p, nil)
		return
	}
	fyne.LogError("scholia", err)
	if errors.Is(err, annotate.ErrNotSaved) {
		m.setStatus("Not saved")
		m.dialogs.inform("Not saved", capitalise(err.Error())+".", m.win)
		return
	}
	m.dialogs.show(dialog.NewError(err, m.win))
}

// BackUpNow backs the library up into the backups folder beside it,
// unless it is unchanged since its newest backup, off the UI goroutine,
// and says which in the status bar.
func (m *MainWindow) BackUpNow() {
	type backedUp struct {
		info  backup.Info
		wrote bool
	}
	start(m.tasks, laneChange, "Backing up…", func() (backedUp, error) {
		info, wrote, err := m.lib.Backup("")
		return backedUp{info, wrote}, err
	}, func(b backedUp, err error) {
		if err != nil {
			m.setStatus("")
			m.showError(err)
			return
		}
		if b.wrote {
			m.setStatus("Backed up: " + library.Describe(b.info))
		} else {
			m.setStatus("Unchanged since the backup of " + library.Describe(b.info))
		}
	})
}

// backupFailed says in the status bar that an automatic backup failed:
// the library itself is sound and saving goes on.
func (m *MainWindow) backupFailed(err error) {
	fyne.LogError("scholia", err)
	m.setStatus("Backup failed: " + err.Error())
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
