package library_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/interop"
	"scholia/annotate/library"
)

const seedText = "Talks in Geneva\n\nThe envoys met at dawn by the lake. Nobody's coffee was warm, and the first hour passed in silence.\n\nLater the ministers agreed to keep the channel open while trade officials argued over tariffs.\n"

// annotatedLibrary is a library with one document and one annotation of
// each sort: a highlight, a note with tags, an open question, an answered
// question, a note on the whole document.
func annotatedLibrary(t *testing.T, src string) (*library.Library, *annotate.Document) {
	t.Helper()
	lib, _ := openLibrary(t)
	res, err := lib.Import(src)
	if err != nil {
		t.Fatal(err)
	}
	doc := res.Document
	text := []rune(doc.Text())
	at := func(s string) (int, int) {
		i := strings.Index(string(text), s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		start := len([]rune(string(text)[:i]))
		return start, start + len([]rune(s))
	}
	add := func(d library.Draft) *annotate.Annotation {
		a, err := lib.Annotate(doc.ID, d)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	s, e := at("met at dawn")
	add(library.Draft{Kind: annotate.KindHighlight, Colour: annotate.Green, Start: s, End: e})
	s, e = at("Nobody's coffee was warm")
	add(library.Draft{Kind: annotate.KindNote, Colour: annotate.Pink, Start: s, End: e, Body: "A detail the \"minutes\" leave out, with commas, quotes\nand a line break.", Tags: []string{"atmosphere", "primary source"}})
	s, e = at("keep the channel open")
	add(library.Draft{Kind: annotate.KindQuestion, Colour: annotate.Blue, Start: s, End: e, Body: "Which channel?"})
	s, e = at("argued over tariffs")
	q := add(library.Draft{Kind: annotate.KindQuestion, Start: s, End: e, Body: "Over which goods?"})
	if _, err := lib.Answer(q.ID, "Steel and grain, says the later report.", ""); err != nil {
		t.Fatal(err)
	}
	add(library.Draft{Kind: annotate.KindNote, Whole: true, Body: "Compare with the Reuters account."})
	return lib, doc
}

func exportString(t *testing.T, lib *library.Library, f interop.Format, docIDs []string) string {
	t.Helper()
	secs, err := lib.Exports().Sections(docIDs)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := lib.Exports().Write(&b, f, secs, interop.Chicago); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestExportThenImportGivesBackTheSameAnnotations(t *testing.T) {
	src := writeFile(t, "geneva.txt", []byte(seedText))
	libA, docA := annotatedLibrary(t, src)
	out := exportString(t, libA, interop.JSONLD, nil)
	want, _ := libA.Annotations(docA.ID)

	libB, _ := openLibrary(t)
	resB, err := libB.Import(src)
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, "export.jsonld", []byte(out))
	if err := libB.PrepareSearch(); err != nil { // the index exists before the import, which must keep it in step
		t.Fatal(err)
	}
	res, err := libB.ImportAnnotations(file)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != len(want) || res.Orphans != 0 || len(res.Documents) != 0 {
		t.Errorf("import: %+v, want %d added on the existing document", res, len(want))
	}
	got, _ := libB.Annotations(resB.Document.ID)
	if len(got) != len(want) {
		t.Fatalf("%d annotations came back, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		g.DocID = w.DocID
		if !g.Created.Equal(w.Created) || !g.Modified.Equal(w.Modified) {
			t.Errorf("%s: times %v/%v, want %v/%v", w.ID, g.Created, g.Modified, w.Created, w.Modified)
		}
		g.Created, g.Modified = w.Created, w.Modified
		if !reflect.DeepEqual(g, w) {
			t.Errorf("annotation came back changed:\n got %+v\nwant %+v", g, w)
		}
	}

	if hits, err := libB.Search(context.Background(), "Reuters account", 5); err != nil || len(hits) == 0 || hits[0].Body != "Compare with the Reuters account." || hits[0].Title != "Talks in Geneva" {
		t.Errorf("search after the import: %+v %v", hits, err)
	}

	again, err := libB.ImportAnnotations(file)
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Existing != len(want) {
		t.Errorf("second import: %+v, want nothing added and %d already there", again, len(want))
	}
	if n, _ := libB.Annotations(resB.Document.ID); len(n) != len(want) {
		t.Errorf("second import left %d annotations, want %d", len(n), len(want))
	}
}

func TestImportIntoALibraryWithoutTheDocumentKeepsEveryQuote(t *testing.T) {
	src := writeFile(t, "geneva.txt", []byte(seedText))
	libA, _ := annotatedLibrary(t, src)
	out := exportString(t, libA, interop.JSONLD, nil)
	libB, _ := openLibrary(t)
	res, err := libB.ImportAnnotations(writeFile(t, "export.jsonld", []byte(out)))
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 5 || res.Orphans != 0 || len(res.Documents) != 1 || res.Documents[0] != "Talks in Geneva" {
		t.Fatalf("import: %+v, want 5 added on a new document named after the source", res)
	}
	docs, _ := libB.Documents()
	doc, _ := libB.Document(docs[0].ID)
	anns, _ := libB.Annotations(doc.ID)
	text := []rune(doc.Text())
	for _, a := range anns {
		if a.Anchor != nil && string(text[a.Anchor.Start:a.Anchor.End]) != a.Anchor.Exact {
			t.Errorf("%q is not where its anchor says in the document made of quotes", a.Anchor.Exact)
		}
	}
}

func TestMarkdownExportReadsLikeNotes(t *testing.T) {
	lib, doc := annotatedLibrary(t, writeFile(t, "geneva.txt", []byte(seedText)))
	md := exportString(t, lib, interop.Markdown, []string{doc.ID})
	anns, _ := lib.Annotations(doc.ID)
	for _, want := range []string{
		"# Talks in Geneva\n",
		"\n> met at dawn\n",
		"\n> Nobody's coffee was warm\n\nA detail the \"minutes\" leave out, with commas, quotes\nand a line break.\n\n#atmosphere #primary-source\n",
		"- [ ] Which channel?\n",
		"- [x] Over which goods?\n  - Answer: Steel and grain, says the later report.\n",
		"Compare with the Reuters account.\n",
		"^" + anns[0].ID + "\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Index(md, "met at dawn") > strings.Index(md, "argued over tariffs") {
		t.Error("annotations are not in document order")
	}
}

func TestCSVExportHasOneRowPerAnnotation(t *testing.T) {
	lib, doc := annotatedLibrary(t, writeFile(t, "geneva.txt", []byte(seedText)))
	out := exportString(t, lib, interop.CSV, []string{doc.ID})
	if !strings.Contains(out, "\r\n") {
		t.Error("rows do not end in CRLF as RFC 4180 has them")
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "document,source,kind,colour,status,quote,note,tags,start,end,created,id,answer,answer_id,answer_quote,answer_document,pages" || len(rows) != 6 {
		t.Fatalf("header %q and %d rows, want the header and 5 rows", rows[0], len(rows))
	}
	var note []string
	for _, r := range rows {
		if r[2] == "note" && r[5] != "" {
			note = r
		}
	}
	if note[0] != "Talks in Geneva" || note[2] != "note" || note[3] != "pink" || note[5] != "Nobody's coffee was warm" ||
		note[6] != "A detail the \"minutes\" leave out, with commas, quotes\nand a line break." || note[7] != "atmosphere; primary source" {
		t.Errorf("note row %q", note)
	}
	if !strings.HasPrefix(note[1], "urn:sha256:") {
		t.Errorf("a local file's source is %q, want a urn:sha256", note[1])
	}
}

func TestSearchResultsExport(t *testing.T) {
	lib, _ := annotatedLibrary(t, writeFile(t, "geneva.txt", []byte(seedText)))
	secs, err := lib.Exports().SearchSections(context.Background(), "is:open")
	if err != nil {
		t.Fatal(err)
	}
	if len(secs) != 1 || len(secs[0].Annotations) != 1 || secs[0].Annotations[0].Body != "Which channel?" {
		t.Errorf("exporting the search is:open gave %+v, want the one open question", secs)
	}
}

func TestBadAnnotationFilesAreRefusedWholly(t *testing.T) {
	lib, doc := annotatedLibrary(t, writeFile(t, "geneva.txt", []byte(seedText)))
	before, _ := lib.Annotations(doc.ID)
	big := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	good := `{"@context":"http://www.w3.org/ns/anno.jsonld","id":"urn:uuid:0a000000-0000-4000-8000-000000000001","type":"Annotation","body":"fine","target":"https://example.org/page"}`
	cases := []struct {
		name, data, want string
	}{
		{"broken.json", "{\n  \"type\": \"Annotation\",\n  \"target\": \"x\"\n  \"body\": 1\n}", "broken.json is not valid JSON: line 4"},
		{"cut.json", `[{"type":"Annotation","target":"https://e.org"`, "cut.json is not valid JSON: it ends too early"},
		{"shape.json", `{"hello": "world"}`, "shape.json: an object is neither an Annotation"},
		{"numbers.json", `[1, 2]`, "numbers.json: found a number where an annotation should be"},
		{"half.json", "[" + good + `, {"type":"Annotation"}]`, "half.json: an annotation has no target"},
		{"My Clippings.txt", "Book (Author)\n- Your Highlight on Location 1-2 | Added on Monday, March 21, 2016 8:35:16 AM\n\nText one\n=========\nBook (Author)\n- Your Highlight on Location 3 | Added on Monday, March 21, 2016 8:36:16 AM\n\nText two\n==========\n", "My Clippings.txt: line 5: \"=========\" looks like a damaged separator"},
		{"nometa.txt", "Book (Author)\nJust text\n==========\n", "nometa.txt: line 1: the entry for \"Book (Author)\" has no"},
		{"empty.json", "  ", "empty.json is empty"},
		{"notes.md", "# just notes", "neither W3C or Hypothesis JSON nor a Kindle clippings file"},
	}
	for _, c := range cases {
		_, err := lib.ImportAnnotations(writeFile(t, c.name, []byte(c.data)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
	if _, err := lib.ImportAnnotations(big); err == nil || !errors.Is(err, annotate.ErrUnsupportedFormat) || !strings.Contains(err.Error(), "huge.json") {
		t.Errorf("a 200 MB file of zero bytes: %v", err)
	}
	after, _ := lib.Annotations(doc.ID)
	docs, _ := lib.Documents()
	if len(after) != len(before) || len(docs) != 1 {
		t.Errorf("refused files changed the library: %d annotations (was %d), %d documents", len(after), len(before), len(docs))
	}
}

func TestCitationFieldsAreEditableAndUsed(t *testing.T) {
	lib, doc := annotatedLibrary(t, writeFile(t, "geneva.txt", []byte(seedText)))
	ref := annotate.Reference{Title: "Talks Resume in Geneva", Authors: []string{"Ann Lee", "Bo Chen"}, Publisher: "The Lake Review",
		Published: "2026-03-02", URL: "https://example.org/geneva", Accessed: "2026-11-20"}
	if _, err := lib.SetReference(doc.ID, &ref); err != nil {
		t.Fatal(err)
	}
	saved, _ := lib.Document(doc.ID)
	if saved.Ref().Publisher != "The Lake Review" {
		t.Fatalf("reference not saved: %+v", saved.Ref())
	}
	md := exportString(t, lib, interop.Markdown, []string{doc.ID})
	if want := "# Talks Resume in Geneva\n\nLee, Ann, and Bo Chen. 2026. “Talks Resume in Geneva.” The Lake Review, March 2, 2026. https://example.org/geneva."; !strings.Contains(md, want) {
		t.Errorf("Markdown does not cite %q:\n%.300s", want, md)
	}
	if got, want := library.Citation(saved, &annotate.Anchor{Exact: "met at dawn"}, interop.APA), "“met at dawn”\n— Lee, A., & Chen, B. (2026, March 2). Talks Resume in Geneva. The Lake Review. https://example.org/geneva"; got != want {
		t.Errorf("APA citation\n got %q\nwant %q", got, want)
	}
	if _, err := lib.SetReference(doc.ID, &annotate.Reference{}); err == nil {
		t.Error("a citation without a title was saved")
	}
	if csvOut := exportString(t, lib, interop.CSV, []string{doc.ID}); !strings.Contains(csvOut, "\r\nTalks Resume in Geneva,") {
		t.Errorf("CSV rows do not carry the edited title:\n%.300s", csvOut)
	}
}

// TestHypothesisAnnotationsLandOnTheSavedPage imports the Hypothesis
// fixture's page (its canonical URL is the annotations' uri) and then the
// annotations: each is placed on its quote in the article's text, or kept
// as an orphan when Readability left that part of the page out.
func TestHypothesisAnnotationsLandOnTheSavedPage(t *testing.T) {
	dir := corpus.Path(t, "hypothesis", "html-baselines")
	lib, _ := openLibrary(t)
	page, err := lib.Import(filepath.Join(dir, "wikipedia-regression-testing.html"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := lib.ImportAnnotations(filepath.Join(dir, "wikipedia-regression-testing.json"))
	if err != nil {
		t.Fatal(err)
	}
	anns, _ := lib.Annotations(page.Document.ID)
	text := []rune(page.Document.Text())
	placed := 0
	for _, a := range anns {
		if a.Kind != annotate.KindNote || a.Body == "" {
			t.Errorf("a Hypothesis note came in as %s %q", a.Kind, a.Body)
		}
		if !a.Orphan {
			placed++
			if got := string(text[a.Anchor.Start:a.Anchor.End]); got != a.Anchor.Exact {
				t.Errorf("placed on %q, quote %q", got, a.Anchor.Exact)
			}
		}
	}
	t.Logf("%d annotations: %d placed on the page's text, %d orphans (%+v)", len(anns), placed, len(anns)-placed, res)
	if len(anns) != 5 || len(res.Documents) != 0 || placed < 3 {
		t.Errorf("%d annotations, %d placed, new documents %v; want all 5 on the page, at least 3 placed", len(anns), placed, res.Documents)
	}
	again, _ := lib.ImportAnnotations(filepath.Join(dir, "wikipedia-regression-testing.json"))
	if again.Added != 0 || again.Existing != 5 {
		t.Errorf("second import %+v", again)
	}
}

// TestKindleClippingsBecomeBooks imports the clippings fixtures: a
// document per book, every highlight of the expected results among its
// paragraphs, notes on their highlights, and nothing new the second time.
func TestKindleClippingsBecomeBooks(t *testing.T) {
	dir := corpus.Path(t, "kindle", "samueldg-clippings")
	lib, _ := openLibrary(t)
	res, err := lib.ImportAnnotations(filepath.Join(dir, "clippings.txt"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "clippings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var expected []struct {
		Metadata struct{ Category string }
		Document struct{ Title string }
		Content  string
	}
	if err := json.Unmarshal(raw, &expected); err != nil {
		t.Fatal(err)
	}
	books := map[string]bool{}
	for _, e := range expected {
		books[e.Document.Title] = true
	}
	docs, _ := lib.Documents()
	if len(docs) != len(books) || len(res.Documents) != len(books) {
		t.Errorf("%d documents (%d reported), want one per book: %d", len(docs), len(res.Documents), len(books))
	}
	var all strings.Builder
	notes := 0
	for _, d := range docs {
		full, _ := lib.Document(d.ID)
		all.WriteString(full.Text())
		anns, _ := lib.Annotations(d.ID)
		for _, a := range anns {
			if a.Orphan {
				t.Errorf("%s: an orphan in a document made of the clippings: %q", d.Title, a.Anchor.Exact)
			}
			if a.Kind == annotate.KindNote {
				notes++
			}
		}
	}
	for _, e := range expected {
		if e.Metadata.Category == "Highlight" && !strings.Contains(all.String(), strings.TrimSpace(e.Content)) {
			t.Errorf("highlight missing from %q: %.60q", e.Document.Title, e.Content)
		}
	}
	t.Logf("%d clippings expected; %+v; %d notes", len(expected), res, notes)
	again, err := lib.ImportAnnotations(filepath.Join(dir, "clippings.txt"))
	if err != nil || again.Added != 0 || len(again.Documents) != 0 {
		t.Errorf("second import: %+v %v", again, err)
	}
	after, _ := lib.Documents()
	if len(after) != len(docs) {
		t.Errorf("second import made %d documents, had %d", len(after), len(docs))
	}
}

func TestANewerClippingsFileGrowsTheBook(t *testing.T) {
	lib, _ := openLibrary(t)
	one := "Book (A. Writer)\n- Your Highlight on Location 10-12 | Added on Monday, March 21, 2016 8:35:16 AM\n\nthe envoys met at dawn\n==========\n"
	two := one + "Book (A. Writer)\n- Your Highlight on Location 40-41 | Added on Tuesday, March 22, 2016 9:00:00 AM\n\nnobody's coffee was warm\n==========\n"
	if _, err := lib.ImportAnnotations(writeFile(t, "My Clippings.txt", []byte(one))); err != nil {
		t.Fatal(err)
	}
	res, err := lib.ImportAnnotations(writeFile(t, "My Clippings.txt", []byte(two)))
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := lib.Documents()
	if res.Added != 1 || res.Existing != 1 || len(res.Documents) != 0 || len(docs) != 1 {
		t.Fatalf("second file: %+v, %d documents; want one highlight added to the same book", res, len(docs))
	}
	doc, _ := lib.Document(docs[0].ID)
	anns, _ := lib.Annotations(doc.ID)
	text := []rune(doc.Text())
	if len(anns) != 2 || doc.Revision != 2 {
		t.Fatalf("%d annotations, revision %d", len(anns), doc.Revision)
	}
	for _, a := range anns {
		if a.Orphan || string(text[a.Anchor.Start:a.Anchor.End]) != a.Anchor.Exact {
			t.Errorf("%q is not on its text after the book grew", a.Anchor.Exact)
		}
	}
}

// TestASummaryOfManyNewDocumentsStaysShort imports annotations on 40
// sources the library does not hold: the summary names the first few
// documents made from their quotes and counts the rest, so the sentence
// stays one a person reads (it named 2,000 titles on one line).
func TestASummaryOfManyNewDocumentsStaysShort(t *testing.T) {
	lib, _ := openLibrary(t)
	var items []string
	for i := 0; i < 40; i++ {
		items = append(items, fmt.Sprintf(`{"type":"Annotation","body":"note %d","target":{"source":"https://example.org/page-%d","selector":{"type":"TextQuoteSelector","exact":"quote %d"}}}`, i, i, i))
	}
	file := writeFile(t, "many.jsonld", []byte("["+strings.Join(items, ",")+"]"))
	res, err := lib.ImportAnnotations(file)
	if err != nil || res.Added != 40 || len(res.Documents) != 40 {
		t.Fatalf("import: %+v %v", res, err)
	}
	sum := res.Summary()
	if !strings.Contains(sum, "40 new documents") || !strings.Contains(sum, "and 35 more") || strings.Contains(sum, "page-39") || len(sum) > 400 {
		t.Errorf("summary %q; want the first 5 titles and “and 35 more”", sum)
	}
}
