package ui

import (
	"fyne.io/fyne/v2"

	"scholia/annotate"
	"scholia/annotate/library"
	"scholia/assets"
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

// read reads a snapshot, with docID's annotations unless it is "", and
// with the document list when list; the open questions themselves only
// when questions (their tab shows), else only their count, as they lie
// all over the file. It runs off the UI goroutine.
func (m *MainWindow) read(docID string, list, questions bool) (snapshot, error) {
	var s snapshot
	var err error
	if list {
		if s.docs, err = m.lib.Documents(); err != nil {
			return s, err
		}
		s.listRead = true
	}
	if docID == "" {
		return s, nil
	}
	s.docID = docID
	if s.anns, err = m.lib.Annotations(docID); err != nil {
		return s, err
	}
	if s.deleted, err = m.lib.Trash(docID); err != nil {
		return s, err
	}
	if questions {
		if s.questions, err = m.lib.OpenQuestions(); err != nil {
			return s, err
		}
		s.open = len(s.questions)
		m.lib.ReleaseMemory() // they lie all over the file
	} else if s.open, err = m.lib.OpenQuestionCount(); err != nil {
		return s, err
	}
	s.tags, _ = m.lib.Tags()
	return s, nil
}

// load reads the document list and the document last read off the UI
// goroutine, importing the welcome article into an empty library (the
// list is read once otherwise: at 20,000 documents, a tenth of a second
// or more), then shows them: the window is on screen meanwhile.
func (m *MainWindow) load() {
	type loaded struct {
		docs []library.Summary
		last string
	}
	start(m.tasks, laneRefresh, "Reading the library…", func() (loaded, error) {
		docs, err := m.lib.Documents()
		if err == nil && len(docs) == 0 && !m.lib.ReadOnly() {
			if err = m.addWelcome(); err == nil {
				docs, err = m.lib.Documents()
			}
		}
		if err != nil {
			return loaded{}, err
		}
		last, _ := m.lib.LastOpened()
		return loaded{docs, last}, nil
	}, func(l loaded, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		m.list.SetDocuments(l.docs)
		m.setStatus("")
		if _, opening := m.tasks.busy(laneOpen); opening || m.reader.Document() != nil {
			return // a document was asked for meanwhile
		}
		switch {
		case l.last != "":
			m.OpenDocument(l.last)
		case m.list.Len() > 0:
			m.list.Tap(0)
		default:
			m.prepareSearch()
		}
	})
}

// prepareSearch builds the search index off the UI goroutine, once: when
// the first document shows, as building it would compete for the
// processor with reading the list and that document. A search before
// then builds it itself.
func (m *MainWindow) prepareSearch() {
	if m.searchStarted {
		return
	}
	m.searchStarted = true
	done := make(chan struct{})
	m.searchPrepared = done
	m.guard.goRun(func() {
		defer close(done)
		if err := m.lib.PrepareSearch(); err != nil {
			m.guard.do(func() { m.showError(err) })
		}
		m.lib.ReleaseMemory()
	})
}

// addWelcome imports the welcome article into a library found empty, so
// the window is never empty on first start. It runs off the UI goroutine.
func (m *MainWindow) addWelcome() error {
	_, err := m.lib.ImportBytes(assets.WelcomeName, assets.WelcomeSource, assets.Welcome)
	return err
}

// refresh reads the list and the open document's annotations again off
// the UI goroutine and shows them, then runs then (may be nil).
func (m *MainWindow) refresh(then func()) { m.refreshing(true, then) }

// refreshHere is refresh after a change to the open document's
// annotations only: the list is not read again, only that document's
// count changes, unless a refresh of the list it would replace (the
// newest refresh wins) has not shown yet.
func (m *MainWindow) refreshHere(then func()) { m.refreshing(m.listStale, then) }

func (m *MainWindow) refreshing(list bool, then func()) {
	docID := ""
	if d := m.reader.Document(); d != nil {
		docID = d.ID
	}
	if list {
		m.listStale = true
	}
	questions := m.panel.QuestionsShown()
	start(m.tasks, laneRefresh, "", func() (snapshot, error) { return m.read(docID, list, questions) }, func(s snapshot, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if list {
			m.listStale = false
		}
		m.apply(s, m.list.clicked)
		if then != nil {
			then()
		}
	})
}

// apply shows a snapshot: the list (keeping the documents' places when
// keep), and the open document's annotations painted in the reader,
// listed in the panel and counted in the status bar.
func (m *MainWindow) apply(s snapshot, keep bool) {
	if s.listRead {
		m.list.setDocuments(s.docs, keep)
	}
	if d := m.reader.Document(); d != nil && d.ID == s.docID {
		m.showAnnotations(s)
		if !s.listRead {
			m.list.SetAnnotationCount(s.docID, len(s.anns))
		}
	}
	m.setStatus(m.statusMsg)
}

func (m *MainWindow) showAnnotations(s snapshot) {
	m.anns, m.openQuestions = s.anns, s.open
	variant := currentVariant(m.app)
	var hs []reader.Highlight
	var marks []reader.Marker
	for _, a := range s.anns {
		if a.Anchor == nil || a.Orphan {
			continue
		}
		hs = append(hs, reader.Highlight{Start: a.Anchor.Start, End: a.Anchor.End, Colour: fill(a.Colour, variant)})
		if a.Kind != annotate.KindHighlight {
			marks = append(marks, reader.Marker{Pos: a.Anchor.Start, Question: a.Kind == annotate.KindQuestion, Colour: solid(a.Colour)})
		}
	}
	m.reader.SetHighlights(hs)
	m.reader.SetMarkers(marks)
	m.panel.Editor.SetKnownTags(s.tags)
	m.tags = s.tags
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

// openDocument shows a document, reading it off the UI goroutine; again
// forces reading it anew even when it is on show (its text changed). then
// (may be nil) runs once it shows. Of two opens asked for in a row, the
// last one wins.
func (m *MainWindow) openDocument(id string, again bool, then func()) {
	if cur := m.reader.Document(); cur != nil && cur.ID == id && !again {
		if then != nil {
			then()
		}
		return
	}
	prev, prevPos := "", 0
	if cur := m.reader.Document(); cur != nil && !m.lib.ReadOnly() {
		prev, prevPos = cur.ID, m.reader.TopPosition()
	}
	keep := m.list.clicked
	m.list.Select(id)
	msg := "Opening…"
	if t := m.list.title(id); t != "" {
		msg = "Opening “" + t + "”…"
	}
	questions := m.panel.QuestionsShown()
	start(m.tasks, laneOpen, msg, func() (opened, error) {
		doc, err := m.lib.Document(id)
		if err != nil {
			return opened{}, err
		}
		o := opened{doc: doc, words: doc.Words(), outline: doc.Outline()}
		o.pos, _ = m.lib.ReadingPosition(id)
		last, _ := m.lib.LastOpened()
		o.last = last == id
		o.snap, err = m.read(id, true, questions)
		return o, err
	}, func(o opened, err error) {
		if err != nil {
			if cur := m.reader.Document(); cur != nil {
				m.list.Select(cur.ID)
			}
			m.setStatus("")
			m.showError(err)
			return
		}
		m.showDocument(o, keep)
		if prev != "" || !o.last {
			// Reopening at start the document read last, where it was
			// read, changes nothing: no write, and so no backup, which
			// the session's first write takes.
			m.markRead(prev, prevPos, id, o.pos)
		}
		m.prepareSearch()
		if then != nil {
			then()
		}
	})
}

// markRead records, off the UI goroutine, where the reader left the
// document before (prev, "" for none) and that id is opened now (first
// in the list sorted by last opened). A write waits for the backup taken
// before a session's first change: it must not hold up the document.
func (m *MainWindow) markRead(prev string, prevPos int, id string, pos int) {
	if m.lib.ReadOnly() {
		return
	}
	m.list.opened(prev, id)
	start(m.tasks, laneChange, "", func() (struct{}, error) {
		if prev != "" {
			if err := m.lib.MarkRead(prev, prevPos); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, m.lib.MarkRead(id, pos)
	}, func(_ struct{}, err error) {
		if err != nil {
			fyne.LogError("saving the reading position", err)
		}
	})
}

// showDocument shows a document read by openDocument.
func (m *MainWindow) showDocument(o opened, keep bool) {
	doc := o.doc
	m.reader.SetDocument(doc, metaLine(doc))
	m.words = o.words
	m.outline.SetEntries(o.outline)
	m.find.SetText(m.reader.Text())
	m.list.Select(doc.ID)
	m.win.SetTitle(doc.Title + " — Scholia")
	if o.pos > 0 {
		m.reader.ScrollTo(o.pos)
	}
	m.outline.MarkCurrent(m.reader.TopPosition())
	m.toolbar.Hide()
	m.tooltipBox.Hide()
	m.panel.Editor.Clear()
	m.statusMsg = ""
	m.apply(o.snap, keep)
}
