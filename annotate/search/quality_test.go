package search_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"scholia/annotate"
	sharedcorpus "scholia/annotate/corpus"
	"scholia/annotate/ingest"
	"scholia/annotate/search"
)

var sentenceEnd = regexp.MustCompile(`[.!?]["”’)]*\s+`)

// TestQualityOnRealSentences annotates real sentences from the shared
// corpus, then looks each one up the way a person remembers it: two or
// three of its words of five letters or more, picked at random, each cut
// short or with a letter dropped. The
// sentence must be in the top 5 for at least 95% of the queries.
func TestQualityOnRealSentences(t *testing.T) {
	dir := sharedcorpus.Path(t)
	files, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	files = append(files, filepath.Join(dir, "seed", "000_f041920d014e6657.txt"))
	var entries []search.Entry
	var sentences []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ingest.Parse(filepath.Base(f), data)
		if err != nil {
			t.Fatal(err)
		}
		k := 0
		for _, b := range doc.Blocks {
			if b.Kind != annotate.BlockParagraph {
				continue
			}
			for _, s := range sentenceEnd.Split(b.Text, -1) {
				s = strings.TrimSpace(s)
				if len(s) < 60 || len(s) > 300 {
					continue
				}
				if k++; k%9 != 0 {
					continue
				}
				id := string(rune('a'+len(sentences)%26)) + strings.Repeat("x", len(sentences)/26)
				sentences = append(sentences, s)
				entries = append(entries, search.AnnotationEntry(annotate.Annotation{ID: id, DocID: doc.Title, Kind: annotate.KindHighlight,
					Colour: annotate.Yellow, Anchor: &annotate.Anchor{Exact: s}}, doc.Title))
			}
		}
	}
	if len(sentences) < 200 {
		t.Fatalf("only %d sentences", len(sentences))
	}
	ix := search.NewIndex(entries)
	rng := rand.New(rand.NewPCG(7, 11))
	hits, misses := 0, []string{}
	for i, s := range sentences {
		var ws []string
		seen := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), notLetter) {
			if len(w) >= 5 && !seen[w] {
				seen[w] = true
				ws = append(ws, w)
			}
		}
		rng.Shuffle(len(ws), func(a, b int) { ws[a], ws[b] = ws[b], ws[a] })
		n := min(len(ws), 2+rng.IntN(2))
		var q []string
		for _, w := range ws[:n] {
			q = append(q, garble(w, rng))
		}
		query := strings.Join(q, " ")
		rs, err := ix.Search(context.Background(), query, 5)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rs {
			if r.ID == entries[i].ID {
				found = true
			}
		}
		if found {
			hits++
		} else if len(misses) < 10 {
			misses = append(misses, query+"  →  "+s)
		}
	}
	share := float64(hits) / float64(len(sentences))
	t.Logf("top-5 for %d of %d queries (%.1f%%)", hits, len(sentences), 100*share)
	for _, m := range misses {
		t.Logf("missed: %s", m)
	}
	if share < 0.95 {
		t.Errorf("top-5 for %.1f%% of queries, want at least 95%%", 100*share)
	}
}

func notLetter(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r > 127 && r != '’' && r != '“' && r != '”')
}

// garble cuts a word short or drops one of its inner letters, as memory
// does.
func garble(w string, rng *rand.Rand) string {
	r := []rune(w)
	if len(r) < 5 {
		return w
	}
	if rng.IntN(2) == 0 {
		return string(r[:len(r)-1-rng.IntN(min(3, len(r)-4))])
	}
	i := 1 + rng.IntN(len(r)-2)
	return string(append(r[:i:i], r[i+1:]...))
}
