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
//     best-aligned window (edit distance, semi-global) is taken, found by
//     Myers' bit-parallel search (64 rows of the table per machine word,
//     only the blocks of rows that can still hold a distance within the
//     bound: Ukkonen's cut-off), as Hypothesis' approx-string-match does.
//     The bound is a quarter of the quote, and tightens to what could
//     still beat the best candidate so far.
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
//
// # What it costs
//
// The work is bounded by what it costs, not by how many candidates there
// are: every cell of an edit-distance table computed and every code point
// compared is charged to a budget (Budget: 20-30 ms of one core however
// long the passage and however often its first words occur; see
// docs/PERFORMANCE.md). Gathering candidates is a pass over the text per
// needle. Exact occurrences are tried nearest the old position first; the
// other candidates of a long quote are tried in order of how many of 16
// pieces of the quote stand where they would if the passage started there,
// so the place where it was edited comes before the hundreds of places that
// merely share its first words. When the budget runs out the best
// placement found so far is returned, or an orphan, marked Unfinished: the
// annotation is never lost, at worst the reader places it again. A passage
// too long to align within the budget (tens of thousands of code points)
// is found only where it stands unchanged.
package anchor

import (
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
	// Unfinished says the budget ran out before every place the passage
	// might stand was tried: Anchor is the best found, or it is an orphan.
	Unfinished bool
}

// Text is a changed text prepared for finding many passages in it.
type Text struct {
	runes  []rune
	s      string
	runeAt []int32 // byte offset in s -> code point offset
	byteAt []int32 // code point offset -> byte offset in s
}

// NewText prepares text (code points) once for all the annotations of a
// document.
func NewText(text []rune) *Text {
	t := &Text{runes: text, s: string(text)}
	t.runeAt = make([]int32, len(t.s)+1)
	t.byteAt = make([]int32, 0, len(text)+1)
	count := int32(0)
	for i := 0; i < len(t.s); i++ {
		t.runeAt[i] = count
		if t.s[i]&0xC0 != 0x80 {
			t.byteAt = append(t.byteAt, int32(i))
			count++
		}
	}
	t.runeAt[len(t.s)] = count
	t.byteAt = append(t.byteAt, int32(len(t.s)))
	return t
}

// Reanchor finds a in text (code points); for many anchors in one text,
// use NewText once and its Reanchor.
func Reanchor(a annotate.Anchor, text []rune) Result { return NewText(text).Reanchor(a) }

// Budget is the work one re-anchoring may do, in cells of the
// edit-distance tables it computes (a step of Myers' search computes 64 at
// once) and code points it compares: 20-30 ms of one core on the machine of
// docs/PERFORMANCE.md, however long the passage and however often its
// first words occur.
const Budget = 200_000_000

// Reanchor finds a in the text, within Budget.
func (t *Text) Reanchor(a annotate.Anchor) Result { return t.ReanchorWithin(a, Budget) }

// ReanchorWithin finds a in the text doing at most about budget work (see
// Budget). When the budget runs out before every candidate was tried, the
// best placement found so far is returned, or an orphan: the annotation is
// never lost, at worst it asks to be placed again.
func (t *Text) ReanchorWithin(a annotate.Anchor, budget int) Result {
	text := t.runes
	exact := []rune(a.Exact)
	if len(exact) == 0 {
		return Result{Orphan: true}
	}
	if a.Start >= 0 && a.End <= len(text) && a.End-a.Start == len(exact) && string(text[a.Start:a.End]) == a.Exact {
		return Result{Anchor: a, Score: 1}
	}
	s := &search{t: t, a: a, exact: exact, prefix: []rune(a.Prefix), suffix: []rune(a.Suffix), left: budget, best: Result{Orphan: true}}
	found := &finder{t: t, seen: map[int]bool{}}
	occurrences := found.occurrences(exact, a.Start)
	for i, c := range occurrences {
		if !s.score(c, c+len(exact), 1) {
			done := i+1 == len(occurrences) && !s.best.Orphan && s.best.Score >= exactEnough
			return s.result(!done)
		}
	}
	if !s.best.Orphan && s.best.Score >= exactEnough {
		return s.best
	}
	near := found.near(exact, s.prefix, s.suffix, &s.left)
	for i, c := range near {
		if !s.consider(c) {
			return s.result(i+1 < len(near) || s.left < 0)
		}
	}
	return s.best
}

