package ui

import (
	"testing"

	"scholia/annotate"
)

// Typing goes on while an earlier save of the same note commits: when the
// window hears that the earlier save is done, the box keeps the later
// text, and the library ends with it.
func TestAnEarlierSaveDoesNotTakeBackTheTextTypedSince(t *testing.T) {
	m, lib, a, _ := twoNotes(t)
	c := m.win.Canvas()
	e := m.panel.Editor
	save := e.OnSave
	calls := 0
	release := make(chan struct{})
	e.OnSave = func(x annotate.Annotation) error {
		calls++
		if calls > 1 {
			<-release
		}
		return save(x)
	}

	typeInto(c, e.body, "The 1994 settlement.")
	e.flush()
	eventually(t, "the first save committed", func() bool { return bodyOf(t, lib, a.ID) == "The 1994 settlement." })
	typeInto(c, e.body, "The 1994 settlement, renegotiated in 1996.")
	e.flush()
	eventually(t, "the first save reported", func() bool {
		e.saver.mu.Lock()
		defer e.saver.mu.Unlock()
		return len(e.saver.results) == 1
	})
	e.deliver() // the window hears of the first save; the second one still runs
	shown := e.body.Text
	close(release)
	e.wait()
	if shown != "The 1994 settlement, renegotiated in 1996." {
		t.Errorf("while the later edit was saving, the box went back to %q", shown)
	}
	if got := bodyOf(t, lib, a.ID); got != "The 1994 settlement, renegotiated in 1996." {
		t.Errorf("the library holds %q", got)
	}
}
