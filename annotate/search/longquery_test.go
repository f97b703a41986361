package search_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"

	"scholia/annotate"
	"scholia/annotate/search"
)

// monitors is a long highlighted passage, the kind a person pastes back
// into the search box to find their note on it (65 words, 52 distinct).
const monitors = "The delegates agreed that monitors from three neutral countries would watch the line of contact " +
	"through the winter, reporting every violation to a joint commission sitting in Vienna, whose findings " +
	"would be published within a week unless both parties asked for more time to answer them; the commission " +
	"could also visit prisons, hospitals and schools near the front without notice and interview anyone there in private."

// firstWords is the first n words of s, as a person would type them.
func firstWords(s string, n int) string {
	ws := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return strings.Join(ws[:n], " ")
}

func longQueryIndex() *search.Index {
	return search.NewIndex([]search.Entry{
		note("monitors", "d1", "Ceasefire Terms", monitors, "who pays the monitors?", []string{"verification"}, annotate.KindNote, "", annotate.Yellow, 3),
		// Shares its first eight words with monitors, then goes elsewhere.
		note("lookalike", "d1", "Ceasefire Terms", "The delegates agreed that monitors from three neutral countries would leave in spring",
			"", nil, annotate.KindHighlight, "", annotate.Green, 1),
		note("other", "d2", "Grain Corridor", "ships carrying grain leave the port every morning", "", nil, annotate.KindHighlight, "", annotate.Blue, 2),
	})
}

// longQueries are long queries over longQueryIndex: the ids holding every
// word, which come first, in any order, and then those holding only some,
// more words first; FuzzSearch starts from them too.
var longQueries = []struct {
	name, query, every, then string
}{
	{"9 words both passages share", firstWords(monitors, 9), "lookalike monitors", "other"},
	{"9 words, the ninth only in one passage", firstWords(monitors, 8) + " watch", "monitors", "lookalike other"},
	{"9 words, the ninth in neither", firstWords(monitors, 8) + " zeppelin", "", "monitors lookalike other"},
	{"12 words of the passage", firstWords(monitors, 12), "monitors", "lookalike other"},
	{"12 words cut short and in another order", "deleg agre monit thre neutr countr wou watc lin conta deleg winte", "monitors", "lookalike"},
	{"12 words, the last in neither", firstWords(monitors, 11) + " zeppelin", "", "monitors lookalike other"},
	{"50 words of the passage", firstWords(monitors, 50), "monitors", "lookalike other"},
	{"50 words, one in neither", firstWords(monitors, 49) + " zeppelin", "", "monitors lookalike other"},
	{"50 words with filters", "kind:note colour:yellow " + firstWords(monitors, 48), "monitors", ""},
	{"the whole passage pasted with its punctuation", monitors, "monitors", "lookalike other"},
	{"the same word 30 times", strings.Repeat("monitors ", 30), "lookalike monitors", ""},
	{"9 words none of which match", "alpha bravo charlie delta echo foxtrot golf hotel india", "", ""},
}

// TestLongQueriesPutEveryWordFirst: a query of any length works; the notes
// holding every one of its words, the ninth and fiftieth as much as the
// first, come first, then those holding most of them.
func TestLongQueriesPutEveryWordFirst(t *testing.T) {
	ix := longQueryIndex()
	for _, c := range longQueries {
		t.Run(c.name, func(t *testing.T) {
			rs, err := ix.Search(context.Background(), c.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			n := len(strings.Fields(c.every))
			if len(rs) < n {
				t.Fatalf("%d words → %q, want %q first", len(strings.Fields(c.query)), ids(rs), c.every)
			}
			if got := sortedIDs(rs[:n]); got != c.every {
				t.Errorf("%d words → %q first, want %q (every word)", len(strings.Fields(c.query)), got, c.every)
			}
			if got := ids(rs[n:]); got != c.then {
				t.Errorf("%d words → %q after every word's, want %q (some words)", len(strings.Fields(c.query)), got, c.then)
			}
		})
	}
}

// TestLongQueryShowsEveryWordInBold: the window bolds the ninth and later
// words of a long query as it does the first eight, each whole when it was
// typed whole ("three" is not bolded as the letters of "the").
func TestLongQueryShowsEveryWordInBold(t *testing.T) {
	ix := longQueryIndex()
	query := firstWords(monitors, 13) // The delegates ... three ... would watch the line
	rs, err := ix.Search(context.Background(), query, 1)
	if err != nil || len(rs) != 1 {
		t.Fatalf("%q → %v %v", query, ids(rs), err)
	}
	quote := rs[0].Fields[search.FieldQuote]
	bold := map[int]bool{}
	for _, i := range rs[0].Matched[search.FieldQuote] {
		bold[i] = true
	}
	for _, w := range []string{"delegates", "three", "would", "watch", "line"} {
		i := strings.Index(quote, w)
		for k := i; k < i+len(w); k++ {
			if !bold[k] {
				t.Errorf("%q is not all bold in %q (bold at %v)", w, quote, rs[0].Matched[search.FieldQuote])
				break
			}
		}
	}
}

// TestLongQueriesOneAfterAnother: a long query does not disturb the next
// short one (the index reuses its scratch space between searches).
func TestLongQueriesOneAfterAnother(t *testing.T) {
	ix := longQueryIndex()
	for _, q := range []string{firstWords(monitors, 50), "grain", firstWords(monitors, 20), "monitors neutral", "ships port"} {
		if _, err := ix.Search(context.Background(), q, 10); err != nil {
			t.Fatal(err)
		}
	}
	for q, want := range map[string]string{"grain": "other", "monitors neutral": "lookalike monitors", "ships port": "other"} {
		rs, _ := ix.Search(context.Background(), q, 10)
		if got := sortedIDs(rs); got != want {
			t.Errorf("%q after long queries → %q, want %q", q, got, want)
		}
	}
}

func sortedIDs(rs []search.Result) string {
	out := strings.Fields(ids(rs))
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestAShortQueryAfterALongOneFindsEverything: the index reuses its
// scratch space from one search to the next; a long query that narrowed
// the notes word by word leaves nothing behind that hides a note from the
// next query.
func TestAShortQueryAfterALongOneFindsEverything(t *testing.T) {
	words := strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo")
	entries := []search.Entry{
		note("ten", "d", "Radio", strings.Join(words[:10], " "), "", nil, annotate.KindHighlight, "", annotate.Yellow, 2),
		note("eleven", "d", "Radio", strings.Join(words, " "), "", nil, annotate.KindHighlight, "", annotate.Yellow, 1),
	}
	for i := range 5 {
		entries = append(entries, note(fmt.Sprint("kilo", i), "d", "Radio", "kilo watts", "", nil, annotate.KindHighlight, "", annotate.Blue, 3+i))
	}
	ix := search.NewIndex(entries)
	for round := range 3 {
		if rs, _ := ix.Search(context.Background(), strings.Join(words, " "), 10); !strings.HasPrefix(ids(rs), "eleven ten ") {
			t.Fatalf("round %d: all eleven words → %q, want eleven (every word), then ten (all but one)", round, ids(rs))
		}
		for _, w := range words[:10] {
			if rs, _ := ix.Search(context.Background(), w, 10); sortedIDs(rs) != "eleven ten" {
				t.Fatalf("round %d: %q after the long query → %q", round, w, ids(rs))
			}
		}
	}
}
