package library

import (
	"errors"
	"slices"
	"sync"

	"scholia/annotate"
)

// undoSteps are the changes of this session Undo can revert, newest last.
// Edits may be saved off the window's UI goroutine while it saves other
// changes, so the list is guarded.
type undoSteps struct {
	mu    sync.Mutex
	steps []undoStep
}

// undoStep reverts one change of this session to an annotation of kind of
// ("highlight", "note", "question").
type undoStep struct {
	what string
	of   annotate.Kind
	undo func() error
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

func (l *Library) pushUndo(what string, of annotate.Kind, undo func() error) {
	l.undo.mu.Lock()
	defer l.undo.mu.Unlock()
	l.pushLocked(undoStep{what, of, undo})
}

func (l *Library) pushLocked(s undoStep) {
	l.undo.steps = append(l.undo.steps, s)
	if len(l.undo.steps) > maxUndo {
		l.undo.steps = l.undo.steps[1:]
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
	steps := l.undo.steps
	if len(steps) == 0 {
		return "", nil
	}
	step := steps[len(steps)-1]
	err := step.undo()
	if err != nil && !errors.Is(err, errChanged) && !errors.Is(err, annotate.ErrNotFound) {
		return "", err
	}
	l.undo.steps = steps[:len(steps)-1]
	if err != nil {
		return "", annotate.Problemf(ErrCannotUndo, "nothing to undo for that %s: it was changed since", step.of)
	}
	return step.what, nil
}

// asLeft returns the annotation with a's id if it still holds what a
// change left in it (where it stands aside: a revised text may have moved
// it), or an error wrapping errChanged or annotate.ErrNotFound.
func (l *Library) asLeft(a annotate.Annotation) (*annotate.Annotation, error) {
	cur, err := l.store.Annotation(a.ID)
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
