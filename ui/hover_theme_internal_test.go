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
