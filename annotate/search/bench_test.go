package search_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	sharedcorpus "scholia/annotate/corpus"
	"scholia/annotate/search"
	"scholia/annotate/search/synthetic"
)

// corpus caches generated entries per size.
var corpus = struct {
	sync.Mutex
	entries map[int][]search.Entry
	queries map[int][]string
}{entries: map[int][]search.Entry{}, queries: map[int][]string{}}

// syntheticEntries is a library of n annotations cut from the shared
// corpus's real books (see synthetic.FromBooks), and 30 queries typed from
// its records.
func syntheticEntries(b *testing.B, n int) ([]search.Entry, []string) {
	dir := sharedcorpus.Path(b, "text")
	corpus.Lock()
	defer corpus.Unlock()
	if e, ok := corpus.entries[n]; ok {
		return e, corpus.queries[n]
	}
	c, err := synthetic.FromBooks(42, dir)
	if err != nil {
		b.Fatal(err)
	}
	anns, titles := c.Annotations(n)
	entries := make([]search.Entry, len(anns))
	for i, a := range anns {
		entries[i] = search.AnnotationEntry(a, titles[a.DocID])
	}
	corpus.entries[n], corpus.queries[n] = entries, c.Queries(anns, 30)
	return entries, corpus.queries[n]
}

// keystrokes are the prefixes a person types, letter by letter.
func keystrokes(queries []string) []string {
	var out []string
	for _, q := range queries {
		for i := 1; i <= len(q); i++ {
			if q[i-1] != ' ' {
				out = append(out, q[:i])
			}
		}
	}
	return out
}

func benchKeystrokes(b *testing.B, n int, typos bool) {
	entries, queries := syntheticEntries(b, n)
	benchKeystrokesOn(b, search.NewIndex(entries), queries, typos)
}

func benchKeystrokesOn(b *testing.B, ix *search.Index, queries []string, typos bool) {
	if typos {
		queries = withTypos(queries)
	}
	keys := keystrokes(queries)
	var times []time.Duration
	b.ResetTimer()
	i := 0
	for b.Loop() {
		t0 := time.Now()
		if _, err := ix.Search(context.Background(), keys[i%len(keys)], 50); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
		i++
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
}

// BenchmarkKeystroke100k: one search per keystroke while typing 30 queries
// letter by letter over 100,000 annotations.
func BenchmarkKeystroke100k(b *testing.B) { benchKeystrokes(b, 100_000, false) }

// BenchmarkKeystrokeLoaded100k: the same, on the index loaded from its
// snapshot (what a window opening a library that keeps its index
// searches), whose entries are read from the snapshot when shown.
func BenchmarkKeystrokeLoaded100k(b *testing.B) {
	entries, queries := syntheticEntries(b, 100_000)
	ix, err := search.LoadIndex(search.NewIndex(entries).Snapshot())
	if err != nil {
		b.Fatal(err)
	}
	benchKeystrokesOn(b, ix, queries, false)
}

// BenchmarkKeystrokeTypos100k: the same queries, each word of five letters
// or more with one slip of a hurried typist (the kinds in turn).
func BenchmarkKeystrokeTypos100k(b *testing.B) { benchKeystrokes(b, 100_000, true) }

// withTypos gives each word of five letters or more of the queries one
// slip, of each kind in turn, the same every run.
func withTypos(queries []string) []string {
	rng := rand.New(rand.NewPCG(5, 14))
	out := make([]string, len(queries))
	k := 0
	for i, q := range queries {
		ws := strings.Fields(q)
		for j, w := range ws {
			if r := []rune(w); len(r) >= 5 {
				ws[j] = string(typoKinds[k%len(typoKinds)].slip(r, rng))
				k++
			}
		}
		out[i] = strings.Join(ws, " ")
	}
	return out
}

// BenchmarkKeystroke1M: the same over 1,000,000 annotations.
func BenchmarkKeystroke1M(b *testing.B) { benchKeystrokes(b, 1_000_000, false) }

// BenchmarkBuild100k: building the index over 100,000 annotations, and the
// heap it holds afterwards.
func BenchmarkBuild100k(b *testing.B) {
	entries, _ := syntheticEntries(b, 100_000)
	var ix *search.Index
	var before runtime.MemStats
	b.ResetTimer()
	for b.Loop() {
		ix = nil
		runtime.GC()
		runtime.ReadMemStats(&before)
		ix = search.NewIndex(entries)
	}
	b.StopTimer()
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "index-MB")
	runtime.KeepAlive(ix)
}

// BenchmarkPastedPassage100k: a person pastes a whole highlighted passage
// into the search box over 100,000 annotations: the notes holding every
// word, then those holding most of them.
func BenchmarkPastedPassage100k(b *testing.B) {
	entries, _ := syntheticEntries(b, 100_000)
	ix := search.NewIndex(entries)
	var pastes []string
	for i := 0; len(pastes) < 20 && i < len(entries); i += 997 {
		if q := entries[i].Fields[search.FieldQuote]; len(strings.Fields(q)) >= 9 {
			pastes = append(pastes, q)
		}
	}
	var times []time.Duration
	b.ResetTimer()
	i := 0
	for b.Loop() {
		t0 := time.Now()
		rs, err := ix.Search(context.Background(), pastes[i%len(pastes)], 50)
		if err != nil || len(rs) == 0 {
			b.Fatalf("%q found %d, %v", pastes[i%len(pastes)], len(rs), err)
		}
		times = append(times, time.Since(t0))
		i++
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
}

// benchRemoveDocument: moving a document to the trash takes its entries
// (about 50 annotations) out of the index over n annotations, loaded from
// its snapshot as a window opening a library that keeps its index holds
// it, so each entry named is looked up among the stored ones. Every
// document is removed in turn, from an index loaded afresh once all are.
func benchRemoveDocument(b *testing.B, n int) {
	entries, _ := syntheticEntries(b, n)
	byDoc := map[string][]string{}
	var docs []string
	for _, e := range entries {
		if _, ok := byDoc[e.DocID]; !ok {
			docs = append(docs, e.DocID)
		}
		byDoc[e.DocID] = append(byDoc[e.DocID], e.ID)
	}
	snapshot := search.NewIndex(entries).Snapshot()
	load := func() *search.Index {
		ix, err := search.LoadIndex(snapshot)
		if err != nil {
			b.Fatal(err)
		}
		return ix
	}
	ix := load()
	var times []time.Duration
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if i == len(docs) {
			b.StopTimer()
			ix, i = load(), 0
			b.StartTimer()
		}
		doc, anns := docs[i], byDoc[docs[i]]
		left := ix.Len() - len(anns)
		t0 := time.Now()
		ix.RemoveDocument(doc, anns)
		times = append(times, time.Since(t0))
		if ix.Len() != left {
			b.Fatalf("removing %s left %d entries, want %d", doc, ix.Len(), left)
		}
		i++
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
}

// BenchmarkRemoveDocument100k: removing a document from the index over
// 100,000 annotations.
func BenchmarkRemoveDocument100k(b *testing.B) { benchRemoveDocument(b, 100_000) }

// BenchmarkRemoveDocument1M: the same over 1,000,000 annotations.
func BenchmarkRemoveDocument1M(b *testing.B) { benchRemoveDocument(b, 1_000_000) }
