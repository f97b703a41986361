package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/ui/reader"
)

// longArticle is an article of many paragraphs, to scroll in.
func longArticle() string {
	var b strings.Builder
	b.WriteString("Minutes of the Long Session\n\n")
	for i := range 120 {
		fmt.Fprintf(&b, "Paragraph %d. The delegations returned to the question of the border crossings, and the chair read the draft again, line by line, until the hour was late.\n\n", i)
	}
	return b.String()
}

// typeShortcut types a shortcut as the desktop driver delivers it: to the
// main menu's item that has it.
func typeShortcut(t *testing.T, m *MainWindow, s fyne.Shortcut) {
	t.Helper()
	for _, menu := range m.win.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item has the shortcut %s", s.ShortcutName())
}

// Ctrl+= sets the text larger at once, with the passage read still at the
// top of the view and the selection kept; Ctrl+0 goes back.
func TestCtrlEqualsGrowsTheTextInPlace(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"long.txt": longArticle()})
	openTitled(t, m, "Minutes of the Long Session")
	text := m.reader.Document().Text()
	m.reader.ScrollTo(len([]rune(text[:strings.Index(text, "Paragraph 60.")])))
	top := m.reader.TopPosition()
	selectText(t, m, "the chair read the draft again")
	s, e := m.reader.Selection()
	before := m.reader.Settings()

	typeShortcut(t, m, ctrl(fyne.KeyEqual))

	if got := m.reader.Settings().SizeStep; got != before.SizeStep+1 {
		t.Fatalf("Ctrl+= left the text size at step %d", got)
	}
	if got := m.reader.TopPosition(); got > top || top-got > 160 {
		t.Errorf("the line read was at %d, after Ctrl+= the view starts at %d", top, got)
	}
	if gs, ge := m.reader.Selection(); gs != s || ge != e {
		t.Errorf("the selection was %d-%d, after Ctrl+= %d-%d", s, e, gs, ge)
	}
	typeShortcut(t, m, ctrl(fyne.Key0))
	if got := m.reader.Settings().SizeStep; got != 0 {
		t.Errorf("Ctrl+0 left the text size at step %d", got)
	}
}

// Ctrl++ (Ctrl+Shift+= on most keyboards, the keypad's +) also sets the
// text larger while the reader has the focus, which gets shortcuts first.
func TestCtrlPlusInTheReader(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"long.txt": longArticle()})
	openTitled(t, m, "Minutes of the Long Session")
	m.reader.Focus()
	page := m.win.Canvas().Focused().(fyne.Shortcutable)
	page.TypedShortcut(ctrlShift(fyne.KeyEqual))
	page.TypedShortcut(ctrl(fyne.KeyPlus))
	if got := m.reader.Settings().SizeStep; got != 2 {
		t.Errorf("Ctrl+Shift+= then the keypad's Ctrl++ in the reader: text size step %d, want 2", got)
	}
}

// The reading settings chosen are there again in the next window.
func TestReadingSettingsSurviveARestart(t *testing.T) {
	app := test.NewTempApp(t)
	m, _ := newTestWindow(t, app, map[string]string{"long.txt": longArticle()})
	typeShortcut(t, m, ctrl(fyne.KeyEqual))
	typeShortcut(t, m, ctrl(fyne.KeyEqual))
	m.reading.settings.width(reader.WidthWide)()
	m.reading.settings.serif(true)()
	m.reading.settings.spacing(1)()
	want := m.reader.Settings()
	m.win.Close()

	again, _ := newTestWindow(t, app, map[string]string{"long.txt": longArticle()})
	want2 := reader.Settings{SizeStep: 2, Width: reader.WidthWide, Serif: true, SpacingStep: 1}
	if want != want2 {
		t.Fatalf("the settings chosen are %+v, want %+v", want, want2)
	}
	if got := again.reader.Settings(); got != want {
		t.Errorf("the next window reads with %+v, want %+v", got, want)
	}
	for label, ticked := range map[string]bool{"Wide Lines": true, "Medium Lines": false, "Serif Text": true, "Sans-Serif Text": false} {
		if got := menuItem(t, again, label).Checked; got != ticked {
			t.Errorf("in the next window's View menu %q is ticked: %v, want %v", label, got, ticked)
		}
	}
}

// menuItem is the main menu's item labelled label.
func menuItem(t *testing.T, m *MainWindow, label string) *fyne.MenuItem {
	t.Helper()
	for _, menu := range m.win.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}
