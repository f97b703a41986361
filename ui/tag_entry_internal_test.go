package ui

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate/library"
)

// tagsOf is what the library holds as an annotation's tags.
func tagsOf(t *testing.T, lib *library.Library, id string) []string {
	t.Helper()
	a, err := lib.Annotation(id)
	if err != nil {
		t.Fatal(err)
	}
	return a.Tags
}

// Tags typed in the New note dialog are separated by commas only: a tag
// of two words is one tag, and the box keeps what was typed. Enter in the
// note makes a new line; Enter in the tags saves, or, while a tag is
// suggested, takes the suggestion.
func TestTheNoteDialogKeepsTagsOfSeveralWords(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	c := m.win.Canvas()
	want := []string{"hedging", "diplomatic language"}

	selectText(t, m, "in principle")
	m.annotator.AddNote()
	d := m.annotator.noteDialog
	typeInto(c, d.body, "Soft words.")
	pressKey(c, fyne.KeyReturn)
	test.Type(d.body, "Hard terms.")
	if !d.Open() || d.body.Text != "Soft words.\nHard terms." {
		t.Fatalf("Enter in the note: dialog open %v, the note holds %q, want a new line", d.Open(), d.body.Text)
	}
	typeInto(c, d.tags.entry, "hedging, diplomatic language")
	if got := d.tags.entry.Text; got != "hedging, diplomatic language" {
		t.Errorf("the tag box holds %q after typing", got)
	}
	if got := d.tags.Tags(); !reflect.DeepEqual(got, want) {
		t.Errorf("the tag box reads the tags %q, want %q", got, want)
	}
	pressKey(c, fyne.KeyReturn)
	if d.Open() {
		t.Fatalf("Enter in the tags did not save the note: %s", m.status.label.Text)
	}
	note := shownIn(m.panel)[len(shownIn(m.panel))-1]
	if got := tagsOf(t, lib, note.ID); !reflect.DeepEqual(got, want) || note.Body != "Soft words.\nHard terms." {
		t.Errorf("saved the note %q with tags %q, want %q", note.Body, got, want)
	}

	selectText(t, m, "technical level")
	m.annotator.AddNote()
	d = m.annotator.noteDialog
	typeInto(c, d.tags.entry, "satire, diplo")
	if got := d.tags.Suggestions(); !reflect.DeepEqual(got, []string{"diplomatic language"}) {
		t.Fatalf("typing %q suggests %q", d.tags.entry.Text, got)
	}
	pressKey(c, fyne.KeyReturn)
	if !d.Open() || d.tags.entry.Text != "satire, diplomatic language, " {
		t.Fatalf("Enter on a suggestion: dialog open %v, the box holds %q", d.Open(), d.tags.entry.Text)
	}
	test.Type(d.tags.entry, "rules of the game")
	pressKey(c, fyne.KeyReturn)
	if d.Open() {
		t.Fatalf("Enter with no suggestion shown did not save: %s", m.status.label.Text)
	}
	second := shownIn(m.panel)[len(shownIn(m.panel))-1]
	if got, want := tagsOf(t, lib, second.ID), []string{"satire", "diplomatic language", "rules of the game"}; !reflect.DeepEqual(got, want) {
		t.Errorf("saved the tags %q, want %q", got, want)
	}
}

// Tags typed in the panel are saved as typed, and the box shows them
// unchanged once saved and when the note is chosen again.
func TestThePanelKeepsTagsOfSeveralWords(t *testing.T) {
	m, lib, a, _ := twoNotes(t)
	c := m.win.Canvas()
	e := m.panel.Editor
	typed := "satire, rules of the game"
	want := []string{"satire", "rules of the game"}

	typeInto(c, e.tags.entry, typed)
	c.Unfocus()
	e.wait()
	if got := tagsOf(t, lib, a.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("leaving the tag box saved %q, want %q", got, want)
	}
	if e.tags.entry.Text != typed {
		t.Errorf("once saved the tag box holds %q, want %q", e.tags.entry.Text, typed)
	}

	typed, want = "hedging, diplomatic language", []string{"hedging", "diplomatic language"}
	typeInto(c, e.tags.entry, typed)
	pressKey(c, fyne.KeyReturn)
	e.wait()
	if got := tagsOf(t, lib, a.ID); !reflect.DeepEqual(got, want) {
		t.Errorf("Enter in the tag box saved %q, want %q", got, want)
	}
	if e.tags.entry.Text != typed {
		t.Errorf("once saved with Enter the tag box holds %q, want %q", e.tags.entry.Text, typed)
	}
	chooseAnnotation(m.panel, 1)
	chooseAnnotation(m.panel, 0)
	if e.ID() != a.ID || e.tags.entry.Text != typed {
		t.Errorf("chosen again, the note's tag box holds %q, want %q", e.tags.entry.Text, typed)
	}
}
