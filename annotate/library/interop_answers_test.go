package library_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/library"
)

const reportText = "Trade report\n\nOfficials spoke after the talks. Steel and grain made up most of the disputed tariffs, the report says.\n"

// answeredAcrossDocuments is a library holding the Geneva talks and a
// trade report, with a question on the talks answered with a passage of
// the report: the question, the answering passage and the report.
func answeredAcrossDocuments(t *testing.T, talks, report string) (*library.Library, *annotate.Annotation, *annotate.Annotation, *annotate.Document) {
	t.Helper()
	lib, _ := openLibrary(t)
	g, err := lib.Import(talks)
	if err != nil {
		t.Fatal(err)
	}
	r, err := lib.Import(report)
	if err != nil {
		t.Fatal(err)
	}
	s, e := runeSpan(t, g.Document.Text(), "argued over tariffs")
	q, err := lib.Annotate(g.Document.ID, library.Draft{Kind: annotate.KindQuestion, Start: s, End: e, Body: "Over which goods?"})
	if err != nil {
		t.Fatal(err)
	}
	s, e = runeSpan(t, r.Document.Text(), "Steel and grain made up most of the disputed tariffs")
	if q, err = lib.AnswerWithPassage(q.ID, r.Document.ID, s, e, "Steel and grain."); err != nil {
		t.Fatal(err)
	}
	p, err := lib.Annotation(q.Answer.Link)
	if err != nil {
		t.Fatal(err)
	}
	return lib, q, p, r.Document
}

func runeSpan(t *testing.T, text, s string) (int, int) {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the text", s)
	}
	start := len([]rune(text[:i]))
	return start, start + len([]rune(s))
}

