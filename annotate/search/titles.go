package search

import (
	"sort"
	"strings"
)

// Rank ranks short texts, such as the titles, bylines and sites the
// library list filters, apart from the index: it returns the indexes of
// the texts that match query, best first, ties in their order. Every word
// of the query must match a word of the text, in any order, by the rules
// of a search (see typo.go and matchExact): the same word, a word it
// starts, one it lost letters of, or one within the typo bound of its
// length; the last word, still being typed, also a word starting within
// one edit of it. Letters scattered across words do not match: "rubio"
// finds "Rubio Engages…", not "Web Annotation Data Model". An empty query
// keeps every text in its order.
func Rank(query string, texts []string) []int {
	var qs [][]rune
	words(query, func(w string, _ span) { qs = append(qs, []rune(w)) })
	if len(qs) == 0 {
		all := make([]int, len(texts))
		for i := range all {
			all[i] = i
		}
		return all
	}
	var out []int
	score := make([]int, len(texts))
	for i, text := range texts {
		var ws [][]rune
		words(text, func(w string, _ span) { ws = append(ws, []rune(w)) })
		total := 0
		for k, q := range qs {
			best := 0
			for _, w := range ws {
				best = max(best, wordMatch(q, w, k == len(qs)-1))
			}
			if best == 0 {
				total = -1
				break
			}
			total += best
		}
		if total > 0 {
			score[i] = total
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return score[out[a]] > score[out[b]] })
	return out
}

// wordMatch scores how query word q matches text word w, both lower case:
// 0 for not at all, more for a closer match. typing says q is the last
// word of the query.
func wordMatch(q, w []rune, typing bool) int {
	switch {
	case string(q) == string(w):
		return 6
	case strings.HasPrefix(string(w), string(q)):
		return 5
	case len(q) >= 3 && len(w) > len(q) && subsequence(q, w[:min(len(w), len(q)+maxDropped)]):
		return 4
	}
	if len(q) > maxTypoLetters {
		return 0
	}
	bound := min(typoBound(len(q)), typoBound(len(w)))
	if abs(len(q)-len(w)) <= bound {
		if d := osa(q, w); d > 0 && d <= bound {
			return 4 - d
		}
	}
	if k := prefixTypoBound(len(q)); typing && k > 0 {
		for n := len(q) - k; n <= min(len(w), len(q)+k); n++ {
			if n > 0 && osa(q, w[:n]) <= k {
				return 1
			}
		}
	}
	return 0
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
