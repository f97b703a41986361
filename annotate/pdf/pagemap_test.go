package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"scholia/annotate/corpus"
)

// Every character of the text that a page shows is found on the page, and
// the point in the middle of its box gives it back: for the browser prints
// in one and two columns, and the two real documents.
func TestEveryCharacterRoundTripsBetweenTextAndPage(t *testing.T) {
	var paths []string
	for _, dir := range []string{"pages", "real"} {
		ps, _ := filepath.Glob(filepath.Join(corpus.Path(t, "pdf", dir), "*.pdf"))
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		t.Fatal("the corpus has no PDFs in pdf/pages and pdf/real")
	}
	twoCol := 0
	for _, p := range paths {
		if strings.HasSuffix(p, "-2col.pdf") {
			twoCol++
		}
		t.Run(filepath.Base(p), func(t *testing.T) {
			doc, l := mapped(t, p)
			text := []rune(doc.Annotate().Text())
			if l.Count() != doc.Pages {
				t.Fatalf("the layout has %d pages, the PDF %d", l.Count(), doc.Pages)
			}
			placed := make([]int, len(text)) // page+1 of each code point
			for n := 1; n <= l.Count(); n++ {
				for _, c := range l.Pages[n-1].Chars {
					if placed[c.At] != 0 {
						t.Fatalf("code point %d (%q) stands on page %d and %d", c.At, text[c.At], placed[c.At], n)
					}
					placed[c.At] = n
					x, y := (c.Box.X0+c.Box.X1)/2, (c.Box.Y0+c.Box.Y1)/2
					if at, ok := l.CharAt(n, x, y); !ok || at != c.At {
						t.Fatalf("page %d: the middle of %q (code point %d) gives code point %d (%v)", n, text[c.At], c.At, at, ok)
					}
					if at, _ := l.Caret(n, x, y); at != c.At {
						t.Fatalf("page %d: a caret put on the middle of %q (code point %d) is at %d", n, text[c.At], c.At, at)
					}
					if at, _ := l.Caret(n, x+0.01, y); at != c.At+1 {
						t.Fatalf("page %d: a caret put just right of the middle of %q (code point %d) is at %d", n, text[c.At], c.At, at)
					}
				}
			}
			for i, r := range text {
				if !unicode.IsSpace(r) && placed[i] == 0 {
					lo, hi := max(0, i-20), min(len(text), i+20)
					t.Fatalf("code point %d (%q) is on no page: …%s…", i, r, string(text[lo:hi]))
				}
			}
		})
	}
	if twoCol == 0 {
		t.Error("no two-column PDF was tried")
	}
}

// On a page in two columns, a point just above and left of a line of the
// left column puts the caret in the left column, never on the right
// column's line at that height.
func TestACaretStaysInTheColumnOfThePoint(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(corpus.Path(t, "pdf", "pages"), "*-2col.pdf"))
	if len(paths) == 0 {
		t.Fatal("the corpus has no two-column PDFs in pdf/pages")
	}
	for _, p := range paths[:min(len(paths), 8)] {
		_, m := mapped(t, p)
		for n, pg := range m.Pages {
			half := pg.Width / 2
			box := map[int]Rect{}
			for _, c := range pg.Chars {
				box[c.At] = c.Box
			}
			for _, c := range pg.Chars {
				if c.Box.X1 >= half {
					continue
				}
				at, _ := m.Caret(n+1, c.Box.X0-3, c.Box.Y0-0.3)
				b, ok := box[at]
				if !ok {
					b, ok = box[at-1]
				}
				if ok && b.X0 >= half {
					t.Fatalf("%s page %d: a point left of and just above code point %d puts the caret at %d, in the right column", filepath.Base(p), n+1, c.At, at)
				}
			}
		}
	}
}

// mapped is the PDF at path read as the import reads it, and its map.
func mapped(t *testing.T, path string) (*Document, *PageMap) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := testEngine.Read(data, "")
	if err != nil {
		t.Fatal(err)
	}
	m, err := testEngine.PageMap(data, "", doc.Annotate().Text())
	if err != nil {
		t.Fatal(err)
	}
	return doc, m
}
