package ui

import (
	"scholia/annotate"
	"scholia/annotate/library"
	"scholia/assets"
	"scholia/ui/reader"

	"fyne.io/fyne/v2"
)

// libraryPane is the left of the window, the document list with its filter
// and sort order, and what feeds the window from the library: reading it
// off the UI goroutine at start, after a change and when a document opens,
// and building the search index once.
type libraryPane struct {
	list   *LibraryPanel
	lib    *library.Library
	tasks  *tasks
	guard  *crashGuard
	status *statusBar
	// reader holds the document on show.
	reader *reader.Reader
	// questionsWanted says which questions the panel's Questions tab
	// lists, none when it does not show: a refresh then reads them.
	questionsWanted func() questionSet
	showError       func(error)
	// apply shows a snapshot read; show shows a document read.
	apply func(s snapshot)
	show  func(o opened)

	// leaving is called before another document opens, for Back.
	leaving func()

	searchStarted  bool          // the search index is being built or built
	searchPrepared chan struct{} // closed once the search index is built or loaded
	listStale      bool          // a refresh of the document list has not shown yet
}

// read reads a snapshot, with docID's annotations unless it is "", and
// with the document list when list; the open questions themselves only
// when questions (their tab shows), else only their count, as they lie
// all over the file. It runs off the UI goroutine.
func (p *libraryPane) read(docID string, list bool, questions questionSet) (snapshot, error) {
	var s snapshot
	var err error
	if list {
		if s.docs, err = p.lib.Documents(); err != nil {
			return s, err
		}
		s.listRead = true
	}
	if docID == "" {
		return s, nil
	}
	s.docID = docID
	if s.anns, err = p.lib.Annotations(docID); err != nil {
		return s, err
	}
	if s.deleted, err = p.lib.Trash(docID); err != nil {
		return s, err
	}
	if questions != noQuestions {
		read := p.lib.OpenQuestions
		if questions == everyQuestion {
			read = p.lib.AllQuestions
		}
		if s.questions, err = read(); err != nil {
			return s, err
		}
		for _, q := range s.questions {
			if q.Status == annotate.StatusOpen {
				s.open++
			}
		}
		p.lib.ReleaseMemory() // they lie all over the file
	} else if s.open, err = p.lib.OpenQuestionCount(); err != nil {
		return s, err
	}
	s.tags, _ = p.lib.Tags()
	return s, nil
}

// load reads the document list and the document last read off the UI
// goroutine, importing the welcome article into an empty library (the
// list is read once otherwise: at 20,000 documents, a tenth of a second
// or more), then shows them: the window is on screen meanwhile.
func (p *libraryPane) load() {
	type loaded struct {
		docs []library.Summary
		last string
	}
	start(p.tasks, laneRefresh, "Reading the library…", func() (loaded, error) {
		docs, err := p.lib.Documents()
		if err == nil && len(docs) == 0 && !p.lib.ReadOnly() {
			if err = p.addWelcome(); err == nil {
				docs, err = p.lib.Documents()
			}
		}
		if err != nil {
			return loaded{}, err
		}
		last, _ := p.lib.LastOpened()
		return loaded{docs, last}, nil
	}, func(l loaded, err error) {
		if err != nil {
			p.showError(err)
			return
		}
		p.list.SetDocuments(l.docs)
		p.status.set("")
		if _, opening := p.tasks.busy(laneOpen); opening || p.reader.Document() != nil {
			return // a document was asked for meanwhile
		}
		switch {
		case l.last != "":
			p.openDocument(l.last, false, nil)
		case p.list.Len() > 0:
			p.list.Tap(0)
		default:
			p.prepareSearch()
		}
	})
}

// prepareSearch builds the search index off the UI goroutine, once: when
// the first document shows, as building it would compete for the
// processor with reading the list and that document. A search before
// then builds it itself.
func (p *libraryPane) prepareSearch() {
	if p.searchStarted {
		return
	}
	p.searchStarted = true
	done := make(chan struct{})
	p.searchPrepared = done
	p.guard.goRun(func() {
		defer close(done)
		if err := p.lib.PrepareSearch(); err != nil {
			p.guard.do(func() { p.showError(err) })
		}
		p.lib.ReleaseMemory()
	})
}

