package search_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/search"
)

func note(id, doc, title, quote, body string, tags []string, kind annotate.Kind, status annotate.Status, colour annotate.Colour, age int) search.Entry {
	a := annotate.Annotation{ID: id, DocID: doc, Kind: kind, Status: status, Colour: colour, Body: body, Tags: tags,
		Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(age) * time.Hour)}
	if quote != "" {
		a.Anchor = &annotate.Anchor{Start: 10, End: 10 + len([]rune(quote)), Exact: quote}
	}
	return search.AnnotationEntry(a, title)
}

func fixtureIndex() *search.Index {
	return search.NewIndex([]search.Entry{
		note("a1", "d1", "Rubio Meets Lavrov", "Lavrov is a skilled diplomat adept at using such meetings for propaganda", "Skeptics on Lavrov", []string{"russia"}, annotate.KindNote, "", annotate.Yellow, 5),
		note("a2", "d1", "Rubio Meets Lavrov", "international sanctions and their effectiveness", "Lavrov sanctions talk: pressure is not working", []string{"sanctions"}, annotate.KindQuestion, annotate.StatusOpen, annotate.Blue, 3),
		note("a3", "d2", "Sanctions and Their Limits", "the sanctions regime was never enforced", "", []string{"enforcement"}, annotate.KindHighlight, "", annotate.Pink, 1),
		note("a4", "d2", "Sanctions and Their Limits", "Moscow answered with counter-measures", "compare with Lavrov's 2014 statement", nil, annotate.KindQuestion, annotate.StatusAnswered, annotate.Green, 2),
		note("a5", "d3", "Arms Control After 1991", "verification came later", "inspectors, seals, cameras", []string{"verification", "arms"}, annotate.KindNote, "", annotate.Yellow, 9),
		search.DocumentEntry(annotate.Document{ID: "d1", Title: "Rubio Meets Lavrov", Byline: "A. Correspondent", Site: "Example Wire"}),
		search.DocumentEntry(annotate.Document{ID: "d2", Title: "Sanctions and Their Limits"}),
	})
}

func ids(rs []search.Result) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return strings.Join(out, " ")
}

// personQueries are what a person types over fixtureIndex, and what they
// should find; FuzzSearch starts from them too.
var personQueries = []struct {
	query string
	want  string // the results' ids in order, or a prefix of them ending in "…"
}{
	{"lavrov sanctions", "a2 a4"},     // both words in one field beat scattered
	{"lavr sanc", "a2 a4"},            // cut short
	{"lavrv snctions", "a2 a4"},       // letters dropped
	{"sanctions lavrov", "a2 a4"},     // any order
	{"verif", "a5"},                   // prefix in quote and tag
	{"inspectors", "a5"},              // in the note
	{"kind:question", "a4 a2"},        // filters alone: newest first
	{"is:open", "a2"},                 // status
	{"colour:pink", "a3"},             // colour
	{"color:yellow", "a1 a5"},         // American spelling
	{"tag:arms", "a5"},                // tag
	{"tag:#russia lavrov", "a1"},      // tag with free words
	{`in:"their limits"`, "a3 a4 d2"}, // part of a title; the document too
	{`"counter-measures"`, "a4"},      // exact phrase
	{`"never enforced" sanctions`, "a3"},
	{"kind:note is:open", ""},
	{"zzzz", ""},
	{"limits", "d2 a3 a4"}, // the document's own title ranks above its annotations' shared title
}

func TestQueriesFindWhatAPersonMeans(t *testing.T) {
	ix := fixtureIndex()
	for _, c := range personQueries {
		rs, err := ix.Search(context.Background(), c.query, 10)
		if err != nil {
			t.Fatal(err)
		}
		got := ids(rs)
		if strings.HasSuffix(c.want, "…") {
			if !strings.HasPrefix(got, strings.TrimSuffix(c.want, "…")) {
				t.Errorf("%q → %q, want it to start with %q", c.query, got, c.want)
			}
		} else if got != c.want {
			t.Errorf("%q → %q, want %q", c.query, got, c.want)
		}
	}
}

func TestWholeWordBeatsPrefixBeatsScatteredLetters(t *testing.T) {
	ix := search.NewIndex([]search.Entry{
		note("scattered", "d", "T", "a grave threat", "", nil, annotate.KindHighlight, "", annotate.Yellow, 0),
		note("prefix", "d", "T", "the treatment of prisoners", "", nil, annotate.KindHighlight, "", annotate.Yellow, 0),
		note("whole", "d", "T", "a treat for the delegates", "", nil, annotate.KindHighlight, "", annotate.Yellow, 5),
	})
	rs, _ := ix.Search(context.Background(), "treat", 10)
	if got := ids(rs); got != "whole prefix scattered" {
		t.Errorf("treat → %q", got)
	}
	rs, _ = ix.Search(context.Background(), "thrt", 10)
	if got := ids(rs); got != "scattered" {
		t.Errorf("thrt → %q", got)
	}
}

