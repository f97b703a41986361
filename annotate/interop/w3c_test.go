package interop_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/interop"
)

// suite compiles the assertions a .test file of the W3C Web Annotation
// test suite lists; every one is a draft-04 schema whose $refs name the
// definitions by file name.
func suite(t *testing.T, testFile string) map[string]*jsonschema.Schema {
	t.Helper()
	root := corpus.Path(t, "w3c", "web-annotation-tests")
	const base = "https://w3c.test/"
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	add := func(path string) string {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		url := base + filepath.Base(path)
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		return url
	}
	defs, _ := filepath.Glob(filepath.Join(root, "definitions", "*.json"))
	for _, d := range defs {
		add(d)
	}
	raw, err := os.ReadFile(filepath.Join(root, testFile))
	if err != nil {
		t.Fatal(err)
	}
	var test struct{ Assertions []string }
	if err := json.Unmarshal(raw, &test); err != nil {
		t.Fatal(err)
	}
	out := map[string]*jsonschema.Schema{}
	for _, a := range test.Assertions {
		url := add(filepath.Join(root, a))
		s, err := c.Compile(url)
		if err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		out[a] = s
	}
	return out
}

func sampleSections() []interop.Section {
	t0 := time.Date(2026, 3, 2, 9, 30, 0, 123456789, time.UTC)
	doc := annotate.Document{ID: "d1", Title: "Talks in Geneva", Hash: "ab12", Byline: "Ann Lee"}
	web := annotate.Document{ID: "d2", Title: "Summit report", URL: "https://example.org/summit", Site: "Example Review"}
	anchor := func(s, e int, q string) *annotate.Anchor {
		return &annotate.Anchor{Start: s, End: e, Exact: q, Prefix: "The envoys ", Suffix: " by the lake"}
	}
	return []interop.Section{
		{Doc: doc, Annotations: []annotate.Annotation{
			{ID: "01a21993-0000-7000-8000-000000000001", Kind: annotate.KindHighlight, Colour: annotate.Green, Anchor: anchor(10, 21, "met at dawn"), Created: t0, Modified: t0},
			{ID: "01a21993-0000-7000-8000-000000000002", Kind: annotate.KindNote, Colour: annotate.Pink, Anchor: anchor(30, 54, "Nobody's coffee was warm"), Body: "A detail.", Tags: []string{"atmosphere", "primary-source"}, Created: t0, Modified: t0.Add(time.Hour)},
			{ID: "01a21993-0000-7000-8000-000000000003", Kind: annotate.KindQuestion, Anchor: anchor(60, 70, "the channel"), Body: "Which channel?", Status: annotate.StatusOpen, Created: t0, Modified: t0},
			{ID: "01a21993-0000-7000-8000-000000000004", Kind: annotate.KindQuestion, Anchor: anchor(80, 90, "the tariffs"), Body: "Which goods?", Status: annotate.StatusAnswered,
				Answer: &annotate.Answer{Text: "Steel.", Link: "01a21993-0000-7000-8000-000000000001"}, Created: t0, Modified: t0},
			{ID: "01a21993-0000-7000-8000-000000000005", Kind: annotate.KindNote, Body: "On the whole text.", Created: t0, Modified: t0},
			{ID: "01a21993-0000-7000-8000-000000000006", Kind: annotate.KindHighlight, Orphan: true, Anchor: anchor(5, 9, "gone"), Tags: []string{"lost"}, Created: t0, Modified: t0},
		}},
		{Doc: web, Annotations: []annotate.Annotation{
			{ID: "01a21993-0000-7000-8000-000000000007", Kind: annotate.KindHighlight, Colour: annotate.Yellow, Anchor: anchor(0, 6, "Summit"), Created: t0, Modified: t0},
			{ID: "01a21993-0000-7000-8000-000000000008", Kind: annotate.KindQuestion, Anchor: anchor(12, 20, "the deal"), Body: "What did the deal\ncover?", Status: annotate.StatusAnswered,
				Answer: &annotate.Answer{Text: "Tariffs on two goods.\n\nThe report lists them.", Link: tradeID}, Created: t0, Modified: t0},
			{ID: "01a21993-0000-7000-8000-000000000009", Kind: annotate.KindQuestion, Body: "Was the lake chosen on purpose?", Status: annotate.StatusDropped, Created: t0, Modified: t0},
			{ID: "01a21993-0000-7000-8000-000000000011", Kind: annotate.KindQuestion, Body: "Who chaired?", Status: annotate.StatusAnswered,
				Answer: &annotate.Answer{Link: "01a21993-0000-7000-8000-000000000099"}, Created: t0, Modified: t0},
		}},
	}
}

// tradeID is a passage of a document that is not in sampleSections'
// export, which one of its questions is answered with.
const tradeID = "01a21993-0000-7000-8000-000000000010"

// sampleAnswers are the passages sampleSections' questions are answered
// with: one in the export, one in a document outside it. The passage
// "…099" is not there: it was deleted.
func sampleAnswers() interop.Answers {
	t0 := time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC)
	trade := annotate.Document{ID: "d3", Title: "Trade report", URL: "https://example.org/trade", Site: "Example Wire", Byline: "Bo Chen", Published: "2026-03-03"}
	secs := sampleSections()
	return interop.Answers{
		secs[0].Annotations[0].ID: {Doc: secs[0].Doc, Annotation: secs[0].Annotations[0]},
		tradeID: {Doc: trade, Annotation: annotate.Annotation{ID: tradeID, DocID: "d3", Kind: annotate.KindHighlight, Colour: annotate.Green,
			Anchor: &annotate.Anchor{Start: 40, End: 73, Exact: "Steel and grain made up most of it", Prefix: "officials said. ", Suffix: ", the report"}, Created: t0, Modified: t0}},
	}
}

