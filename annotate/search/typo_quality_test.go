package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"scholia/annotate/search"
)

// typoKinds are the slips of a hurried typist, each applied to one word.
var typoKinds = []struct {
	name string
	slip func(w []rune, rng *rand.Rand) []rune
}{
	{"swapped", swapLetters},
	{"neighbour key", neighbourKey},
	{"doubled", doubleLetter},
	{"dropped", dropLetter},
	{"cut short", cutShort},
}

// qwerty is the keyboard, row by row, for finding a key's neighbours.
var qwerty = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// neighbours are the letter keys touching each letter key on a QWERTY
// keyboard: left and right on its row, and the two above and below.
var neighbours = func() map[rune][]rune {
	out := map[rune][]rune{}
	for row, keys := range qwerty {
		for col, r := range keys {
			for _, d := range [][2]int{{0, -1}, {0, 1}, {-1, 0}, {-1, 1}, {1, -1}, {1, 0}} {
				nr, nc := row+d[0], col+d[1]
				if nr >= 0 && nr < len(qwerty) && nc >= 0 && nc < len(qwerty[nr]) {
					out[r] = append(out[r], rune(qwerty[nr][nc]))
				}
			}
		}
	}
	return out
}()

func swapLetters(w []rune, rng *rand.Rand) []rune {
	out := append([]rune(nil), w...)
	for range 10 {
		if i := rng.IntN(len(w) - 1); w[i] != w[i+1] {
			out[i], out[i+1] = w[i+1], w[i]
			return out
		}
	}
	return dropLetter(w, rng) // every letter the same: nothing to swap
}

func neighbourKey(w []rune, rng *rand.Rand) []rune {
	for range 10 {
		i := rng.IntN(len(w))
		if ns := neighbours[w[i]]; len(ns) > 0 {
			out := append([]rune(nil), w...)
			out[i] = ns[rng.IntN(len(ns))]
			return out
		}
	}
	return doubleLetter(w, rng) // no letter key in the word
}

func doubleLetter(w []rune, rng *rand.Rand) []rune {
	i := rng.IntN(len(w))
	return append(append(append([]rune(nil), w[:i+1]...), w[i]), w[i+1:]...)
}

func dropLetter(w []rune, rng *rand.Rand) []rune {
	i := rng.IntN(len(w))
	return append(append([]rune(nil), w[:i]...), w[i+1:]...)
}

// cutShort keeps at least four letters and drops one to three.
func cutShort(w []rune, rng *rand.Rand) []rune {
	return w[:max(4, len(w)-1-rng.IntN(3))]
}

// minTypoTestLetters is the shortest word the typo test garbles.
const minTypoTestLetters = 5

// TestEveryKindOfTypoIsForgiven annotates every sentence of the shared
// corpus's books, then looks sentences up with three of their words of
// five letters or more (what a person searches by; a four-letter word
// that lost a letter is a three-letter word, which matches only exactly
// or as a prefix), each with one slip of a hurried typist: two letters
// swapped, a neighbouring key, a letter doubled, a letter dropped, the
// word cut short. The sentence must be in the top 5 for at least 95% of
// the queries, and for 90% of those of each kind.
func TestEveryKindOfTypoIsForgiven(t *testing.T) {
	entries, sentences := realSentences(t, 1)
	ix := search.NewIndex(entries)
	rng := rand.New(rand.NewPCG(14, 2026))
	const perKind = 40
	total, totalHits := 0, 0
	for _, kind := range typoKinds {
		hits := 0
		var misses []string
		for n := 0; n < perKind; {
			i := rng.IntN(len(sentences))
			ws := distinctWords(sentences[i], minTypoTestLetters)
			if len(ws) < 3 {
				continue
			}
			n++
			rng.Shuffle(len(ws), func(a, b int) { ws[a], ws[b] = ws[b], ws[a] })
			q := make([]string, 3)
			for k, w := range ws[:3] {
				q[k] = string(kind.slip([]rune(w), rng))
			}
			query := strings.Join(q, " ")
			rs, err := ix.Search(context.Background(), query, 5)
			if err != nil {
				t.Fatal(err)
			}
			if found(rs, entries[i].ID) {
				hits++
			} else if len(misses) < 4 {
				misses = append(misses, fmt.Sprintf("%q (%s)", query, strings.Join(ws[:3], " ")))
			}
		}
		t.Logf("%-13s top-5 for %d of %d; missed: %s", kind.name, hits, perKind, strings.Join(misses, ", "))
		if hits*10 < perKind*9 {
			t.Errorf("%s: top-5 for %d of %d queries, want at least 90%%", kind.name, hits, perKind)
		}
		total += perKind
		totalHits += hits
	}
	t.Logf("all: top-5 for %d of %d (%.1f%%)", totalHits, total, 100*float64(totalHits)/float64(total))
	if totalHits*100 < total*95 {
		t.Errorf("top-5 for %d of %d queries with typos, want at least 95%%", totalHits, total)
	}
}

// distinctWords are the words of s of at least n letters, each once.
func distinctWords(s string, n int) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), notLetter) {
		if len([]rune(w)) >= n && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func found(rs []search.Result, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}
