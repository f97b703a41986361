package interop_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/interop"
)

func parseKindleFile(t *testing.T, parts ...string) []interop.Incoming {
	t.Helper()
	p := filepath.Join(append([]string{corpus.Path(t, "kindle")}, parts...)...)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	in, err := interop.Parse(filepath.Base(p), data, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func quotes(in []interop.Incoming) []string {
	var out []string
	for _, i := range in {
		if i.Annotation.Anchor != nil {
			out = append(out, i.Annotation.Anchor.Exact)
		}
	}
	return out
}

func TestKindleEnglishClippings(t *testing.T) {
	in := parseKindleFile(t, "samueldg-clippings", "clippings.txt")
	if len(in) != 4 {
		t.Fatalf("%d annotations, want 4 highlights (one with its note)", len(in))
	}
	first := in[0]
	if first.Title != "Java Concurrency in Practice" || len(first.Authors) != 6 || first.Authors[1] != "Brian Goetz" {
		t.Errorf("book %q by %q", first.Title, first.Authors)
	}
	if want := time.Date(2016, 3, 21, 8, 35, 16, 0, time.UTC); !first.Annotation.Created.Equal(want) {
		t.Errorf("added %v, want %v", first.Annotation.Created, want)
	}
	if first.Label != "Location 4769–4770 · page 311 · added 21 March 2016" {
		t.Errorf("label %q", first.Label)
	}
	var withNote *interop.Incoming
	for i := range in {
		if in[i].Annotation.Kind == annotate.KindNote {
			withNote = &in[i]
		}
	}
	if withNote == nil || withNote.Annotation.Body != "remarque de Proust?" || withNote.Title != "The Essays of Arthur Schopenhauer: the Wisdom of Life" || withNote.Authors[0] != "Arthur Schopenhauer" {
		t.Errorf("the note is not on its highlight: %+v", withNote)
	}
}

func TestKindleEditedAndRepeatedHighlightsAreKeptOnce(t *testing.T) {
	in := parseKindleFile(t, "hadynz-kindle-clippings", "bookParser.spec_dup-same-page.txt")
	if got := strings.Join(quotes(in), "|"); got != "Highlight 1|Highlight 2|Highlight 3" {
		t.Errorf("highlights %q, want each once in page order", got)
	}
	if want := time.Date(2012, 12, 3, 19, 42, 30, 0, time.UTC); !in[0].Annotation.Created.Equal(want) {
		t.Errorf("\"Monday, 3 December 12 19:42:30\" read as %v", in[0].Annotation.Created)
	}
	data := []byte("Book (A. Writer)\r\n- Your Highlight on Location 10-12 | Added on Monday, March 21, 2016 8:35:16 AM\r\n\r\nthe envoys met\r\n==========\r\n" +
		"Book (A. Writer)\r\n- Your Highlight on Location 10-14 | Added on Monday, March 21, 2016 8:40:00 AM\r\n\r\nthe envoys met at dawn\r\n==========\r\n" +
		"Book (A. Writer)\r\n- Your Bookmark on Location 30 | Added on Monday, March 21, 2016 8:41:00 AM\r\n\r\n\r\n==========\r\n")
	got, err := interop.Parse("My Clippings.txt", append([]byte("\ufeff"), data...), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if q := quotes(got); len(q) != 1 || q[0] != "the envoys met at dawn" || got[0].Title != "Book" {
		t.Errorf("an extended highlight gave %q (title %q), want only its newest form", q, got[0].Title)
	}
}

func TestKindleOtherLanguages(t *testing.T) {
	in := parseKindleFile(t, "samueldg-clippings", "bilingual-es-en_MyClippings.txt")
	if len(in) != 2 {
		t.Fatalf("%d annotations, want 2", len(in))
	}
	es := in[1]
	if es.Title != "El Principe de la Niebla" || es.Authors[0] != "Carlos Ruiz Zafón" {
		t.Errorf("Spanish book %q by %q", es.Title, es.Authors)
	}
	if want := time.Date(2022, 7, 6, 6, 54, 57, 0, time.UTC); !es.Annotation.Created.Equal(want) {
		t.Errorf("\"miércoles, 6 de julio de 2022 06:54:57\" read as %v", es.Annotation.Created)
	}
	zh := parseKindleFile(t, "hadynz-kindle-clippings", "bookParser.spec_missing-note-scenario.txt")
	if len(zh) != 1 || zh[0].Annotation.Kind != annotate.KindNote || zh[0].Annotation.Body != "原来是为她哥哥守孝,到这里才说明白。" {
		t.Fatalf("the Chinese note is not on its highlight: %+v", zh)
	}
	if want := time.Date(2023, 2, 9, 18, 35, 21, 0, time.UTC); !zh[0].Annotation.Created.Equal(want) {
		t.Errorf("\"2023年2月9日星期四 下午6:35:21\" read as %v", zh[0].Annotation.Created)
	}
}

func TestKindleEveryFixtureParses(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.Path(t, "kindle"), "*", "*.txt"))
	for _, f := range files {
		if strings.Contains(f, "parse_result") || strings.HasPrefix(filepath.Base(f), "LICENSE") {
			continue
		}
		data, _ := os.ReadFile(f)
		in, err := interop.Parse(filepath.Base(f), data, time.Now())
		if err != nil && !strings.Contains(err.Error(), "no Kindle highlights") {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
		for _, i := range in {
			if i.Annotation.Created.IsZero() || strings.TrimSpace(i.Title) == "" {
				t.Errorf("%s: %q without a time or a book", filepath.Base(f), i.Title)
			}
		}
	}
}
