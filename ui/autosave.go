package ui

import (
	"strings"
	"sync"
	"time"

	"scholia/annotate"
)

// Edits in the annotations panel save themselves: after a pause in typing
// (autosavePause), on leaving a box, on choosing another annotation or
// document, before deleting, undoing or answering, and on quitting. Each
// save is one OnSave (one transaction in the library), run off the UI
// goroutine one at a time in the order the edits were made; the window
// says "Saved" once it is committed. A save that fails keeps the text: in
// the boxes while they show that annotation, else until it is chosen
// again; the window says "Not saved", and quitting asks first.

// autosavePause is how long typing rests before the edits save.
const autosavePause = time.Second

// autosaver is the queue of edits waiting to be committed.
type autosaver struct {
	mu       sync.Mutex
	idle     *sync.Cond
	queue    []annotate.Annotation
	saving   string // the id of the annotation whose edit is being committed
	results  []saveResult
	busy     bool
	failures map[string]error // by annotation id, the last save's error
}

type saveResult struct {
	a   annotate.Annotation
	err error
}

// editorFields are what the editor's boxes edit, as text.
type editorFields struct {
	body, tags, colour, status, answer string
}

func fieldsOf(a annotate.Annotation) editorFields {
	f := editorFields{body: a.Body, tags: strings.Join(a.Tags, ","), colour: string(a.Colour)}
	if a.Kind == annotate.KindQuestion {
		f.status = string(a.Status)
		if a.Answer != nil {
			f.answer = a.Answer.Text
		}
	}
	return f
}

// saveWhenEdited makes typing or choosing a colour or a status, then a
// pause, and leaving a box save the edits.
func (e *AnnotationEditor) saveWhenEdited() {
	for _, box := range []*shortcutEntry{e.body, e.answer, e.tags.entry} {
		changed := box.OnChanged
		box.OnChanged = func(s string) {
			if changed != nil {
				changed(s)
			}
			e.typed()
		}
		box.onBlur = e.flush
	}
	e.colour.OnChanged = func(string) { e.typed() }
	e.status.OnChanged = func(string) { e.typed() }
}

// typed saves once typing pauses.
func (e *AnnotationEditor) typed() {
	if e.loading || e.a == nil {
		return
	}
	e.stopTimer()
	e.timer = e.guard.after(e.pause, e.flush)
}

func (e *AnnotationEditor) stopTimer() {
	if e.timer != nil {
		e.timer.Stop()
		e.timer = nil
	}
}

// flush hands the edits, if any, to be saved.
func (e *AnnotationEditor) flush() {
	e.stopTimer()
	if e.a == nil || e.OnSave == nil {
		return
	}
	ed := e.edited()
	if !e.failed && fieldsOf(ed) == fieldsOf(*e.a) {
		return
	}
	e.a = &ed
	e.failed = false
	e.commit(ed)
}

// commit queues an edit, replacing an older edit of the same annotation
// still waiting, and starts the saver unless it runs.
func (e *AnnotationEditor) commit(a annotate.Annotation) {
	s := &e.saver
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.queue {
		if s.queue[i].ID == a.ID {
			s.queue[i] = a
			return
		}
	}
	s.queue = append(s.queue, a)
	if !s.busy {
		s.busy = true
		e.guard.goRun(e.saveQueued)
	}
}

// saveQueued commits the queued edits one by one, off the UI goroutine,
// and hands each result back to it.
func (e *AnnotationEditor) saveQueued() {
	s := &e.saver
	drained := false
	defer func() {
		// Should this loop ever end otherwise, nobody waits for it forever.
		if !drained {
			s.mu.Lock()
			s.busy = false
			s.idle.Broadcast()
			s.mu.Unlock()
		}
	}()
	for {
		s.mu.Lock()
		if len(s.queue) == 0 {
			s.busy = false
			s.idle.Broadcast()
			s.mu.Unlock()
			drained = true
			return
		}
		a := s.queue[0]
		s.queue = s.queue[1:]
		s.saving = a.ID
		s.mu.Unlock()

		err := errCrashed
		e.guard.run(func() { err = e.OnSave(a) })

		s.mu.Lock()
		if s.failures == nil {
			s.failures = map[string]error{}
		}
		if err != nil {
			s.failures[a.ID] = err
		} else {
			delete(s.failures, a.ID)
		}
		s.results = append(s.results, saveResult{a, err})
		s.saving = ""
		s.mu.Unlock()
		if e.toUI != nil {
			e.toUI(e.deliver)
		} else {
			e.guard.do(e.deliver)
		}
	}
}

// pending says whether an edit of the annotation id waits to be committed
// or is being committed.
func (s *autosaver) pending(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saving == id {
		return true
	}
	for _, a := range s.queue {
		if a.ID == id {
			return true
		}
	}
	return false
}

// wait waits until every queued edit is committed (or failed) and shows
// the results.
func (e *AnnotationEditor) wait() {
	e.saver.waitSaved()
	// In tests, what the saves handed to the UI goroutine (a crash told)
	// runs here, where a real window runs it before the next event.
	uiLoop.drain()
	e.deliver()
}

