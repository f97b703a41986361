package anchor

import (
	"slices"
	"strings"
)

// finder gathers the places in the text where a passage may start, each
// once. Gathering costs a pass over the text per needle; trying the places
// is what the budget bounds, so the likeliest are put first.
type finder struct {
	t    *Text
	seen map[int]bool
	out  []int
}

// find adds where needle stands, moved by shift code points.
func (f *finder) find(needle []rune, shift int) {
	if len(needle) < 8 {
		return
	}
	s, n := f.t.s, string(needle)
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], n)
		if i < 0 {
			return
		}
		if p := int(f.t.runeAt[from+i]) + shift; p >= 0 && p <= len(f.t.runes) && !f.seen[p] {
			f.seen[p] = true
			f.out = append(f.out, p)
		}
		from += i + len(n)
	}
}

// occurrences are the places where the quote stands unchanged, nearest to
// where it was (old) first.
func (f *finder) occurrences(exact []rune, old int) []int {
	f.find(exact, 0)
	out := slices.Clone(f.out)
	slices.SortStableFunc(out, func(a, b int) int { return abs(a-old) - abs(b-old) })
	return out
}

// near are the other places: where the quote's first or last 16 code
// points, or the end of its prefix or the start of its suffix, stand. Those
// where more pieces of the quote stand about where they would if the
// passage started there come first; the pieces' search is charged to left.
func (f *finder) near(exact, prefix, suffix []rune, left *int) []int {
	from := len(f.out)
	k := min(16, len(exact))
	f.find(exact[:k], 0)
	f.find(exact[len(exact)-k:], -(len(exact) - k))
	if len(prefix) >= 8 {
		p := prefix[max(0, len(prefix)-16):]
		f.find(p, len(p))
	}
	if len(suffix) >= 8 {
		f.find(suffix[:min(16, len(suffix))], -len(exact))
	}
	out := f.out[from:]
	if len(out) < 2 || len(exact) < 2*wordBits {
		return out
	}
	support := make(map[int]int, len(out))
	for _, c := range out {
		support[c] = f.support(exact, c, left)
	}
	slices.SortStableFunc(out, func(a, b int) int { return support[b] - support[a] })
	return out
}

// support is how many of up to 16 pieces of 12 code points spread over
// the quote stand within a quarter of its length of where they would if
// the passage started at c.
func (f *finder) support(exact []rune, c int, left *int) int {
	const pieces, size = 16, 12
	slack := len(exact)/4 + 2
	n := 0
	for k := 0; k < pieces; k++ {
		i := k * (len(exact) - size) / (pieces - 1)
		lo := max(0, c+i-slack)
		hi := min(len(f.t.runes), c+i+size+slack)
		if lo >= hi {
			continue
		}
		window := f.t.s[f.t.byteAt[lo]:f.t.byteAt[hi]]
		*left -= len(window)
		if strings.Contains(window, string(exact[i:i+size])) {
			n++
		}
	}
	return n
}
