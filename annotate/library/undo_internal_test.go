package library

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
)

func openForUndo(t *testing.T) (*Library, string) {
	t.Helper()
	l, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close() })
	res, err := l.ImportBytes("talks.txt", "/talks.txt", []byte("Talks\n\nThe envoy arrived late. The talks began at noon.\n"))
	if err != nil {
		t.Fatal(err)
	}
	return l, res.Document.ID
}

// An undo step whose annotation was changed or restored in a way this
// session did not record (here, by writing to the store directly, as
// another Scholia might have) is dropped with one plain sentence that
// names no id, and the next Undo undoes the change before it.
func TestAnUndoThatNoLongerAppliesIsDroppedOnce(t *testing.T) {
	cases := []struct {
		name   string
		change func(l *Library, a *annotate.Annotation) error
		// drops is how many steps no longer apply: the deletion, or the
		// edit and the creation of the note changed since.
		drops int
		// gone is which note the next Undo takes away: the restored
		// note, whose creation is the step before, or the first note.
		gone func(first, a string) string
	}{
		{"restored since", func(l *Library, a *annotate.Annotation) error {
			if err := l.DeleteAnnotation(a.ID); err != nil {
				return err
			}
			_, err := l.store.RestoreAnnotation(a.ID)
			return err
		}, 1, func(_, a string) string { return a }},
		{"edited since", func(l *Library, a *annotate.Annotation) error {
			b := *a
			b.Body = "changed elsewhere"
			if _, err := l.UpdateAnnotation(b); err != nil {
				return err
			}
			b.Body = "changed again elsewhere"
			return l.store.PutAnnotation(&b)
		}, 2, func(first, _ string) string { return first }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, doc := openForUndo(t)
			first, err := l.Annotate(doc, Draft{Kind: annotate.KindNote, Start: 6, End: 11, Body: "who?"})
			if err != nil {
				t.Fatal(err)
			}
			a, err := l.Annotate(doc, Draft{Kind: annotate.KindNote, Start: 12, End: 19, Body: "why late?"})
			if err != nil {
				t.Fatal(err)
			}
			if err := c.change(l, a); err != nil {
				t.Fatal(err)
			}
			before, _ := l.Annotation(a.ID)
			for range c.drops {
				what, err := l.Undo()
				if !errors.Is(err, ErrCannotUndo) || what != "" {
					t.Fatalf("Undo of a step that no longer applies: %q %v", what, err)
				}
				if msg := err.Error(); strings.Contains(msg, a.ID) || msg != "nothing to undo for that note: it was changed since" {
					t.Errorf("the sentence is %q", msg)
				}
				if now, err := l.Annotation(a.ID); err != nil || now.Body != before.Body {
					t.Fatalf("the dropped step changed the note: %+v %v", now, err)
				}
			}
			if what, err := l.Undo(); err != nil || what != "the new note" {
				t.Fatalf("the next Undo: %q %v, want the step before", what, err)
			}
			gone := c.gone(first.ID, a.ID)
			for _, id := range []string{first.ID, a.ID} {
				_, err := l.Annotation(id)
				if id == gone && !errors.Is(err, annotate.ErrNotFound) || id != gone && err != nil {
					t.Errorf("after the next Undo, note %s: %v", id, err)
				}
			}
			if trash, _ := l.Trash(""); len(trash) != 1 || trash[0].ID != gone {
				t.Errorf("the undone note with words is not in the trash: %+v", trash)
			}
		})
	}
}

// Restoring writes once: the annotation leaves the trash and is found
// again in a revised text in the same transaction.
func TestRestoringIsOneTransaction(t *testing.T) {
	l, doc := openForUndo(t)
	a, err := l.AnnotateQuote(doc, "The talks began at noon.", 1, Draft{})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.DeleteAnnotation(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := l.ImportBytes("talks.txt", "/talks.txt", []byte("Talks\n\nA new opening sentence. The envoy arrived late. The talks began at noon.\n")); err != nil {
		t.Fatal(err)
	}
	before := l.store.TxID()
	back, err := l.RestoreAnnotation(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Anchor.Start == a.Anchor.Start {
		t.Fatalf("the revision did not move the passage: %+v", back.Anchor)
	}
	if got := l.store.TxID() - before; got != 1 {
		t.Errorf("restoring committed %d transactions, want 1", got)
	}
}
