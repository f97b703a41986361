package interop_test

import (
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// pdfSection is a PDF's annotations: one passage on page 1 (printed
// "iii"), one across pages 2 and 3 (printed "2" and "3"), a note on the
// whole document.
func pdfSection(t *testing.T) interop.Section {
	t.Helper()
	doc := annotate.Document{ID: "p1", Title: "Arms control after 1991", Byline: "Ann Lee", Published: "2019-05-02", Format: "pdf", Hash: "cd34",
		PageLabels: []string{"iii", "2", "3"}, Fingerprint: "a1b2"}
	doc.SetBlocks([]annotate.Block{
		{Kind: annotate.BlockParagraph, Text: "The treaty lapsed quietly.", Page: 1},
		{Kind: annotate.BlockParagraph, Text: "Verification was the sticking point.", Page: 2},
		{Kind: annotate.BlockParagraph, Text: "Neither side would let inspectors in.", Page: 3},
	})
	text := []rune(doc.Text())
	anchor := func(quote string) *annotate.Anchor {
		i := strings.Index(string(text), quote)
		s := len([]rune(string(text)[:i]))
		a, err := annotate.NewAnchor(text, s, s+len([]rune(quote)))
		if err != nil {
			t.Fatal(err)
		}
		return &a
	}
	t0 := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	doc.Blocks = nil // exports get documents without their text
	return interop.Section{Doc: doc, Annotations: []annotate.Annotation{
		{ID: "01a21993-0000-7000-8000-0000000000a1", DocID: "p1", Kind: annotate.KindHighlight, Colour: annotate.Yellow, Anchor: anchor("lapsed quietly"), Created: t0, Modified: t0},
		{ID: "01a21993-0000-7000-8000-0000000000a2", DocID: "p1", Kind: annotate.KindNote, Anchor: anchor("sticking point.\n\nNeither side"), Body: "The crux.", Created: t0, Modified: t0},
		{ID: "01a21993-0000-7000-8000-0000000000a3", DocID: "p1", Kind: annotate.KindNote, Body: "Read for week 3.", Created: t0, Modified: t0},
	}}
}

func TestExportsGiveAPDFsPages(t *testing.T) {
	secs := []interop.Section{pdfSection(t)}
	md := string(export(t, interop.Markdown, secs, interop.Chicago))
	for _, want := range []string{"> lapsed quietly\n\n(p. iii)\n", "> Neither side\n\n(pp. 2–3)\n\nThe crux.\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Count(md, "(p") != 2 {
		t.Errorf("a note on the whole document gives a page:\n%s", md)
	}
	rows, err := csv.NewReader(strings.NewReader(string(export(t, interop.CSV, secs, interop.Chicago)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := len(rows[0]) - 1
	if rows[0][col] != "pages" || rows[1][col] != "iii" || rows[2][col] != "2–3" || rows[3][col] != "" {
		t.Errorf("CSV pages column %q: %q %q %q", rows[0][col], rows[1][col], rows[2][col], rows[3][col])
	}
}

func TestJSONLDNamesAPDFsPageWithAnRFC8118FragmentSelector(t *testing.T) {
	var b strings.Builder
	if err := interop.Export(&b, interop.JSONLD, []interop.Section{pdfSection(t)}, nil, interop.Chicago, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	coll := v.(map[string]any)
	items := coll["first"].(map[string]any)["items"].([]any)
	var pages []string
	for _, it := range items {
		a := it.(map[string]any)
		sels, _ := a["target"].(map[string]any)["selector"].([]any)
		for _, s := range sels {
			if m := s.(map[string]any); m["type"] == "FragmentSelector" {
				if m["conformsTo"] != "http://tools.ietf.org/rfc/rfc8118" {
					t.Errorf("FragmentSelector conforms to %v", m["conformsTo"])
				}
				pages = append(pages, m["value"].(string))
			}
		}
	}
	// RFC 8118 numbers pages from 1 whatever their printed labels.
	if strings.Join(pages, ",") != "page=1,page=2" {
		t.Errorf("fragment selectors %v, want page=1 and page=2 (none on a note on the whole document)", pages)
	}
	musts := suite(t, filepath.Join("annotations", "annotationMusts.test"))
	optionals := suite(t, filepath.Join("annotations", "annotationOptionals.test"))
	for _, it := range items {
		a := it.(map[string]any)
		a["@context"] = coll["@context"]
		for name, s := range musts {
			if err := s.Validate(a); err != nil {
				t.Errorf("%s fails %s: %v", a["id"], name, err)
			}
		}
	}
	for _, name := range []string{"annotations/specificResource/4.2.1-fragmentSelector.json", "annotations/specificResource/4.2.1-conformsTo.json"} {
		if err := optionals[name].Validate(items[0]); err != nil {
			t.Errorf("the highlight fails %s: %v", name, err)
		}
	}
	// Read back, the passages keep their quotes and positions.
	in, err := interop.Parse("pdf.jsonld", []byte(b.String()), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(in) != 3 || in[0].Source != "urn:sha256:cd34" || in[1].Annotation.Anchor.Exact != "sticking point.\n\nNeither side" || in[1].Annotation.Anchor.Start < 0 {
		t.Errorf("read back: %+v", in)
	}
}
