package library

import (
	"errors"
	"slices"
	"sync"

	"scholia/annotate"
	"scholia/annotate/store"
)

// undoSteps are the changes of this session Undo can revert, newest last.
// Edits may be saved off the window's UI goroutine while it saves other
// changes, so the list is guarded.
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
	u.pushLocked(undoStep{what: what, of: of, undo: undo})
}

// pushLocked records a step; mu is held.
func (u *undoSteps) pushLocked(s undoStep) {
	u.serial++
	s.mark = u.serial
	u.steps = append(u.steps, s)
	if len(u.steps) > maxUndo {
		u.steps = u.steps[1:]
	}
}

// Undo reverts the last change of this session (a new annotation is
// removed, an edit is reverted, a deletion or a restore is undone) and
// says what it undid; "" when there is nothing to undo. A change that can
// no longer be reverted is dropped with an error that unwraps to
// ErrCannotUndo; any other error keeps it for a later try.
func (l *Library) Undo() (string, error) {
	l.undo.mu.Lock()
	defer l.undo.mu.Unlock()
	if len(l.undo.steps) == 0 {
		return "", nil
	}
	return l.undo.at(len(l.undo.steps) - 1)
}

// UndoMark is the mark of the change Undo would revert now, 0 when there
// is none: a window takes it when Ctrl+Z is pressed, and UndoStep then
// reverts that change even if newer ones were recorded meanwhile.
func (l *Library) UndoMark() uint64 {
	l.undo.mu.Lock()
	defer l.undo.mu.Unlock()
	if len(l.undo.steps) == 0 {
		return 0
	}
	return l.undo.steps[len(l.undo.steps)-1].mark
}

// UndoStep reverts the change UndoMark named, as Undo does, and says what
// it undid and how many changes recorded after it stay; "" when that
// change is no longer there to undo (already undone, or too old).
func (l *Library) UndoStep(mark uint64) (what string, newer int, err error) {
	l.undo.mu.Lock()
	defer l.undo.mu.Unlock()
	i := slices.IndexFunc(l.undo.steps, func(s undoStep) bool { return s.mark == mark })
	if mark == 0 || i < 0 {
		return "", 0, nil
	}
	newer = len(l.undo.steps) - 1 - i
	what, err = l.undo.at(i)
	return what, newer, err
}

// at reverts the i-th step and drops it, unless it failed in a way a
// later try may not; mu is held.
func (u *undoSteps) at(i int) (string, error) {
	step := u.steps[i]
	err := step.undo()
	if err != nil && !errors.Is(err, errChanged) && !errors.Is(err, annotate.ErrNotFound) {
		return "", err
	}
	u.steps = slices.Delete(u.steps, i, i+1)
	if err != nil {
		return "", annotate.Problemf(ErrCannotUndo, "nothing to undo for that %s: it was changed since", step.of)
	}
	return step.what, nil
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
