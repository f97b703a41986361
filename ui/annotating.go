package ui

import (
	"fyne.io/fyne/v2"
)

// Undo reverts the last change to an annotation, or the typing in a text
// box that has the focus. The change reverted is the one that was last
// when Ctrl+Z was pressed, even if a newer one is saved before the undo
// runs (behind a backup, say).
func (m *MainWindow) Undo() {
	if e := m.focusedEntry(); e != nil {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	m.notes.undo()
}

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
