package library_test

import (
	"context"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

const talks = "Geneva Talks\n\n" +
	"The ministers agreed that observers from three neutral countries would watch the line of contact through the winter.\n\n" +
	"The ministers agreed that observers from three neutral countries would leave the region in spring.\n"

// TestLongQueriesFindTheirPassage: a query of nine or more words finds the
// annotation that holds them all first, then the one holding most of them,
// through the palette's search and through the annotations panel's filter
// (which narrows the search to the open document), instead of crashing the
// window.
func TestLongQueriesFindTheirPassage(t *testing.T) {
	lib, _ := openLibrary(t)
	res, err := lib.ImportBytes("talks.txt", "/talks.txt", []byte(talks))
	if err != nil {
		t.Fatal(err)
	}
	doc := res.Document
	winter, err := lib.AnnotateQuote(doc.ID, "observers from three neutral countries would watch the line of contact through the winter", 1,
		library.Draft{Kind: annotate.KindNote, Body: "who pays the observers?"})
	if err != nil {
		t.Fatal(err)
	}
	spring, err := lib.AnnotateQuote(doc.ID, "observers from three neutral countries would leave the region in spring", 1,
		library.Draft{Kind: annotate.KindHighlight})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, query string
		want        []string
	}{
		{"9 words in another order, two only in one", "observers from three neutral countries would the region leave", []string{spring.ID, winter.ID}},
		{"9 words, the ninth only in one", "observers from three neutral countries would watch the line", []string{winter.ID, spring.ID}},
		{"12 words, the last in neither", "observers from three neutral countries would watch the line of contact zeppelin", []string{winter.ID, spring.ID}},
		{"the panel's filter, 9 words", "doc:" + doc.ID + " observers from three neutral countries would watch the line", []string{winter.ID, spring.ID}},
		{"the panel's filter, 13 words", "doc:" + doc.ID + " observers from three neutral countries would watch the line of contact through winter", []string{winter.ID, spring.ID}},
		{"the panel's filter, 9 words, one in neither", "doc:" + doc.ID + " observers from three neutral countries would watch the zeppelin", []string{winter.ID, spring.ID}},
		{"the panel's filter, 9 words in neither", "doc:" + doc.ID + " alpha bravo charlie delta echo foxtrot golf hotel india", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hits, err := lib.Search(context.Background(), c.query, 100)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				if !h.Document {
					got = append(got, h.ID)
				}
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("%d words found %v, want %v", len(strings.Fields(c.query)), got, c.want)
			}
		})
	}
}
