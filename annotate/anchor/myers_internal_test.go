package anchor

import (
	"math"
	"math/rand/v2"
	"testing"
)

// distanceByTable is the textbook table: the least edit distance between
// quote and a window of text that may start anywhere, and the first end
// where it is reached.
func distanceByTable(quote, text []rune) (end, dist int) {
	prev := make([]int, len(text)+1)
	cur := make([]int, len(text)+1)
	for i := 1; i <= len(quote); i++ {
		cur[0] = i
		for j := 1; j <= len(text); j++ {
			cost := 1
			if quote[i-1] == text[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	end = 0
	for j := range prev {
		if prev[j] < prev[end] {
			end = j
		}
	}
	return end, prev[end]
}

// whole is the edit distance between quote and all of text.
func whole(quote, text []rune) int {
	prev := make([]int, len(text)+1)
	cur := make([]int, len(text)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(quote); i++ {
		cur[0] = i
		for j := 1; j <= len(text); j++ {
			cost := 1
			if quote[i-1] == text[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(text)]
}

// TestMyersSearchAgreesWithTheTable: the bit-parallel search, over one
// block and many, with its cut-off, finds the same distance and end as the
// full table whenever that distance is within the bound, and nothing
// otherwise; the start it finds gives a window at that distance.
func TestMyersSearchAgreesWithTheTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("ab cdé")
	word := func(n int) []rune {
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return out
	}
	for trial := 0; trial < 3000; trial++ {
		m := 1 + rng.IntN(200)
		quote := word(m)
		text := word(rng.IntN(300))
		if rng.IntN(2) == 0 && len(text) > 0 {
			// Put an edited copy of the quote in the text.
			at := rng.IntN(len(text))
			edited := append([]rune{}, quote...)
			for k := rng.IntN(m/4 + 1); k > 0; k-- {
				edited[rng.IntN(len(edited))] = alphabet[rng.IntN(len(alphabet))]
			}
			text = append(append(append([]rune{}, text[:at]...), edited...), text[at:]...)
		}
		maxErr := rng.IntN(m + 1)
		wantEnd, wantDist := distanceByTable(quote, text)
		fwd, rev := newPattern(quote), newPattern(reversed(quote))
		s, e, dist, _ := align(fwd, rev, text, 0, maxErr, math.MaxInt/2)
		if len(text) > m+m/4+2 {
			// align looks only near start 0; compare the whole scan instead.
			e, dist, _ = fwd.scan(text, maxErr, false, false, math.MaxInt)
			s = -1
		}
		switch {
		case wantDist > maxErr && e >= 0:
			t.Fatalf("quote %q in %q within %d: found end %d at %d, the table says %d", string(quote), string(text), maxErr, e, dist, wantDist)
		case wantDist <= maxErr && (e != wantEnd || dist != wantDist):
			t.Fatalf("quote %q in %q within %d: end %d at %d, the table says end %d at %d", string(quote), string(text), maxErr, e, dist, wantEnd, wantDist)
		case s >= 0 && e >= 0:
			if d := whole(quote, text[s:e]); d != dist {
				t.Fatalf("quote %q in %q: window %d-%d is at %d, not %d", string(quote), string(text), s, e, d, dist)
			}
		}
	}
}
