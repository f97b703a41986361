package search

import (
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Rank ranks short texts, such as the titles the library list filters,
// apart from the index: it returns the indexes of the texts that match
// query, best first. Every
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
