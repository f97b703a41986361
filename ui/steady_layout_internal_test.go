package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"scholia/annotate"
	"scholia/annotate/library"
)

// geometry is what must not move unless the reader moves it: the widths
// of the library, the reader and the panel, and where the reader's lines
// break.
func geometry(w *MainWindow) string {
	// Lay everything out again with the sizes its parts now ask for, as
	// the GL driver does before it paints a frame.
	w.Window().Content().Refresh()
	r := w.reader
	var b strings.Builder
	fmt.Fprintf(&b, "library %.0f, reader %.0f, panel %.0f; lines:", w.library.list.Size().Width, r.Size().Width, w.panel.Size().Width)
	text := []rune(w.reader.Document().Text())
	lastY := float32(-1)
	for pos := range len(text) {
		p, ok := r.PointOf(pos)
		if ok && p.Y != lastY {
			fmt.Fprintf(&b, " %d", pos)
			lastY = p.Y
		}
	}
	return b.String()
}

// TestChoosingAnAnnotationMovesNothing picks annotations of every kind in
// the panel, and open questions in its Questions tab, at several window
// sizes: the library, reader and panel keep their widths and the text its
// line breaks.
func TestChoosingAnAnnotationMovesNothing(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement, "r.txt": analystReply})
	docs, _ := f.lib.Documents()
	var doc, other string
	for _, d := range docs {
		switch d.Title {
		case "Joint Statement":
			doc = d.ID
		case "Analyst Reply":
			other = d.ID
		}
	}
	add := func(quote string, d library.Draft) *annotate.Annotation {
		t.Helper()
		a, err := f.lib.AnnotateQuote(doc, quote, 1, d)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	long := strings.Repeat("Does the commitment bind either side before the technical consultations have even been scheduled? ", 4)
	add("reaffirmed their commitment", library.Draft{Kind: annotate.KindHighlight, Colour: annotate.Pink})
	add("negotiated settlement", library.Draft{Kind: annotate.KindNote, Colour: annotate.Blue, Body: "A settlement of what, exactly?", Tags: []string{"settlement", "a-rather-long-tag-name-for-the-panel"}})
	add("technical level", library.Draft{Kind: annotate.KindQuestion, Body: "Who?"})
	add("appropriate time", library.Draft{Kind: annotate.KindQuestion, Body: long, Tags: []string{"timing"}})
	answered := add("humanitarian questions", library.Draft{Kind: annotate.KindQuestion, Body: "Which questions were raised?"})
	link, err := f.lib.AnnotateQuote(other, "nothing is agreed until everything is agreed", 1, library.Draft{Colour: annotate.Green})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.lib.Answer(answered.ID, strings.Repeat("Detainees, missing persons and family reunions, which either side raises at every session. ", 5), link.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Whole: true, Body: "Read against the 2019 communiqué."}); err != nil {
		t.Fatal(err)
	}

	for _, size := range []fyne.Size{{Width: 1200, Height: 800}, {Width: 1000, Height: 700}, {Width: 860, Height: 640}} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			w := f.window()
			w.Window().Resize(size)
			openTitled(t, w, "Joint Statement")
			if !w.panel.Visible() {
				w.frame.togglePanel()
			}
			before := geometry(w)
			for i, a := range shownIn(w.panel) {
				chooseAnnotation(w.panel, i)
				if got := geometry(w); got != before {
					t.Errorf("choosing the %s %q moved the layout:\n was %s\n now %s", a.Kind, trimmed(a.Body), before, got)
				}
				if need, has := w.panel.Editor.MinSize().Width, w.panel.Editor.Size().Width; need > has {
					t.Errorf("the editor of the %s %q needs %.0f px and has %.0f: part of it is cut off", a.Kind, trimmed(a.Body), need, has)
				}
			}
			showQuestions(w.panel)
			w.waitIdle()
			if len(w.panel.questions) == 0 {
				t.Fatal("the Questions tab, shown, lists no open question")
			}
			before = geometry(w)
			for i, q := range w.panel.questions {
				w.panel.OnQuestion(w.panel.questions[i])
				if got := geometry(w); got != before {
					t.Errorf("choosing the open question %q moved the layout:\n was %s\n now %s", trimmed(q.Body), before, got)
				}
			}
			w.panel.Editor.Clear()
			if got := geometry(w); got != before {
				t.Errorf("clearing the editor moved the layout:\n was %s\n now %s", before, got)
			}
		})
	}
}

func trimmed(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
