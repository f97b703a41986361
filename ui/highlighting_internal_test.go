package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scholia/annotate"
)

// shown describes the open document's annotations as the reader sees
// them: what the library stores, what the reader paints and what the
// panel lists.
func shown(t *testing.T, f *fixture, w *MainWindow) string {
	t.Helper()
	anns, err := f.lib.Annotations(w.reader.Document().ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range anns {
		s := fmt.Sprintf("%s %s «%s»", a.Kind, a.Colour, a.Anchor.Exact)
		if a.Body != "" {
			s += " " + a.Body
		}
		out = append(out, s)
	}
	if p, l := len(w.reader.Highlights()), len(shownIn(w.panel)); p != len(anns) || l != len(anns) {
		out = append(out, fmt.Sprintf("(%d painted, %d listed)", p, l))
	}
	return strings.Join(out, "; ")
}

// clickColour drags across a passage and clicks a colour on the toolbar
// that appears, as a person does.
func clickColour(t *testing.T, w *MainWindow, from, to string, c annotate.Colour) {
	t.Helper()
	dragAcross(t, w, from, to)
	if !w.overlay.toolbar.Visible() {
		t.Fatalf("no toolbar after selecting %q…%q", from, to)
	}
	test.Tap(swatchOf(w.overlay.toolbar, c))
}

func TestASecondColourOnAHighlightRecoloursIt(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	clickColour(t, w, "reaffirmed", "commitment", annotate.Yellow)
	clickColour(t, w, "reaffirmed", "commitment", annotate.Green)
	if got := shown(t, f, w); got != "highlight green «reaffirmed their commitment»" {
		t.Fatalf("after clicking green on the yellow highlight: %s", got)
	}
	if !strings.Contains(w.status.label.Text, "recoloured green") {
		t.Errorf("status %q", w.status.label.Text)
	}
	w.edits.undo()
	if got := shown(t, f, w); got != "highlight yellow «reaffirmed their commitment»" {
		t.Errorf("after Ctrl+Z: %s", got)
	}

	// Ctrl+H and the keys 1-6 on the same passage do the same.
	dragAcross(t, w, "reaffirmed", "commitment")
	w.reader.OnRune('3')
	if got := shown(t, f, w); got != "highlight blue «reaffirmed their commitment»" {
		t.Errorf("after pressing 3 on it: %s", got)
	}
	w.annotator.PickColour(4)
	dragAcross(t, w, "reaffirmed", "commitment")
	w.annotator.Highlight()
	if got := shown(t, f, w); got != "highlight pink «reaffirmed their commitment»" {
		t.Errorf("after Ctrl+H in pink on it: %s", got)
	}
	clickColour(t, w, "reaffirmed", "commitment", annotate.Pink)
	if got := shown(t, f, w); got != "highlight pink «reaffirmed their commitment»" || !strings.HasPrefix(w.status.label.Text, "Already highlighted") {
		t.Errorf("the same colour again: %s, status %q", got, w.status.label.Text)
	}
}

func TestOverlappingHighlightsJoinOrAsk(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	clickColour(t, w, "reaffirmed", "commitment", annotate.Yellow)

	// The same colour over part of it and beyond: one highlight.
	clickColour(t, w, "their", "principle", annotate.Yellow)
	if got := shown(t, f, w); got != "highlight yellow «reaffirmed their commitment, in principle»" {
		t.Fatalf("same colour overlapping: %s", got)
	}

	// Another colour over part of it: asked, and Cancel changes nothing.
	clickColour(t, w, "principle", "settlement", annotate.Blue)
	q := w.annotator.highlightChoice
	if q == nil || !q.open || !strings.Contains(q.question, "overlaps a yellow highlight") {
		t.Fatalf("no question asked: %+v", q)
	}
	extend, separate, cancel := q.extend, q.separate, q.cancel
	if extend.Text != "Extend the highlight" || separate.Text != "Add a separate highlight" {
		t.Errorf("answers offered: %q, %q", extend.Text, separate.Text)
	}
	test.Tap(cancel)
	if got := shown(t, f, w); got != "highlight yellow «reaffirmed their commitment, in principle»" || q.open {
		t.Fatalf("after Cancel: %s", got)
	}
	if w.reader.SelectedText() != "principle, to a negotiated settlement" || !w.overlay.toolbar.Visible() {
		t.Errorf("after Cancel the selection is %q, toolbar shown %v: want the passage still selected, with its toolbar", w.reader.SelectedText(), w.overlay.toolbar.Visible())
	}

	// Asked again, Extend: one blue highlight over both.
	clickColour(t, w, "principle", "settlement", annotate.Blue)
	extend = w.annotator.highlightChoice.extend
	test.Tap(extend)
	if got := shown(t, f, w); got != "highlight blue «reaffirmed their commitment, in principle, to a negotiated settlement»" {
		t.Fatalf("after Extend: %s", got)
	}

	// Asked again, a separate highlight.
	clickColour(t, w, "negotiated", "settlement", annotate.Green)
	separate = w.annotator.highlightChoice.separate
	if !strings.Contains(w.annotator.highlightChoice.question, "blue") {
		t.Errorf("question %q", w.annotator.highlightChoice.question)
	}
	test.Tap(separate)
	if got := shown(t, f, w); got != "highlight blue «reaffirmed their commitment, in principle, to a negotiated settlement»; highlight green «negotiated settlement»" {
		t.Errorf("after a separate highlight: %s", got)
	}
}

func TestANoteOnExactlyAHighlightIsItsNote(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	clickColour(t, w, "technical", "level", annotate.Purple)
	noteOn(t, w, "technical level", annotate.KindNote, "Which experts?")
	if got := shown(t, f, w); got != "note purple «technical level» Which experts?" {
		t.Errorf("a note on the highlight: %s", got)
	}
	noteOn(t, w, "technical level", annotate.KindQuestion, "Who attends?")
	if got := shown(t, f, w); !strings.Contains(got, "note purple «technical level» Which experts?") || !strings.Contains(got, "question") || strings.Contains(got, "painted") {
		t.Errorf("a question on the same passage stays its own: %s", got)
	}
}
