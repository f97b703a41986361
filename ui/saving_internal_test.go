package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/library"
)

// These tests hold the work of a save (the real library on a real file)
// before it starts, as a slow disk would, and check that the input that
// asked for it returned at once, that nothing says Saved before the
// change is committed, that the window takes input meanwhile, and that
// the change shows once the work is let go. On the window as it was, the
// save ran on the UI goroutine: it was committed, and said so, before
// the input returned, whatever held the window's tasks.

// annotationsOn are the annotations the library holds on the open document.
func annotationsOn(t *testing.T, m *MainWindow, lib *library.Library) []annotate.Annotation {
	t.Helper()
	anns, err := lib.Annotations(m.reader.Document().ID)
	if err != nil {
		t.Fatal(err)
	}
	return anns
}

func TestSavingANoteLeavesTheWindowFreeAndClosesTheDialogOnceCommitted(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	selectText(t, m, "technical level")
	m.annotator.AddNote()
	d := m.annotator.noteDialog
	typed := "Who sits at the technical level?"
	typeNote(d, typed, "talks")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "saving the note", d.Save)
	if !d.Open() || d.body.Text != typed || len(annotationsOn(t, m, lib)) != 0 {
		t.Fatalf("before the note is committed: dialog open %v, text %q, %d annotations", d.Open(), d.body.Text, len(annotationsOn(t, m, lib)))
	}
	if !d.isSaving() || d.saveBtn.Text != "Saving…" || strings.HasPrefix(m.status.label.Text, "Saved") {
		t.Errorf("while saving, the dialog's button says %q and the status bar %q", d.saveBtn.Text, m.status.label.Text)
	}
	test.Type(d.body, " More.")
	d.Save()
	d.Cancel()
	if d.body.Text != typed || !d.Open() {
		t.Errorf("while saving, typing, Save and Cancel changed the dialog: open %v, text %q", d.Open(), d.body.Text)
	}
	statusSoon(t, m, "Saving…")
	filterStillWorks(t, m, "reply", 1)
	h.free()
	m.waitIdle()
	anns := annotationsOn(t, m, lib)
	if d.Open() || len(anns) != 1 || anns[0].Body != typed || strings.Join(anns[0].Tags, ",") != "talks" {
		t.Fatalf("once committed: dialog open %v, library %+v", d.Open(), anns)
	}
	if !strings.HasPrefix(m.status.label.Text, "Saved") || len(shownIn(m.panel)) != 1 {
		t.Errorf("once committed the status bar says %q and the panel lists %d", m.status.label.Text, len(shownIn(m.panel)))
	}
	if s, e := m.reader.Selection(); s != e {
		t.Errorf("the passage noted is still selected (%d-%d)", s, e)
	}
}

func TestSavingAHighlightLeavesTheWindowFree(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	selectText(t, m, "negotiated settlement")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Ctrl+H", m.annotator.Highlight)
	if n := len(annotationsOn(t, m, lib)); n != 0 || strings.HasPrefix(m.status.label.Text, "Saved") {
		t.Fatalf("before the highlight is committed the library holds %d and the status bar says %q", n, m.status.label.Text)
	}
	statusSoon(t, m, "Saving the highlight…")
	filterStillWorks(t, m, "reply", 1)
	h.free()
	m.waitIdle()
	if anns := annotationsOn(t, m, lib); len(anns) != 1 || anns[0].Anchor.Exact != "negotiated settlement" {
		t.Fatalf("once committed the library holds %+v", anns)
	}
	if !strings.HasPrefix(m.status.label.Text, "Saved") || len(m.reader.Highlights()) != 1 {
		t.Errorf("once committed the status bar says %q and %d passages are painted", m.status.label.Text, len(m.reader.Highlights()))
	}
}

// Two colours chosen on a passage in a row, faster than the disk: the
// second is saved after the first, so the passage ends in the second.
func TestTwoQuickHighlightsKeepTheirOrder(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	selectText(t, m, "negotiated settlement")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "key 1", func() { m.annotator.typedRune('1') })
	returnsSoon(t, "key 2", func() { m.annotator.typedRune('2') })
	h.free()
	m.waitIdle()
	anns := annotationsOn(t, m, lib)
	if len(anns) != 1 || anns[0].Colour != annotate.Colours[1] {
		t.Fatalf("after keys 1 then 2 the library holds %+v, want one %s highlight", anns, annotate.Colours[1])
	}
	if !strings.HasPrefix(m.status.label.Text, "Saved: recoloured") {
		t.Errorf("the status bar says %q", m.status.label.Text)
	}
}

