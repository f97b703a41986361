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