// TestMarkdownAndCSVCarryTheAnsweringPassage exports the talks alone and
// then the whole library: the answer and the passage of the report that
// answers it are there, with the report's title and citation, and a link
// to the passage's ^id when the export holds it.
func TestMarkdownAndCSVCarryTheAnsweringPassage(t *testing.T) {
	lib, q, p, report := answeredAcrossDocuments(t, writeFile(t, "geneva.txt", []byte(seedText)), writeFile(t, "report.txt", []byte(reportText)))
	want := "- [x] Over which goods?\n  - Answer: Steel and grain.\n  - Answered with a passage of “Trade report”:\n" +
		"    > Steel and grain made up most of the disputed tariffs\n    >\n    > — " + interop.Cite(report.Ref(), interop.Chicago, true) + "\n"
	md := exportString(t, lib, interop.Markdown, []string{q.DocID})
	if !strings.Contains(md, want) {
		t.Errorf("the talks' Markdown lacks\n%s\nin\n%s", want, md)
	}
	if strings.Contains(md, "[[#^") {
		t.Errorf("a link to a ^id this export does not hold:\n%s", md)
	}
	all := exportString(t, lib, interop.Markdown, nil)
	if link := "  - Answered with a passage of “Trade report” ([[#^" + p.ID + "]]):\n"; !strings.Contains(all, link) || !strings.Contains(all, "\n^"+p.ID+"\n") {
		t.Errorf("the library's Markdown does not link the answer to its passage's block (%q):\n%s", link, all)
	}

	rows, err := csv.NewReader(strings.NewReader(exportString(t, lib, interop.CSV, []string{q.DocID}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(rows[1]) != 17 {
		t.Fatalf("%d rows of %d columns, want the header and the question, 17 columns", len(rows), len(rows[0]))
	}
	if got := strings.Join(rows[1][11:], "|"); got != q.ID+"|Steel and grain.|"+p.ID+"|Steel and grain made up most of the disputed tariffs|Trade report|" {
		t.Errorf("the question's id and answer columns: %q", got)
	}
}

// TestAOneDocumentExportGivesTheAnswerBackInAFreshLibrary exports the
// talks alone as JSON-LD and imports the file into an empty library: the
// question comes back answered, with its answer, and its link leads to an
// annotation holding the answering quote, on a document named after the
// report. A library that holds the report gets the passage on it, where
// it was.
func TestAOneDocumentExportGivesTheAnswerBackInAFreshLibrary(t *testing.T) {
	reportFile := writeFile(t, "report.txt", []byte(reportText))
	lib, q, p, _ := answeredAcrossDocuments(t, writeFile(t, "geneva.txt", []byte(seedText)), reportFile)
	file := writeFile(t, "talks.jsonld", []byte(exportString(t, lib, interop.JSONLD, []string{q.DocID})))

	fresh, _ := openLibrary(t)
	res, err := fresh.ImportAnnotations(file)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 2 || res.Existing != 0 || res.Orphans != 0 || len(res.Documents) != 2 {
		t.Errorf("import into an empty library: %+v; want the question and its passage, each on a document made of its quote", res)
	}
	checkAnswered(t, fresh, q, p, "Trade report")

	again, err := fresh.ImportAnnotations(file)
	if err != nil || again.Added != 0 || again.Existing != 2 {
		t.Errorf("importing the file again: %+v %v; want nothing added", again, err)
	}

	withReport, _ := openLibrary(t)
	r, err := withReport.Import(reportFile)
	if err != nil {
		t.Fatal(err)
	}
	if res, err := withReport.ImportAnnotations(file); err != nil || res.Added != 2 || res.Orphans != 0 || len(res.Documents) != 1 {
		t.Errorf("import into a library holding the report: %+v %v; want the passage on the report, the question on a new document", res, err)
	}
	got := checkAnswered(t, withReport, q, p, "Trade report")
	if got.DocID != r.Document.ID || got.Anchor.Start != p.Anchor.Start || got.Anchor.End != p.Anchor.End {
		t.Errorf("the passage is at %d-%d of %s, want %d-%d of the report", got.Anchor.Start, got.Anchor.End, got.DocID, p.Anchor.Start, p.Anchor.End)
	}

	whole := writeFile(t, "all.jsonld", []byte(exportString(t, lib, interop.JSONLD, nil)))
	everything, _ := openLibrary(t)
	if res, err := everything.ImportAnnotations(whole); err != nil || res.Added != 2 || res.Existing != 0 {
		t.Errorf("the whole library's export, which holds the passage and embeds it: %+v %v; want each annotation added once", res, err)
	}
	checkAnswered(t, everything, q, p, "Trade report")
}

// checkAnswered finds question q in lib, answered as it was, its link
// leading to an annotation with passage p's quote, on a document titled
// title, placed where its anchor says; it returns that annotation.
func checkAnswered(t *testing.T, lib *library.Library, q, p *annotate.Annotation, title string) *annotate.Annotation {
	t.Helper()
	got, err := lib.Annotation(q.ID)
	if err != nil {
		t.Fatalf("the question did not come back: %v", err)
	}
	if got.Status != annotate.StatusAnswered || got.Answer == nil || got.Answer.Text != q.Answer.Text || got.Answer.Link != p.ID {
		t.Fatalf("the question came back as %s with answer %+v, want answered %+v", got.Status, got.Answer, q.Answer)
	}
	passage, err := lib.Annotation(got.Answer.Link)
	if err != nil {
		t.Fatalf("the answer's link leads nowhere: %v", err)
	}
	if passage.Anchor == nil || passage.Orphan || passage.Anchor.Exact != p.Anchor.Exact {
		t.Fatalf("the answer's link leads to %+v, want the quote %q", passage.Anchor, p.Anchor.Exact)
	}
	doc, err := lib.Document(passage.DocID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != title || string([]rune(doc.Text())[passage.Anchor.Start:passage.Anchor.End]) != p.Anchor.Exact {
		t.Errorf("the passage is on %q, not on its quote there", doc.Title)
	}
	return passage
}

// TestASearchExportIsWrittenAsItIsRead exports what searches find the
// way the command line and the window now do (Exports.Search, one document
// at a time) and as they did (every section gathered first): the files
// are the same, the answering passage linked only when the search found
// it too.
func TestASearchExportIsWrittenAsItIsRead(t *testing.T) {
	reportFile := writeFile(t, "report.txt", []byte(reportText))
	lib, _, _, _ := answeredAcrossDocuments(t, writeFile(t, "geneva.txt", []byte(seedText)), reportFile)
	for _, query := range []string{"goods", "tariffs", "steel", "is:open", "nothing-matches-this"} {
		secs, err := lib.Exports().SearchSections(context.Background(), query)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for _, s := range secs {
			want += len(s.Annotations)
		}
		for _, f := range []interop.Format{interop.Markdown, interop.CSV} {
			var gathered, streamed bytes.Buffer
			if err := lib.Exports().Write(&gathered, f, secs, interop.Chicago); err != nil {
				t.Fatal(err)
			}
			n, err := lib.Exports().Search(context.Background(), &streamed, f, query, interop.Chicago)
			if err != nil || n != want {
				t.Fatalf("%s as %s: %d annotations exported (%v), want %d", query, f, n, err, want)
			}
			if streamed.String() != gathered.String() {
				t.Errorf("%s as %s written as read:\n%s\nwant, as gathered:\n%s", query, f, streamed.String(), gathered.String())
			}
		}
	}
}

// TestAFileEmbeddingTooManyPassagesIsRefusedInOneSentence imports a file
// whose questions embed more answering passages than an import keeps ids
// of (4,000,000; 3 here): it is refused in one sentence naming it, and
// the library is as it was. One passage fewer imports.
func TestAFileEmbeddingTooManyPassagesIsRefusedInOneSentence(t *testing.T) {
	defer library.SetMaxPassages(3)()
	file := func(n int) string {
		var items []string
		for i := 0; i < n; i++ {
			items = append(items, fmt.Sprintf(`{"id":"urn:uuid:01a21993-0000-7000-8000-%012d","type":"Annotation","target":"https://e.org/q","body":"why %d?",`+
				`"scholia:answerLink":"urn:uuid:01a21993-0000-7000-9000-%012d","scholia:answerPassage":{"id":"urn:uuid:01a21993-0000-7000-9000-%012d","type":"Annotation","target":"https://e.org/p%d"}}`, i, i, i, i, i))
		}
		return writeFile(t, fmt.Sprintf("q%d.jsonld", n), []byte("["+strings.Join(items, ",")+"]"))
	}
	lib, _ := openLibrary(t)
	_, err := lib.ImportAnnotations(file(4))
	if err == nil || !strings.HasPrefix(err.Error(), "q4.jsonld embeds more than 3 passages") || strings.Contains(err.Error(), "\n") {
		t.Errorf("%v; want one sentence naming the file and the limit", err)
	}
	if anns, _ := lib.AllAnnotations(); len(anns) != 0 {
		t.Errorf("the refused file left %d annotations", len(anns))
	}
	if res, err := lib.ImportAnnotations(file(3)); err != nil || res.Added != 6 {
		t.Errorf("3 questions and their passages: %+v %v; want 6 added", res, err)
	}
}
