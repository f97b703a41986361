package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"scholia/annotate"
)

// at is the index in code points of s in the open document's text.
func at(t *testing.T, w *MainWindow, s string) int {
	t.Helper()
	text := w.reader.Document().Text()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the document", s)
	}
	return len([]rune(text[:i]))
}

// selectQuote selects the first occurrence of quote, as a drag would, and
// returns where it starts.
func selectQuote(t *testing.T, w *MainWindow, quote string) int {
	t.Helper()
	s := at(t, w, quote)
	w.reader.Select(s, s+len([]rune(quote)))
	return s
}

// noteOn writes a note or question on quote through the note dialog.
func noteOn(t *testing.T, w *MainWindow, quote string, kind annotate.Kind, body string, tags ...string) {
	t.Helper()
	selectQuote(t, w, quote)
	if kind == annotate.KindQuestion {
		w.annotator.AddQuestion()
	} else {
		w.annotator.AddNote()
	}
	typeNote(w.annotator.noteDialog, body, tags...)
	w.annotator.noteDialog.Save()
}

// dragAcross drags the mouse from the start of from to the end of to, as a
// person selecting does.
func dragAcross(t *testing.T, w *MainWindow, from, to string) {
	t.Helper()
	r := w.reader
	a, b := at(t, w, from), at(t, w, to)+len([]rune(to))
	pa, ok1 := r.PointOf(a)
	pb, ok2 := r.PointOf(b)
	if !ok1 || !ok2 {
		t.Fatalf("passage not in view")
	}
	// Replay what the real driver sends to the page under the pointer:
	// MouseDown, Dragged with the pointer's position, DragEnd, MouseUp.
	d := fyne.CurrentApp().Driver()
	page := r.Page()
	shift := d.AbsolutePositionForObject(r).Subtract(d.AbsolutePositionForObject(page.(fyne.CanvasObject)))
	p0 := pa.Add(shift).Add(fyne.NewPos(0.5, 0))
	p1 := pb.Add(shift).Add(fyne.NewPos(0.5, 0))
	mouse := page.(desktop.Mouseable)
	drag := page.(fyne.Draggable)
	mouse.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p0}, Button: desktop.MouseButtonPrimary})
	mid := fyne.NewPos((p0.X+p1.X)/2, (p0.Y+p1.Y)/2)
	drag.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-p0.X, mid.Y-p0.Y)})
	drag.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p1}, Dragged: fyne.NewDelta(p1.X-mid.X, p1.Y-mid.Y)})
	drag.DragEnd()
	mouse.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p1}, Button: desktop.MouseButtonPrimary})
}

func TestDragThenCtrlHStoresTheExactPassage(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	dragAcross(t, w, "reaffirmed", "principle")
	if got := w.reader.SelectedText(); got != "reaffirmed their commitment, in principle" {
		t.Fatalf("drag selected %q", got)
	}
	if !w.overlay.toolbar.Visible() {
		t.Error("the selection toolbar did not appear")
	}
	w.annotator.Highlight()
	anns, err := f.lib.Annotations(w.reader.Document().ID)
	if err != nil || len(anns) != 1 {
		t.Fatalf("annotations %+v %v", anns, err)
	}
	a := anns[0]
	text := []rune(w.reader.Document().Text())
	if a.Kind != annotate.KindHighlight || a.Colour != annotate.Yellow || a.Anchor.Exact != string(text[a.Anchor.Start:a.Anchor.End]) || a.Anchor.Exact != "reaffirmed their commitment, in principle" {
		t.Errorf("stored %+v", a)
	}
	if !strings.HasPrefix(w.status.label.Text, "Saved") {
		t.Errorf("status %q, want Saved first", w.status.label.Text)
	}
	if h := w.reader.Highlights(); len(h) != 1 || h[0].Start != a.Anchor.Start || h[0].End != a.Anchor.End {
		t.Errorf("painted %+v", h)
	}

	// Key 2 picks green; the next highlight is green.
	w.reader.OnRune('2')
	dragAcross(t, w, "Further", "consultations")
	w.annotator.Highlight()
	anns, _ = f.lib.Annotations(w.reader.Document().ID)
	if len(anns) != 2 || anns[1].Colour != annotate.Green {
		t.Errorf("after pressing 2: %+v", anns)
	}

	// Closing and reopening shows everything as it was.
	w.closing.quit()
	again := f.window()
	if h := again.reader.Highlights(); len(h) != 2 {
		t.Errorf("after reopening, %d highlights painted, want 2", len(h))
	}
	if n := len(shownIn(again.panel)); n != 2 {
		t.Errorf("after reopening, the panel lists %d", n)
	}
}

