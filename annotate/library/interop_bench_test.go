package library_test

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/interop"
	"scholia/annotate/library"
	"scholia/annotate/search/synthetic"
	"scholia/annotate/store"
)

// The books of the shared corpus a big library is cut from.
var corpusBooks = []string{"souls-of-black-folk_pg408.txt", "communist-manifesto_pg61.txt",
	"simple-sabotage-field-manual_pg26184.txt", "rfc3339.txt"}

// bigLibrary is a library generated from the corpus books (see
// synthetic.LibraryFromBooks): docs documents, perDoc annotations each.
type bigLibrary struct{ *synthetic.Library }

func newBigLibrary(tb testing.TB, docs, perDoc int) *bigLibrary {
	tb.Helper()
	var books []string
	for _, name := range corpusBooks {
		books = append(books, corpus.Path(tb, "text", name))
	}
	g, err := synthetic.LibraryFromBooks(books, docs, perDoc)
	if err != nil {
		tb.Fatal(err)
	}
	return &bigLibrary{g}
}

// write stores the library at path, its annotations too when withNotes,
// in a few large transactions.
func (g *bigLibrary) write(tb testing.TB, path string, withNotes bool) {
	tb.Helper()
	st, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	if err := st.Commit(store.Change{New: g.Documents}); err != nil {
		tb.Fatal(err)
	}
	if !withNotes {
		return
	}
	var batch []*annotate.Annotation
	for d := range g.Documents {
		batch = append(batch, g.Annotations(d)...)
		if len(batch) >= 20000 || d == len(g.Documents)-1 {
			if err := st.Commit(store.Change{Annotations: batch}); err != nil {
				tb.Fatal(err)
			}
			batch = nil
		}
	}
}

// copyFile copies a library file, so each run starts from the same one.
func copyFile(tb testing.TB, from, to string) {
	tb.Helper()
	src, err := os.Open(from)
	if err != nil {
		tb.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		tb.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		tb.Fatal(err)
	}
}

// peakHeap samples the heap while fn runs and returns the most it held,
// in MB, above what it held before.
func peakHeap(fn func()) float64 {
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	peak := base
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(stop)
	wg.Wait()
	return float64(peak-base) / (1 << 20)
}

// BenchmarkInterop100k exports a library of 2,000 documents cut from the
// corpus books with 100,000 annotations in each format, and imports its
// JSON-LD export into a library holding the same documents; each reports
// the most heap it held (peak-MB) and the bytes written.
func BenchmarkInterop100k(b *testing.B) {
	dir := b.TempDir()
	g := newBigLibrary(b, 2000, 50)
	full, bare := filepath.Join(dir, "full.db"), filepath.Join(dir, "bare.db")
	g.write(b, full, true)
	g.write(b, bare, false)
	g.Documents = nil
	lib, err := library.Open(full)
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	exported := filepath.Join(dir, "export.jsonld")
	for _, f := range interop.Formats {
		b.Run("export-"+string(f), func(b *testing.B) {
			path := filepath.Join(dir, "export"+f.Ext())
			for b.Loop() {
				b.ReportMetric(peakHeap(func() { exportLibrary(b, lib, path, f) }), "peak-MB")
			}
			fi, err := os.Stat(path)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
		})
	}
	b.Run("import-jsonld", func(b *testing.B) {
		if _, err := os.Stat(exported); err != nil {
			exportLibrary(b, lib, exported, interop.JSONLD)
		}
		for b.Loop() {
			b.StopTimer()
			dst := filepath.Join(b.TempDir(), "library.db")
			copyFile(b, bare, dst)
			into, err := library.Open(dst)
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			var res library.AnnotationsImported
			b.ReportMetric(peakHeap(func() { res, err = into.ImportAnnotations(exported) }), "peak-MB")
			b.StopTimer()
			into.Close()
			if err != nil || res.Added != 100000 || res.Orphans != 0 {
				b.Fatalf("%+v %v", res, err)
			}
			b.StartTimer()
		}
	})
}