// Ctrl+Z pressed while a highlight is still being saved undoes that
// highlight, the change last asked for, not the one before it.
func TestCtrlZWhileAHighlightIsSavedUndoesIt(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	addNote(t, m, "technical level", "kept")
	selectText(t, m, "negotiated settlement")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Ctrl+H", m.annotator.Highlight)
	m.win.Canvas().Unfocus()
	returnsSoon(t, "Ctrl+Z", m.edits.undo)
	h.free()
	m.waitIdle()
	if anns := annotationsOn(t, m, lib); len(anns) != 1 || anns[0].Body != "kept" {
		t.Fatalf("after Ctrl+Z on a highlight being saved the library holds %+v, want the note alone", anns)
	}
	if want := "Undid the new highlight"; !strings.HasPrefix(m.status.label.Text, want) {
		t.Errorf("the status bar says %q, want %q", m.status.label.Text, want)
	}
}

func TestPlacingAnOrphanLeavesTheWindowFree(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	a := addNote(t, m, "technical level", "who exactly?")
	changed := strings.Replace(jointStatement, "Further consultations at the technical level would take place at an appropriate time.", "Talks end here.", 1)
	path := filepath.Join(filepath.Dir(lib.Path()), "s.txt")
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if !uiLoop.await(m.ImportFiles([]string{path}), 10*time.Second) {
		t.Fatal("the import did not finish")
	}
	m.waitIdle()
	if got, _ := lib.Annotation(a.ID); !got.Orphan {
		t.Fatalf("the note was placed again on the changed text: %+v", got.Anchor)
	}
	selectText(t, m, "Talks end here.")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Place here", func() { m.annotator.placeHere(a.ID) })
	if got, _ := lib.Annotation(a.ID); !got.Orphan {
		t.Fatal("the note is placed before the change was let go")
	}
	statusSoon(t, m, "Placing…")
	h.free()
	m.waitIdle()
	if got, _ := lib.Annotation(a.ID); got.Orphan || got.Anchor.Exact != "Talks end here." {
		t.Fatalf("after Place here: %+v", got.Anchor)
	}
	if !strings.HasPrefix(m.status.label.Text, "Placed") || len(m.reader.Highlights()) != 1 {
		t.Errorf("after Place here the status bar says %q and %d passages are painted", m.status.label.Text, len(m.reader.Highlights()))
	}
}

func TestUsingAPassageAsAnswerLeavesTheWindowFree(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	selectText(t, m, "in principle")
	m.annotator.AddQuestion()
	typeNote(m.annotator.noteDialog, "What does in principle commit them to?")
	m.annotator.noteDialog.Save()
	m.waitIdle()
	q := shownIn(m.panel)[0]
	m.annotator.AnswerWithSelection(q.ID)
	selectText(t, m, "a negotiated settlement")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Use as answer", m.annotator.UseAsAnswer)
	if got, _ := lib.Annotation(q.ID); got.Answer != nil {
		t.Fatal("the question is answered before the change was let go")
	}
	statusSoon(t, m, "Saving the answer…")
	h.free()
	m.waitIdle()
	got, _ := lib.Annotation(q.ID)
	if got.Status != annotate.StatusAnswered || got.Answer == nil || got.Answer.Link == "" {
		t.Fatalf("after Use as answer the question is %+v", got)
	}
	if !strings.HasPrefix(m.status.label.Text, "Answered") || m.annotator.answering != "" {
		t.Errorf("after Use as answer the status bar says %q; still answering %q", m.status.label.Text, m.annotator.answering)
	}
}