func TestNotesAndQuestionsWithTags(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	doc := w.reader.Document()
	noteOn(t, w, "technical level", annotate.KindNote, "Who sits at the *technical* level?", "delegations", "#process")

	selectQuote(t, w, "an appropriate time")
	w.annotator.AddQuestion()
	w.annotator.noteDialog.tags.entry.SetText("pro")
	if got := w.annotator.noteDialog.tags.Suggestions(); len(got) != 1 || got[0] != "process" {
		t.Errorf("typing 'pro' suggests %q", got)
	}
	w.annotator.noteDialog.tags.Accept("process")
	typeNote(w.annotator.noteDialog, "When is an appropriate time?", "process", "timing")
	w.annotator.noteDialog.Save()

	w.annotator.AddDocumentNote()
	typeNote(w.annotator.noteDialog, "Read against the 2019 communique.")
	w.annotator.noteDialog.Save()

	anns, _ := f.lib.Annotations(doc.ID)
	if len(anns) != 3 {
		t.Fatalf("%d annotations", len(anns))
	}
	whole, note, q := anns[0], anns[1], anns[2]
	if whole.Anchor != nil || whole.Body != "Read against the 2019 communique." {
		t.Errorf("document note %+v", whole)
	}
	if note.Kind != annotate.KindNote || note.Body != "Who sits at the *technical* level?" || strings.Join(note.Tags, ",") != "delegations,process" || note.Anchor.Exact != "technical level" {
		t.Errorf("note %+v", note)
	}
	if q.Kind != annotate.KindQuestion || q.Status != annotate.StatusOpen {
		t.Errorf("question %+v", q)
	}
	if !strings.Contains(w.status.label.Text, "1 open question") {
		t.Errorf("status %q lacks the open question count", w.status.label.Text)
	}
	if m := w.reader.Markers(); len(m) != 2 || !m[1].Question {
		t.Errorf("markers %+v", m)
	}

	// Hovering the noted passage shows the note.
	w.reader.OnHover(note.Anchor.Start+2, fyne.NewPos(10, 10))
	if got := w.overlay.note(); !strings.Contains(got, "Who sits") {
		t.Errorf("hover shows %q", got)
	}
	// Clicking the question's passage selects it in the panel.
	w.reader.OnTapped(q.Anchor.Start + 3)
	if w.panel.Editor.ID() != q.ID {
		t.Errorf("click selected %q in the panel, want the question", w.panel.Editor.ID())
	}
	// Editing in place: drop the question.
	w.panel.Editor.status.SetSelected(string(annotate.StatusDropped))
	w.panel.Editor.Save()
	if got, _ := f.lib.Annotation(q.ID); got.Status != annotate.StatusDropped {
		t.Errorf("status after editing %q", got.Status)
	}
	if strings.Contains(w.status.label.Text, "open question") {
		t.Errorf("status %q still counts an open question", w.status.label.Text)
	}
}

