package search

import (
	"unicode"
	"unicode/utf8"
)

// span is a word of a text: bytes [start, end).
type span struct{ start, end int }

// words splits text into words (runs of letters, digits and marks) and
// calls fn with each, lower-cased, and its byte span.
func words(text string, fn func(w string, s span)) {
	start := -1
	lower := make([]byte, 0, 32)
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if start < 0 {
				start = i
				lower = lower[:0]
			}
			lower = utf8.AppendRune(lower, unicode.ToLower(r))
			continue
		}
		if start >= 0 {
			fn(string(lower), span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		fn(string(lower), span{start, len(text)})
	}
}

// subsequence says whether q's runes appear in w in order, w starting with
// q's first rune.
func subsequence(q, w []rune) bool {
	if len(q) == 0 || len(w) == 0 || q[0] != w[0] {
		return false
	}
	i := 1
	for _, r := range w[1:] {
		if i < len(q) && r == q[i] {
			i++
		}
	}
	return i == len(q)
}