// result is the best placement found, unfinished if places were left
// untried.
func (s *search) result(unfinished bool) Result {
	r := s.best
	r.Unfinished = unfinished
	return r
}

// search is one re-anchoring: the passage sought, the best placement so
// far and the work left.
type search struct {
	t                     *Text
	a                     annotate.Anchor
	exact, prefix, suffix []rune
	fwd, rev              *pattern
	left                  int
	best                  Result
}

// consider aligns the passage around candidate c and scores the window
// found; it reports false when the budget has run out.
func (s *search) consider(c int) bool {
	if s.left <= 0 {
		return false
	}
	// Only a window close enough to beat the best so far is worth finding:
	// the quote counts 50 of 92, its context and nearness at most 42.
	need := MinQuoteSimilarity
	if !s.best.Orphan {
		need = max(need, (s.best.Score*92-42)/50)
	}
	m := len(s.exact)
	maxErr := int((1-need)*float64(m) + 1e-9)
	if maxErr < 0 {
		return true
	}
	if s.fwd == nil {
		s.fwd, s.rev = newPattern(s.exact), newPattern(reversed(s.exact))
	}
	start, end, dist, cost := align(s.fwd, s.rev, s.t.runes, c, maxErr, s.left)
	s.left -= cost
	if end < 0 {
		return s.left > 0
	}
	return s.score(start, end, 1-float64(dist)/float64(m))
}

// score scores the window [start, end) whose quote similarity is sim and
// keeps it if it is the best so far; it reports false when the budget has
// run out.
func (s *search) score(start, end int, sim float64) bool {
	text := s.t.runes
	before := text[max(0, start-len(s.prefix)):start]
	after := text[end:min(len(text), end+len(s.suffix))]
	s.left -= len(s.prefix)*len(before) + len(s.suffix)*len(after) + 1
	score := (50*sim + 20*contextSimilarity(s.prefix, before) + 20*contextSimilarity(s.suffix, after) +
		2*(1-float64(abs(start-s.a.Start))/float64(max(len(text), 1)))) / 92
	if sim >= MinQuoteSimilarity && score >= MinScore && (s.best.Orphan || score > s.best.Score) {
		ns, ne := snap(text, start, end, s.exact, s.prefix, s.suffix)
		if n, err := annotate.NewAnchor(text, ns, ne); err == nil {
			s.best = Result{Anchor: n, Score: score}
		}
	}
	return s.left > 0
}

// align finds, around start, the window of text most like the quote
// (fwd; rev is it backwards): it allows the start to move a little and the
// length to change by a quarter, by semi-global edit distance, at most
// maxErr, computing at most about limit cells. It returns the window and
// its distance, end -1 when no window is within maxErr or the limit was
// reached, and the cells computed.
func align(fwd, rev *pattern, text []rune, start, maxErr, limit int) (s, e, dist, cost int) {
	m := fwd.m
	slack := m/4 + 2
	from := max(0, start-slack)
	to := min(len(text), start+m+slack)
	if from >= to {
		return 0, -1, 0, 1
	}
	end, dist, steps := fwd.scan(text[from:to], maxErr, false, false, limit/wordBits+1)
	cost = steps * wordBits
	if end < 0 {
		return 0, -1, 0, cost
	}
	end += from
	// The start: the longest window ending there as close as that.
	lo := max(from, end-m-dist)
	back, _, steps := rev.scan(reversed(text[lo:end]), dist, true, true, (limit-cost)/wordBits+1)
	cost += steps * wordBits
	if back < 0 {
		return 0, -1, 0, cost
	}
	return end - back, end, dist, cost
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
