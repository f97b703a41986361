package ui

import (
	"fyne.io/fyne/v2"
)

// tapped selects the annotation under a click in the panel.
func (m *MainWindow) tapped(pos int) {
	if a, ok := m.annotator.annotationAt(pos); ok {
		if !m.panel.Visible() {
			m.TogglePanel()
		}
		m.panel.Reveal(a.ID)
	}
}

// hovered shows the note of the passage under the pointer.
func (m *MainWindow) hovered(pos int, at fyne.Position) {
	a, ok := m.annotator.annotationAt(pos)
	m.overlay.hover(a, ok && pos >= 0, at)
}
