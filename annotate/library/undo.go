package library

import (
	"errors"
	"slices"
	"sync"

	"scholia/annotate"
	"scholia/annotate/store"
)

// undoSteps are the changes of this session Undo can revert, newest last.
// A step is recorded and dropped under the library's change lock (see
// Library); mu guards the list itself, so UndoMark reads it without
// waiting for a change being saved.
type undoSteps struct {
	mu     sync.Mutex
	steps  []undoStep
	serial uint64 // the number of the newest step recorded
}

// undoStep reverts one change of this session to an annotation of kind of
// ("highlight", "note", "question").
type undoStep struct {
	what string
	of   annotate.Kind
	undo func() error
	mark uint64 // the step's number, from 1, in the order recorded
}

// maxUndo is how many changes Undo can revert.
const maxUndo = 100

// ErrCannotUndo is what Undo says when the last change can no longer be
// reverted: its annotation was changed, deleted or restored since in a way
// this session's Undo did not record. The step is dropped, so the next
// Undo reverts the change before it.
var ErrCannotUndo = errors.New("cannot undo")

// errChanged is what an undo step says when its annotation is not as the
// change left it.
var errChanged = errors.New("changed since")

// push records a change Undo can revert: what it was, to an annotation of
// which kind, and what reverts it.
func (u *undoSteps) push(what string, of annotate.Kind, undo func() error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.serial++
	u.steps = append(u.steps, undoStep{what: what, of: of, undo: undo, mark: u.serial})
	if len(u.steps) > maxUndo {
		u.steps = u.steps[1:]
	}
}

// newest is the mark of the newest step, 0 when there is none.
func (u *undoSteps) newest() uint64 {
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.steps) == 0 {
		return 0
	}
	return u.steps[len(u.steps)-1].mark
}

// find is the step with this mark and how many steps are newer; ok is
// false when there is none.
func (u *undoSteps) find(mark uint64) (step undoStep, newer int, ok bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	i := slices.IndexFunc(u.steps, func(s undoStep) bool { return s.mark == mark })
	if mark == 0 || i < 0 {
		return undoStep{}, 0, false
	}
	return u.steps[i], len(u.steps) - 1 - i, true
}

// join makes the steps recorded after the mark since one step, so one
// Undo reverts an action that made several changes (Use as answer: a new
// highlight and the question closed): newest first, stopping at the first
// that fails.
func (u *undoSteps) join(since uint64, what string, of annotate.Kind) {
	u.mu.Lock()
	defer u.mu.Unlock()
	i := slices.IndexFunc(u.steps, func(s undoStep) bool { return s.mark > since })
	if i < 0 || i == len(u.steps)-1 {
		return
	}
	parts := slices.Clone(u.steps[i:])
	undo := func() error {
		for j := len(parts) - 1; j >= 0; j-- {
			if err := parts[j].undo(); err != nil {
				return err
			}
		}
		return nil
	}
	u.steps = append(u.steps[:i], undoStep{what: what, of: of, undo: undo, mark: parts[len(parts)-1].mark})
}

// drop forgets the step with this mark.
func (u *undoSteps) drop(mark uint64) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.steps = slices.DeleteFunc(u.steps, func(s undoStep) bool { return s.mark == mark })
}

// Undo reverts the last change of this session (a new annotation is
// removed, an edit is reverted, a deletion or a restore is undone) and
// says what it undid; "" when there is nothing to undo. A change that can
// no longer be reverted is dropped with an error that unwraps to
// ErrCannotUndo; any other error keeps it for a later try.
func (l *Library) Undo() (string, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	what, _, err := l.undoStep(l.undo.newest())
	return what, err
}

// UndoMark is the mark of the change Undo would revert now, 0 when there
// is none: a window takes it when Ctrl+Z is pressed, and UndoStep then
// reverts that change even if newer ones were recorded meanwhile. It
// waits for no change being saved.
func (l *Library) UndoMark() uint64 { return l.undo.newest() }

// UndoStep reverts the change UndoMark named, as Undo does, and says what
// it undid and how many changes recorded after it stay; "" when that
// change is no longer there to undo (already undone, or too old).
func (l *Library) UndoStep(mark uint64) (what string, newer int, err error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	return l.undoStep(mark)
}

// undoStep reverts the step with this mark and drops it, unless it
// failed in a way a later try may not; the change lock is held.
func (l *Library) undoStep(mark uint64) (string, int, error) {
	step, newer, ok := l.undo.find(mark)
	if !ok {
		return "", 0, nil
	}
	err := step.undo()
	if err != nil && !errors.Is(err, errChanged) && !errors.Is(err, annotate.ErrNotFound) {
		return "", newer, err
	}
	l.undo.drop(mark)
	if err != nil {
		return "", newer, annotate.Problemf(ErrCannotUndo, "nothing to undo for that %s: it was changed since", step.of)
	}
	return step.what, newer, nil
}

// asLeft returns the annotation with a's id in s if it still holds what
// a change left in it (where it stands aside: a revised text may have
// moved it), or an error wrapping errChanged or annotate.ErrNotFound.
func asLeft(s *store.Store, a annotate.Annotation) (*annotate.Annotation, error) {
	cur, err := s.Annotation(a.ID)
	if err != nil {
		return nil, err
	}
	if !sameContent(*cur, a) {
		return nil, errChanged
	}
	return cur, nil
}

// sameContent says whether two versions of an annotation hold the same
// thing a reader wrote or chose.
func sameContent(a, b annotate.Annotation) bool {
	sameAnswer := a.Answer == nil && b.Answer == nil ||
		a.Answer != nil && b.Answer != nil && *a.Answer == *b.Answer
	return a.Kind == b.Kind && a.Colour == b.Colour && a.Body == b.Body &&
		slices.Equal(a.Tags, b.Tags) && a.Status == b.Status && sameAnswer &&
		a.Modified.Equal(b.Modified)
}
