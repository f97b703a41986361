package search_test

import (
	"context"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/search"
)

// TestExactWordsOutrankTypos: a note holding the word typed comes before
// a newer note of the same shape holding a word one typo away, and that
// before one two typos away; a word typed in full before a word it is a
// typo of, and the start of a word before a start with a typo.
func TestExactWordsOutrankTypos(t *testing.T) {
	cases := []rankCase{
		{"the word typed before a word one swap away", "form", []search.Entry{
			note("form", "d", "T", "the form of the state", "", nil, annotate.KindHighlight, "", annotate.Yellow, 9),
			note("from", "d", "T", "from the state", "", nil, annotate.KindHighlight, "", annotate.Yellow, 1),
		}, "form from"},
		{"one typo before two, the word typed in full", "propoganda ", []search.Entry{
			note("two", "d", "T", "their propagandas", "", nil, annotate.KindHighlight, "", annotate.Yellow, 1),
			note("one", "d", "T", "their propaganda", "", nil, annotate.KindHighlight, "", annotate.Yellow, 5),
			note("exact", "d", "T", "their propoganda", "", nil, annotate.KindHighlight, "", annotate.Yellow, 9),
		}, "exact one two"},
		{"a start typed right before a start with a typo", "sanc", []search.Entry{
			note("typo", "d", "T", "sancta simplicitas", "", nil, annotate.KindNote, "", annotate.Yellow, 1),
			note("start", "d", "T", "sanctions held", "", nil, annotate.KindNote, "", annotate.Yellow, 9),
			note("swap", "d", "T", "snacks served", "", nil, annotate.KindNote, "", annotate.Yellow, 0),
		}, "typo start swap"},
		{"every word exact before one word with a typo", "hawkish sanctions", []search.Entry{
			note("typo", "d", "T", "hawkish sanctoins", "", nil, annotate.KindHighlight, "", annotate.Yellow, 1),
			note("exact", "d", "T", "hawkish sanctions", "", nil, annotate.KindHighlight, "", annotate.Yellow, 9),
		}, "exact typo"},
		{"in the note as in the quote", "hawksih", []search.Entry{
			note("typo", "d", "T", "", "a hawkish turn", nil, annotate.KindNote, "", annotate.Yellow, 1),
			note("exact", "d", "T", "", "a hawksih turn", nil, annotate.KindNote, "", annotate.Yellow, 9),
		}, "exact typo"},
	}
	rankAll(t, cases)
}

// TestTypoMatchesShowInBold: the word a typo found is shown in bold, all
// of it, or the part of it the word being typed stands for.
func TestTypoMatchesShowInBold(t *testing.T) {
	ix := searchIndex(note("n", "d", "T", "a hawkish envoy on propaganda", "", nil, annotate.KindHighlight, "", annotate.Yellow, 1))
	for query, want := range map[string]string{"hawksih": "hawkish", "porpag": "propag", "hawksih porpag": "hawkish propag"} {
		rs, err := ix.Search(context.Background(), query, 10)
		if err != nil || len(rs) != 1 {
			t.Fatalf("%q → %d results, %v", query, len(rs), err)
		}
		if got := bold(rs[0].Fields[search.FieldQuote], rs[0].Matched[search.FieldQuote]); got != want {
			t.Errorf("%q bolds %q, want %q", query, got, want)
		}
	}
}

// bold is the runs of text at the byte offsets given, joined by spaces.
func bold(text string, at []int) string {
	in := map[int]bool{}
	for _, i := range at {
		in[i] = true
	}
	var out []string
	run := ""
	for i, r := range text {
		if in[i] {
			run += string(r)
			continue
		}
		if run != "" {
			out = append(out, run)
			run = ""
		}
	}
	if run != "" {
		out = append(out, run)
	}
	return strings.Join(out, " ")
}
