package anchor_test

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"scholia/annotate"
	"scholia/annotate/anchor"
	"scholia/annotate/corpus"
	"scholia/annotate/ingest"
)

// realCase is a passage of a real 150,000-word text annotated, the text
// then changed, and where the note must end up.
type realCase struct {
	name      string
	anchor    annotate.Anchor
	text      []rune
	want      string // the passage in text; "" for an orphan
	wantStart int
}

// realText joins the real books of the shared corpus (the Gutenberg texts
// and RFC 3339, as a reader imports them) and, to reach 150,000 words,
// the articles of Mozilla Readability's suite (each text once).
func realText(tb testing.TB) string {
	tb.Helper()
	var parts []string
	seen := map[[32]byte]bool{}
	words := 0
	add := func(path string) {
		data, err := os.ReadFile(path)
		if err != nil {
			tb.Fatal(err)
		}
		doc, err := ingest.Parse(filepath.Base(path), data)
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		text := doc.Text()
		if h := sha256.Sum256([]byte(text)); !seen[h] {
			seen[h] = true
			parts = append(parts, text)
			words += len(strings.Fields(text))
		}
	}
	for _, name := range []string{"souls-of-black-folk_pg408.txt", "communist-manifesto_pg61.txt", "simple-sabotage-field-manual_pg26184.txt", "rfc3339.txt"} {
		add(corpus.Path(tb, "text", name))
	}
	pages, err := filepath.Glob(filepath.Join(corpus.Path(tb, "readability"), "*", "expected.html"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range pages {
		if words >= 150_000 {
			break
		}
		add(p)
	}
	if words < 150_000 {
		tb.Fatalf("the corpus holds %d words, want 150,000", words)
	}
	return strings.Join(parts, "\n\n")
}

// commonPassage is a stretch of 4,000-6,000 code points of text that
// begins with the 16 code points that most often begin a word and ends
// with 16 that often do, and that has no copy elsewhere: the worst a
// finder that starts from a passage's first and last characters can meet.
func commonPassage(tb testing.TB, text []rune) (start, end int, first, last int) {
	tb.Helper()
	counts := map[string]int{}
	wordAt := func(i int) bool { return i > 0 && unicode.IsSpace(text[i-1]) && !unicode.IsSpace(text[i]) }
	for i := 1; i+16 <= len(text); i++ {
		if wordAt(i) {
			counts[string(text[i:i+16])]++
		}
	}
	s := string(text)
	bestFirst, bestLast := 0, 0
	for i := 1; i+6000 <= len(text); i++ {
		if !wordAt(i) {
			continue
		}
		n := counts[string(text[i:i+16])]
		if n < bestFirst || n < 50 {
			continue
		}
		for e := i + 4000 - 16; e < i+6000-16; e++ {
			if !wordAt(e) {
				continue
			}
			m := counts[string(text[e:e+16])]
			if (n > bestFirst || m > bestLast) && m >= 20 && unique(s, text[i:e+16]) {
				start, end, bestFirst, bestLast = i, e+16, n, m
			}
		}
	}
	if bestFirst == 0 {
		tb.Fatal("no passage of 4,000-6,000 code points starts and ends with a common phrase")
	}
	return start, end, bestFirst, bestLast
}

// unique says whether seven pieces of passage spread over it each occur
// once in s: the passage has no copy, nor a near copy, elsewhere.
func unique(s string, passage []rune) bool {
	for k := 1; k < 8; k++ {
		i := len(passage) * k / 8
		if strings.Count(s, string(passage[i:i+40])) != 1 {
			return false
		}
	}
	return true
}

// editWords changes every nth word of s longer than three letters (its
// first letter doubled), as a proofreader's many small corrections would.
func editWords(s string, n int) string {
	ws := strings.Split(s, " ")
	k := 0
	for i, w := range ws {
		if len(w) > 3 && unicode.IsLetter([]rune(w)[0]) {
			if k%n == n/2 {
				r := []rune(w)
				ws[i] = string(r[:1]) + string(r)
			}
			k++
		}
	}
	return strings.Join(ws, " ")
}

// realCases builds the adversarial and the typical cases on a real
// 150,000-word text.
func realCases(tb testing.TB) []realCase {
	tb.Helper()
	old := []rune(realText(tb))
	p1, p2, first, last := commonPassage(tb, old)
	tb.Logf("text of %d code points; passage of %d code points at %d, opening on %q (%d times), closing on %q (%d times)", len(old), p2-p1, p1, string(old[p1:p1+16]), first, string(old[p2-16:p2]), last)
	anchorOf := func(s, e int) annotate.Anchor {
		a, err := annotate.NewAnchor(old, s, e)
		if err != nil {
			tb.Fatal(err)
		}
		return a
	}
	long := anchorOf(p1, p2)
	before, passage, after := string(old[:p1]), string(old[p1:p2]), string(old[p2:])
	runes := func(s string) int { return len([]rune(s)) }

	// A word in the middle of the passage corrected, another near its end.
	mid := runes(passage) / 2
	cut := strings.IndexByte(string([]rune(passage)[mid:]), ' ') + len(string([]rune(passage)[:mid])) + 1
	inside := passage[:cut] + "indeed " + passage[cut:]
	inside = strings.Replace(inside, " the ", " this ", 1)

	// Far away: the passage with the 300 code points either side of it
	// (its context), put just before the last sixth of the text, at a
	// paragraph, as when a section is moved.
	lead, tail := string(old[p1-300:p1]), string(old[p2:p2+300])
	rest := string(old[:p1-300]) + string(old[p2+300:])
	far := strings.Index(rest[len(rest)*5/6:], "\n\n") + len(rest)*5/6 + 2
	movedAt := runes(rest[:far] + lead)
	movedText := rest[:far] + lead + passage + tail + "\n\n" + rest[far:]
	movedEdited := rest[:far] + lead + inside + tail + "\n\n" + rest[far:]

	// A typical passage: a sentence of about 200 code points of the
	// second book.
	ts := strings.Index(string(old), "The history of all hitherto existing societies")
	if ts < 0 {
		tb.Fatal("the Communist Manifesto lacks its first sentence")
	}
	ts = runes(string(old)[:ts])
	typical := anchorOf(ts, ts+200)
	tb4, tp, ta := string(old[:ts]), string(old[ts:ts+200]), string(old[ts+200:])
	typicalEdited := strings.Replace(tp, "societies", "society", 1)

	small := editWords(passage, 25)
	return []realCase{
		{"a typical passage moved by a paragraph added above it", typical, []rune("A preface added by the editors.\n\n" + string(old)), tp, ts + 33},
		{"a typical passage with a word corrected", typical, []rune(tb4 + typicalEdited + ta), typicalEdited, ts},
		{"a long passage opening and closing on a common phrase, edited inside", long, []rune(before + inside + after), inside, p1},
		{"a long passage opening and closing on a common phrase, deleted", long, []rune(before + after), "", 0},
		{"a long passage opening and closing on a common phrase, moved far away", long, []rune(movedText), passage, movedAt},
		{"a long passage opening and closing on a common phrase, moved far away and edited", long, []rune(movedEdited), inside, movedAt},
		{"a long passage with a word in 25 corrected, and the whole text so", long, []rune(editWords(before, 25) + small + editWords(after, 25)), small, runes(editWords(before, 25))},
	}
}

// TestReanchorOnARealBook: on a real 150,000-word text, a long passage
// that opens and closes on the text's most common phrase is found where it
// was edited, where it was moved, after many small corrections, and
// becomes an orphan when deleted; typical passages are found too.
func TestReanchorOnARealBook(t *testing.T) {
	for _, c := range realCases(t) {
		r := anchor.NewText(c.text).Reanchor(c.anchor)
		t.Logf("%s: orphan %v, score %.3f, unfinished %v", c.name, r.Orphan, r.Score, r.Unfinished)
		wantEnd := c.wantStart + len([]rune(c.want))
		switch {
		case c.want == "" && !r.Orphan:
			t.Errorf("%s: placed at %d-%d (score %.2f), want an orphan", c.name, r.Anchor.Start, r.Anchor.End, r.Score)
		case c.want == "":
		case r.Orphan:
			t.Errorf("%s: lost, want it at %d-%d", c.name, c.wantStart, wantEnd)
		case string(c.text[c.wantStart:wantEnd]) != c.want:
			t.Fatalf("%s: the fixture is wrong: the text at %d does not hold the passage", c.name, c.wantStart)
		case abs(r.Anchor.Start-c.wantStart) > 3 || abs(r.Anchor.End-wantEnd) > 3:
			t.Errorf("%s: placed at %d-%d (score %.2f), want %d-%d", c.name, r.Anchor.Start, r.Anchor.End, r.Score, c.wantStart, wantEnd)
		}
	}
}
