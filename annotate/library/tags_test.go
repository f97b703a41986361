package library_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/library"
)

// A tag of several words is kept as typed, spaces and all, through saving
// and reopening; tag: finds it written with a space or with hyphens; the
// Markdown export writes it as an Obsidian #tag, CSV and JSON-LD as typed.
func TestTagsOfSeveralWordsAreKeptAsTyped(t *testing.T) {
	lib, path := openLibrary(t)
	doc := importMemo(t, lib)
	a, err := lib.AnnotateQuote(doc.ID, "disagreed on tariffs", 1, library.Draft{Kind: annotate.KindNote, Body: "Said gently.",
		Tags: []string{"hedging", " diplomatic   language ", "#Diplomatic-Language", "rules of the game"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"hedging", "diplomatic language", "rules of the game"}
	if !reflect.DeepEqual(a.Tags, want) {
		t.Errorf("saved tags %q, want %q", a.Tags, want)
	}
	edited := *a
	edited.Tags = []string{"satire", "rules of the game"}
	if _, err := lib.UpdateAnnotation(edited); err != nil {
		t.Fatal(err)
	}
	edited.Tags = append(edited.Tags, "diplomatic language")
	if _, err := lib.UpdateAnnotation(edited); err != nil {
		t.Fatal(err)
	}
	lib.Close()
	lib, err = library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	got, err := lib.Annotation(a.ID)
	want = []string{"satire", "rules of the game", "diplomatic language"}
	if err != nil || !reflect.DeepEqual(got.Tags, want) {
		t.Fatalf("after reopening the tags are %q (%v), want %q", got.Tags, err, want)
	}
	if inUse, _ := lib.Tags(); !slices.Contains(inUse, "diplomatic language") || !slices.Contains(inUse, "rules of the game") {
		t.Errorf("tags in use %q lack the tags of several words", inUse)
	}

	for _, q := range []string{`tag:"diplomatic language"`, "tag:diplomatic-language", "tag:#Diplomatic-Language", `tag:"rules  of the game"`, "tag:satire"} {
		hits, err := lib.Search(context.Background(), q, 10)
		if err != nil || len(hits) != 1 || hits[0].ID != a.ID {
			t.Errorf("%s finds %+v (%v), want the note", q, hits, err)
		}
	}
	for _, q := range []string{"tag:diplomatic", "tag:language", `tag:"diplomatic languages"`} {
		if hits, _ := lib.Search(context.Background(), q, 10); len(hits) != 0 {
			t.Errorf("%s finds %d, want none: it names another tag", q, len(hits))
		}
	}

	md := exportString(t, lib, interop.Markdown, []string{doc.ID})
	if !strings.Contains(md, "\n#satire #rules-of-the-game #diplomatic-language\n") {
		t.Errorf("the Markdown export's #tags are not one per tag:\n%s", md)
	}
	rows, err := csv.NewReader(strings.NewReader(exportString(t, lib, interop.CSV, []string{doc.ID}))).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][7] != "tags" || rows[1][7] != "satire; rules of the game; diplomatic language" {
		t.Errorf("the CSV export's tags: %q (%v)", rows, err)
	}
	var ld struct {
		First struct {
			Items []struct {
				Body []struct {
					Value   string `json:"value"`
					Purpose string `json:"purpose"`
				} `json:"body"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal([]byte(exportString(t, lib, interop.JSONLD, []string{doc.ID})), &ld); err != nil || len(ld.First.Items) != 1 {
		t.Fatalf("the JSON-LD export: %+v (%v)", ld, err)
	}
	var tags []string
	for _, b := range ld.First.Items[0].Body {
		if b.Purpose == "tagging" {
			tags = append(tags, b.Value)
		}
	}
	if !reflect.DeepEqual(tags, want) {
		t.Errorf("the JSON-LD export tags %q, want %q", tags, want)
	}
}
