package ui

import "fyne.io/fyne/v2"

// Preference keys: the window's own state, kept by Fyne per user. What the
// reader did in a document (reading position, last opened) lives in the
// library file instead.
const (
	prefWidth      = "window.width"
	prefHeight     = "window.height"
	prefLeftSplit  = "window.split.left"
	prefRightSplit = "window.split.right"
	prefPanel      = "window.panel"
	prefTheme      = "theme"
	prefOrder      = "library.order"
)

// windowState is the window's geometry and choices between runs.
type windowState struct {
	width, height float32
	left, right   float64
	panel         bool
	theme         ThemeMode
	order         string
}

func loadState(p fyne.Preferences) windowState {
	return windowState{
		width:  float32(p.FloatWithFallback(prefWidth, 1200)),
		height: float32(p.FloatWithFallback(prefHeight, 780)),
		left:   p.FloatWithFallback(prefLeftSplit, 0.24),
		right:  p.FloatWithFallback(prefRightSplit, 0.7),
		panel:  p.BoolWithFallback(prefPanel, true),
		theme:  ThemeMode(p.StringWithFallback(prefTheme, string(ThemeSystem))),
		order:  p.StringWithFallback(prefOrder, ""),
	}
}

func (s windowState) save(p fyne.Preferences) {
	p.SetFloat(prefWidth, float64(s.width))
	p.SetFloat(prefHeight, float64(s.height))
	p.SetFloat(prefLeftSplit, s.left)
	p.SetFloat(prefRightSplit, s.right)
	p.SetBool(prefPanel, s.panel)
	p.SetString(prefTheme, string(s.theme))
	p.SetString(prefOrder, s.order)
}
