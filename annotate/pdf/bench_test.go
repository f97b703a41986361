package pdf

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"scholia/annotate/corpus"
)

// BenchmarkRead reads the real PDFs of the shared corpus (a DocBook spec,
// a Texinfo manual) and the 60 browser prints, once the engine is warm,
// and reports pages a second.
func BenchmarkRead(b *testing.B) {
	var files [][]byte
	for _, dir := range []string{"real", "pages"} {
		paths, _ := filepath.Glob(filepath.Join(corpus.Path(b, "pdf", dir), "*.pdf"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, data)
		}
	}
	if err := testEngine.Wait(context.Background()); err != nil {
		b.Fatal(err)
	}
	pages := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, data := range files {
			doc, err := testEngine.Read(data, "")
			if err != nil {
				b.Fatal(err)
			}
			pages += doc.Pages
		}
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkStart measures an engine's start: compiling PDFium into an
// empty cache folder, and starting again from the filled one.
func BenchmarkStart(b *testing.B) {
	dir := b.TempDir()
	b.Run("empty-cache", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			e := NewEngine(Config{CacheDir: filepath.Join(dir, "fresh", string(rune('a'+i%26)))})
			if err := e.Wait(context.Background()); err != nil {
				b.Fatal(err)
			}
			_ = e.Close()
		}
	})
	warm := filepath.Join(dir, "warm")
	e := NewEngine(Config{CacheDir: warm})
	if err := e.Wait(context.Background()); err != nil {
		b.Fatal(err)
	}
	_ = e.Close()
	b.Run("filled-cache", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			e := NewEngine(Config{CacheDir: warm})
			if err := e.Wait(context.Background()); err != nil {
				b.Fatal(err)
			}
			_ = e.Close()
		}
	})
}
