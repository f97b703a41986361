package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// menuShortcut runs a menu entry as the window's driver does when its
// shortcut is typed with nothing focused that takes shortcuts itself.
func menuShortcut(t *testing.T, m *MainWindow, label string) {
	t.Helper()
	for _, menu := range m.win.MainMenu().Items {
		for _, item := range menu.Items {
			if item.Label == label {
				item.Action()
				uiLoop.drain()
				return
			}
		}
	}
	t.Fatalf("no menu entry %q", label)
}

// While a dialog is open, the window's shortcuts do not act on the
// reader behind it: Ctrl+A in the Citation Details dialog does not select
// the whole document, Ctrl+H does not highlight, and Ctrl+O does not pile
// another dialog on top.
func TestShortcutsDoNotActBehindAnOpenDialog(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	c := m.win.Canvas()
	m.cites.show()
	dialogOnTop := c.Overlays().Top()
	if dialogOnTop == nil {
		t.Fatal("Citation Details did not open")
	}
	c.Unfocus()
	menuShortcut(t, m, "Select All")
	if s, e := m.reader.Selection(); s != e {
		t.Errorf("Ctrl+A in the dialog selected %d characters of the document behind it", e-s)
	}
	for _, label := range []string{"Open…", "Import Folder…", "Export Annotations…", "Keyboard Shortcuts"} {
		menuShortcut(t, m, label)
		if top := c.Overlays().Top(); top != dialogOnTop {
			t.Errorf("%s opened another dialog over Citation Details (%d overlays)", label, len(c.Overlays().List()))
			m.dialogs.escape()
		}
	}
	pressKey(c, fyne.KeyF1)
	if top := c.Overlays().Top(); top != dialogOnTop {
		t.Errorf("F1 opened the shortcuts over Citation Details")
	}
	m.dialogs.escape()
	if c.Overlays().Top() != nil {
		t.Fatalf("Esc left %q open", overlayTexts(c))
	}
	menuShortcut(t, m, "Select All")
	if s, e := m.reader.Selection(); s == e {
		t.Error("Ctrl+A with the dialog closed selected nothing")
	}
}

// Enter closes a message such as "A file was not imported", as its OK
// button does, and leaves a dialog with fields to fill alone.
func TestEnterClosesAMessage(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	c := m.win.Canvas()
	m.imports.imported("", []string{"notes.bin: Scholia cannot read this kind of file."})
	uiLoop.drain()
	if !strings.Contains(overlayTexts(c), "A file was not imported") {
		t.Fatalf("no message about the file: %q", overlayTexts(c))
	}
	pressKey(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Fatalf("Enter left the message open: %q", overlayTexts(c))
	}
	m.cites.show()
	c.Unfocus()
	pressKey(c, fyne.KeyReturn)
	if c.Overlays().Top() == nil {
		t.Error("Enter closed Citation Details, which has fields to fill")
	}
}