// addWelcome imports the welcome article into a library found empty, so
// the window is never empty on first start. It runs off the UI goroutine.
func (p *libraryPane) addWelcome() error {
	_, err := p.lib.ImportBytes(assets.WelcomeName, assets.WelcomeSource, assets.Welcome)
	return err
}

// refreshing reads the open document's annotations again, and the list
// when list, off the UI goroutine and shows them, then runs then (may be
// nil).
func (p *libraryPane) refreshing(list bool, then func()) {
	docID := ""
	if d := p.reader.Document(); d != nil {
		docID = d.ID
	}
	if list {
		p.listStale = true
	}
	questions := p.questionsWanted()
	start(p.tasks, laneRefresh, "", func() (snapshot, error) { return p.read(docID, list, questions) }, func(s snapshot, err error) {
		if err != nil {
			p.showError(err)
			return
		}
		if list {
			p.listStale = false
		}
		p.apply(s)
		if then != nil {
			then()
		}
	})
}

// openDocument shows a document, reading it off the UI goroutine; again
// forces reading it anew even when it is on show (its text changed). then
// (may be nil) runs once it shows. Of two opens asked for in a row, the
// last one wins.
func (p *libraryPane) openDocument(id string, again bool, then func()) {
	if cur := p.reader.Document(); cur != nil && cur.ID == id && !again {
		if then != nil {
			then()
		}
		return
	}
	if cur := p.reader.Document(); cur != nil && cur.ID != id && p.leaving != nil {
		p.leaving()
	}
	prev, prevPos := "", 0
	if cur := p.reader.Document(); cur != nil && !p.lib.ReadOnly() {
		prev, prevPos = cur.ID, p.reader.TopPosition()
	}
	p.list.Select(id)
	msg := "Opening…"
	if t := p.list.title(id); t != "" {
		msg = "Opening “" + t + "”…"
	}
	questions := p.questionsWanted()
	// A document the list shows needs no list read again (a list of
	// 20,000 documents takes a quarter of a second to read): its row is
	// brought up to date from what is read. Opened again (revised), it
	// may have a new title: the list is read.
	listed := !again && p.list.title(id) != ""
	start(p.tasks, laneOpen, msg, func() (opened, error) {
		doc, err := p.lib.Document(id)
		if err != nil {
			return opened{}, err
		}
		o := opened{doc: doc, words: doc.Words(), outline: doc.Outline()}
		o.pos, _ = p.lib.ReadingPosition(id)
		last, _ := p.lib.LastOpened()
		o.last = last == id
		o.snap, err = p.read(id, !listed, questions)
		return o, err
	}, func(o opened, err error) {
		if err != nil {
			if cur := p.reader.Document(); cur != nil {
				p.list.Select(cur.ID)
			}
			p.status.set("")
			p.showError(err)
			return
		}
		p.show(o)
		if prev != "" || !o.last {
			// Reopening at start the document read last, where it was
			// read, changes nothing: no write, and so no backup, which
			// the session's first write takes.
			p.markRead(prev, prevPos, id, o.pos)
		}
		p.prepareSearch()
		if then != nil {
			then()
		}
	})
}

// markRead records, off the UI goroutine, where the reader left the
// document before (prev, "" for none) and that id is opened now (first
// in the list sorted by last opened). A write waits for the backup taken
// before a session's first change: it must not hold up the document.
func (p *libraryPane) markRead(prev string, prevPos int, id string, pos int) {
	if p.lib.ReadOnly() {
		return
	}
	p.list.opened(prev, id)
	start(p.tasks, laneChange, "", func() (struct{}, error) {
		if prev != "" {
			if err := p.lib.MarkRead(prev, prevPos); err != nil {
				return struct{}{}, err
			}
		}
		return struct{}{}, p.lib.MarkRead(id, pos)
	}, func(_ struct{}, err error) {
		if err != nil {
			fyne.LogError("saving the reading position", err)
		}
	})
}

// saved reports a committed change and reads what shows it again, off
// the UI goroutine; then (may be nil) runs once it shows.
func (p *libraryPane) saved(msg string, then func()) {
	p.status.set(msg)
	p.refreshing(true, then)
}

// savedHere reports a committed change to the open document's
// annotations: the library list only needs that document's count, not
// every document read again. then (may be nil) runs once it shows.
func (p *libraryPane) savedHere(msg string, then func()) {
	p.status.set(msg)
	p.refreshing(p.listStale, then)
}
