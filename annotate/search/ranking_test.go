package search_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/search"
)

// TestWordsFoundTogetherRankFirst: of two notes that both hold every word
// of the query, the one that has them together in one passage or note
// comes first, even when the other is newer.
func TestWordsFoundTogetherRankFirst(t *testing.T) {
	ix := searchIndex(
		note("together", "d", "Talks", "", "the Kuala Lumpur meeting was cordial", nil, annotate.KindNote, "", annotate.Yellow, 5),
		note("scattered", "d", "Talks", "Kuala ministers said little", "Lumpur was hot", nil, annotate.KindNote, "", annotate.Yellow, 1),
		note("quote", "d", "Talks", "agreed in Kuala Lumpur after midnight", "", nil, annotate.KindHighlight, "", annotate.Blue, 6),
		note("split", "d", "Talks", "the Kuala delegation", "", []string{"lumpur"}, annotate.KindHighlight, "", annotate.Blue, 2),
	)
	cases := []struct{ query, want string }{
		{"kuala lumpur", "together quote scattered split"},
		{"lumpur kuala", "together quote scattered split"},
		{"kual lump", "together quote scattered split"},
	}
	for _, c := range cases {
		rs, err := ix.Search(context.Background(), c.query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(rs); got != c.want {
			t.Errorf("%q → %q, want %q", c.query, got, c.want)
		}
	}
}

// TestFilterWordsIgnoreCase: a filter typed with capitals, key or value,
// finds what it finds in lower case ("is:Open" as "is:open"), and so do
// free words and phrases.
func TestFilterWordsIgnoreCase(t *testing.T) {
	ix := fixtureIndex()
	for _, query := range []string{
		"IS:OPEN", "is:Open", "Is:open", "is:ANSWERED",
		"KIND:Question", "Kind:NOTE", "kind:Highlight",
		"Colour:PINK", "COLOR:Yellow", "colour:Blue",
		"TAG:Arms", "tag:#RUSSIA Lavrov", "Tag:Sanctions",
		`IN:"Their Limits"`, `In:"RUBIO meets"`,
		"DOC:D2 sanctions", "Doc:d1",
		`"Never Enforced" SANCTIONS`, `"MOSCOW answered"`, "LAVROV Sanctions",
	} {
		lower, _ := ix.Search(context.Background(), strings.ToLower(query), 10)
		got, err := ix.Search(context.Background(), query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(lower) == 0 || ids(got) != ids(lower) {
			t.Errorf("%q → %q, but %q → %q", query, ids(got), strings.ToLower(query), ids(lower))
		}
	}
}

// TestTagsMatchWhateverTheirCase: tags keep the case they were typed in,
// and a tag: filter finds them in any case.
func TestTagsMatchWhateverTheirCase(t *testing.T) {
	ix := searchIndex(
		note("ru", "d", "Talks", "the envoy", "", []string{"Russia"}, annotate.KindNote, "", annotate.Yellow, 1),
		note("nato", "d", "Talks", "the summit", "", []string{"NATO", "summit talks"}, annotate.KindNote, "", annotate.Yellow, 2),
	)
	for query, want := range map[string]string{
		"tag:russia": "ru", "tag:RUSSIA": "ru", "tag:nato": "nato", "tag:#Nato": "nato", `tag:"Summit Talks"`: "nato",
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

// TestHowAWordMatchedOutranksHowOften: a note using the very word typed
// ranks above one using a longer word that starts with it, and that above
// one holding its letters with some between, however often the weaker
// kind of match occurs; two letters are only ever the start of a word.
func TestHowAWordMatchedOutranksHowOften(t *testing.T) {
	cases := []rankCase{
		{"the word itself once beats longer words thrice", "treat", []search.Entry{
			note("whole", "d", "T", "a treat for the delegates", "", nil, annotate.KindHighlight, "", annotate.Yellow, 5),
			note("prefix", "d", "T", "the treatment of prisoners, their treatment in court, treatments to come", "", nil, annotate.KindHighlight, "", annotate.Yellow, 1),
		}, "whole prefix"},
		{"a word starting so once beats scattered letters often", "treat", []search.Entry{
			note("prefix", "d", "T", "the treatment of prisoners", "", nil, annotate.KindHighlight, "", annotate.Yellow, 5),
			note("letters", "d", "T", "threats, threats and more threats: a threatened, threatening people", "", nil, annotate.KindHighlight, "", annotate.Yellow, 1),
		}, "prefix letters"},
		{"two letters with a gap match nothing", "sn", []search.Entry{
			note("sanctions", "d", "T", "sanctions held", "", nil, annotate.KindHighlight, "", annotate.Yellow, 0),
		}, ""},
		{"two letters start a word", "sa", []search.Entry{
			note("sanctions", "d", "T", "sanctions held", "", nil, annotate.KindHighlight, "", annotate.Yellow, 0),
		}, "sanctions"},
	}
	rankAll(t, cases)
}

// TestTheCloserWordWinsATie: of two notes matching alike, the one whose
// word is closer to what was typed comes first, even when older, and
// whether one result is asked for or many.
func TestTheCloserWordWinsATie(t *testing.T) {
	ix := searchIndex(
		note("lavrov", "d", "T", "Lavrov spoke first", "", nil, annotate.KindHighlight, "", annotate.Yellow, 9),
		note("lavrovian", "d", "T", "a Lavrovian answer", "", nil, annotate.KindHighlight, "", annotate.Yellow, 1),
	)
	for _, limit := range []int{1, 2, 10} {
		rs, err := ix.Search(context.Background(), "lavr", limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) == 0 || rs[0].ID != "lavrov" {
			t.Errorf("lavr, limit %d → %q, want lavrov first", limit, ids(rs))
		}
	}
}

// TestAWordTypedTwiceChangesNothing: a word typed twice by a slip of the
// finger finds and orders the notes as typing it once does.
func TestAWordTypedTwiceChangesNothing(t *testing.T) {
	ix := searchIndex(
		note("kq", "d", "Talks", "Kuala delegates", "", []string{"lumpur"}, annotate.KindNote, "", annotate.Yellow, 5),
		note("lq", "d", "Talks", "Lumpur traffic", "", []string{"kuala"}, annotate.KindNote, "", annotate.Yellow, 1),
	)
	once, _ := ix.Search(context.Background(), "kuala lumpur", 10)
	for _, query := range []string{"kuala kuala lumpur", "kuala lumpur lumpur", "Kuala kuala KUALA lumpur"} {
		twice, err := ix.Search(context.Background(), query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if ids(twice) != ids(once) || len(once) != 2 {
			t.Errorf("%q → %q, but kuala lumpur → %q", query, ids(twice), ids(once))
		}
	}
}

func searchIndex(entries ...search.Entry) *search.Index { return search.NewIndex(entries) }

// TestWhereAWordStandsDecidesItsRank: the same word ranks by where it
// stands: in the passage or the note a person marked or wrote, then in a
// question's answer, then in a tag, then in the title every note of a
// document shares, then in a document's byline; never mind which is newer.
func TestWhereAWordStandsDecidesItsRank(t *testing.T) {
	answered := annotate.Annotation{ID: "answer", DocID: "d", Kind: annotate.KindQuestion, Status: annotate.StatusAnswered,
		Body: "who hosts the next round?", Answer: &annotate.Answer{Text: "Vienna, again"},
		Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(-5 * time.Hour)}
	ix := searchIndex(
		note("quote", "d", "Talks", "the talks moved to Vienna", "", nil, annotate.KindHighlight, "", annotate.Yellow, 6),
		note("body", "d", "Talks", "the talks moved", "to Vienna, at last", nil, annotate.KindNote, "", annotate.Yellow, 7),
		search.AnnotationEntry(answered, "Talks"),
		note("tags", "d", "Talks", "the talks moved", "", []string{"vienna"}, annotate.KindHighlight, "", annotate.Yellow, 4),
		note("title", "v", "Letters from Vienna", "the talks moved", "", nil, annotate.KindHighlight, "", annotate.Yellow, 3),
		search.DocumentEntry(annotate.Document{ID: "byline", Title: "Memoirs", Byline: "A. Vienna", Imported: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(-2 * time.Hour)}),
	)
	rs, err := ix.Search(context.Background(), "vienna", 10)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(rs), "quote body answer tags title byline"; got != want {
		t.Errorf("vienna → %q, want %q", got, want)
	}
}

// rankCase is a query over a few notes and the ids it must give, in order.
type rankCase struct {
	name, query string
	notes       []search.Entry
	want        string
}

// rankAll runs each case over an index of its own notes.
func rankAll(t *testing.T, cases []rankCase) {
	t.Helper()
	for _, c := range cases {
		rs, err := searchIndex(c.notes...).Search(context.Background(), c.query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(rs); got != c.want {
			t.Errorf("%s: %q → %q, want %q", c.name, c.query, got, c.want)
		}
	}
}
