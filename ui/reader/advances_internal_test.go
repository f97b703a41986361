package reader

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate/corpus"
)

// kerned are words whose letters kern, ligate or come from beyond ASCII:
// where a sum of letter widths alone would be wrong.
var kerned = []string{"AVAST", "Wait,", "\"Today,\"", "“Yes.”", "office", "affluent", "baffled", "Ta", "Yo.", "T.", "W.E.B.",
	"L'Oréal", "naïve", "Ωμέγα", "Москва", "(f)", "1,234", "—", "Winter'll", "ATLANTA,", "MOTIVATING", "r.", "fjord",
	"don’t", "“To", "Yes,”", "‘quoted’", "said—", "…", "T’s", "‰", "″", "A–Z", "¿Qué?", "«Voilà»"}

// styleMeasurers are the reader's measurers of each font: running text,
// italic quotes, bold headings, bold italic minor headings, code.
func styleMeasurers() []*blockStyle {
	st := newStyles(Settings{})
	return []*blockStyle{st.paragraph, st.quote, st.headings[0], st.headings[3], st.pre}
}

// checkWidths fails when the reader's width of a word is not Fyne's.
func checkWidths(t *testing.T, sty *blockStyle, words []string) {
	t.Helper()
	var worst float32
	var worstWord string
	for _, w := range words {
		d := sty.m.runes([]rune(w)) - fyne.MeasureText(w, sty.size, sty.text).Width
		if d < 0 {
			d = -d
		}
		if d > worst {
			worst, worstWord = d, w
		}
	}
	if worst > 1.0/128 {
		t.Errorf("%+v at %.1f px: %q is %.4f px off the width Fyne draws", sty.text, sty.size, worstWord, worst)
	}
	t.Logf("%+v at %.1f px: %d words, worst difference %.4f px", sty.text, sty.size, len(words), worst)
}

func TestKernedWordsHaveTheWidthFyneDraws(t *testing.T) {
	test.NewTempApp(t)
	for _, sty := range styleMeasurers() {
		checkWidths(t, sty, kerned)
	}
}

// TestWidthsAreFynes: every word of the corpus's books (17,582 distinct)
// has the width fyne.MeasureText gives, in running text's font; every
// fifth in the others.
func TestWidthsAreFynes(t *testing.T) {
	doc := realBook(t)
	test.NewTempApp(t)
	seen := map[string]bool{}
	var words []string
	for _, f := range strings.Fields(doc.Text()) {
		if !seen[f] {
			seen[f] = true
			words = append(words, f)
		}
	}
	var some []string
	for i := 0; i < len(words); i += 5 {
		some = append(some, words[i])
	}
	for i, sty := range styleMeasurers() {
		if i == 0 {
			checkWidths(t, sty, words)
		} else {
			checkWidths(t, sty, some)
		}
	}
}

// TestWidthsOfWebPagesAreFynes: every distinct word of the 110 pages of
// the corpus's Readability suite (curly quotes, dashes, accents,
// Greek, Cyrillic, and scripts left to Fyne) has the width Fyne gives.
func TestWidthsOfWebPagesAreFynes(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(corpus.Path(t, "readability"), "*", "expected.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in the corpus's readability folder (%v)", err)
	}
	test.NewTempApp(t)
	tag := regexp.MustCompile(`<[^>]*>`)
	seen := map[string]bool{}
	var words []string
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(html.UnescapeString(tag.ReplaceAllString(string(b), " "))) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	st := newStyles(Settings{})
	checkWidths(t, st.paragraph, words)
}

// TestLinesAreNeverWiderThanTheColumn: every line of the real book,
// wrapped at two widths, is drawn (as Fyne measures it, without the spaces
// ending it) within the column.
func TestLinesAreNeverWiderThanTheColumn(t *testing.T) {
	doc := realBook(t)
	for _, width := range []float32{1000, 520} {
		r, _ := showReaderSized(t, doc, fyne.NewSize(width, 800))
		r.lay.wrapAll()
		n := 0
		for i := range r.lay.items {
			it := &r.lay.items[i]
			for _, ln := range it.lines {
				s := strings.TrimRight(string(it.runes[ln.start:ln.end]), " ")
				n++
				if over := it.st.indent + fyne.MeasureText(s, it.st.size, it.st.text).Width - r.lay.width; over > 1.0/128 {
					t.Errorf("window %v wide: %q is %.3f px wider than the column", width, s, over)
				}
			}
		}
		t.Logf("window %v wide: %d lines within the column of %.1f px", width, n, r.lay.width)
	}
}
