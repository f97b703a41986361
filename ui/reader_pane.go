package ui

import (
	"time"

	"fyne.io/fyne/v2"

	"scholia/annotate"
	"scholia/annotate/library"
	"scholia/ui/reader"
)

// readerPane is the middle of the window: the reader, the find bar above
// it and the outline drop-down. It keeps the outline on the heading in
// view, follows a contents list's links, paints the find bar's matches,
// and records where the reader is in the document.
type readerPane struct {
	reader  *reader.Reader
	outline *Outline
	find    *FindBar
	// settings are how the reader sets text.
	settings *readingSettings

	lib   *library.Library
	tasks *tasks
	guard *crashGuard
	// saveTick records the reading position a second after scrolling stops.
	saveTick *time.Timer
	// words are the open document's words, counted once: the status bar
	// shows them on every pointer move.
	words int
	// scrolled is called after the reader scrolled.
	scrolled func()
	// leaving is called before a jump away from the place read (a
	// contents line, an outline entry followed), for Back.
	leaving func()
}

func newReaderPane(lib *library.Library, t *tasks, g *crashGuard) *readerPane {
	p := &readerPane{reader: reader.New(), lib: lib, tasks: t, guard: g}
	p.reader.OnScrolled = p.onScrolled
	p.reader.OnLinkTapped = p.followContentsLink
	p.outline = NewOutline(p.jump)
	p.find = NewFindBar(p.showMatches, p.reader.Focus)
	p.find.from = p.reader.TopPosition
	return p
}

// show shows a document read, at pos, with its outline; nil shows none.
func (p *readerPane) show(doc *annotate.Document, pos, words int, outline []annotate.OutlineEntry) {
	meta := ""
	if doc != nil {
		meta = metaLine(doc)
	}
	p.reader.SetDocument(doc, meta)
	p.words = words
	p.outline.SetEntries(outline)
	p.find.SetText(p.reader.Text())
	if pos > 0 {
		p.reader.ScrollTo(pos)
	}
	p.outline.MarkCurrent(p.reader.TopPosition())
}

// paint paints the open document's annotations in the reader: each
// placed one's passage in its colour, with a sign in the margin for a
// note or question.
func (p *readerPane) paint(anns []annotate.Annotation, variant fyne.ThemeVariant) {
	var hs []reader.Highlight
	var marks []reader.Marker
	for _, a := range anns {
		if a.Anchor == nil || a.Orphan {
			continue
		}
		hs = append(hs, reader.Highlight{Start: a.Anchor.Start, End: a.Anchor.End, Colour: fill(a.Colour, variant)})
		if a.Kind != annotate.KindHighlight {
			marks = append(marks, reader.Marker{Pos: a.Anchor.Start, Question: a.Kind == annotate.KindQuestion, Colour: solid(a.Colour)})
		}
	}
	p.reader.SetHighlights(hs)
	p.reader.SetMarkers(marks)
}

func (p *readerPane) onScrolled(top int) {
	p.outline.MarkCurrent(top)
	if p.scrolled != nil {
		p.scrolled()
	}
	if p.saveTick != nil {
		p.saveTick.Stop()
	}
	p.saveTick = p.guard.after(time.Second, p.saveReading)
}

// saveReading records, off the UI goroutine, where the reader is in the
// open document.
func (p *readerPane) saveReading() {
	doc := p.reader.Document()
	if doc == nil || p.lib.ReadOnly() {
		return
	}
	id, pos := doc.ID, p.reader.TopPosition()
	start(p.tasks, laneChange, "", func() (struct{}, error) {
		return struct{}{}, p.lib.MarkRead(id, pos)
	}, func(_ struct{}, err error) {
		if err != nil {
			fyne.LogError("saving the reading position", err)
		}
	})
}

// saveReadingBeforeQuit records where the reader is as one of the changes
// quitting waits for (c's quit follows it), and says whether there was
// anything to record. Should that fail, the quit goes on: the position is
// not worth keeping the window open.
func (p *readerPane) saveReadingBeforeQuit(c *changes) bool {
	doc := p.reader.Document()
	if doc == nil || p.lib.ReadOnly() {
		return false
	}
	id, pos := doc.ID, p.reader.TopPosition()
	c.quitWhenSaved = true
	saveChange(c, "Saving before quitting…", func() (struct{}, error) {
		if err := p.lib.MarkRead(id, pos); err != nil {
			fyne.LogError("saving the reading position", err)
		}
		return struct{}{}, nil
	}, func(struct{}, error) {})
	return true
}

// stop ends the pane's timers: the window is closing.
func (p *readerPane) stop() {
	if p.saveTick != nil {
		p.saveTick.Stop()
	}
	p.reader.Stop()
}

func (p *readerPane) followContentsLink(line string) {
	if e, ok := p.outline.EntryFor(line); ok {
		p.jump(e.Start)
	} else if pos, ok := p.outline.PagePosition(p.reader.Document(), line); ok {
		p.jump(pos)
	}
}

// jump scrolls to pos, leaving the place read for Back.
func (p *readerPane) jump(pos int) {
	if p.leaving != nil {
		p.leaving()
	}
	p.reader.ScrollTo(pos)
}

// showMatches paints the find bar's matches and brings the current one
// into sight; one already in the upper part of the view (a line cut at
// the top too) is shown where it is, so typing a query moves nothing.
func (p *readerPane) showMatches(matches [][2]int, current int) {
	p.reader.SetFindMatches(matches, current)
	if current < 0 || current >= len(matches) {
		return
	}
	if pt, ok := p.reader.PointOf(matches[current][0]); ok && pt.Y < p.reader.Size().Height*2/3 {
		return
	}
	p.reader.Reveal(matches[current][0])
}
