// Package search finds things by what a person remembers of them, typos and
// all. It is the only package that imports sahilm/fuzzy. For now it ranks
// short texts such as document titles; the full index over every
// annotation arrives with issue 5.
package search

import (
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Rank returns the indexes of the texts that match query, best first. Every
// word of the query must match (fuzzily, in any order); an empty query
// keeps every text in its order.
func Rank(query string, texts []string) []int {
	words := strings.Fields(query)
	if len(words) == 0 {
		all := make([]int, len(texts))
		for i := range all {
			all[i] = i
		}
		return all
	}
	score := make([]int, len(texts))
	hits := make([]int, len(texts))
	for _, w := range words {
		for _, m := range fuzzy.Find(w, texts) {
			hits[m.Index]++
			score[m.Index] += m.Score
		}
	}
	var out []int
	for i, n := range hits {
		if n == len(words) {
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return score[out[a]] > score[out[b]] })
	return out
}
