package ui

import (
	"fyne.io/fyne/v2"

	"scholia/annotate/interop"
)

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
	prefCitation   = "citation.style"
	prefExport     = "export.format"
)

// windowState is the window's geometry and choices between runs.
type windowState struct {
	width, height float32
	left, right   float64
	panel         bool
	theme         ThemeMode
	order         string
	citation      interop.Style
	export        interop.Format
}

func loadState(p fyne.Preferences) windowState {
	s := windowState{
		width:  float32(p.FloatWithFallback(prefWidth, 1200)),
		height: float32(p.FloatWithFallback(prefHeight, 780)),
		left:   p.FloatWithFallback(prefLeftSplit, 0.24),
		right:  p.FloatWithFallback(prefRightSplit, 0.7),
		panel:  p.BoolWithFallback(prefPanel, true),
		theme:  ThemeMode(p.StringWithFallback(prefTheme, string(ThemeSystem))),
		order:  p.StringWithFallback(prefOrder, ""),
	}
	s.citation, _ = interop.ParseStyle(p.StringWithFallback(prefCitation, string(interop.Chicago)))
	if s.citation == "" {
		s.citation = interop.Chicago
	}
	s.export, _ = interop.ParseFormat(p.StringWithFallback(prefExport, string(interop.Markdown)))
	if s.export == "" {
		s.export = interop.Markdown
	}
	return s
}

func (s windowState) save(p fyne.Preferences) {
	p.SetFloat(prefWidth, float64(s.width))
	p.SetFloat(prefHeight, float64(s.height))
	p.SetFloat(prefLeftSplit, s.left)
	p.SetFloat(prefRightSplit, s.right)
	p.SetBool(prefPanel, s.panel)
	p.SetString(prefTheme, string(s.theme))
	p.SetString(prefOrder, s.order)
	p.SetString(prefCitation, string(s.citation))
	p.SetString(prefExport, string(s.export))
}
