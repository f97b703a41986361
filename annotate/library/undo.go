package library

// undoStep reverts one change of this session.
type undoStep struct {
	what string
	undo func() error
}

// maxUndo is how many changes Undo can revert.
const maxUndo = 100

func (l *Library) pushUndo(what string, undo func() error) {
	l.undo = append(l.undo, undoStep{what, undo})
	if len(l.undo) > maxUndo {
		l.undo = l.undo[1:]
	}
}

// Undo reverts the last change of this session (a new annotation goes to
// the trash, an edit is reverted, a deletion restored) and says what it
// undid; "" when there is nothing to undo.
func (l *Library) Undo() (string, error) {
	if len(l.undo) == 0 {
		return "", nil
	}
	step := l.undo[len(l.undo)-1]
	if err := step.undo(); err != nil {
		return "", err
	}
	l.undo = l.undo[:len(l.undo)-1]
	return step.what, nil
}
