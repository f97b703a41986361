package ui

import (
	"scholia/annotate"
	"scholia/annotate/library"
)

// snapshot is what the window shows of the library, read off the UI
// goroutine: the document list and, for the open document, its
// annotations and trash, with the library's open questions and tags.
type snapshot struct {
	docs      []library.Summary
	listRead  bool   // docs was read; else only the open document's count changes
	docID     string // "" when no document's annotations were read
	anns      []annotate.Annotation
	deleted   []library.Deleted
	open      int                // how many open questions the library holds
	questions []library.Question // read only while the Questions tab shows
	tags      []string
}

// apply shows a snapshot: the list (the documents keeping their places),
// and the open document's annotations painted in the reader,
// listed in the panel and counted in the status bar.
func (m *MainWindow) apply(s snapshot) {
	if s.listRead {
		m.library.list.SetDocuments(s.docs)
	}
	if d := m.reader.Document(); d != nil && d.ID == s.docID {
		m.showAnnotations(s)
		if !s.listRead {
			m.library.list.SetAnnotationCount(s.docID, len(s.anns))
		}
	}
	m.setStatus(m.status.msg)
}

func (m *MainWindow) showAnnotations(s snapshot) {
	m.annotator.anns, m.openQuestions = s.anns, s.open
	m.reading.paint(s.anns, currentVariant(m.app))
	m.pages.paint(s.anns, currentVariant(m.app))
	m.panel.Editor.SetKnownTags(s.tags)
	m.annotator.tags = s.tags
	m.panel.pagesOf = m.reader.Document()
	m.panel.SetAnnotations(s.anns, s.deleted)
	m.panel.SetQuestions(s.questions, s.open)
}

// opened is a document read to be shown.
type opened struct {
	doc     *annotate.Document
	pos     int // where it was last read
	words   int
	outline []annotate.OutlineEntry
	snap    snapshot
	last    bool // it was already the document opened last
}

// showDocument shows a document read by openDocument.
func (m *MainWindow) showDocument(o opened) {
	doc := o.doc
	m.reading.show(doc, o.pos, o.words, o.outline)
	m.pages.documentShown(doc, o.pos)
	m.library.list.Select(doc.ID)
	m.win.SetTitle(doc.Title + " — Scholia")
	m.overlay.toolbar.Hide()
	m.overlay.tooltipBox.Hide()
	m.panel.Editor.Clear()
	m.status.msg = ""
	m.apply(o.snap)
}
