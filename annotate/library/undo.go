package library

import "sync"

// undoSteps are the changes of this session Undo can revert, newest last.
// Edits may be saved off the window's UI goroutine while it saves other
// changes, so the list is guarded.
type undoSteps struct {
	mu    sync.Mutex
	steps []undoStep
}

// undoStep reverts one change of this session.
type undoStep struct {
	what string
	undo func() error
}

// maxUndo is how many changes Undo can revert.
const maxUndo = 100

func (l *Library) pushUndo(what string, undo func() error) {
	l.undo.mu.Lock()
	defer l.undo.mu.Unlock()
	l.undo.steps = append(l.undo.steps, undoStep{what, undo})
	if len(l.undo.steps) > maxUndo {
		l.undo.steps = l.undo.steps[1:]
	}
}

// Undo reverts the last change of this session (a new annotation goes to
// the trash, an edit is reverted, a deletion restored) and says what it
// undid; "" when there is nothing to undo.
func (l *Library) Undo() (string, error) {
	l.undo.mu.Lock()
	defer l.undo.mu.Unlock()
	steps := l.undo.steps
	if len(steps) == 0 {
		return "", nil
	}
	step := steps[len(steps)-1]
	if err := step.undo(); err != nil {
		return "", err
	}
	l.undo.steps = steps[:len(steps)-1]
	return step.what, nil
}
