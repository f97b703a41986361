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
//  2. Otherwise each exact occurrence of the quote is a candidate. Unless
//     one of them also kept most of its surroundings (score 0.9), the
//     places where the quote's first or last words, or the end of its
//     prefix or the start of its suffix, still occur are candidates too:
//     the quote may have been edited where it stands while an untouched
//     copy of its words stands elsewhere. Around each candidate the
//     best-aligned window (edit distance, semi-global) is taken.
//  3. Each candidate is scored as Hypothesis does: similarity of the quote
//     counts 50, of the prefix 20, of the suffix 20, nearness to the old
//     position 2, divided by 92. The best candidate is taken only if its
//     quote is at least 75% similar and its score at least 0.7; otherwise
//     the annotation is an orphan. Placing a note on the wrong words is
//     worse than asking the reader to place it again, so the bar is high.
//  4. The edges of the window taken keep to words as the passage's did:
//     a passage that began at the start of a word still does when that
//     word was edited, instead of starting inside it or on the line break
//     before it.
package anchor

import (
	"strings"
	"unicode"

	"scholia/annotate"
)

// MinQuoteSimilarity and MinScore are the bars a candidate must clear.
const (
	MinQuoteSimilarity = 0.75
	MinScore           = 0.70
)

// exactEnough is the score at which an unchanged copy of the quote is
// taken without looking for an edited one: its surroundings are mostly
// those the passage had.
const exactEnough = 0.90

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
	prefix, suffix := []rune(a.Prefix), []rune(a.Suffix)
	consider := func(c int) {
		s, e, sim := align(exact, text, c)
		if sim < MinQuoteSimilarity {
			return
		}
		score := (50*sim + 20*contextSimilarity(prefix, text[max(0, s-len(prefix)):s]) +
			20*contextSimilarity(suffix, text[e:min(len(text), e+len(suffix))]) +
			2*(1-float64(abs(s-a.Start))/float64(max(len(text), 1)))) / 92
		if score >= MinScore && (best.Orphan || score > best.Score) {
			ns, ne := snap(text, s, e, exact, prefix, suffix)
			n, err := annotate.NewAnchor(text, ns, ne)
			if err == nil {
				best = Result{Anchor: n, Score: score}
			}
		}
	}
	found := &finder{t: t, seen: map[int]bool{}}
	for _, c := range found.occurrences(exact) {
		consider(c)
	}
	if !best.Orphan && best.Score >= exactEnough {
		return best
	}
	for _, c := range found.near(exact, prefix, suffix) {
		consider(c)
	}
	return best
}

// finder gathers the positions in the text where a passage may start, each
// once, at most about 200.
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
		if i < 0 || len(f.out) > 200 {
			return
		}
		if p := int(f.t.runeAt[from+i]) + shift; p >= 0 && p <= len(f.t.runes) && !f.seen[p] {
			f.seen[p] = true
			f.out = append(f.out, p)
		}
		from += i + len(n)
	}
}

// occurrences are the places where the quote stands unchanged.
func (f *finder) occurrences(exact []rune) []int {
	f.find(exact, 0)
	return f.out
}

// near are the other places: where the quote's first or last 16 code
// points, or the end of its prefix or the start of its suffix, stand.
func (f *finder) near(exact, prefix, suffix []rune) []int {
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
	return f.out[from:]
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

// snap moves the edges of the window [s, e) found for exact to where the
// passage's edges were: when the passage began at the start of a word, the
// window does too, not on the space or line break before an edited first
// word nor inside it; when it ended at the end of a word, so does the
// window. (align never ends a window on a break: dropping it costs no
// more.) An edge moves at most a quarter of the passage.
func snap(text []rune, s, e int, exact, prefix, suffix []rune) (int, int) {
	limit := len(exact)/4 + 2
	if wordStart(exact, prefix) {
		for n := 0; n < limit && s < e && !inWord(text[s]); n++ {
			s++
		}
		for n := 0; n < limit && s > 0 && s < e && inWord(text[s-1]) && inWord(text[s]); n++ {
			s--
		}
	}
	if wordEnd(exact, suffix) {
		for n := 0; n < limit && e > s && e < len(text) && inWord(text[e]) && inWord(text[e-1]); n++ {
			e++
		}
	}
	return s, e
}

// wordStart says whether the passage began at the start of a word.
func wordStart(exact, prefix []rune) bool {
	return inWord(exact[0]) && (len(prefix) == 0 || !inWord(prefix[len(prefix)-1]))
}

// wordEnd says whether the passage ended at the end of a word.
func wordEnd(exact, suffix []rune) bool {
	return inWord(exact[len(exact)-1]) && (len(suffix) == 0 || !inWord(suffix[0]))
}

func inWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

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
