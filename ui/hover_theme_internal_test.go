package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"scholia/annotate"
)

// The note shown while hovering takes the colours of the theme chosen
// since the window opened: switching from light to dark (Ctrl+Shift+T)
// does not leave a light box under the dark theme's pale text.
func TestHoverNoteTakesTheCurrentTheme(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	note := annotate.Annotation{Kind: annotate.KindNote, Body: "Which settlement?"}
	box := func() color.Color {
		bg, ok := find(m.overlay.tooltipBox, func(*canvas.Rectangle) bool { return true })
		if !ok {
			t.Fatal("the hover note has no background")
		}
		return bg.FillColor
	}
	for _, mode := range []ThemeMode{ThemeLight, ThemeDark, ThemeLight} {
		setTheme(m.app, &m.state, mode)
		m.overlay.hover(note, true, fyne.NewPos(40, 40))
		want := theme.Color(theme.ColorNameOverlayBackground)
		if got := box(); !sameColour(got, want) {
			t.Errorf("under the %s theme the hover note's box is %v, want %v", mode, got, want)
		}
		m.overlay.hover(note, false, fyne.Position{})
	}
}

func sameColour(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// The note under the pointer goes when the text scrolls under it (End),
// when a dialog opens, and when the right-click menu shows: it never
// stays over what it no longer describes.
func TestTheHoverNoteGoesWhenTheTextMovesOrADialogOpens(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	note := annotate.Annotation{Kind: annotate.KindNote, Body: "Which settlement?"}
	shown := func(what string, act func()) {
		t.Helper()
		m.overlay.hover(note, true, fyne.NewPos(40, 40))
		if !m.overlay.tooltipBox.Visible() {
			t.Fatal("the hover note does not show")
		}
		act()
		if m.overlay.tooltipBox.Visible() {
			t.Errorf("the hover note stays after %s", what)
		}
	}
	shown("the text scrolled", m.reading.scrolled)
	shown("a dialog opened", func() { m.dialogs.showWith(func() {}, func() {}) })
	shown("the right-click menu showed", func() {
		selectQuote(t, m, "negotiated settlement")
		s, _ := m.reader.Selection()
		m.menu.show(s, fyne.NewPos(50, 50))
		if m.menu.popUp != nil {
			m.menu.popUp.Hide()
		}
	})
}