func TestRecencyBreaksTies(t *testing.T) {
	ix := search.NewIndex([]search.Entry{
		note("old", "d", "T", "the embassy", "", nil, annotate.KindHighlight, "", annotate.Yellow, 10),
		note("new", "d", "T", "the embassy", "", nil, annotate.KindHighlight, "", annotate.Yellow, 1),
	})
	rs, _ := ix.Search(context.Background(), "embassy", 10)
	if got := ids(rs); got != "new old" {
		t.Errorf("embassy → %q", got)
	}
}

func TestMatchedCharactersAndUpdates(t *testing.T) {
	ix := fixtureIndex()
	rs, _ := ix.Search(context.Background(), "lavr", 1)
	if len(rs) != 1 {
		t.Fatal("no result")
	}
	body := rs[0].Fields[search.FieldBody]
	var bold strings.Builder
	for _, i := range rs[0].Matched[search.FieldBody] {
		bold.WriteByte(body[i])
	}
	if bold.String() != "Lavr" {
		t.Errorf("bold characters in %q: %q", body, bold.String())
	}

	ix.Remove("a2")
	rs, _ = ix.Search(context.Background(), "lavrov sanctions", 10)
	if got := ids(rs); strings.Contains(got, "a2") {
		t.Errorf("after removal: %q", got)
	}
	ix.Put(note("a6", "d9", "New Paper", "the Kuala Lumpur meeting", "neutral venue", []string{"venue"}, annotate.KindNote, "", annotate.Orange, 0))
	rs, _ = ix.Search(context.Background(), "kuala venu", 10)
	if got := ids(rs); got != "a6" {
		t.Errorf("after adding: %q", got)
	}
	ix.Put(note("a6", "d9", "New Paper", "the Kuala Lumpur meeting", "now about Geneva", nil, annotate.KindNote, "", annotate.Orange, 0))
	if rs, _ := ix.Search(context.Background(), "venue", 10); len(rs) != 0 {
		t.Errorf("after editing, the old note still matches: %q", ids(rs))
	}
	ix.RemoveDocument("d1", []string{"a1"})
	if rs, _ := ix.Search(context.Background(), "rubio", 10); len(rs) != 0 {
		t.Errorf("after removing the document: %q", ids(rs))
	}
}

func TestCancelledSearchStops(t *testing.T) {
	ix := fixtureIndex()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if rs, err := ix.Search(ctx, "kind:note", 10); err == nil {
		t.Errorf("a cancelled search returned %q and no error", ids(rs))
	}
	if rs, err := ix.Search(ctx, "lavrov", 10); err == nil {
		t.Errorf("a cancelled word search returned %q and no error", ids(rs))
	}
}

func TestParse(t *testing.T) {
	q := search.Parse(`Lavrov "in principle" tag:#Russia kind:question is:open colour:Blue in:"kuala lumpur" url:x`)
	if strings.Join(q.Words, ",") != "lavrov,in,principle,url,x" || strings.Join(q.Phrases, ",") != "in principle" ||
		q.Tag != "russia" || q.Kind != "question" || q.Status != "open" || q.Colour != "blue" || q.In != "kuala lumpur" {
		t.Errorf("parsed %+v", q)
	}
}

// TestNotesImportedTogetherKeepTheirOrder: notes imported at one moment
// share their time; searching for them twice lists them the same way, so
// results do not shuffle under the reader's eyes between keystrokes.
func TestNotesImportedTogetherKeepTheirOrder(t *testing.T) {
	var entries []search.Entry
	for i, w := range strings.Fields("sanction sanctions sanctioned sanctioning sanctuary sanctity sanction sanctions sanctioned sanctioning sanctuary sanctity") {
		entries = append(entries, note(fmt.Sprint("k", i), "d", "Clippings", "the "+w+" of the state", "", nil, annotate.KindHighlight, "", annotate.Yellow, 0))
	}
	ix := search.NewIndex(entries)
	first, _ := ix.Search(context.Background(), "sanc", 3)
	for range 50 {
		again, _ := ix.Search(context.Background(), "sanc", 3)
		if ids(again) != ids(first) {
			t.Fatalf("sanc → %q, then %q", ids(first), ids(again))
		}
	}
}