func exportLibrary(tb testing.TB, lib *library.Library, path string, f interop.Format) {
	tb.Helper()
	if n, err := lib.Exports().DocumentsFile(path, f, nil, interop.Chicago); err != nil || n != 100000 {
		tb.Fatalf("%d annotations exported: %v", n, err)
	}
}

// TestLargeExportComesBackIdentical exports 20,000 annotations on 400
// documents cut from the corpus books as JSON-LD and imports the file
// into a library holding the same documents: every annotation comes back
// as it was, placed where it was.
func TestLargeExportComesBackIdentical(t *testing.T) {
	g := newBigLibrary(t, 400, 50)
	dir := t.TempDir()
	full, bare := filepath.Join(dir, "full.db"), filepath.Join(dir, "bare.db")
	g.write(t, full, true)
	g.write(t, bare, false)
	src, err := library.Open(full)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	file := filepath.Join(dir, "all.jsonld")
	if n, err := src.Exports().DocumentsFile(file, interop.JSONLD, nil, interop.Chicago); err != nil || n != 20000 {
		t.Fatalf("%d exported: %v", n, err)
	}
	dst, err := library.Open(bare)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	res, err := dst.ImportAnnotations(file)
	if err != nil || res.Added != 20000 || res.Orphans != 0 || res.Existing != 0 || len(res.Documents) != 0 {
		t.Fatalf("import: %+v %v", res, err)
	}
	want, _ := src.AllAnnotations()
	got, _ := dst.AllAnnotations()
	if len(got) != len(want) {
		t.Fatalf("%d annotations came back, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		if w.ID != g.ID || w.DocID != g.DocID || w.Kind != g.Kind || w.Body != g.Body || w.Colour != g.Colour || w.Status != g.Status ||
			strings.Join(w.Tags, ",") != strings.Join(g.Tags, ",") || !w.Created.Equal(g.Created) ||
			fmt.Sprint(w.Anchor) != fmt.Sprint(g.Anchor) || fmt.Sprint(w.Answer) != fmt.Sprint(g.Answer) {
			t.Fatalf("annotation %d came back as\n%+v\nwas\n%+v", i, g, w)
		}
	}
}

// TestHostileAnnotationFilesLeaveTheLibraryAsItWas feeds files built to
// exhaust a reader: each is refused in one sentence naming it, and the
// library is as it was.
func TestHostileAnnotationFilesLeaveTheLibraryAsItWas(t *testing.T) {
	g := newBigLibrary(t, 20, 5)
	dir := t.TempDir()
	path := filepath.Join(dir, "lib.db")
	g.write(t, path, true)
	lib, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	before, _ := lib.AllAnnotations()
	good := `{"type":"Annotation","target":"https://example.org/page","body":"fine"}`
	files := map[string]func(w io.Writer){
		"deep.json": func(w io.Writer) { io.WriteString(w, strings.Repeat("[", 5_000_000)) },
		"deepobj.json": func(w io.Writer) {
			io.WriteString(w, "["+good+",")
			io.WriteString(w, strings.Repeat(`{"a":`, 2_000_000))
		},
		"string.json": func(w io.Writer) {
			io.WriteString(w, `[`+good+`, {"type":"Annotation","target":"https://e.org","body":"`)
			// 256 MB: far past the 16 MB a value may hold, without
			// writing gigabytes to the disk on every test run.
			chunk := strings.Repeat("x", 1<<20)
			for i := 0; i < 256; i++ {
				io.WriteString(w, chunk)
			}
			io.WriteString(w, `"}]`)
		},
		"binary.json": func(w io.Writer) {
			r := rand.New(rand.NewPCG(1, 2))
			b := make([]byte, 1<<20)
			for i := 0; i < 64; i++ {
				for j := range b {
					b[j] = byte(r.Uint32())
				}
				w.Write(b)
			}
		},
		"text.txt": func(w io.Writer) { io.WriteString(w, strings.Repeat("not json, not clippings\n", 1_000_000)) },
		"late.json": func(w io.Writer) {
			io.WriteString(w, `{"type":"AnnotationPage","items":[`)
			for i := 0; i < 30000; i++ {
				fmt.Fprintf(w, `{"id":"urn:x:%d","type":"Annotation","target":"https://example.org/page","body":"n"},`, i)
			}
			io.WriteString(w, `{"type":"Annotation","body":"no target"}]}`)
		},
	}
	for name, write := range files {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		write(w)
		w.Flush()
		f.Close()
		_, err = lib.ImportAnnotations(p)
		if err == nil || !strings.HasPrefix(err.Error(), name) || strings.Count(err.Error(), "\n") > 0 {
			t.Errorf("%s: %v, want one sentence naming the file", name, err)
		}
		os.Remove(p)
	}
	after, _ := lib.AllAnnotations()
	docs, _ := lib.Documents()
	if len(after) != len(before) || len(docs) != 20 {
		t.Errorf("refused files changed the library: %d annotations (were %d), %d documents (were 20)", len(after), len(before), len(docs))
	}
}

// quoteItems is n W3C annotations, ids from first on, on source, each
// quoting a sentence of its own, as members of a JSON list.
func quoteItems(source string, first, n int) string {
	var b strings.Builder
	for i := first; i < first+n; i++ {
		if i > first {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"urn:uuid:01a21993-0000-7000-8000-%012d","type":"Annotation","body":"note %d","target":{"source":%q,"selector":{"type":"TextQuoteSelector","exact":"Sentence number %d."}}}`, i, i, source, i)
	}
	return b.String()
}

// TestABigImportGrowsTheDocumentsItMakesWithoutRevisions imports 20,000
// annotations, 5,000 of them imported already on one page, 15,000 on a
// page the library does not hold: the second batch adds to the document
// of quotes the first made, and that document, made by the import, stays
// at its first revision however many batches grow it; 25,000 quotes are
// placed in seconds, not minutes.
func TestABigImportGrowsTheDocumentsItMakesWithoutRevisions(t *testing.T) {
	lib, _ := openLibrary(t)
	first := writeFile(t, "first.jsonld", []byte("["+quoteItems("https://e.org/a", 0, 5000)+"]"))
	if res, err := lib.ImportAnnotations(first); err != nil || res.Added != 5000 {
		t.Fatalf("%+v %v", res, err)
	}
	mixed := writeFile(t, "mixed.jsonld", []byte("["+quoteItems("https://e.org/a", 0, 5000)+","+quoteItems("https://e.org/b", 100000, 15000)+"]"))
	res, err := lib.ImportAnnotations(mixed)
	if err != nil || res.Added != 15000 || res.Existing != 5000 || res.Orphans != 0 || len(res.Documents) != 1 {
		t.Fatalf("importing 15,000 on a new page after 5,000 known: %+v %v", res, err)
	}
	start := time.Now()
	big := writeFile(t, "big.jsonld", []byte("["+quoteItems("https://e.org/c", 200000, 25000)+"]"))
	if res, err := lib.ImportAnnotations(big); err != nil || res.Added != 25000 || res.Orphans != 0 {
		t.Fatalf("25,000 on a new page: %+v %v", res, err)
	}
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("25,000 quotes took %v to place, want seconds", took)
	}
	docs, _ := lib.Documents()
	for _, d := range docs {
		if d.Source != "https://e.org/a" && d.Revision > 1 {
			t.Errorf("%s, made by one import, is at revision %d, want 1", d.Source, d.Revision)
		}
	}
	anns, _ := lib.AllAnnotations()
	placed := 0
	for _, a := range anns {
		if !a.Orphan && a.Anchor != nil {
			placed++
		}
	}
	if len(anns) != 45000 || placed != 45000 {
		t.Errorf("%d annotations, %d placed; want 45,000 placed", len(anns), placed)
	}
}
