package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// bomb is a one-page PDF whose content stream inflates from a few hundred
// kilobytes to n bytes.
func bomb(n int) []byte {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < n>>20; i++ {
		_, _ = w.Write(chunk)
	}
	_ = w.Close()
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>")
	offs = append(offs, b.Len())
	fmt.Fprintf(&b, "4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n", z.Len())
	b.Write(z.Bytes())
	b.WriteString("\nendstream\nendobj\n")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 5\n0000000000 65535 f \n")
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

func TestADecompressionBombGivesOneSentenceInsideTheMemoryLimit(t *testing.T) {
	e := NewEngine(Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm"), MemoryPages: 512}) // 32 MB
	defer e.Close()
	data := bomb(96 << 20)
	start := time.Now()
	doc, err := e.Read(data, "")
	if err == nil {
		t.Fatalf("a 96 MB content stream read in 32 MB gave %d blocks and no error", len(doc.Blocks))
	}
	var p *Problem
	if !errors.As(err, &p) {
		t.Fatalf("error %T %v, want a *Problem", err, err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the bomb took %s", d)
	}
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("error %v, want ErrDamaged", err)
	}
	if _, err := e.Read(fixture{pages: [][]run{column(50, 60, 60, "Some text.")}}.bytes(), ""); err != nil {
		t.Fatalf("the read after the bomb: %v", err)
	}
}
