package ui

import (
	"fyne.io/fyne/v2"

	"scholia/annotate"
	"scholia/annotate/library"
	"scholia/ui/reader"
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

// display is what the window shows of the library: the list's documents,
// the open document in the reader with its marks, its annotations in the
// panel, and the counts in the status bar.
type display struct {
	app       fyne.App
	win       fyne.Window
	reader    *reader.Reader
	reading   *readerPane
	pages     *pagePane
	list      *LibraryPanel
	status    *statusBar
	overlay   *overlay
	panel     *AnnotationPanel
	annotator *annotator
	// openQuestions is how many open questions the library holds, for
	// the status bar.
	openQuestions int
}

// apply shows a snapshot: the list (the documents keeping their places),
// and the open document's annotations painted in the reader,
// listed in the panel and counted in the status bar.
func (v *display) apply(s snapshot) {
	if s.listRead {
		v.list.SetDocuments(s.docs)
	}
	if d := v.reader.Document(); d != nil && d.ID == s.docID {
		v.annotations(s)
		if !s.listRead {
			v.list.SetAnnotationCount(s.docID, len(s.anns))
		}
	}
	v.status.set(v.status.msg)
}

func (v *display) annotations(s snapshot) {
	v.annotator.anns, v.openQuestions = s.anns, s.open
	v.reading.paint(s.anns, currentVariant(v.app))
	v.pages.paint(s.anns, currentVariant(v.app))
	v.panel.Editor.SetKnownTags(s.tags)
	v.annotator.tags = s.tags
	v.panel.pagesOf = v.reader.Document()
	v.panel.SetAnnotations(s.anns, s.deleted)
	v.panel.SetQuestions(s.questions, s.open)
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

// document shows a document read by openDocument.
func (v *display) document(o opened) {
	doc := o.doc
	v.reading.show(doc, o.pos, o.words, o.outline)
	v.pages.documentShown(doc, o.pos)
	v.list.Select(doc.ID)
	v.win.SetTitle(doc.Title + " — Scholia")
	v.overlay.toolbar.Hide()
	v.overlay.tooltipBox.Hide()
	v.panel.Editor.Clear()
	v.status.msg = ""
	v.apply(o.snap)
}

// close empties the reader and the panel: the document shown is no
// longer in the library.
func (v *display) close() {
	v.reading.show(nil, 0, 0, nil)
	v.pages.documentShown(nil, 0)
	v.overlay.toolbar.Hide()
	v.overlay.tooltipBox.Hide()
	v.panel.Editor.Clear()
	v.panel.SetAnnotations(nil, nil)
	v.annotator.anns = nil
	v.list.Select("")
	v.win.SetTitle("Scholia")
}
