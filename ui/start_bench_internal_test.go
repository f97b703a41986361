package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2/test"

	"scholia/annotate/library"
)

// BenchmarkWindowStart: NewMainWindow on a big library, until the list
// is filled and the last document shown, and the heap it then holds. The
// library is a copy of the file SCHOLIA_BENCH_LIBRARY names, made by
// go run ./scripts/biglibrary -o FILE (2,001 documents, 100,000
// annotations cut from real books). scripts/window-start.sh measures the
// real window on the same file.
func BenchmarkWindowStart(b *testing.B) {
	path := benchLibrary(b)
	app := test.NewTempApp(b)
	var heap uint64
	for b.Loop() {
		lib, err := library.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m := NewMainWindow(app, lib)
		m.waitIdle()
		b.StopTimer()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = max(heap, ms.HeapAlloc)
		if m.library.list.Len() < 2000 {
			b.Fatalf("the list shows %d documents", m.library.list.Len())
		}
		m.closing.stopTimers()
		m.win.Close()
		_ = lib.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
}

// benchLibrary is a copy of the big library SCHOLIA_BENCH_LIBRARY names,
// crash logs going to a temporary folder; the benchmark skips without it.
func benchLibrary(b *testing.B) string {
	src := os.Getenv("SCHOLIA_BENCH_LIBRARY")
	if src == "" {
		b.Skip("SCHOLIA_BENCH_LIBRARY names no library: make one with go run ./scripts/biglibrary -o FILE")
	}
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "library.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		b.Fatal(err)
	}
	b.Setenv("XDG_STATE_HOME", b.TempDir())
	return path
}
