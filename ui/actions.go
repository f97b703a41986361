package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// action is one thing a person can do, with its menu entry and shortcut.
type action struct {
	menu     string
	label    string
	keys     string // as the help sheet shows it
	shortcut fyne.Shortcut
	run      func()
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

func alt(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
}

// actions lists every action of the window, in menu order.
func (m *MainWindow) actions() []action {
	return append([]action{
		{"File", "Open…", "Ctrl+O", ctrl(fyne.KeyO), m.imports.showOpenDialog},
		{"File", "Import Folder…", "Ctrl+Shift+O", ctrlShift(fyne.KeyO), m.imports.showFolderDialog},
		{"File", "Import Annotations…", "Ctrl+Shift+I", ctrlShift(fyne.KeyI), m.imports.showAnnotationsDialog},
		{"File", "Export Annotations…", "Ctrl+E", ctrl(fyne.KeyE), m.exports.show},
		{"File", "Remove from Library", "Delete in the list", nil, m.trash.removeCurrent},
		{"File", "Removed Documents…", "", nil, m.trash.show},
		{"File", "Back Up Now", "", nil, m.backups.now},
		{"File", "Quit", "Ctrl+Q", ctrl(fyne.KeyQ), m.closing.quit},
		{"Edit", "Undo", "Ctrl+Z", &fyne.ShortcutUndo{}, m.edits.undo},
		{"Edit", "Copy", "Ctrl+C", &fyne.ShortcutCopy{}, m.edits.copy},
		{"Edit", "Copy with Citation", "Ctrl+Shift+C", ctrlShift(fyne.KeyC), m.annotator.CopyWithCitation},
		{"Edit", "Citation Details…", "Ctrl+Shift+E", ctrlShift(fyne.KeyE), m.cites.show},
		{"Edit", "Select All", "Ctrl+A", &fyne.ShortcutSelectAll{}, m.edits.selectAll},
		{"Edit", "Find in Document…", "Ctrl+F", ctrl(fyne.KeyF), m.openFind},
		{"Edit", "Search Everything…", "Ctrl+K", ctrl(fyne.KeyK), m.openSearch},
		{"Annotate", "Highlight", "Ctrl+H", ctrl(fyne.KeyH), m.annotator.Highlight},
		{"Annotate", "Add Note…", "Ctrl+Shift+N", ctrlShift(fyne.KeyN), m.annotator.AddNote},
		{"Annotate", "Add Question…", "Ctrl+Shift+Q", ctrlShift(fyne.KeyQ), m.annotator.AddQuestion},
		{"Annotate", "Note on the Whole Document…", "Ctrl+Shift+D", ctrlShift(fyne.KeyD), m.annotator.AddDocumentNote},
		{"View", "Back", "Alt+Left", alt(fyne.KeyLeft), m.history.Back},
		{"View", "Forward", "Alt+Right", alt(fyne.KeyRight), m.history.Forward},
		{"View", "Filter Library…", "Ctrl+L", ctrl(fyne.KeyL), m.focusFilter},
		{"View", "Library List", "Ctrl+Shift+L", ctrlShift(fyne.KeyL), func() { m.frame.toggleLibrary() }},
		{"View", "Pages of the PDF", "Ctrl+Shift+V", ctrlShift(fyne.KeyV), m.pages.toggle},
		{"View", "Annotations Panel", "Ctrl+Shift+P", ctrlShift(fyne.KeyP), func() { m.frame.togglePanel() }},
		{"View", "Dark or Light Theme", "Ctrl+Shift+T", ctrlShift(fyne.KeyT), func() { toggleTheme(m.app, &m.state) }},
		{"View", "Follow the System Theme", "", nil, func() { setTheme(m.app, &m.state, ThemeSystem) }},
		{"Help", "Keyboard Shortcuts", "F1, Ctrl+/", ctrl(fyne.KeySlash), m.help.show},
	}, m.reading.settings.actions()...)
}

// readingKeys are keys the reader handles itself, listed on the help sheet.
var readingKeys = [][2]string{
	{"Select text", "Drag; double-click a word, triple-click a paragraph; Shift+click extends"},
	{"Highlight the selection in a colour (nothing selected: pick it)", "1 yellow, 2 green, 3 blue, 4 pink, 5 purple, 6 orange"},
	{"Save a note, cancel it", "Ctrl+Enter, Esc"},
	{"Scroll", "Arrow keys, Page Up / Page Down, Space, Home / End, the wheel (three lines a notch)"},
	{"Larger text", "Ctrl++ (also Ctrl+Shift+=, the keypad's +)"},
	{"A PDF's pages: zoom, go to a page", "Ctrl+wheel or the zoom list; type the page in the page box, Enter"},
	{"Next / previous match", "Enter / Shift+Enter in the find bar"},
	{"Move through search results, open one", "Up / Down, Enter"},
	{"Close the find bar, clear the selection", "Esc"},
	{"Close a dialog or the search palette", "Esc"},
}

// installMenus builds the main menu; Fyne runs a menu item's action when
// its shortcut is typed.
func (m *MainWindow) installMenus() {
	var menus []*fyne.Menu
	index := map[string]*fyne.Menu{}
	for _, a := range m.actions() {
		menu, ok := index[a.menu]
		if !ok {
			menu = fyne.NewMenu(a.menu)
			index[a.menu] = menu
			menus = append(menus, menu)
		}
		item := fyne.NewMenuItem(a.label, m.notBehindDialogs(a))
		item.Shortcut = a.shortcut
		item.IsQuit = a.label == "Quit"
		menu.Items = append(menu.Items, item)
	}
	m.win.SetMainMenu(fyne.NewMainMenu(menus...))
	m.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { m.typedKey(k) })
}

// notBehindDialogs is what an action's menu entry and shortcut run: while
// a dialog, the search palette or a pop-up menu covers the window, only
// Quit, and Undo, Copy and Select All in a text box with the focus (one of
// the dialog's), act; the others would act on the reader behind it or pile
// another dialog on top.
func (m *MainWindow) notBehindDialogs(a action) func() {
	inTextBox := a.label == "Undo" || a.label == "Copy" || a.label == "Select All"
	return func() {
		covered := m.win.Canvas().Overlays().Top() != nil
		if covered && a.label != "Quit" && (!inTextBox || m.edits.focusedEntry() == nil) {
			return
		}
		a.run()
	}
}

// typedKey handles keys that reach the window with nothing focused.
func (m *MainWindow) typedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyF1:
		if m.win.Canvas().Overlays().Top() == nil {
			m.help.show()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		m.dialogs.enter()
	case fyne.KeyEscape:
		if m.dialogs.escape() {
			return
		}
		if m.reading.find.Visible() {
			m.reading.find.Close()
		}
	}
}
