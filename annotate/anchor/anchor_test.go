package anchor_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/anchor"
	"scholia/annotate/corpus"
	"scholia/annotate/ingest"
)

func anchorOn(t *testing.T, text, quote string) annotate.Anchor {
	t.Helper()
	i := strings.Index(text, quote)
	if i < 0 {
		t.Fatalf("%q not in text", quote)
	}
	s := len([]rune(text[:i]))
	a, err := annotate.NewAnchor([]rune(text), s, s+len([]rune(quote)))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestReanchorCases(t *testing.T) {
	old := "The ministers met in Geneva. They agreed in principle to a ceasefire. Nobody signed anything that day. The talks resume in June."
	a := anchorOn(t, old, "agreed in principle to a ceasefire")
	cases := []struct {
		name, text, want string // want "" means orphan
	}{
		{"unchanged", old, "agreed in principle to a ceasefire"},
		{"moved by an insertion", "Breaking news. " + old, "agreed in principle to a ceasefire"},
		{"a word corrected inside", strings.Replace(old, "principle", "principal", 1), "agreed in principal to a ceasefire"},
		{"a third of it rewritten", strings.Replace(old, "principle to a", "principle to an immediate", 1), ""},
		{"punctuation and spaces", strings.Replace(old, "Geneva. They", "Geneva.  They", 1), "agreed in principle to a ceasefire"},
		{"deleted", "The ministers met in Geneva. Nobody signed anything that day. The talks resume in June.", ""},
		{"rewritten beyond recognition", "The ministers met in Geneva. Talks collapsed at once. Nobody signed anything that day.", ""},
	}
	for _, c := range cases {
		r := anchor.Reanchor(a, []rune(c.text))
		switch {
		case c.want == "" && !r.Orphan:
			t.Errorf("%s: placed on %q (score %.2f), want an orphan", c.name, r.Anchor.Exact, r.Score)
		case c.want != "" && (r.Orphan || r.Anchor.Exact != c.want):
			t.Errorf("%s: %+v, want %q", c.name, r, c.want)
		case c.want != "" && string([]rune(c.text)[r.Anchor.Start:r.Anchor.End]) != r.Anchor.Exact:
			t.Errorf("%s: the new anchor does not read its exact text", c.name)
		}
	}
}

var sentenceSplit = regexp.MustCompile(`[.!?]\s+`)

// TestReanchorQuality edits real texts at random (words changed, sentences
// inserted and deleted, paragraphs moved, spaces and punctuation changed)
// and re-anchors a few hundred sentences: at least 97% must land on the
// right text and none on wrong text; the rest become orphans.
func TestReanchorQuality(t *testing.T) {
	dir := corpus.Path(t)
	rng := rand.New(rand.NewPCG(3, 5))
	right, wrong, orphans, total := 0, 0, 0, 0
	for _, name := range []string{"text/communist-manifesto_pg61.txt", "text/simple-sabotage-field-manual_pg26184.txt", "seed/000_f041920d014e6657.txt"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ingest.Parse(filepath.Base(name), data)
		if err != nil {
			t.Fatal(err)
		}
		var paras []string
		for _, b := range doc.Blocks {
			if b.Kind == annotate.BlockParagraph && len(b.Text) > 200 {
				paras = append(paras, b.Text)
			}
		}
		for trial := 0; trial < 120 && len(paras) > 4; trial++ {
			total++
			target := rng.IntN(len(paras))
			sentences := sentenceSplit.Split(paras[target], -1)
			quote := ""
			for _, s := range sentences {
				if len(s) > 40 && len(s) < 300 {
					quote = s
					break
				}
			}
			if quote == "" {
				total--
				continue
			}
			oldText := strings.Join(paras, "\n\n")
			a := anchorOn(t, oldText, quote)
			// Edit every other paragraph, then move and delete some.
			edited := make([]string, 0, len(paras)+2)
			for i, p := range paras {
				if i == target {
					edited = append(edited, p)
					continue
				}
				switch rng.IntN(6) {
				case 0:
					continue // deleted
				case 1:
					edited = append(edited, "An inserted sentence about something else entirely. "+p)
				case 2:
					edited = append(edited, strings.Replace(p, " the ", " a ", 2))
				case 3:
					edited = append(edited, strings.ReplaceAll(p, ". ", ".  "))
				default:
					edited = append(edited, p)
				}
			}
			if rng.IntN(2) == 0 && len(edited) > 3 {
				i, j := rng.IntN(len(edited)), rng.IntN(len(edited))
				edited[i], edited[j] = edited[j], edited[i]
			}
			wantQuote := quote
			if rng.IntN(3) == 0 {
				ws := strings.Fields(quote)
				k := rng.IntN(len(ws))
				ws[k] = strings.ToUpper(ws[k][:1]) + "x" + ws[k][1:]
				wantQuote = strings.Join(ws, " ")
				for i, p := range edited {
					if p == paras[target] {
						edited[i] = strings.Replace(p, quote, wantQuote, 1)
					}
				}
			}
			newText := strings.Join(edited, "\n\n")
			r := anchor.Reanchor(a, []rune(newText))
			if r.Orphan {
				orphans++
				continue
			}
			want := anchorOn(t, newText, wantQuote)
			if r.Anchor.Start < want.End && want.Start < r.Anchor.End && abs(r.Anchor.Start-want.Start) <= 3 && abs(r.Anchor.End-want.End) <= 3 {
				right++
			} else {
				wrong++
				t.Logf("wrong: %q placed on %q", quote, r.Anchor.Exact)
			}
		}
	}
	t.Logf("%d annotations: %d right (%.1f%%), %d wrong, %d orphans", total, right, 100*float64(right)/float64(total), wrong, orphans)
	if wrong > 0 {
		t.Errorf("%d annotations landed on wrong text", wrong)
	}
	if right*100 < total*97 {
		t.Errorf("%d of %d landed right, want at least 97%%", right, total)
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