func exportJSONLD(t *testing.T) map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := interop.Export(&b, interop.JSONLD, sampleSections(), sampleAnswers(), interop.Chicago, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(&b)
	if err != nil {
		t.Fatal(err)
	}
	return v.(map[string]any)
}

// TestExportPassesEveryW3CMust checks each exported annotation against the
// 54 MUST assertions of annotationMusts.test (given the collection's
// @context, which JSON-LD applies to the items it holds), and the
// collection against collectionMusts.test.
func TestExportPassesEveryW3CMust(t *testing.T) {
	musts := suite(t, filepath.Join("annotations", "annotationMusts.test"))
	if len(musts) != 54 {
		t.Fatalf("%d assertions compiled, want the suite's 54", len(musts))
	}
	coll := exportJSONLD(t)
	page := coll["first"].(map[string]any)
	items := page["items"].([]any)
	if len(items) != 10 {
		t.Fatalf("%d items, want 10", len(items))
	}
	// The passages questions are answered with, embedded in them, are
	// Web Annotations too.
	var all []any
	for _, it := range items {
		all = append(all, it)
		if p, ok := it.(map[string]any)["scholia:answerPassage"]; ok {
			all = append(all, p)
		}
	}
	if len(all) != 12 {
		t.Fatalf("%d annotations with the embedded passages, want 12", len(all))
	}
	checked := 0
	for _, it := range all {
		a := it.(map[string]any)
		a["@context"] = coll["@context"]
		for name, s := range musts {
			if err := s.Validate(a); err != nil {
				t.Errorf("%s fails %s: %v", a["id"], name, err)
			}
			checked++
		}
	}
	// The suite bites: an annotation without a target and with a
	// malformed time fails it.
	bad := map[string]any{"@context": coll["@context"], "id": "urn:uuid:x", "type": "Annotation", "created": "yesterday"}
	failed := 0
	for _, s := range musts {
		if s.Validate(bad) != nil {
			failed++
		}
	}
	if failed < 2 {
		t.Errorf("a broken annotation failed %d assertions; the suite is not checking", failed)
	}
	for name, s := range suite(t, filepath.Join("collections", "collectionMusts.test")) {
		if err := s.Validate(coll); err != nil {
			t.Errorf("the collection fails %s: %v", name, err)
		}
	}
	t.Logf("%d checks of %d annotations against %d MUST assertions passed", checked, len(all), len(musts))
}

func TestExportedAnnotationsSayWhatTheyAre(t *testing.T) {
	items := exportJSONLD(t)["first"].(map[string]any)["items"].([]any)
	get := func(i int) map[string]any { return items[i].(map[string]any) }
	want := []string{"highlighting", "commenting", "questioning", "questioning", "commenting", "tagging", "highlighting"}
	for i, m := range want {
		if get(i)["motivation"] != m {
			t.Errorf("item %d motivation %v, want %s", i, get(i)["motivation"], m)
		}
	}
	note := get(1)
	bodies := note["body"].([]any)
	if len(bodies) != 3 || bodies[1].(map[string]any)["purpose"] != "tagging" || bodies[0].(map[string]any)["type"] != "TextualBody" {
		t.Errorf("note bodies %v", bodies)
	}
	target := note["target"].(map[string]any)
	if target["source"] != "urn:sha256:ab12" {
		t.Errorf("a local file's source is %v, want urn:sha256:ab12", target["source"])
	}
	sels := target["selector"].([]any)
	if len(sels) != 2 || sels[0].(map[string]any)["type"] != "TextQuoteSelector" || sels[1].(map[string]any)["type"] != "TextPositionSelector" {
		t.Errorf("selectors %v", sels)
	}
	if get(6)["target"].(map[string]any)["source"] != "https://example.org/summit" {
		t.Error("a web page's source is not its URL")
	}
	if get(3)["scholia:status"] != "answered" || get(3)["scholia:answer"] != "Steel." || get(0)["scholia:colour"] != "green" {
		t.Errorf("Scholia's own properties lost: %v", get(3))
	}
	if get(5)["scholia:orphan"] != true || len(get(5)["target"].(map[string]any)["selector"].([]any)) != 1 {
		t.Error("an orphan should keep its quote and say it is an orphan, without a position")
	}
	if get(0)["created"] != "2026-03-02T09:30:00.123456789Z" {
		t.Errorf("created %v", get(0)["created"])
	}
}

func TestSpecExamplesImport(t *testing.T) {
	dir := corpus.Path(t, "w3c", "spec-examples")
	files, _ := filepath.Glob(filepath.Join(dir, "example*.json"))
	now := time.Now()
	parsed, quotes := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in, err := interop.Parse(filepath.Base(f), data, now)
		if err != nil {
			t.Logf("%s: %v", filepath.Base(f), err)
			if !strings.HasPrefix(err.Error(), filepath.Base(f)) || strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("%s: not one sentence naming the file: %v", filepath.Base(f), err)
			}
			continue
		}
		parsed++
		for _, i := range in {
			if i.Source == "" || i.Annotation.ID == "" {
				t.Errorf("%s: an annotation without source or id: %+v", filepath.Base(f), i)
			}
			if i.Annotation.Anchor != nil && i.Annotation.Anchor.Exact != "" {
				quotes++
			}
		}
	}
	t.Logf("%d of %d examples import; %d text quotes read", parsed, len(files), quotes)
	if parsed < 40 {
		t.Errorf("only %d of %d spec examples import", parsed, len(files))
	}
}
