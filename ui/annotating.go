package ui

// tapped selects the annotation under a click in the panel.
func (m *MainWindow) tapped(pos int) {
	if a, ok := m.annotator.annotationAt(pos); ok {
		m.frame.panelBeside()
		m.panel.Reveal(a.ID)
	}
}
