// Package anchor finds an annotation's passage again in a text that has
// changed, or says honestly that it cannot.
//
// # How a passage is found again
//
// An anchor remembers where its passage was (start, end in code points),
// the passage itself (exact) and 32 code points either side (prefix,
// suffix), as the W3C TextQuoteSelector and Hypothesis do.
//
//  1. If the new text still holds exact at start, the passage has not
//     moved.
//  2. Otherwise each exact occurrence of the quote is a candidate; when
//     there is none (the quote itself was edited), the places where its
//     first or last words, or the end of its prefix or the start of its
//     suffix, still occur are. Around each of those
//     the best-aligned window (edit distance, semi-global) is taken.
//  3. Each candidate is scored as Hypothesis does: similarity of the quote
//     counts 50, of the prefix 20, of the suffix 20, nearness to the old
//     position 2, divided by 92. The best candidate is taken only if its
//     quote is at least 75% similar and its score at least 0.7; otherwise
//     the annotation is an orphan. Placing a note on the wrong words is
//     worse than asking the reader to place it again, so the bar is high.
package anchor

import (
	"strings"

	"scholia/annotate"
)

// MinQuoteSimilarity and MinScore are the bars a candidate must clear.
const (
	MinQuoteSimilarity = 0.75
	MinScore           = 0.70
)

// Result is where a passage was found: a new anchor, or Orphan.
type Result struct {
	Anchor annotate.Anchor
	Orphan bool
	Score  float64
}

// Text is a changed text prepared for finding many passages in it.
type Text struct {
	runes  []rune
	s      string
	runeAt []int32 // byte offset in s -> code point offset
}

// NewText prepares text (code points) once for all the annotations of a
// document.
func NewText(text []rune) *Text {
	t := &Text{runes: text, s: string(text)}
	t.runeAt = make([]int32, len(t.s)+1)
	count := int32(0)
	for i := 0; i < len(t.s); i++ {
		t.runeAt[i] = count
		if t.s[i]&0xC0 != 0x80 {
			count++
		}
	}
	t.runeAt[len(t.s)] = count
	return t
}

// Reanchor finds a in text (code points); for many anchors in one text,
// use NewText once and its Reanchor.
func Reanchor(a annotate.Anchor, text []rune) Result { return NewText(text).Reanchor(a) }

// Reanchor finds a in the text.
func (t *Text) Reanchor(a annotate.Anchor) Result {
	text := t.runes
	exact := []rune(a.Exact)
	if len(exact) == 0 {
		return Result{Orphan: true}
	}
	if a.Start >= 0 && a.End <= len(text) && a.End-a.Start == len(exact) && string(text[a.Start:a.End]) == a.Exact {
		return Result{Anchor: a, Score: 1}
	}
	best := Result{Orphan: true}
	for _, c := range t.candidates(a, exact) {
		s, e, sim := align(exact, text, c)
		if sim < MinQuoteSimilarity {
			continue
		}
		score := (50*sim + 20*contextSimilarity([]rune(a.Prefix), text[max(0, s-len([]rune(a.Prefix))):s]) +
			20*contextSimilarity([]rune(a.Suffix), text[e:min(len(text), e+len([]rune(a.Suffix)))]) +
			2*(1-float64(abs(s-a.Start))/float64(max(len(text), 1)))) / 92
		if score >= MinScore && (best.Orphan || score > best.Score) {
			n, err := annotate.NewAnchor(text, s, e)
			if err == nil {
				best = Result{Anchor: n, Score: score}
			}
		}
	}
	return best
}

// candidates are positions in the text where the passage may start.
func (t *Text) candidates(a annotate.Anchor, exact []rune) []int {
	text := t.runes
	seen := map[int]bool{}
	var out []int
	add := func(p int) {
		if p >= 0 && p <= len(text) && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	s := t.s
	find := func(needle []rune, shift int) {
		if len(needle) < 8 {
			return
		}
		n := string(needle)
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], n)
			if i < 0 || len(out) > 200 {
				return
			}
			add(int(t.runeAt[from+i]) + shift)
			from += i + len(n)
		}
	}
	k := min(16, len(exact))
	if find(exact, 0); len(out) > 0 {
		return out // the quote is unchanged: only where it now stands
	}
	find(exact[:k], 0)
	find(exact[len(exact)-k:], -(len(exact) - k))
	prefix, suffix := []rune(a.Prefix), []rune(a.Suffix)
	if len(prefix) >= 8 {
		p := prefix[max(0, len(prefix)-16):]
		find(p, len(p))
	}
	if len(suffix) >= 8 {
		find(suffix[:min(16, len(suffix))], -len(exact))
	}
	return out
}

// align finds, around start, the window of text most like exact: it
// allows the start to move a little and the length to change by a
// quarter, by semi-global edit distance. It returns the window and its
// similarity (1 - distance / length).
func align(exact, text []rune, start int) (int, int, float64) {
	slack := len(exact)/4 + 2
	from := max(0, start-slack)
	to := min(len(text), start+len(exact)+slack)
	if from >= to {
		return 0, 0, 0
	}
	window := text[from:to]
	// prev[j]: edit distance of exact[:i] against a substring of window
	// ending at j (free start), with the start recorded.
	m := len(window)
	prev := make([]int, m+1)
	prevStart := make([]int, m+1)
	cur := make([]int, m+1)
	curStart := make([]int, m+1)
	for j := 0; j <= m; j++ {
		prev[j], prevStart[j] = 0, j
	}
	for i := 1; i <= len(exact); i++ {
		cur[0], curStart[0] = i, 0
		for j := 1; j <= m; j++ {
			cost := 1
			if exact[i-1] == window[j-1] {
				cost = 0
			}
			d, st := prev[j-1]+cost, prevStart[j-1]
			if v := prev[j] + 1; v < d {
				d, st = v, prevStart[j]
			}
			if v := cur[j-1] + 1; v < d {
				d, st = v, curStart[j-1]
			}
			cur[j], curStart[j] = d, st
		}
		prev, cur = cur, prev
		prevStart, curStart = curStart, prevStart
	}
	bestJ := 0
	for j := 1; j <= m; j++ {
		if prev[j] < prev[bestJ] {
			bestJ = j
		}
	}
	dist := prev[bestJ]
	sim := 1 - float64(dist)/float64(len(exact))
	return from + prevStart[bestJ], from + bestJ, sim
}

// contextSimilarity compares remembered context with the text beside a
// candidate by edit distance (1 when equal, 0 when nothing is alike).
func contextSimilarity(want, got []rune) float64 {
	if len(want) == 0 {
		return 1
	}
	prev := make([]int, len(got)+1)
	cur := make([]int, len(got)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(want); i++ {
		cur[0] = i
		for j := 1; j <= len(got); j++ {
			cost := 1
			if want[i-1] == got[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return max(0, 1-float64(prev[len(got)])/float64(len(want)))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