func TestAnswerWithAPassageInAnotherDocument(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement, "r.txt": analystReply})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	noteOn(t, w, "in principle", annotate.KindQuestion, "What does in principle commit them to?")
	q := shownIn(w.panel)[0]
	chooseAnnotation(w.panel, 0)

	w.annotator.AnswerWithSelection(q.ID)
	openTitled(t, w, "Analyst Reply")
	selectQuote(t, w, "nothing is agreed until everything is agreed")
	// The toolbar offers Use as answer in place of Note and Question: it
	// fits beside the panel.
	if tb := w.overlay.toolbar; !tb.answer.Visible() || tb.note.Visible() || tb.question.Visible() {
		t.Errorf("while answering the toolbar shows answer %v, note %v, question %v", tb.answer.Visible(), tb.note.Visible(), tb.question.Visible())
	}
	w.annotator.UseAsAnswer()
	if tb := w.overlay.toolbar; tb.answer.Visible() || !tb.note.Visible() {
		t.Error("after the answer the toolbar still offers Use as answer, not Note")
	}

	got, _ := f.lib.Annotation(q.ID)
	if got.Status != annotate.StatusAnswered || got.Answer == nil || got.Answer.Link == "" {
		t.Fatalf("question after answering %+v", got)
	}
	link, _ := f.lib.Annotation(got.Answer.Link)
	if link.Anchor.Exact != "nothing is agreed until everything is agreed" {
		t.Errorf("answer passage %q", link.Anchor.Exact)
	}
	// Following the link opens that passage, flashing.
	openTitled(t, w, "Joint Statement")
	chooseAnnotation(w.panel, 0)
	w.panel.Editor.OnFollow(got.Answer.Link)
	if w.reader.Document().Title != "Analyst Reply" {
		t.Fatalf("following the answer opened %q", w.reader.Document().Title)
	}
	if s, e, ok := w.reader.Flashing(); !ok || s != link.Anchor.Start || e != link.Anchor.End {
		t.Errorf("flashing %d-%d %v, want the answer passage", s, e, ok)
	}
}

func TestFiltersDeleteUndoAndTrash(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	mark := func(quote string, colour int, kind annotate.Kind, tags ...string) {
		s := at(t, w, quote)
		w.reader.Select(s, s+len([]rune(quote)))
		w.annotator.PickColour(colour)
		if kind == annotate.KindHighlight {
			w.annotator.Highlight()
			return
		}
		if kind == annotate.KindNote {
			w.annotator.AddNote()
		} else {
			w.annotator.AddQuestion()
		}
		typeNote(w.annotator.noteDialog, "text", tags...)
		w.annotator.noteDialog.Save()
	}
	mark("Both delegations", 1, annotate.KindHighlight)
	mark("negotiated settlement", 2, annotate.KindNote, "terms")
	mark("humanitarian questions", 2, annotate.KindQuestion, "terms")
	mark("remains a condition", 4, annotate.KindNote)

	p := w.panel
	cases := []struct {
		kind, colour, tag, status string
		want                      int
	}{
		{"", "", "", "", 4},
		{"note", "", "", "", 2},
		{"", "green", "", "", 2},
		{"", "", "terms", "", 2},
		{"note", "green", "terms", "", 1},
		{"", "", "", "open", 1},
		{"question", "pink", "", "", 0},
	}
	for _, c := range cases {
		setFilters(p, c.kind, c.colour, c.tag, c.status)
		if got := len(shownIn(p)); got != c.want {
			t.Errorf("filters %q/%q/%q/%q show %d, want %d", c.kind, c.colour, c.tag, c.status, got, c.want)
		}
	}
	setFilters(p, "", "", "", "")

	// Clicking one scrolls to its passage and flashes it.
	chooseAnnotation(p, 1)
	if s, _, ok := w.reader.Flashing(); !ok || s != at(t, w, "negotiated settlement") {
		t.Errorf("choosing did not flash the passage")
	}
	victim := shownIn(p)[1].ID
	p.Editor.OnDelete(victim)
	if len(shownIn(p)) != 3 || len(p.deleted) != 1 || len(w.reader.Highlights()) != 3 {
		t.Fatalf("after delete: %d shown, %d in trash, %d painted", len(shownIn(p)), len(p.deleted), len(w.reader.Highlights()))
	}
	w.Window().Canvas().Unfocus()
	w.edits.undo()
	if len(shownIn(p)) != 4 || len(p.deleted) != 0 || !strings.HasPrefix(w.status.label.Text, "Undid the deletion") {
		t.Fatalf("after Ctrl+Z: %d shown, %d in trash, status %q", len(shownIn(p)), len(p.deleted), w.status.label.Text)
	}
	p.Editor.OnDelete(victim)
	p.OnRestore(p.deleted[0].ID)
	if len(shownIn(p)) != 4 || len(p.deleted) != 0 {
		t.Errorf("after restoring from the trash: %d shown, %d in trash", len(shownIn(p)), len(p.deleted))
	}
}

