package ingest_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/ingest"
)

// TestReadabilityCorpus imports every page of Mozilla Readability's test
// suite and compares the text with the suite's expected article text
// (word-level F1) and the title with its expected title.
func TestReadabilityCorpus(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(corpus.Path(t, "readability"), "*"))
	var pages, goodText, goodTitle int
	var textMiss, titleMiss []string
	for _, dir := range dirs {
		src, err := os.ReadFile(filepath.Join(dir, "source.html"))
		if err != nil {
			continue
		}
		pages++
		name := filepath.Base(dir)
		var meta struct {
			Title string `json:"title"`
		}
		if raw, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json")); err == nil {
			_ = json.Unmarshal(raw, &meta)
		}
		expected, _ := os.ReadFile(filepath.Join(dir, "expected.html"))
		doc, err := ingest.Parse("source.html", src)
		if err != nil {
			textMiss = append(textMiss, name+" ("+err.Error()+")")
			titleMiss = append(titleMiss, name)
			continue
		}
		var body []string
		for _, b := range doc.Blocks {
			if b.Kind != annotate.BlockTitle {
				body = append(body, b.Text)
			}
		}
		f1 := wordF1(strings.Join(body, " "), htmlText(expected))
		if f1 >= 0.90 {
			goodText++
		} else {
			textMiss = append(textMiss, name)
		}
		if strings.Join(strings.Fields(doc.Title), " ") == strings.Join(strings.Fields(meta.Title), " ") {
			goodTitle++
		} else {
			titleMiss = append(titleMiss, name)
		}
	}
	if pages < 100 {
		t.Fatalf("only %d pages found", pages)
	}
	t.Logf("text F1 ≥ 0.90 on %d of %d pages (%.1f%%); misses: %s", goodText, pages, 100*float64(goodText)/float64(pages), strings.Join(textMiss, ", "))
	t.Logf("title equal on %d of %d pages (%.1f%%); misses: %s", goodTitle, pages, 100*float64(goodTitle)/float64(pages), strings.Join(titleMiss, ", "))
	if goodText*10 < pages*9 {
		t.Errorf("text F1 ≥ 0.90 on %d of %d pages, want 90%%", goodText, pages)
	}
	if goodTitle*10 < pages*9 {
		t.Errorf("title equal on %d of %d pages, want 90%%", goodTitle, pages)
	}
}

// htmlText is the text of an HTML fragment.
func htmlText(b []byte) string {
	n, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		return ""
	}
	var sb strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return sb.String()
}

// wordF1 is the harmonic mean of precision and recall of got's words
// against want's, counted as multisets.
func wordF1(got, want string) float64 {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.Fields(strings.ToLower(s)) {
			m[w]++
		}
		return m
	}
	g, w := count(got), count(want)
	var ng, nw, both int
	for k, n := range g {
		ng += n
		both += min(n, w[k])
	}
	for _, n := range w {
		nw += n
	}
	if ng == 0 || nw == 0 || both == 0 {
		return 0
	}
	p, r := float64(both)/float64(ng), float64(both)/float64(nw)
	return 2 * p * r / (p + r)
}

// TestReadabilityCorpusDates checks that every page of the corpus whose
// expected metadata names a publication time gets that day as its
// published date, which citations print instead of "n.d.". Mozilla's
// expected metadata leaves The New York Times's date out (it is in
// article:published, which Readability does not read): those pages are
// checked against the day the page itself gives.
func TestReadabilityCorpusDates(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join(corpus.Path(t, "readability"), "*"))
	want := map[string]string{"nytimes-1": "2017-01-13", "nytimes-2": "2016-07-29", "nytimes-4": "2018-09-25"}
	var pages, anyDate int
	for _, dir := range dirs {
		var meta struct {
			PublishedTime string `json:"publishedTime"`
		}
		raw, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json"))
		if err == nil && json.Unmarshal(raw, &meta) == nil && len(meta.PublishedTime) >= 10 {
			want[filepath.Base(dir)] = meta.PublishedTime[:10]
		}
		src, err := os.ReadFile(filepath.Join(dir, "source.html"))
		if err != nil {
			continue
		}
		pages++
		doc, err := ingest.Parse("source.html", src)
		if err != nil {
			if _, dated := want[filepath.Base(dir)]; dated {
				t.Errorf("%s: %v", filepath.Base(dir), err)
			}
			continue
		}
		if doc.Published != "" {
			anyDate++
		}
		if w, dated := want[filepath.Base(dir)]; dated && doc.Published != w {
			t.Errorf("%s: published %q, want %s", filepath.Base(dir), doc.Published, w)
		}
	}
	if len(want) < 30 {
		t.Fatalf("only %d dated pages found", len(want))
	}
	t.Logf("%d pages checked against their expected date; %d of %d pages have a date", len(want), anyDate, pages)
}
