package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"scholia/annotate/corpus"
)

func realPDF(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(corpus.Path(tb, "pdf", "real"), name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// A page is drawn at the width asked, in proportion, with ink where the
// page map says its text is.
func TestAPageIsDrawnWithItsTextWhereTheMapPutsIt(t *testing.T) {
	data := realPDF(t, "shared-mime-info-spec.pdf")
	doc, err := testEngine.Read(data, "")
	if err != nil {
		t.Fatal(err)
	}
	text := doc.Annotate().Text()
	m, err := testEngine.PageMap(data, "", text)
	if err != nil {
		t.Fatal(err)
	}
	p, err := testEngine.OpenPages(data, "")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if p.Count() != doc.Pages {
		t.Fatalf("%d pages to draw, %d read", p.Count(), doc.Pages)
	}
	w, h := p.Size(1)
	img, err := p.Render(1, 800)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 800 || abs(b.Dy()-int(800*h/w+0.5)) > 1 {
		t.Fatalf("drawn %v, want 800 wide in the page's proportion %.0fx%.0f", b, w, h)
	}
	scale := 800 / w
	inked, blank := 0, 0
	for _, c := range m.Pages[0].Chars {
		dark := false
		for y := int(c.Box.Y0 * scale); y <= int(c.Box.Y1*scale) && !dark; y++ {
			for x := int(c.Box.X0 * scale); x <= int(c.Box.X1*scale); x++ {
				if img.RGBAAt(x, y).R < 128 {
					dark = true
					break
				}
			}
		}
		if dark {
			inked++
		} else {
			blank++
		}
	}
	if inked == 0 || blank*20 > inked {
		t.Fatalf("of the text's characters on page 1, %d have ink in their box and %d none", inked, blank)
	}
}

// The cache draws the pages wanted, says so, and keeps no more bytes than
// its budget beyond the pages wanted, dropping the least recently wanted.
func TestThePageCacheDrawsWhatIsWantedWithinItsBudget(t *testing.T) {
	p, err := testEngine.OpenPages(realPDF(t, "shared-mime-info-spec.pdf"), "")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	const width = 400
	one := 0
	if img, err := p.Render(1, width); err == nil {
		one = len(img.Pix)
	} else {
		t.Fatal(err)
	}
	drawn := make(chan int, 64)
	c := NewPageCache(p, 3*one, func(n, w int) { drawn <- n })
	defer c.Close()
	want := []int{1, 2, 3, 4, 5, 6}
	for _, n := range want { // as a scroll through them does
		c.Want([]int{n}, width)
		select {
		case <-drawn:
		case <-time.After(30 * time.Second):
			t.Fatal("the cache drew no page in 30 s")
		}
		if used := c.Used(); used > 4*one {
			t.Fatalf("the cache keeps %d bytes, its budget is %d", used, 3*one)
		}
	}
	if img, err := c.Get(6, width); img == nil {
		t.Fatalf("the last page wanted is not kept (%v)", err)
	}
	if img, _ := c.Get(1, width); img != nil {
		t.Fatal("the first page is kept past the budget")
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// A locked PDF's pages open with its password only; a scanned one has
// pages and no text on them; the instance an opening failed in goes back
// to the engine (both instances are taken in turn, and again).
func TestHostilePDFsPagesOpenOrSayWhy(t *testing.T) {
	for i := 0; i < 3; i++ {
		if _, err := testEngine.OpenPages(hostile(t, "encrypted.pdf"), ""); !errors.Is(err, ErrPassword) {
			t.Fatalf("opening a locked PDF's pages without its password: %v", err)
		}
		if _, err := testEngine.OpenPages(hostile(t, "truncated.pdf"), ""); !errors.Is(err, ErrTruncated) {
			t.Fatalf("opening a truncated PDF's pages: %v", err)
		}
	}
	p, err := testEngine.OpenPages(hostile(t, "encrypted.pdf"), "secret")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Render(1, 200); err != nil {
		t.Fatal(err)
	}
	p.Close()
	scan := hostile(t, "scanned.pdf")
	m, err := testEngine.PageMap(scan, "", "")
	if err != nil || m.Count() == 0 || len(m.Pages[0].Chars) != 0 {
		t.Fatalf("a scanned PDF's map: %v, %v", m, err)
	}
}
