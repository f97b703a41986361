package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scholia/annotate"
)

// ask asks a question about quote, as a person does from the toolbar.
func ask(t *testing.T, w *MainWindow, quote, body string) {
	t.Helper()
	selectQuote(t, w, quote)
	w.annotator.AddQuestion()
	typeNote(w.annotator.noteDialog, body)
	w.annotator.noteDialog.Save()
}

// The open questions are counted in the status line and the tab's title
// from the start, and listed once their tab is shown, in step with every
// question asked or dropped after.
func TestQuestionsTabListsOpenQuestionsWhenShown(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	if !w.panel.Visible() {
		w.frame.togglePanel()
	}
	ask(t, w, "an appropriate time", "When is an appropriate time?")
	p := w.panel
	if got := questionsTitle(p); got != "Questions 1" {
		t.Errorf("tab title %q, want Questions 1", got)
	}
	if !strings.Contains(w.status.label.Text, "1 open question") {
		t.Errorf("status %q lacks the open question count", w.status.label.Text)
	}
	if n := len(p.questions); n != 0 {
		t.Errorf("the Questions tab, not shown, was filled with %d questions: reading them maps their pages in", n)
	}

	showQuestions(p)
	w.waitIdle()
	if qs := p.questions; len(qs) != 1 || qs[0].Body != "When is an appropriate time?" || qs[0].DocTitle != "Joint Statement" {
		t.Fatalf("shown, the Questions tab lists %+v", qs)
	}

	ask(t, w, "technical level", "Who sits at the technical level?")
	w.waitIdle()
	if qs := p.questions; len(qs) != 2 || qs[0].Body != "Who sits at the technical level?" {
		t.Errorf("after asking another, the tab lists %+v, want it first of 2", qs)
	}
	if got := questionsTitle(p); got != "Questions 2" {
		t.Errorf("after asking another, tab title %q, want Questions 2", got)
	}

	showQuestions(p)
	p.OnQuestion(p.questions[0])
	p.Editor.status.SetSelected(string(annotate.StatusDropped))
	p.Editor.Save()
	showQuestions(p)
	w.waitIdle()
	if qs := p.questions; len(qs) != 1 || qs[0].Body != "When is an appropriate time?" {
		t.Errorf("after dropping one, the tab lists %+v", qs)
	}
	if got := questionsTitle(p); got != "Questions 1" {
		t.Errorf("after dropping one, tab title %q, want Questions 1", got)
	}
	if !strings.Contains(w.status.label.Text, "1 open question") {
		t.Errorf("after dropping one, status %q", w.status.label.Text)
	}
}

// The Questions tab lists the open questions; its switch lists the
// answered and dropped ones too, and a line says when none are listed.
func TestTheQuestionsSwitchShowsAnsweredAndDroppedOnes(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	openTitled(t, w, "Joint Statement")
	if !w.panel.Visible() {
		w.frame.togglePanel()
	}
	p := w.panel
	showQuestions(p)
	w.waitIdle()
	if !p.qTab.none.Visible() || !strings.Contains(p.qTab.none.Text, "No open questions") {
		t.Errorf("with no questions, the tab says %q (shown %v)", p.qTab.none.Text, p.qTab.none.Visible())
	}
	ask(t, w, "an appropriate time", "When is an appropriate time?")
	ask(t, w, "technical level", "Who sits at the technical level?")
	showQuestions(p)
	w.waitIdle()
	p.OnQuestion(p.questions[0])
	p.Editor.status.SetSelected(string(annotate.StatusDropped))
	p.Editor.Save()
	showQuestions(p)
	w.waitIdle()
	if qs := p.questions; len(qs) != 1 || qs[0].Body != "When is an appropriate time?" || p.qTab.none.Visible() {
		t.Fatalf("by default the tab lists %+v, want the open one alone", qs)
	}

	test.Tap(p.qTab.all)
	w.waitIdle()
	bodies := map[string]annotate.Status{}
	for _, q := range p.questions {
		bodies[q.Body] = q.Status
	}
	if len(bodies) != 2 || bodies["Who sits at the technical level?"] != annotate.StatusDropped {
		t.Errorf("with answered and dropped shown, the tab lists %v", bodies)
	}
	if got := questionsTitle(p); got != "Questions 1" {
		t.Errorf("with answered and dropped shown, the title %q, want Questions 1 (the open ones)", got)
	}

	test.Tap(p.qTab.all)
	w.waitIdle()
	if qs := p.questions; len(qs) != 1 {
		t.Errorf("switched back, the tab lists %d questions, want the open one", len(qs))
	}
}