func TestSavingCitationDetailsLeavesTheWindowFree(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	ref := annotate.Reference{Title: "Joint Statement", Authors: []string{"Ann Lee"}, Publisher: "Foreign Ministry"}
	h := holdLane(t, m, laneChange)
	var saved error = errCrashed
	told := false
	returnsSoon(t, "saving the citation details", func() {
		m.cites.save(ref, interop.APA, func(err error) { saved, told = err, true })
	})
	if told || m.reader.Document().Reference != nil {
		t.Fatalf("the citation details say saved (%v) before the change was let go", told)
	}
	filterStillWorks(t, m, "reply", 1)
	h.free()
	m.waitIdle()
	doc, err := lib.Document(m.reader.Document().ID)
	if !told || saved != nil || err != nil || doc.Reference == nil || doc.Reference.Publisher != "Foreign Ministry" {
		t.Fatalf("after saving: told %v (%v), the library holds %+v (%v)", told, saved, doc, err)
	}
	if m.reader.Document().Reference == nil || !strings.HasPrefix(m.status.label.Text, "Citation details saved") {
		t.Errorf("after saving the window's document has %+v; the status bar says %q", m.reader.Document().Reference, m.status.label.Text)
	}
}

// A save that crashes is a save that failed: the crash is told, and the
// note dialog stays open with what was typed and one sentence, and saves
// it on the next try.
func TestANoteWhoseSaveCrashesStaysInTheDialog(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	selectText(t, m, "technical level")
	m.annotator.AddNote()
	d := m.annotator.noteDialog
	typed := "Typed as the save crashed."
	typeNote(d, typed)
	m.tasks.hold = func(lane string) {
		if lane == laneChange {
			panic("the disk driver fell over")
		}
	}
	d.Save()
	m.tasks.hold = nil
	m.waitIdle()
	if !d.Open() || d.isSaving() || d.body.Text != typed || len(annotationsOn(t, m, lib)) != 0 {
		t.Fatalf("after a crashed save: dialog open %v, saving %v, text %q", d.Open(), d.isSaving(), d.body.Text)
	}
	if !strings.Contains(d.problemText(), "Not saved: this stopped on an internal error") || len(m.guard.written()) != 1 {
		t.Errorf("the dialog says %q; %d crash logs", d.problemText(), len(m.guard.written()))
	}
	if d.body.Disabled() {
		t.Errorf("after a crashed save the text cannot be typed in (disabled %v)", d.body.Disabled())
	}
	d.Save()
	if anns := annotationsOn(t, m, lib); d.Open() || len(anns) != 1 || anns[0].Body != typed {
		t.Fatalf("saved again: dialog open %v, library %+v", d.Open(), anns)
	}
}

// Quitting while a note is being saved waits for it, the window free
// meanwhile, then quits; when that save fails the window stays, with the
// note in its dialog.
func TestQuittingWaitsForTheNoteBeingSaved(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	alive := func() bool { return windowOpen(m) }

	selectText(t, m, "technical level")
	m.annotator.AddNote()
	d := m.annotator.noteDialog
	typeNote(d, "Doomed.")
	crash := make(chan struct{})
	m.tasks.settle = false
	m.tasks.hold = func(lane string) {
		if lane == laneChange {
			<-crash
			panic("the disk driver fell over")
		}
	}
	returnsSoon(t, "saving the note", d.Save)
	returnsSoon(t, "Ctrl+Q", m.closing.quit)
	if !alive() || !strings.HasPrefix(m.status.label.Text, "Saving before quitting…") {
		t.Fatalf("quitting while a note is saved: window open %v, status %q", alive(), m.status.label.Text)
	}
	close(crash)
	m.waitIdle()
	m.tasks.hold = nil
	if !alive() || !d.Open() || d.body.Text != "Doomed." {
		t.Fatalf("after the save failed: window open %v, dialog open %v with %q", alive(), d.Open(), d.body.Text)
	}

	typeNote(d, "Kept.")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "saving the note", d.Save)
	returnsSoon(t, "Ctrl+Q", m.closing.quit)
	if !alive() {
		t.Fatal("the window closed before the note was saved")
	}
	h.free()
	m.waitIdle()
	if anns := annotationsOn(t, m, lib); len(anns) != 1 || anns[0].Body != "Kept." {
		t.Fatalf("after quitting the library holds %+v", anns)
	}
	if alive() {
		t.Error("the window is still open once the note is saved")
	}
}

