package ui

import (
	"errors"
	"fmt"
	"scholia/annotate"
	"scholia/annotate/library"
	"unicode"

	"fyne.io/fyne/v2"
)

// annotator makes annotations from the reader's selection: highlights in
// a colour, notes and questions written in the note dialog, a passage
// used as a question's answer or to place an orphan; it copies passages
// with their citation. It keeps the open document's annotations, to find
// the one under the pointer, and the colour chosen last.
type annotator struct {
	changer
	app     fyne.App
	state   *windowState // the citation style chosen
	panel   *AnnotationPanel
	overlay *overlay
	// saved and savedHere report a change saved and read what shows it
	// again (savedHere: only the open document's annotations); then
	// (may be nil) runs once it shows.
	saved, savedHere func(msg string, then func())
	showError        func(error)

	colour annotate.Colour
	// highlightChoice is the question last asked about a colour chosen on
	// a passage overlapping a highlight of another colour.
	highlightChoice *HighlightChoice
	answering       string                // the question waiting for a passage as its answer
	noteDialog      *NoteDialog           // the note or question dialog last opened
	anns            []annotate.Annotation // the open document's annotations
	tags            []string              // the library's tags, offered in the note dialog
}

// selection is the reader's selection, or ok false with a hint.
//
// The spaces and line breaks a drag takes in at its ends are left out, as
// Hypothesis and Zotero leave them: a quote begins and ends on its words.
func (an *annotator) selection() (int, int, bool) {
	s, e := an.trimmedSelection()
	if an.reader.Document() == nil || s == e {
		an.status.set("Select a passage first")
		return 0, 0, false
	}
	return s, e, true
}

// Highlight highlights the selection in the current colour.
func (an *annotator) Highlight() { an.HighlightIn(an.colour) }

// trimmedSelection is the reader's selection without the spaces and line
// breaks at its ends; an empty one when it holds nothing else.
func (an *annotator) trimmedSelection() (int, int) {
	s, e := an.reader.Selection()
	text := an.reader.Text()
	for s < e && unicode.IsSpace(text[s]) {
		s++
	}
	for e > s && unicode.IsSpace(text[e-1]) {
		e--
	}
	if s == e {
		return 0, 0
	}
	return s, e
}

// HighlightIn highlights the selection in a colour, which becomes the
// current colour. The library's rule decides what that does to the
// highlights the selection overlaps (recolour, join, nothing); when it
// cannot, the reader is asked.
func (an *annotator) HighlightIn(c annotate.Colour) {
	an.colour = c
	s, e, ok := an.selection()
	if !ok {
		return
	}
	an.applyColour(an.reader.Document().ID, s, e, c, library.Decide)
}

func (an *annotator) applyColour(docID string, s, e int, c annotate.Colour, how library.HighlightChoice) {
	saveChange(an.changes, "Saving the highlight…", func() (library.Highlighted, error) {
		return an.lib.Highlight(docID, s, e, c, how)
	}, func(res library.Highlighted, err error) {
		if err != nil {
			an.status.set("")
			an.showError(err)
			return
		}
		an.highlighted(docID, s, e, c, res)
	})
}

// highlighted shows what a highlight saved did; the passage, still
// selected, is let go, unless another was selected meanwhile.
func (an *annotator) highlighted(docID string, s, e int, c annotate.Colour, res library.Highlighted) {
	msg := "Saved"
	switch res.Outcome {
	case library.MustAsk:
		an.overlay.toolbar.Hide()
		an.highlightChoice = newHighlightChoice(c, res, an.win, func(how library.HighlightChoice) {
			if how == library.Decide {
				// Cancelled: the passage stays selected, with its toolbar.
				an.overlay.selectionDone(an.reader.Selection())
				return
			}
			an.applyColour(docID, s, e, c, how)
		})
		an.dialogs.showWith(an.highlightChoice.Show, an.highlightChoice.cancel.OnTapped)
		return
	case library.Unchanged:
		an.letGo(docID, s, e)
		an.status.set("Already highlighted in " + string(c))
		if res.Annotation != nil {
			an.panel.Reveal(res.Annotation.ID)
		}
		return
	case library.Recoloured:
		msg = "Saved: recoloured " + string(c) + " · Ctrl+Z undoes"
	case library.Merged:
		msg = "Saved: one " + string(c) + " highlight now covers the passage · Ctrl+Z undoes"
	}
	an.letGo(docID, s, e)
	id := res.Annotation.ID
	an.savedOn(docID, msg, func() { an.panel.Reveal(id) })
}

