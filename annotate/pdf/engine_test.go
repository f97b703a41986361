package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	pdfium "github.com/klippa-app/go-pdfium"
)

// testEngine is shared by the tests of this package; its compilation
// cache outlives a run, so only the first run on a machine compiles PDFium.
var testEngine = NewEngine(Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm")})

func TestMain(m *testing.M) {
	code := m.Run()
	_ = testEngine.Close()
	os.Exit(code)
}

func read(t *testing.T, f fixture) *Document {
	t.Helper()
	doc, err := testEngine.Read(f.bytes(), "")
	if err != nil {
		t.Fatalf("reading the PDF: %v", err)
	}
	return doc
}

func TestEngineStartsOnlyWhenFirstUsed(t *testing.T) {
	e := NewEngine(Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm")})
	defer e.Close()
	if e.Ready() {
		t.Fatal("a new engine has started before anything asked it to")
	}
	doc, err := e.Read(fixture{pages: [][]run{column(50, 60, 60, "One short paragraph of text.")}}.bytes(), "")
	if err != nil || !e.Ready() {
		t.Fatalf("after a read the engine is ready %v, error %v", e.Ready(), err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "One short paragraph of text." {
		t.Errorf("blocks %+v", doc.Blocks)
	}
}

func TestAReadThatStallsGivesAnErrorAndTheEngineGoesOn(t *testing.T) {
	e := NewEngine(Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm"), StallTimeout: 50 * time.Millisecond})
	defer e.Close()
	stuck := make(chan struct{})
	defer close(stuck)
	err := e.run(func(pdfium.Pdfium, func()) error {
		<-stuck // PDFium going round a loop
		return nil
	})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("error %v, want ErrTimeout", err)
	}
	if _, err := e.Read(fixture{pages: [][]run{column(50, 60, 60, "Some text.")}}.bytes(), ""); err != nil {
		t.Fatalf("the next read after a stall: %v", err)
	}
}

func TestAReadThatOverrunsItsWholeTimeGivesAnError(t *testing.T) {
	e := NewEngine(Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm"), Timeout: 100 * time.Millisecond, StallTimeout: time.Minute})
	defer e.Close()
	stuck := make(chan struct{})
	defer close(stuck)
	err := e.run(func(_ pdfium.Pdfium, tick func()) error {
		for {
			select {
			case <-stuck:
				return nil
			default:
				tick() // pages keep coming, forever
			}
		}
	})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("error %v, want ErrTimeout", err)
	}
}