// Quitting with a note typed in the note dialog and not saved asks first:
// Keep Scholia Open keeps the window and the note; Quit Anyway quits.
func TestQuittingWithANoteTypedAsksFirst(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	alive := func() bool { return windowOpen(m) }
	selectText(t, m, "technical level")
	m.annotator.AddNote()
	d := m.annotator.noteDialog
	typed := "Half a thought"
	test.Type(d.body, typed)
	c := m.win.Canvas()
	m.closing.quit()
	if !alive() || !strings.Contains(overlayTexts(c), "The note you are writing is not saved. Quit and lose it?") {
		t.Fatalf("quitting with a note typed: window open %v, dialogs %q", alive(), overlayTexts(c))
	}
	tapButton(t, c, "Keep Scholia Open")
	if !alive() || !d.Open() || d.body.Text != typed || c.Focused() != d.body {
		t.Fatalf("Keep Scholia Open: window open %v, note open %v with %q, the cursor in it %v", alive(), d.Open(), d.body.Text, c.Focused() == d.body)
	}
	m.closing.quit()
	tapButton(t, c, "Quit Anyway")
	if alive() {
		t.Error("Quit Anyway left the window open")
	}
}

// The citation dialog closes once its details are saved, its buttons
// waiting meanwhile; details it cannot save (no title) get one sentence,
// and the dialog stays with what was typed.
func TestTheCitationDialogClosesOnceSaved(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	c := m.win.Canvas()
	m.cites.show()
	title, ok := find(c.Overlays().Top(), func(e *shortcutEntry) bool { return e.Text == "Joint Statement" })
	if !ok {
		t.Fatalf("no title box in the citation dialog: %q", overlayTexts(c))
	}
	title.SetText("")
	tapButton(t, c, "Save")
	if texts := overlayTexts(c); !strings.Contains(texts, "A citation needs a title.") || !strings.Contains(texts, "Citation Details") {
		t.Fatalf("saving details without a title shows %q", texts)
	}
	pressKey(c, "Escape")
	title.SetText("Joint Statement of 1994")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "saving the citation details", func() { tapButton(t, c, "Save") })
	save, _ := find(c.Overlays().Top(), func(b *widget.Button) bool { return b.Text == "Save" })
	if !save.Disabled() || !strings.Contains(overlayTexts(c), "Citation Details") {
		t.Fatalf("while saving: Save disabled %v, dialogs %q", save.Disabled(), overlayTexts(c))
	}
	h.free()
	m.waitIdle()
	if c.Overlays().Top() != nil || !strings.HasPrefix(m.status.label.Text, "Citation details saved") {
		t.Errorf("once saved: dialogs %q, status %q", overlayTexts(c), m.status.label.Text)
	}
	if doc, _ := lib.Document(m.reader.Document().ID); doc.Reference == nil || doc.Reference.Title != "Joint Statement of 1994" {
		t.Errorf("the library holds the reference %+v", doc.Reference)
	}
}

// The note dialog says which keys save and cancel, in caption-sized text
// (it named a size no theme has, and so drew the line in size 0).
func TestTheNoteDialogSaysWhichKeysSave(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	m.annotator.AddNote()
	c := m.win.Canvas()
	hint, ok := find(c.Overlays().Top(), func(l *widget.Label) bool { return l.Text == "Ctrl+Enter saves · Esc cancels" })
	if !ok {
		t.Fatalf("the note dialog shows %q", overlayTexts(c))
	}
	if size := m.app.Settings().Theme().Size(hint.SizeName); size <= 0 {
		t.Errorf("the keys are drawn in size %v (%q)", size, hint.SizeName)
	}
}

// Ctrl+Z pressed twice while the disk is slow undoes the last two
// changes, not the last one twice.
func TestCtrlZTwiceWhileSlowUndoesTwoChanges(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	addNote(t, m, "technical level", "kept")
	addNote(t, m, "negotiated settlement", "second")
	selectText(t, m, "humanitarian questions")
	m.annotator.Highlight()
	m.win.Canvas().Unfocus()
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Ctrl+Z", m.edits.undo)
	returnsSoon(t, "Ctrl+Z again", m.edits.undo)
	h.free()
	m.waitIdle()
	if anns := annotationsOn(t, m, lib); len(anns) != 1 || anns[0].Body != "kept" {
		t.Fatalf("after Ctrl+Z twice the library holds %+v, want the first note alone", anns)
	}
	if want := "Undid the new note"; !strings.HasPrefix(m.status.label.Text, want) {
		t.Errorf("the status bar says %q, want %q", m.status.label.Text, want)
	}
}
