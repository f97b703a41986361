package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// pressSpace presses the space bar as the window's driver delivers it:
// the key to what has the focus, then the character to what has the focus
// once the key is handled.
func pressSpace(c fyne.Canvas) {
	pressKey(c, fyne.KeySpace)
	if f := c.Focused(); f != nil {
		f.TypedRune(' ')
	} else if h := c.OnTypedRune(); h != nil {
		h(' ')
	}
}

// Space on a dialog's button presses it and nothing else: the text box
// that had the keys before the dialog opened does not get a space, and it
// has the keys again once the events of that key press are handled.
func TestSpaceOnADialogButtonTypesNothingIntoTheNoteBehind(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	a := addNote(t, m, "negotiated settlement", "Which settlement?")
	m.panel.Reveal(a.ID)
	m.panel.Editor.pause = time.Hour
	holdResults(m)
	// The real driver runs fyne.Do's functions after the events already
	// arrived; the test driver runs them at once. Hold them as the real
	// one does.
	var later []func()
	m.dialogs.later = func(f func()) { later = append(later, f) }
	c := m.win.Canvas()
	typeInto(c, m.panel.Editor.body, "Which settlement? The 1994 one.")

	m.cites.show()
	save, ok := find(c.Overlays().Top(), func(b *widget.Button) bool { return b.Text == "Save" })
	if !ok {
		t.Fatal("no Save button in the citation dialog")
	}
	c.Focus(save)
	pressSpace(c)
	if c.Overlays().Top() != nil {
		t.Fatalf("Space on Save left the dialog open: %q", overlayTexts(c))
	}
	for _, f := range later {
		f()
	}
	if c.Focused() != m.panel.Editor.body {
		t.Errorf("after the dialog closed the keys went to %T, not back to the note box", c.Focused())
	}
	m.panel.Editor.Save()
	if got := m.panel.Editor.body.Text; got != "Which settlement? The 1994 one." {
		t.Errorf("the note box holds %q after Space on the dialog's Save", got)
	}
	if got := bodyOf(t, lib, a.ID); got != "Which settlement? The 1994 one." {
		t.Errorf("the library holds %q after Space on the dialog's Save", got)
	}
}

// Space on Keep editing, when Esc asked whether to throw a draft away,
// keeps the draft as it was typed and puts the cursor back in it.
func TestSpaceOnKeepEditingTypesNothingIntoTheDraft(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	var later []func()
	m.dialogs.later = func(f func()) { later = append(later, f) }
	c := m.win.Canvas()
	selectText(t, m, "technical level")
	m.annotator.AddNote()
	d := m.annotator.noteDialog
	draft := "Who sits at the technical level?"
	typeInto(c, d.body, draft)
	pressKey(c, fyne.KeyEscape)
	keep, ok := find(c.Overlays().Top(), func(b *widget.Button) bool { return b.Text == "Keep editing" })
	if !ok {
		t.Fatalf("Esc on a draft did not ask: %q", overlayTexts(c))
	}
	c.Focus(keep)
	pressSpace(c)
	for _, f := range later {
		f()
	}
	if !d.Open() || d.body.Text != draft {
		t.Fatalf("after Space on Keep editing: open %v, the draft reads %q", d.Open(), d.body.Text)
	}
	if c.Focused() != d.body {
		t.Errorf("after Keep editing the keys went to %T, not back to the draft", c.Focused())
	}
}
