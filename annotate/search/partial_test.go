package search_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/search"
)

// question is what a person typed into Ctrl+K: no note holds all of its
// words ("appropriate", "time", "when" are in none).
const question = "who decides when the time is appropriate for consultations at the technical level"

func questionIndex() *search.Index {
	return search.NewIndex([]search.Entry{
		note("decides", "d1", "Geneva Talks", "Nobody says who decides", "", nil, annotate.KindNote, "", annotate.Yellow, 1),
		note("grain", "d2", "Grain Corridor", "ships carrying grain leave the port every morning", "", nil, annotate.KindHighlight, "", annotate.Blue, 2),
		note("technical", "d1", "Geneva Talks", "consultations at the technical level", "", nil, annotate.KindHighlight, "", annotate.Green, 3),
		note("both", "d1", "Geneva Talks", "Consultations at the technical level resume once the ministers agree who decides the agenda",
			"", []string{"process"}, annotate.KindQuestion, annotate.StatusOpen, annotate.Pink, 4),
		note("none", "d2", "Grain Corridor", "prices rose sharply", "", nil, annotate.KindHighlight, "", annotate.Blue, 5),
	})
}

// TestALongQuestionFindsTheNotesHoldingMostOfItsWords: a long question
// whose words no note holds all of finds the notes holding most of them,
// those holding more words first, instead of "Nothing matches".
func TestALongQuestionFindsTheNotesHoldingMostOfItsWords(t *testing.T) {
	ix := questionIndex()
	rs, err := ix.Search(context.Background(), question, 10)
	if err != nil {
		t.Fatal(err)
	}
	// both: who decides the consultations at technical level (7 words);
	// technical: consultations at the technical level (5); decides: who
	// decides (2); grain: the (1); none holds none.
	if got := ids(rs); got != "both technical decides grain" {
		t.Errorf("%q → %q, want the notes holding most of its words first: both technical decides grain", question, got)
	}
}

// TestAShortQueryStillNeedsEveryWord: one or two words are not dropped;
// only a query of three free words or more finds notes holding some.
func TestAShortQueryStillNeedsEveryWord(t *testing.T) {
	ix := questionIndex()
	for query, want := range map[string]string{
		"consultations zeppelin":             "",
		"who decides":                        "both decides",
		"decides technical":                  "both",
		`"technical level" decides zeppelin`: "", // the phrase's words are not free words
	} {
		rs, err := ix.Search(context.Background(), query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := sortedIDs(rs); got != want {
			t.Errorf("%q → %q, want %q", query, got, want)
		}
	}
}

// TestEveryWordOutranksMostWords: a note holding every word, even cut
// short and only in its title and tags, comes before a note holding most
// of them whole, many times, in its quote.
func TestEveryWordOutranksMostWords(t *testing.T) {
	ix := search.NewIndex([]search.Entry{
		note("most", "d1", "Talks", "geneva ceasefire geneva ceasefire", "the ceasefire in geneva", []string{"geneva"}, annotate.KindNote, "", annotate.Yellow, 1),
		note("every", "d2", "Genevan Ceasefires", "", "", []string{"monitoring"}, annotate.KindNote, "", annotate.Yellow, 9),
	})
	for _, query := range []string{"geneva ceasefire monitors", "geneva ceasefire monitorng"} {
		rs, err := ix.Search(context.Background(), query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(rs); got != "every most" {
			t.Errorf("%q → %q, want the note holding every word first, then the one holding most: every most", query, got)
		}
	}
}

// TestOnlyTheWordsFoundAreBold: a note holding some of the words shows
// those words in bold, and nothing else.
func TestOnlyTheWordsFoundAreBold(t *testing.T) {
	ix := questionIndex()
	rs, err := ix.Search(context.Background(), question, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.ID != "decides" {
			continue
		}
		quote := r.Fields[search.FieldQuote]
		var bold []byte
		for _, i := range r.Matched[search.FieldQuote] {
			bold = append(bold, quote[i])
		}
		if string(bold) != "whodecides" {
			t.Errorf("bold in %q: %q, want who and decides only", quote, bold)
		}
		return
	}
	t.Fatalf("%q did not find the note holding who and decides: %q", question, ids(rs))
}

// TestFiltersAndPhrasesHoldForMostWords: a note holding most of the words
// must still pass every filter and hold every phrase.
func TestFiltersAndPhrasesHoldForMostWords(t *testing.T) {
	ix := questionIndex()
	for query, want := range map[string]string{
		"kind:highlight " + question:          "technical grain",
		"is:open " + question:                 "both",
		`"technical level" ` + question:       "both technical",
		`"who decides" ` + question:           "both decides",
		`"who decides" in:geneva ` + question: "both decides",
		`"agenda" ` + question:                "both",
	} {
		rs, err := ix.Search(context.Background(), query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(rs); got != want {
			t.Errorf("%q → %q, want %q", query, got, want)
		}
	}
}

// TestRarerWordsRankFirstAmongEqualCounts: of two notes holding as many of
// the words, the one holding the rarer word comes first.
func TestRarerWordsRankFirstAmongEqualCounts(t *testing.T) {
	entries := []search.Entry{
		note("rare", "d1", "Talks", "the envoy", "", nil, annotate.KindNote, "", annotate.Yellow, 9),
		note("common", "d1", "Talks", "the consultations", "", nil, annotate.KindNote, "", annotate.Yellow, 1),
	}
	for _, w := range strings.Fields("ground water best sea air") {
		entries = append(entries, note("filler-"+w, "d2", "Other", w+" consultations", "", nil, annotate.KindHighlight, "", annotate.Blue, 5))
	}
	ix := search.NewIndex(entries)
	rs, err := ix.Search(context.Background(), "envoy at the consultations zeppelin", 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(rs); got != "rare common" {
		t.Errorf("→ %q, want the note holding the rare word first: rare common", got)
	}
}

// TestAWordInMostNotesCountsButFindsNothingAlone: in a large library, a
// word that thousands of notes use ("the") adds to the count of a note the
// rarer words found, but finds no note on its own.
func TestAWordInMostNotesCountsButFindsNothingAlone(t *testing.T) {
	entries := []search.Entry{
		note("without", "d1", "Talks", "consultations level", "", nil, annotate.KindNote, "", annotate.Yellow, 1),
		note("with", "d1", "Talks", "the consultations", "", []string{"level"}, annotate.KindNote, "", annotate.Yellow, 8),
		note("alone", "d1", "Talks", "the port", "", nil, annotate.KindNote, "", annotate.Yellow, 0),
	}
	for i := range 3000 {
		entries = append(entries, note(fmt.Sprint("filler", i), "d2", "Other", "the harbour", "", nil, annotate.KindHighlight, "", annotate.Blue, 5))
	}
	ix := search.NewIndex(entries)
	rs, err := ix.Search(context.Background(), "who decides the consultations level", 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(rs); got != "with without" {
		t.Errorf("→ %q, want the note also holding \"the\" first, and no note holding only \"the\": with without", got)
	}
}
