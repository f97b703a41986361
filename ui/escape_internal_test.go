package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// escCloses presses Esc and checks that nothing shows over the window.
func escCloses(t *testing.T, c fyne.Canvas, what string) {
	t.Helper()
	if c.Overlays().Top() == nil {
		t.Fatalf("%s is not showing", what)
	}
	pressKey(c, fyne.KeyEscape)
	if top := c.Overlays().Top(); top != nil {
		t.Errorf("Esc left %s open: %q", what, texts(top))
		for c.Overlays().Top() != nil { // so the next case starts clean
			c.Overlays().Remove(c.Overlays().Top())
		}
	}
}

// Esc closes every dialog of the window as its Cancel or Close button
// does, also when something in it has the keys.
func TestEscClosesEveryDialog(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	addNote(t, m, "negotiated settlement", "Which settlement?")
	c := m.win.Canvas()

	t.Run("the shortcuts sheet", func(t *testing.T) {
		pressKey(c, fyne.KeyF1)
		if !m.help.open {
			t.Fatal("F1 did not open the shortcuts sheet")
		}
		escCloses(t, c, "the shortcuts sheet")
		if m.help.open {
			t.Error("the window still counts the sheet as open")
		}
	})

	t.Run("the export dialog, after a choice in it", func(t *testing.T) {
		m.exports.show()
		format, ok := find(c.Overlays().Top(), func(s *widget.Select) bool { return len(s.Options) > 1 })
		if !ok {
			t.Fatal("no format drop-down in the export dialog")
		}
		c.Focus(format) // a click on the drop-down gives it the keys
		format.SetSelected(format.Options[1])
		escCloses(t, c, "the export dialog")
	})

	t.Run("citation details, typing in a field", func(t *testing.T) {
		m.cites.show()
		title, ok := find(c.Overlays().Top(), func(e *shortcutEntry) bool { return e.Text == "Joint Statement" })
		if !ok {
			t.Fatal("no title field in the citation dialog")
		}
		typeInto(c, title, "Joint Statement, a draft")
		escCloses(t, c, "the citation dialog")
		if doc, _ := lib.Document(m.reader.Document().ID); doc.Ref().Title != "Joint Statement" {
			t.Errorf("Esc saved the title %q", doc.Ref().Title)
		}
	})

	t.Run("the question a colour over another colour asks", func(t *testing.T) {
		selectText(t, m, "in principle, to a negotiated")
		m.annotator.HighlightIn(annotate.Yellow)
		selectText(t, m, "a negotiated settlement.")
		m.annotator.HighlightIn(annotate.Blue)
		if q := m.annotator.highlightChoice; q == nil || !q.open {
			t.Fatal("a blue highlight over part of a yellow one did not ask")
		}
		escCloses(t, c, "the question about the colours")
		if m.annotator.highlightChoice.open {
			t.Error("the window still counts the question as open")
		}
		if anns, _ := lib.Annotations(m.reader.Document().ID); len(anns) != 2 {
			t.Errorf("Esc on the question left %d annotations, want the note and the yellow highlight", len(anns))
		}
	})

	t.Run("a message", func(t *testing.T) {
		m.ShowMessage(errors.New("scan.pdf is a PDF, which Scholia cannot read"))
		escCloses(t, c, "the message")
	})

	t.Run("the search palette, typing and after a click on a result", func(t *testing.T) {
		m.openSearch()
		waitFor(t, typeQuery(m.palette, "settlement"))
		escCloses(t, c, "the palette while typing")

		m.openSearch()
		waitFor(t, typeQuery(m.palette, "settlement"))
		if len(m.palette.hits) == 0 {
			t.Fatal("the palette found nothing")
		}
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(m.palette.list).Add(fyne.NewPos(20, 20))
		test.TapCanvas(c, at)
		if c.Focused() != fyne.Focusable(m.palette.list) {
			t.Fatalf("a click on a result gave the keys to %T", c.Focused())
		}
		escCloses(t, c, "the palette after a click")
	})

	t.Run("an import's progress, then its summary", func(t *testing.T) {
		dir := t.TempDir()
		for i := range 120 {
			text := fmt.Sprintf("Cable %d\n\nThe embassy reported on talks, day %d.\n", i, i)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("cable-%03d.txt", i)), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		done := m.imports.folder(dir)
		pressKey(c, fyne.KeyEscape)
		shown := overlayTexts(c)
		if !uiLoop.await(done, 20*time.Second) {
			t.Fatal("the import did not stop")
		}
		if strings.Contains(shown, "Importing") {
			t.Errorf("Esc left the progress open: %q", shown)
		}
		if !strings.HasPrefix(m.imports.summary, "Cancelled:") {
			t.Errorf("Esc did not cancel the import: %q", m.imports.summary)
		}
		escCloses(t, c, "the import summary")
	})
}
