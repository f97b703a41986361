package library_test

import (
	"fmt"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

// span is the code-point range of the occurrence-th quote in the memo.
func span(t *testing.T, quote string, occurrence int) (int, int) {
	t.Helper()
	from := 0
	for n := 1; ; n++ {
		i := strings.Index(memo[from:], quote)
		if i < 0 {
			t.Fatalf("%q %d is not in the memo", quote, occurrence)
		}
		if n == occurrence {
			s := len([]rune(memo[:from+i]))
			return s, s + len([]rune(quote))
		}
		from += i + len(quote)
	}
}

// painted describes a document's annotations as a reader sees them:
// "kind colour «passage» note", in document order.
func painted(t *testing.T, lib *library.Library, docID string) string {
	t.Helper()
	anns, err := lib.Annotations(docID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range anns {
		s := fmt.Sprintf("%s %s «%s»", a.Kind, a.Colour, a.Anchor.Exact)
		if a.Body != "" {
			s += " " + strings.ReplaceAll(a.Body, "\n", "/")
		}
		if len(a.Tags) > 0 {
			s += " #" + strings.Join(a.Tags, " #")
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestChoosingAColourOnAHighlightedPassage(t *testing.T) {
	type before struct {
		quote string
		n     int
		kind  annotate.Kind
		c     annotate.Colour
		body  string
	}
	cases := []struct {
		name    string
		before  []before
		quote   string
		colour  annotate.Colour
		how     library.HighlightChoice
		outcome library.HighlightOutcome
		after   string
		undone  string
	}{
		{name: "a fresh passage gets a new highlight",
			quote: "in principle", colour: annotate.Blue, outcome: library.Created,
			after:  "highlight blue «in principle»",
			undone: ""},
		{name: "exactly a highlight: it is recoloured, not doubled",
			before: []before{{quote: "in principle", n: 1, c: annotate.Yellow, body: "hedged"}},
			quote:  "in principle", colour: annotate.Green, outcome: library.Recoloured,
			after:  "highlight green «in principle» hedged",
			undone: "highlight yellow «in principle» hedged"},
		{name: "exactly a highlight in the same colour: nothing changes",
			before: []before{{quote: "in principle", n: 1, c: annotate.Yellow}},
			quote:  "in principle", colour: annotate.Yellow, outcome: library.Unchanged,
			after: "highlight yellow «in principle»"},
		{name: "inside a highlight of the same colour: nothing changes",
			before: []before{{quote: "The ministers agreed in principle.", n: 1, c: annotate.Pink}},
			quote:  "agreed", colour: annotate.Pink, outcome: library.Unchanged,
			after: "highlight pink «The ministers agreed in principle.»"},
		{name: "overlapping the same colour: one highlight over the union",
			before: []before{{quote: "ministers agreed", n: 1, c: annotate.Yellow, body: "who?"}},
			quote:  "agreed in principle", colour: annotate.Yellow, outcome: library.Merged,
			after:  "highlight yellow «ministers agreed in principle» who?",
			undone: "highlight yellow «ministers agreed» who?"},
		{name: "bridging two highlights of the same colour joins them, notes and all",
			before: []before{
				{quote: "The ministers agreed", n: 1, c: annotate.Blue, body: "first"},
				{quote: "The ministers disagreed", n: 1, c: annotate.Blue, body: "second"}},
			quote: "agreed in principle. The", colour: annotate.Blue, outcome: library.Merged,
			after:  "highlight blue «The ministers agreed in principle. The ministers disagreed» first//second",
			undone: "highlight blue «The ministers agreed» first; highlight blue «The ministers disagreed» second"},
		{name: "overlapping another colour: the reader is asked, nothing changes",
			before: []before{{quote: "ministers agreed", n: 1, c: annotate.Yellow}},
			quote:  "agreed in principle", colour: annotate.Green, outcome: library.MustAsk,
			after: "highlight yellow «ministers agreed»"},
		{name: "inside another colour: the reader is asked",
			before: []before{{quote: "The ministers agreed in principle.", n: 1, c: annotate.Yellow}},
			quote:  "agreed", colour: annotate.Green, outcome: library.MustAsk,
			after: "highlight yellow «The ministers agreed in principle.»"},
		{name: "asked, the reader extends: one highlight in the new colour",
			before: []before{{quote: "ministers agreed", n: 1, c: annotate.Yellow}},
			quote:  "agreed in principle", colour: annotate.Green, how: library.Extend, outcome: library.Merged,
			after:  "highlight green «ministers agreed in principle»",
			undone: "highlight yellow «ministers agreed»"},
		{name: "asked inside a highlight, the reader extends: the whole highlight is recoloured",
			before: []before{{quote: "The ministers agreed in principle.", n: 1, c: annotate.Yellow}},
			quote:  "agreed", colour: annotate.Green, how: library.Extend, outcome: library.Recoloured,
			after:  "highlight green «The ministers agreed in principle.»",
			undone: "highlight yellow «The ministers agreed in principle.»"},
		{name: "asked, the reader wants a separate highlight",
			before: []before{{quote: "ministers agreed", n: 1, c: annotate.Yellow}},
			quote:  "agreed in principle", colour: annotate.Green, how: library.Separate, outcome: library.Created,
			after:  "highlight yellow «ministers agreed»; highlight green «agreed in principle»",
			undone: "highlight yellow «ministers agreed»"},
		{name: "exactly a note's passage: the note is recoloured",
			before: []before{{quote: "tariffs", n: 1, kind: annotate.KindNote, c: annotate.Yellow, body: "which?"}},
			quote:  "tariffs", colour: annotate.Orange, outcome: library.Recoloured,
			after:  "note orange «tariffs» which?",
			undone: "note yellow «tariffs» which?"},
		{name: "a note overlapping the passage does not count as a highlight",
			before: []before{{quote: "disagreed on tariffs", n: 1, kind: annotate.KindNote, c: annotate.Yellow, body: "which?"}},
			quote:  "tariffs", colour: annotate.Yellow, outcome: library.Created,
			after:  "note yellow «disagreed on tariffs» which?; highlight yellow «tariffs»",
			undone: "note yellow «disagreed on tariffs» which?"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lib, _ := openLibrary(t)
			doc := importMemo(t, lib)
			for _, b := range c.before {
				if _, err := lib.AnnotateQuote(doc.ID, b.quote, b.n, library.Draft{Kind: b.kind, Colour: b.c, Body: b.body}); err != nil {
					t.Fatal(err)
				}
			}
			was := painted(t, lib, doc.ID)
			s, e := span(t, c.quote, 1)
			res, err := lib.Highlight(doc.ID, s, e, c.colour, c.how)
			if err != nil {
				t.Fatal(err)
			}
			if res.Outcome != c.outcome {
				t.Errorf("outcome %d, want %d", res.Outcome, c.outcome)
			}
			if got := painted(t, lib, doc.ID); got != c.after {
				t.Errorf("after choosing %s:\n got %s\nwant %s", c.colour, got, c.after)
			}
			if c.outcome == library.MustAsk || c.outcome == library.Unchanged {
				if got := painted(t, lib, doc.ID); got != was {
					t.Errorf("%s changed the annotations: %s", c.name, got)
				}
				return
			}
			if _, err := lib.Undo(); err != nil {
				t.Fatal(err)
			}
			if got := painted(t, lib, doc.ID); got != c.undone {
				t.Errorf("after one Undo:\n got %s\nwant %s", got, c.undone)
			}
			if trash, _ := lib.Trash(doc.ID); len(trash) != 0 && c.outcome == library.Merged {
				t.Errorf("after undoing the merge the trash still holds %d", len(trash))
			}
		})
	}
}

func TestMergingKeepsTheOldestHighlightAndTheAnswersLinkedToTheOthers(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	first, _ := lib.AnnotateQuote(doc.ID, "The ministers agreed", 1, library.Draft{Colour: annotate.Blue, Tags: []string{"summit"}})
	second, _ := lib.AnnotateQuote(doc.ID, "The ministers disagreed", 1, library.Draft{Colour: annotate.Blue, Tags: []string{"tariffs", "summit"}})
	q, _ := lib.AnnotateQuote(doc.ID, "sanctions", 1, library.Draft{Kind: annotate.KindQuestion, Body: "Did they differ?"})
	if _, err := lib.Answer(q.ID, "Yes.", second.ID); err != nil {
		t.Fatal(err)
	}
	s, e := span(t, "agreed in principle. The", 1)
	res, err := lib.Highlight(doc.ID, s, e, annotate.Blue, library.Decide)
	if err != nil || res.Outcome != library.Merged {
		t.Fatalf("merge: %+v %v", res, err)
	}
	if res.Annotation.ID != first.ID || strings.Join(res.Annotation.Tags, ",") != "summit,tariffs" {
		t.Errorf("merged into %s with tags %q, want the oldest (%s) with both tags", res.Annotation.ID, res.Annotation.Tags, first.ID)
	}
	trash, _ := lib.Trash(doc.ID)
	if len(trash) != 1 || trash[0].ID != second.ID {
		t.Errorf("trash %+v, want the second highlight", trash)
	}
	if got, _ := lib.Annotation(q.ID); got.Answer.Link != first.ID {
		t.Errorf("the answer links to %s, want the merged highlight %s", got.Answer.Link, first.ID)
	}
	if what, err := lib.Undo(); err != nil || what != "the extended highlight" {
		t.Fatalf("undo: %q %v", what, err)
	}
	if got, _ := lib.Annotation(q.ID); got.Answer.Link != second.ID {
		t.Errorf("after Undo the answer links to %s, want %s again", got.Answer.Link, second.ID)
	}
	if hits, _ := lib.Search(t.Context(), "kind:highlight tag:tariffs", 10); len(hits) != 1 || hits[0].ID != second.ID {
		t.Errorf("after Undo, search finds %+v, want the second highlight again", hits)
	}
}

func TestANoteOnExactlyAHighlightBecomesItsNote(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	h, _ := lib.AnnotateQuote(doc.ID, "in principle", 1, library.Draft{Colour: annotate.Pink})
	note, err := lib.AnnotateQuote(doc.ID, "in principle", 1, library.Draft{Kind: annotate.KindNote, Colour: annotate.Yellow, Body: "Not binding. ", Tags: []string{"hedge"}})
	if err != nil {
		t.Fatal(err)
	}
	if note.ID != h.ID || painted(t, lib, doc.ID) != "note pink «in principle» Not binding.  #hedge" {
		t.Errorf("a note on the highlight gave %s (id %s, highlight %s)", painted(t, lib, doc.ID), note.ID, h.ID)
	}
	if what, _ := lib.Undo(); what != "the new note" || painted(t, lib, doc.ID) != "highlight pink «in principle»" {
		t.Errorf("Undo (%q) left %s", what, painted(t, lib, doc.ID))
	}
	if _, err := lib.AnnotateQuote(doc.ID, "principle", 1, library.Draft{Kind: annotate.KindNote, Colour: annotate.Yellow, Body: "part"}); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.AnnotateQuote(doc.ID, "in principle", 1, library.Draft{Kind: annotate.KindQuestion, Body: "Binding?"}); err != nil {
		t.Fatal(err)
	}
	if got := painted(t, lib, doc.ID); got != "highlight pink «in principle»; question  «in principle» Binding?; note yellow «principle» part" &&
		got != "question  «in principle» Binding?; highlight pink «in principle»; note yellow «principle» part" {
		t.Errorf("a note on part of it and a question on it stay their own: %s", got)
	}
}

func TestAnsweringWithAHighlightedPassageLinksToTheHighlight(t *testing.T) {
	lib, _ := openLibrary(t)
	doc := importMemo(t, lib)
	h, _ := lib.AnnotateQuote(doc.ID, "tariffs", 1, library.Draft{Colour: annotate.Orange})
	q, _ := lib.AnnotateQuote(doc.ID, "sanctions", 1, library.Draft{Kind: annotate.KindQuestion, Body: "On what?"})
	s, e := span(t, "tariffs", 1)
	answered, err := lib.AnswerWithPassage(q.ID, doc.ID, s, e, "")
	if err != nil {
		t.Fatal(err)
	}
	if answered.Answer.Link != h.ID {
		t.Errorf("answer links to %s, want the highlight %s", answered.Answer.Link, h.ID)
	}
	if anns, _ := lib.Annotations(doc.ID); len(anns) != 2 {
		t.Errorf("answering added a second highlight: %s", painted(t, lib, doc.ID))
	}
}

// The command line's annotate --kind highlight follows the same rule as
// the window: a second colour on a highlighted quote recolours it, and a
// quote over a highlight of another colour is refused in a sentence.
func TestQuotedHighlightsFollowTheRule(t *testing.T) {
	lib, _ := openLibrary(t)
	defer lib.Close()
	doc := importMemo(t, lib)
	quote := func(q string, c annotate.Colour) error {
		_, err := lib.AnnotateQuote(doc.ID, q, 1, library.Draft{Kind: annotate.KindHighlight, Colour: c})
		return err
	}
	for _, step := range []struct {
		quote  string
		colour annotate.Colour
		fails  string
		after  string
	}{
		{quote: "in principle", colour: annotate.Yellow, after: "highlight yellow «in principle»"},
		{quote: "in principle", colour: annotate.Green, after: "highlight green «in principle»"},
		{quote: "in principle", colour: annotate.Green, after: "highlight green «in principle»"},
		{quote: "agreed in principle", colour: annotate.Pink, fails: "overlaps a green highlight",
			after: "highlight green «in principle»"},
		{quote: "agreed in principle", colour: annotate.Green, after: "highlight green «agreed in principle»"},
	} {
		err := quote(step.quote, step.colour)
		if step.fails == "" && err != nil || step.fails != "" && (err == nil || !strings.Contains(err.Error(), step.fails)) {
			t.Fatalf("%s %q: %v, want failure %q", step.colour, step.quote, err, step.fails)
		}
		if got := painted(t, lib, doc.ID); got != step.after {
			t.Fatalf("after %s %q: %s, want %s", step.colour, step.quote, got, step.after)
		}
	}
}
