package anchor_test

import (
	"strings"
	"testing"

	"scholia/annotate/anchor"
)

// TestReanchorWithinABudget: a re-anchoring whose budget runs out keeps
// the best placement it found, or makes the note an orphan; it never puts
// the note on words a full search would not, and says it did not finish.
func TestReanchorWithinABudget(t *testing.T) {
	quote := "The committee notes that the northern crossings stayed closed all winter"
	a := anchorAt(t, report, nthIndex(report, quote, 1), quote)
	text := anchor.NewText([]rune(edited("closed all winter", "closed all the winter")))
	want := "The committee notes that the northern crossings stayed closed all the winter"

	full := text.ReanchorWithin(a, anchor.Budget)
	if full.Orphan || full.Anchor.Exact != want || full.Unfinished {
		t.Fatalf("with the full budget: %+v, want %q, finished", full, want)
	}
	none := text.ReanchorWithin(a, 0)
	if !none.Orphan || !none.Unfinished {
		t.Errorf("with no budget: %+v, want an unfinished orphan", none)
	}
	sawUnfinishedPlacement := false
	for budget := 1_000; budget < 1_000_000; budget = budget * 5 / 4 {
		r := text.ReanchorWithin(a, budget)
		switch {
		case !r.Orphan && r.Anchor != full.Anchor:
			t.Fatalf("with a budget of %d: placed on %q at %d, want %q at %d or an orphan", budget, r.Anchor.Exact, r.Anchor.Start, want, full.Anchor.Start)
		case r.Orphan && !r.Unfinished:
			t.Fatalf("with a budget of %d: an orphan that says it finished", budget)
		case !r.Orphan && r.Unfinished:
			sawUnfinishedPlacement = true
		}
	}
	if !sawUnfinishedPlacement {
		t.Error("no budget ran out after the passage was found: the best found so far is not kept")
	}
}

// TestReanchorUnchangedNeedsNoBudget: a passage that has not moved, or
// only moved, is found whatever the budget.
func TestReanchorUnchangedNeedsNoBudget(t *testing.T) {
	quote := "this copy to be kept by the secretariat"
	a := anchorAt(t, report, nthIndex(report, quote, 2), quote)
	if r := anchor.NewText([]rune(report)).ReanchorWithin(a, 0); r.Orphan || r.Anchor != a {
		t.Errorf("unchanged text, no budget: %+v", r)
	}
	moved := "A preface added by the editors.\n\n" + report
	r := anchor.NewText([]rune(moved)).ReanchorWithin(a, 10_000)
	if want := nthIndex(moved, quote, 2); r.Orphan || r.Anchor.Start != want || !strings.HasPrefix(r.Anchor.Exact, "this copy") {
		t.Errorf("moved text, small budget: %+v, want it at %d", r, want)
	}
}
