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
	wordBytes(text, func(w []byte, s span) { fn(string(w), s) })
}

// wordBytes is words without a string per word: w is only valid during the
// call. ASCII, most of any text, takes a fast path.
func wordBytes(text string, fn func(w []byte, s span)) {
	start := -1
	lower := make([]byte, 0, 32)
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		inWord := false
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			inWord = true
		case c >= 'A' && c <= 'Z':
			inWord, r = true, r+('a'-'A')
		case c >= utf8.RuneSelf:
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
			r = unicode.ToLower(r)
		}
		if inWord {
			if start < 0 {
				start = i
				lower = lower[:0]
			}
			lower = utf8.AppendRune(lower, r)
		} else if start >= 0 {
			fn(lower, span{start, i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(lower, span{start, len(text)})
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
