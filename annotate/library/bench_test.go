package library_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"scholia/annotate"

	"scholia/annotate/corpus"
	"scholia/annotate/interop"
	"scholia/annotate/library"
)

// BenchmarkImport measures a whole import of a 20 KB article: read, decode,
// structure, hash check and one committed bbolt transaction.
func BenchmarkImport(b *testing.B) {
	dir := b.TempDir()
	lib := openBenchLibrary(b, dir)
	para := strings.Repeat("The delegation met the minister and the talks went on late into the night. ", 12)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := filepath.Join(dir, fmt.Sprintf("a%d.txt", i))
		body := fmt.Sprintf("Article %d\n\n%s\n\n%s\n", i, strings.Repeat(para+"\n\n", 20), "unique")
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			b.Fatal(err)
		}
		if _, err := lib.Import(p); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkDocuments1000 lists a library of 1,000 documents, as the window
// does at start.
func BenchmarkDocuments1000(b *testing.B) {
	dir := b.TempDir()
	lib := openBenchLibrary(b, dir)
	for i := 0; i < 1000; i++ {
		body := fmt.Sprintf("Document %d\n\n%s\n", i, strings.Repeat("Some text of the document. ", 200))
		if _, err := lib.ImportBytes("d.txt", fmt.Sprintf("/src/%d.txt", i), []byte(body)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		docs, err := lib.Documents()
		if err != nil || len(docs) != 1000 {
			b.Fatalf("%d docs, %v", len(docs), err)
		}
	}
}

func openBenchLibrary(b *testing.B, dir string) *library.Library {
	b.Helper()
	lib, err := library.Open(filepath.Join(dir, "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = lib.Close() })
	return lib
}

// BenchmarkSaveAnnotation saves highlights one by one, each in its own
// committed (fsynced) transaction, and reports the 50th and 99th
// percentile of the time a save takes.
func BenchmarkSaveAnnotation(b *testing.B) {
	lib := openBenchLibrary(b, b.TempDir())
	body := "Annotation Bench\n\n" + strings.Repeat("The delegation met the minister and the talks went on late into the night. ", 400)
	res, err := lib.ImportBytes("a.txt", "/a.txt", []byte(body))
	if err != nil {
		b.Fatal(err)
	}
	n := res.Document.Len()
	var times []time.Duration
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		start := (i * 37) % (n - 100)
		t0 := time.Now()
		if _, err := lib.Annotate(res.Document.ID, library.Draft{Kind: annotate.KindNote, Start: start, End: start + 60, Body: "a note", Tags: []string{"bench"}}); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(t0))
		i++
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkImportWebPages imports the 110 pages of Mozilla Readability's
// test suite (the shared corpus) into a fresh library per iteration and
// reports pages per second: read, decode, extract, structure, one
// committed transaction each.
func BenchmarkImportWebPages(b *testing.B) {
	dirs, _ := filepath.Glob(filepath.Join(corpus.Path(b, "readability"), "*", "source.html"))
	pages := 0
	start := time.Now()
	for b.Loop() {
		lib := openBenchLibrary(b, b.TempDir())
		for _, p := range dirs {
			if _, err := lib.Import(p); err == nil {
				pages++
			}
		}
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}

// importBenchDocuments imports 50 documents of 100 paragraphs, the same
// bytes on every call.
func importBenchDocuments(b *testing.B, lib *library.Library) []*annotate.Document {
	b.Helper()
	var docs []*annotate.Document
	for d := 0; d < 50; d++ {
		var paras []string
		for p := 0; p < 100; p++ {
			paras = append(paras, fmt.Sprintf("Paragraph %d of document %d: the delegation met the minister and the talks went on late into the night.", p, d))
		}
		res, err := lib.ImportBytes("d.txt", fmt.Sprintf("/src/%d.txt", d), []byte(fmt.Sprintf("Document %d\n\n%s\n", d, strings.Join(paras, "\n\n"))))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, res.Document)
	}
	return docs
}

// annotatedBenchLibrary is a library of 50 documents with 100 notes each.
func annotatedBenchLibrary(b *testing.B, dir string) *library.Library {
	b.Helper()
	lib := openBenchLibrary(b, dir)
	for _, doc := range importBenchDocuments(b, lib) {
		text := doc.Text()
		for p := 0; p < 100; p++ {
			i := strings.Index(text, fmt.Sprintf("Paragraph %d of", p))
			s := len([]rune(text[:i]))
			if _, err := lib.Annotate(doc.ID, library.Draft{Kind: annotate.KindNote, Start: s, End: s + 30, Body: "a note on the talks", Tags: []string{"talks"}}); err != nil {
				b.Fatal(err)
			}
		}
	}
	return lib
}

// BenchmarkExport5000 exports 5,000 annotations of 50 documents in each
// format.
func BenchmarkExport5000(b *testing.B) {
	lib := annotatedBenchLibrary(b, b.TempDir())
	for _, f := range interop.Formats {
		b.Run(string(f), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				secs, err := lib.Exports().Sections(nil)
				if err != nil {
					b.Fatal(err)
				}
				if err := lib.Exports().Write(io.Discard, f, secs, interop.Chicago); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkImportW3C5000 imports those 5,000 annotations as W3C JSON-LD
// into a library holding the same 50 documents: parse, match, anchor, one
// transaction.
func BenchmarkImportW3C5000(b *testing.B) {
	src := annotatedBenchLibrary(b, b.TempDir())
	secs, _ := src.Exports().Sections(nil)
	var buf bytes.Buffer
	if err := src.Exports().Write(&buf, interop.JSONLD, secs, interop.Chicago); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		dst := openBenchLibrary(b, b.TempDir())
		importBenchDocuments(b, dst)
		b.StartTimer()
		res, err := dst.ImportAnnotationBytes("export.jsonld", buf.Bytes())
		if err != nil || res.Added != 5000 || res.Orphans != 0 {
			b.Fatalf("%+v %v", res, err)
		}
	}
}