// letGo clears the selection of the passage s-e of docID, once a change
// to it is saved, unless the reader has selected something else since.
func (an *annotator) letGo(docID string, s, e int) {
	if d := an.reader.Document(); d == nil || d.ID != docID {
		return
	}
	if cs, ce := an.trimmedSelection(); cs == s && ce == e {
		an.reader.ClearSelection()
	}
}

// savedOn reports a change committed to docID's annotations: then (may be
// nil) runs once it shows, if that document is still the one open.
func (an *annotator) savedOn(docID, msg string, then func()) {
	if d := an.reader.Document(); d == nil || d.ID != docID {
		an.saved(msg, nil)
		return
	}
	an.savedHere(msg, then)
}

// create saves a new annotation off the UI goroutine, then shows it,
// selected, in the panel; done (may be nil) is told on the UI goroutine,
// before that, whether it was saved.
func (an *annotator) create(docID string, d library.Draft, done func(error)) {
	saveChange(an.changes, "Saving…", func() (*annotate.Annotation, error) {
		return an.lib.Annotate(docID, d)
	}, func(a *annotate.Annotation, err error) {
		if err == nil && done != nil {
			// The note shows in the panel's editor before its dialog
			// closes: what is typed next goes into it, not into the
			// editor the panel's refresh will replace.
			if d := an.reader.Document(); d != nil && d.ID == docID {
				an.panel.Editor.Edit(*a)
			}
		}
		if done != nil {
			done(err)
		}
		if err != nil {
			an.status.set("Not saved")
			var p *annotate.Panic
			if errors.As(err, &p) {
				an.guard.caught(p, nil)
			} else if done == nil {
				an.showError(err)
			}
			return
		}
		if !d.Whole {
			an.letGo(docID, d.Start, d.End)
		}
		an.savedOn(docID, "Saved", func() { an.panel.Reveal(a.ID) })
	})
}

// AddNote writes a note on the selection, or on the whole document when
// nothing is selected.
func (an *annotator) AddNote() { an.annotateWithText(annotate.KindNote) }

// AddQuestion asks a question about the selection, or the whole document.
func (an *annotator) AddQuestion() { an.annotateWithText(annotate.KindQuestion) }

// AddDocumentNote writes a note on the whole document.
func (an *annotator) AddDocumentNote() {
	if an.reader.Document() == nil {
		return
	}
	an.reader.ClearSelection()
	an.annotateWithText(annotate.KindNote)
}

func (an *annotator) annotateWithText(kind annotate.Kind) {
	doc := an.reader.Document()
	if doc == nil {
		return
	}
	s, e := an.trimmedSelection()
	d := library.Draft{Kind: kind, Colour: an.colour, Start: s, End: e, Whole: s == e}
	quote := ""
	if s != e {
		quote = string(an.reader.Text()[s:e])
	}
	an.overlay.toolbar.Hide()
	an.noteDialog = NewNoteDialog(kind, quote, an.tags, an.win, func(body string, tags []string, done func(error)) {
		d.Body, d.Tags = body, tags
		if !an.guard.run(func() { an.create(doc.ID, d, done) }) {
			done(errCrashed)
		}
	})
	an.noteDialog.dialogs = an.dialogs
	an.dialogs.showWith(func() { an.noteDialog.Show(an.win) }, an.noteDialog.Cancel)
}

// PickColour makes the i-th colour (from 1) current.
func (an *annotator) PickColour(i int) {
	if i < 1 || i > len(annotate.Colours) {
		return
	}
	an.colour = annotate.Colours[i-1]
	an.status.set("Highlight colour: " + string(an.colour))
}