func TestCopyWithCitation(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	selectQuote(t, w, "a negotiated settlement")
	w.annotator.CopyWithCitation()
	got := f.app.Clipboard().Content()
	if want := "“a negotiated settlement”\n— Joint Statement. n.d."; got != want {
		t.Errorf("citation %q", got)
	}
}

func TestSearchPaletteFindsAndOpens(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement, "r.txt": analystReply})
	w := f.window()
	openTitled(t, w, "Analyst Reply")
	noteOn(t, w, "nothing is agreed", annotate.KindNote, "The classic negotiating formula", "formula")
	openTitled(t, w, "Joint Statement")

	w.openSearch()
	if !w.palette.Visible() {
		t.Fatal("Ctrl+K did not open the palette")
	}
	if !Await(typeQuery(w.palette, "negotating formla"), 10*time.Second) {
		t.Fatal("no results within 10 s")
	}
	hits := w.palette.hits
	if len(hits) == 0 || hits[0].Body != "The classic negotiating formula" || len(hits[0].BodyBold) == 0 {
		t.Fatalf("hits %+v", hits)
	}
	if w.palette.count.Text != "1 result" {
		t.Errorf("count %q", w.palette.count.Text)
	}
	w.palette.OpenCurrent()
	if w.palette.Visible() || w.reader.Document().Title != "Analyst Reply" {
		t.Fatalf("Enter left the palette open or opened %q", w.reader.Document().Title)
	}
	if s2, _, ok := w.reader.Flashing(); !ok || s2 != at(t, w, "nothing is agreed") {
		t.Errorf("the passage is not flashing")
	}

	// The panel's own filter box narrows this document's annotations.
	selectQuote(t, w, "In principle")
	w.annotator.Highlight()
	w.panel.text.SetText("formla")
	if got := shownIn(w.panel); len(got) != 1 || got[0].Body != "The classic negotiating formula" {
		t.Errorf("the panel filter shows %+v", got)
	}
	w.panel.text.SetText("")
	if got := shownIn(w.panel); len(got) != 2 {
		t.Errorf("clearing the filter shows %d", len(got))
	}
}

func TestOrphansAreListedAndPlacedAgain(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	noteOn(t, w, "technical level", annotate.KindNote, "who exactly?")
	selectQuote(t, w, "reaffirmed their commitment")
	w.annotator.Highlight()

	changed := strings.Replace(jointStatement, "Further consultations at the technical level would take place at an appropriate time.", "Talks end here.", 1)
	if err := os.WriteFile(filepath.Join(f.dir, "s.txt"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if !Await(w.ImportFiles([]string{filepath.Join(f.dir, "s.txt")}), 10*time.Second) {
		t.Fatal("the import did not finish")
	}
	if !strings.Contains(w.status.label.Text, "1 annotations placed again, 1 could not be placed") {
		t.Errorf("status %q", w.status.label.Text)
	}
	if !strings.Contains(w.reader.Document().Text(), "Talks end here.") {
		t.Fatal("the reader still shows the old text")
	}
	shown := shownIn(w.panel)
	if len(shown) != 2 || !shown[0].Orphan || shown[0].Body != "who exactly?" {
		t.Fatalf("panel %+v, want the orphan first", shown)
	}
	if h := w.reader.Highlights(); len(h) != 1 {
		t.Errorf("%d passages painted, want only the placed one", len(h))
	}
	chooseAnnotation(w.panel, 0)
	selectQuote(t, w, "Talks end here.")
	w.panel.Editor.OnPlace(shown[0].ID)
	a, _ := f.lib.Annotation(shown[0].ID)
	if a.Orphan || a.Anchor.Exact != "Talks end here." {
		t.Errorf("after Place here: %+v", a)
	}
	if h := w.reader.Highlights(); len(h) != 2 {
		t.Errorf("%d passages painted after placing, want 2", len(h))
	}
}