// deliver tells OnSaved how the finished saves went, on the UI goroutine.
func (e *AnnotationEditor) deliver() {
	s := &e.saver
	s.mu.Lock()
	results := s.results
	s.results = nil
	s.mu.Unlock()
	for _, r := range results {
		if r.err != nil {
			e.keep(r.a)
		}
		if e.OnSaved != nil {
			e.OnSaved(r.a, r.err)
		}
	}
}

// waitSaved waits until every queued edit is committed (or failed); its
// result shows on the UI goroutine as always. Tasks that change the
// library wait so off the UI goroutine, after the edits they follow.
func (s *autosaver) waitSaved() {
	s.mu.Lock()
	for s.busy {
		s.idle.Wait()
	}
	s.mu.Unlock()
}

// running says whether edits are queued or being committed: edits made
// before an Undo that it may have to revert.
func (s *autosaver) running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.busy
}

// settle saves the edits and waits for them; it returns why an edit is
// still unsaved, if one is.
func (e *AnnotationEditor) settle() error {
	e.Save()
	s := &e.saver
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, err := range s.failures {
		return err
	}
	return nil
}

// forget drops what is kept of an annotation's failed edits, once the
// reader has deleted it: quitting then has nothing of it to ask about.
func (e *AnnotationEditor) forget(id string) {
	e.saver.mu.Lock()
	delete(e.saver.failures, id)
	e.saver.mu.Unlock()
	delete(e.unsaved, id)
}

// keep holds on to an edit whose save failed: back in the boxes not
// typed in since when it is shown, else until it is chosen again.
func (e *AnnotationEditor) keep(a annotate.Annotation) {
	if e.a == nil || e.a.ID != a.ID {
		e.unsaved[a.ID] = a
		return
	}
	e.fill(fieldsOf(a))
	e.failed = true
}

// load fills the boxes with an annotation. The same annotation shown
// again (refreshed after a save) keeps the boxes typed in since, and all
// of them while a later edit of it is still being saved: the library then
// holds an older text than the boxes. An edit that failed to save comes
// back.
func (e *AnnotationEditor) load(a annotate.Annotation) {
	same := e.a != nil && e.a.ID == a.ID
	if same && e.saver.pending(a.ID) {
		return
	}
	keepTyped := same && e.failed
	var base editorFields
	if same {
		base = fieldsOf(*e.a)
	}
	now := e.shown()
	e.a = &a
	if !same {
		e.failed = false
	}
	e.loading = true
	defer func() { e.loading = false }()
	next := fieldsOf(a)
	pick := func(typed, was, stored string) string {
		if same && (keepTyped || typed != was) {
			return typed
		}
		return stored
	}
	e.setFields(editorFields{
		body:   pick(now.body, base.body, next.body),
		tags:   pick(now.tags, base.tags, next.tags),
		colour: pick(now.colour, base.colour, next.colour),
		status: pick(now.status, base.status, next.status),
		answer: pick(now.answer, base.answer, next.answer),
	})
	if u, ok := e.unsaved[a.ID]; ok && !same {
		delete(e.unsaved, a.ID)
		e.setFields(fieldsOf(u))
		e.failed = true
	}
}

// fill puts an edit back into the boxes not typed in since the last save.
func (e *AnnotationEditor) fill(f editorFields) {
	now, base := e.shown(), fieldsOf(*e.a)
	pick := func(typed, was, v string) string {
		if typed != was {
			return typed
		}
		return v
	}
	e.loading = true
	defer func() { e.loading = false }()
	e.setFields(editorFields{
		body:   pick(now.body, base.body, f.body),
		tags:   pick(now.tags, base.tags, f.tags),
		colour: pick(now.colour, base.colour, f.colour),
		status: pick(now.status, base.status, f.status),
		answer: pick(now.answer, base.answer, f.answer),
	})
}

// shown is what the boxes hold, for the annotation being edited.
func (e *AnnotationEditor) shown() editorFields {
	if e.a == nil {
		return editorFields{}
	}
	f := editorFields{body: e.body.Text, tags: strings.Join(e.tags.Tags(), ","), colour: e.colour.Selected}
	if e.a.Kind == annotate.KindQuestion {
		f.status, f.answer = e.status.Selected, e.answer.Text
	}
	return f
}

// setFields fills the boxes, leaving alone those that already hold it.
func (e *AnnotationEditor) setFields(f editorFields) {
	was := e.loading
	e.loading = true
	defer func() { e.loading = was }()
	if e.body.Text != f.body {
		e.body.SetText(f.body)
	}
	if strings.Join(e.tags.Tags(), ",") != f.tags {
		var tags []string
		if f.tags != "" {
			tags = strings.Split(f.tags, ",")
		}
		e.tags.SetTags(tags)
	}
	if e.colour.Selected != f.colour {
		if f.colour == "" {
			e.colour.ClearSelected() // SetSelected("") keeps the colour shown before
		} else {
			e.colour.SetSelected(f.colour)
		}
	}
	if e.a.Kind == annotate.KindQuestion {
		if e.status.Selected != f.status {
			e.status.SetSelected(f.status)
		}
		if e.answer.Text != f.answer {
			e.answer.SetText(f.answer)
		}
	}
}

// FocusLost saves the panel's edits when the cursor leaves a box.
func (e *shortcutEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}
