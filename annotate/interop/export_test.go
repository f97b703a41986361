package interop_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/interop"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from what the export writes now")

// golden compares an export with testdata/name, byte for byte.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the export differs from %s (go test -update rewrites it after a deliberate change):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func export(t *testing.T, f interop.Format, secs []interop.Section, style interop.Style) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := interop.Export(&b, f, secs, sampleAnswers(), style, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestMarkdownKeepsTheWholeThought: an answered question shows its answer
// and the passage it is answered with (its quote, its document's title
// and citation, a link to its ^id when it is in the export); a dropped
// question says so; one whose passage was deleted says that.
func TestMarkdownKeepsTheWholeThought(t *testing.T) {
	md := export(t, interop.Markdown, sampleSections(), interop.Chicago)
	golden(t, "export.md", md)
	for _, want := range []string{
		"- [x] Which goods?\n  - Answer: Steel.\n  - Answered with a passage of “Talks in Geneva” ([[#^01a21993-0000-7000-8000-000000000001]]):\n    > met at dawn\n",
		"  - Answered with a passage of “Trade report”:\n    > Steel and grain made up most of it\n    >\n    > — Chen, Bo. 2026. “Trade report.” Example Wire, March 3, 2026. https://example.org/trade.\n",
		"  - Answer: Tariffs on two goods.\n\n    The report lists them.\n",
		"- [-] Was the lake chosen on purpose? (dropped)\n",
		"- [x] Who chaired?\n  - Answered with a passage that has since been deleted.\n",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	if apa := export(t, interop.Markdown, sampleSections(), interop.APA); !bytes.Contains(apa, []byte("    > — Chen, B. (2026, March 3). *Trade report*. Example Wire. https://example.org/trade\n")) {
		t.Errorf("the answering passage is not cited in the chosen style (APA):\n%s", apa)
	}
}

// TestCSVHasAnswerColumns: the first eleven columns are those of the
// first exports, in their order; the row's id and its answer follow.
func TestCSVHasAnswerColumns(t *testing.T) {
	out := export(t, interop.CSV, sampleSections(), interop.Chicago)
	golden(t, "export.csv", out)
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "document,source,kind,colour,status,quote,note,tags,start,end,created,id,answer,answer_id,answer_quote,answer_document,pages" {
		t.Fatalf("header %s", got)
	}
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		byID[r[11]] = r
	}
	if q := byID["01a21993-0000-7000-8000-000000000008"]; strings.Join(q[12:16], "|") != "Tariffs on two goods.\n\nThe report lists them.|"+tradeID+"|Steel and grain made up most of it|Trade report" {
		t.Errorf("a question answered with a passage of another document: %q", q[12:])
	}
	q := byID["01a21993-0000-7000-8000-000000000004"]
	if link := q[13]; link != "01a21993-0000-7000-8000-000000000001" || byID[link] == nil || q[14] != "met at dawn" || q[15] != "Talks in Geneva" {
		t.Errorf("a question answered with a passage of the export does not name its row: %q", q[12:])
	}
	if d := byID["01a21993-0000-7000-8000-000000000009"]; d[4] != "dropped" {
		t.Errorf("a dropped question's status is %q", d[4])
	}
}

// TestAOneDocumentExportCarriesItsAnswers exports the web page alone: its
// question answered with a passage of another document reads back with
// that passage, which is read once even when the file holds it as an
// annotation too.
func TestAOneDocumentExportCarriesItsAnswers(t *testing.T) {
	secs := sampleSections()
	in, err := interop.Parse("web.jsonld", export(t, interop.JSONLD, secs[1:], interop.Chicago), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]interop.Incoming{}
	for _, i := range in {
		byID[i.Annotation.ID] = i
	}
	if len(in) != 5 || len(byID) != 5 {
		t.Fatalf("%d annotations read (%d ids), want the page's 4 and the answering passage", len(in), len(byID))
	}
	q := byID["01a21993-0000-7000-8000-000000000008"].Annotation
	if q.Status != annotate.StatusAnswered || q.Answer == nil || q.Answer.Text != "Tariffs on two goods.\n\nThe report lists them." || q.Answer.Link != tradeID {
		t.Errorf("the question came back as %+v %+v", q, q.Answer)
	}
	p := byID[tradeID]
	if p.Source != "https://example.org/trade" || p.Title != "Trade report" || p.Annotation.Anchor == nil ||
		p.Annotation.Anchor.Exact != "Steel and grain made up most of it" || p.Annotation.Anchor.Start != 40 || p.Annotation.Kind != annotate.KindHighlight {
		t.Errorf("the answering passage came back as %+v %+v", p, p.Annotation.Anchor)
	}
	if deleted := byID["01a21993-0000-7000-8000-000000000011"].Annotation; deleted.Answer == nil || deleted.Answer.Link != "01a21993-0000-7000-8000-000000000099" {
		t.Errorf("the link to a deleted passage is lost: %+v", deleted.Answer)
	}

	all, err := interop.Parse("all.jsonld", export(t, interop.JSONLD, secs, interop.Chicago), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 11 {
		t.Errorf("the whole export reads as %d annotations, want its 10 and the one passage outside it, each once", len(all))
	}
}
