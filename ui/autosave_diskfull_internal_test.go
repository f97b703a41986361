//go:build linux

package ui

import (
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
)

// diskFull fails every write to the library as a full disk does (a file
// size limit of 0, ulimit -f), until the returned function restores it.
func diskFull(t *testing.T) func() {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	full := old
	full.Cur = 0
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &full); err != nil {
		t.Fatal(err)
	}
	restored := false
	restore := func() {
		if !restored {
			restored = true
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
				t.Fatal(err)
			}
		}
	}
	t.Cleanup(restore)
	return restore
}

// A panel edit that cannot be saved keeps its text: the window says Not
// saved, the text comes back when the annotation is chosen again, it is
// saved once there is room, and quitting with it unsaved asks first.
func TestAFailedPanelSaveKeepsTheTextAndSaysSo(t *testing.T) {
	m, lib, a, b := twoNotes(t)
	c := m.win.Canvas()
	e := m.panel.Editor
	typed := "Typed when the disk had no room left."
	typeInto(c, e.body, typed)

	restore := diskFull(t)
	tapLabel(t, c, "Raised by whom?")
	e.wait()
	if got := bodyOf(t, lib, a.ID); got != "Which settlement?" {
		t.Fatalf("the library holds %q after a failed save", got)
	}
	if !strings.HasPrefix(m.status.label.Text, "Not saved") || !strings.Contains(overlayTexts(c), "Not saved") {
		t.Errorf("status %q, dialogs %q: want Not saved in both", m.status.label.Text, overlayTexts(c))
	}
	pressKey(c, fyne.KeyEscape)
	if e.ID() != b.ID {
		t.Fatalf("the panel edits %q, want the note clicked", e.ID())
	}

	// Chosen again, it holds what was typed; quitting tries to save it,
	// fails, and asks.
	chooseAnnotation(m.panel, 0)
	if e.body.Text != typed {
		t.Fatalf("chosen again after a failed save, the note shows %q, want %q", e.body.Text, typed)
	}
	m.closing.quit()
	if !strings.Contains(overlayTexts(c), "Quit without saving?") {
		t.Fatalf("quitting with an unsaved edit did not ask: %q", overlayTexts(c))
	}
	tapButton(t, c, "Keep Scholia Open")
	pressKey(c, fyne.KeyEscape) // the Not saved message
	restore()

	// With room again, leaving the box saves it.
	c.Focus(e.body)
	c.Unfocus()
	e.wait()
	if got := bodyOf(t, lib, a.ID); got != typed {
		t.Errorf("with room again the library holds %q, want %q", got, typed)
	}
	if !strings.HasPrefix(m.status.label.Text, "Saved") {
		t.Errorf("status %q, want Saved", m.status.label.Text)
	}
}