// CopyWithCitation copies the selection followed by where it comes from.
func (an *annotator) CopyWithCitation() {
	s, e, ok := an.selection()
	if !ok {
		return
	}
	passage, err := annotate.NewAnchor(an.reader.Text(), s, e)
	if err != nil {
		return
	}
	an.app.Clipboard().SetContent(library.Citation(an.reader.Document(), &passage, an.state.citation))
	an.status.set("Copied with citation")
}

// placeHere anchors an orphan on the passage selected in the reader,
// once the panel's edits are saved.
func (an *annotator) placeHere(id string) {
	s, e, ok := an.selection()
	if !ok {
		an.status.set("Select the passage to place it on, then choose Place here")
		return
	}
	docID := an.reader.Document().ID
	an.panel.Editor.flush()
	saveChange(an.changes, "Placing…", func() (*annotate.Annotation, error) {
		an.panel.Editor.saver.waitSaved()
		return an.lib.PlaceAnnotation(id, s, e)
	}, func(_ *annotate.Annotation, err error) {
		if err != nil {
			an.status.set("")
			an.showError(err)
			return
		}
		an.letGo(docID, s, e)
		an.savedOn(docID, "Placed", func() { an.panel.Reveal(id) })
	})
}

// AnswerWithSelection waits for the reader to select, in any document, the
// passage that answers a question.
func (an *annotator) AnswerWithSelection(questionID string) {
	start(an.changes.tasks, laneLookup, "", func() (*annotate.Annotation, error) {
		return an.lib.Annotation(questionID)
	}, func(q *annotate.Annotation, err error) {
		if err != nil {
			an.showError(err)
			return
		}
		an.answering = q.ID
		an.overlay.toolbar.SetAnswering(true)
		an.status.set(fmt.Sprintf("Select the passage that answers “%s” in any document, then choose Use as answer", trimQuote(oneLine(q.Body), 60)))
	})
}

// UseAsAnswer answers the waiting question with the selected passage,
// once the panel's edits are saved. Should that fail, the question still
// waits for its answer.
func (an *annotator) UseAsAnswer() {
	if an.answering == "" {
		return
	}
	s, e, ok := an.selection()
	if !ok {
		return
	}
	qID, docID := an.answering, an.reader.Document().ID
	an.answering = ""
	an.overlay.toolbar.SetAnswering(false)
	an.panel.Editor.flush()
	saveChange(an.changes, "Saving the answer…", func() (struct{}, error) {
		an.panel.Editor.saver.waitSaved()
		q, err := an.lib.Annotation(qID)
		if err != nil {
			return struct{}{}, err
		}
		text := ""
		if q.Answer != nil {
			text = q.Answer.Text
		}
		_, err = an.lib.AnswerWithPassage(q.ID, docID, s, e, text)
		return struct{}{}, err
	}, func(_ struct{}, err error) {
		if err != nil {
			if an.answering == "" {
				an.answering = qID
				an.overlay.toolbar.SetAnswering(true)
			}
			an.status.set("")
			an.showError(err)
			return
		}
		an.letGo(docID, s, e)
		an.saved("Answered", func() { an.panel.Reveal(qID) })
	})
}

// annotationAt is the shortest annotation whose passage holds pos.
func (an *annotator) annotationAt(pos int) (annotate.Annotation, bool) {
	var best annotate.Annotation
	found := false
	for _, a := range an.anns {
		if a.Anchor == nil || a.Orphan || pos < a.Anchor.Start || pos >= a.Anchor.End {
			continue
		}
		if !found || a.Anchor.End-a.Anchor.Start < best.Anchor.End-best.Anchor.Start {
			best, found = a, true
		}
	}
	return best, found
}

// typedRune highlights the selection in the colour of a key 1-6, or
// with nothing selected makes it the current colour.
func (an *annotator) typedRune(r rune) {
	if r < '1' || r > '6' {
		return
	}
	if s, e := an.reader.Selection(); s != e && an.reader.Document() != nil {
		an.HighlightIn(annotate.Colours[r-'1'])
		return
	}
	an.PickColour(int(r - '0'))
}
