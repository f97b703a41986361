package search

import (
	"container/heap"
	"sort"

	"github.com/sahilm/fuzzy"
)

// top orders the candidates and returns the first limit with their
// matched characters. Candidates tied near the cut are ordered by
// sahilm/fuzzy's score of their matched words, then by recency.
func (ix *Index) top(words []string, matches []map[uint32]uint8, cands []candidate, limit int) []Result {
	pool := ix.bestCandidates(cands, limit*2)
	sort.Slice(pool, func(i, j int) bool {
		if pool[i].score != pool[j].score {
			return pool[i].score > pool[j].score
		}
		return ix.newer(pool[i], pool[j])
	})
	if ix.bare {
		return ix.bareResults(pool[:min(limit, len(pool))])
	}
	results := make([]Result, len(pool))
	for i := range pool {
		results[i] = Result{Entry: ix.entryOut(pool[i].entry), Score: pool[i].score}
		pool[i].fuzz = ix.highlight(&results[i], words, matches)
	}
	order := make([]int, len(pool))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := pool[order[a]], pool[order[b]]
		if ca.score != cb.score {
			return ca.score > cb.score
		}
		if ca.fuzz != cb.fuzz {
			return ca.fuzz > cb.fuzz
		}
		return ix.newer(ca, cb)
	})
	out := make([]Result, 0, min(limit, len(order)))
	for _, i := range order[:min(limit, len(order))] {
		out = append(out, results[i])
	}
	return out
}

// bestCandidates keeps the n best candidates, the most recent of those
// tied at the cut, without sorting the rest: scores are small integers, so
// counting finds the cut, and a bounded heap picks the most recent ties.
func (ix *Index) bestCandidates(cands []candidate, n int) []candidate {
	if len(cands) <= n {
		return cands
	}
	maxScore := 0
	for _, c := range cands {
		maxScore = max(maxScore, c.score)
	}
	count := make([]int, maxScore+1)
	for _, c := range cands {
		count[c.score]++
	}
	cut, kept := maxScore, 0
	for ; cut > 0 && kept+count[cut] < n; cut-- {
		kept += count[cut]
	}
	out := make([]candidate, 0, n)
	ties := &recentHeap{ix: ix}
	room := n - kept
	for _, c := range cands {
		switch {
		case c.score > cut:
			out = append(out, c)
		case c.score == cut:
			if ties.Len() < room {
				heap.Push(ties, c)
			} else if ix.newer(c, ties.c[0]) {
				ties.c[0] = c
				heap.Fix(ties, 0)
			}
		}
	}
	return append(out, ties.c...)
}

// newer says whether a was changed after b; of two changed at the same
// moment (imported together), the one indexed last counts as newer, so
// equal results always come in one order.
func (ix *Index) newer(a, b candidate) bool {
	ta, tb := ix.modified(a.entry), ix.modified(b.entry)
	if ta != tb {
		return ta > tb
	}
	return a.entry > b.entry
}

// recentHeap holds candidates with the oldest on top.
type recentHeap struct {
	ix *Index
	c  []candidate
}

func (h *recentHeap) Len() int           { return len(h.c) }
func (h *recentHeap) Less(i, j int) bool { return h.ix.newer(h.c[j], h.c[i]) }
func (h *recentHeap) Swap(i, j int)      { h.c[i], h.c[j] = h.c[j], h.c[i] }
func (h *recentHeap) Push(x any)         { h.c = append(h.c, x.(candidate)) }
func (h *recentHeap) Pop() any {
	x := h.c[len(h.c)-1]
	h.c = h.c[:len(h.c)-1]
	return x
}

// highlight finds, with sahilm/fuzzy, the characters of r's fields that
// match the query's words (words[i] matched the vocabulary words in
// matches[i]), and returns the sum of fuzzy's scores. A word of the text is
// bolded for the query word that matched it best: "three" is bolded whole
// for "three", not as the letters of "the" typed before it.
func (ix *Index) highlight(r *Result, words []string, matches []map[uint32]uint8) int {
	total := 0
	var hits []int
	for f := Field(0); f < numFields; f++ {
		text := r.Fields[f]
		if text == "" {
			continue
		}
		wordBytes(text, func(w []byte, s span) {
			id, ok := ix.vocab[string(w)]
			if !ok {
				return
			}
			hits = ix.hitsOf(id, matches, hits[:0])
			for _, i := range hits {
				found := fuzzy.Find(words[i], []string{text[s.start:s.end]})
				if len(found) == 0 {
					if matches[i][id] > matchTypo {
						continue
					}
					for _, k := range typoBold(words[i], text[s.start:s.end]) {
						r.Matched[f] = append(r.Matched[f], s.start+k)
					}
					return
				}
				total += found[0].Score
				for _, k := range found[0].MatchedIndexes {
					r.Matched[f] = append(r.Matched[f], s.start+k)
				}
				return
			}
		})
	}
	return total
}

// hitsOf appends to hits the query words that matched vocabulary word id,
// the best match first, in the order typed among equals.
func (ix *Index) hitsOf(id uint32, matches []map[uint32]uint8, hits []int) []int {
	for i, m := range matches {
		kind := m[id]
		if kind == 0 {
			continue
		}
		at := len(hits)
		for at > 0 && matches[hits[at-1]][id] < kind {
			at--
		}
		hits = append(hits, 0)
		copy(hits[at+1:], hits[at:])
		hits[at] = i
	}
	return hits
}
