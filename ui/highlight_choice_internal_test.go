package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scholia/annotate"
	"scholia/annotate/library"
)

// The question says what each of its buttons does: a passage inside a
// highlight of another colour is offered a recolouring of the whole
// highlight, one running past it an extension, several a joining.
func TestTheColourQuestionSaysWhatItsButtonsDo(t *testing.T) {
	win := test.NewApp().NewWindow("")
	defer win.Close()
	yellow := func(s, e int) annotate.Annotation {
		return annotate.Annotation{Kind: annotate.KindHighlight, Colour: annotate.Yellow, Anchor: &annotate.Anchor{Start: s, End: e}}
	}
	pink := yellow(30, 40)
	pink.Colour = annotate.Pink
	for _, c := range []struct {
		name    string
		res     library.Highlighted
		says    string
		button  string
		notSaid string
	}{
		{"inside", library.Highlighted{Overlaps: []annotate.Annotation{yellow(0, 20)}, Start: 0, End: 20},
			"is inside a yellow highlight. Recolour the whole highlight blue", "Recolour the whole highlight", "Extend"},
		{"past its end", library.Highlighted{Overlaps: []annotate.Annotation{yellow(0, 20)}, Start: 0, End: 25},
			"overlaps a yellow highlight. Extend that highlight over the passage in blue", "Extend the highlight", "Recolour"},
		{"over two", library.Highlighted{Overlaps: []annotate.Annotation{yellow(0, 20), pink}, Start: 0, End: 40},
			"overlaps 2 highlights (yellow, pink). Join them and the passage into one blue highlight", "Join into one highlight", "Extend"},
	} {
		h := newHighlightChoice(annotate.Blue, c.res, win, func(library.HighlightChoice) {})
		if !strings.Contains(h.question, c.says) || strings.Contains(h.question, c.notSaid) {
			t.Errorf("%s: the question says %q, want %q and no %q", c.name, h.question, c.says, c.notSaid)
		}
		if extend := h.extend; extend.Text != c.button {
			t.Errorf("%s: the button says %q, want %q", c.name, extend.Text, c.button)
		}
	}
}

// A drag that takes in the spaces around a passage highlights, notes or
// asks about the passage: the quote begins and ends on its words, in the
// panel and in exports.
func TestAHighlightLeavesOutTheSpacesAtItsEnds(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	selectText(t, m, " in principle, ")
	m.annotator.HighlightIn(annotate.Yellow)
	anns, err := lib.Annotations(m.reader.Document().ID)
	if err != nil || len(anns) != 1 || anns[0].Anchor.Exact != "in principle," {
		t.Fatalf("stored %+v, %v: want one highlight of %q", anns, err, "in principle,")
	}
	for _, kind := range []annotate.Kind{annotate.KindNote, annotate.KindQuestion} {
		selectText(t, m, " at the technical level ")
		m.annotator.annotateWithText(kind)
		typeNote(m.annotator.noteDialog, "Who sits there?")
		m.annotator.noteDialog.Save()
		shown := shownIn(m.panel)
		if a := shown[len(shown)-1]; a.Kind != kind || a.Anchor == nil || a.Anchor.Exact != "at the technical level" {
			t.Errorf("the %s is on %+v, want %q", kind, a.Anchor, "at the technical level")
		}
	}
}
