package search

import (
	"sort"
	"strings"
)

// Match kinds, from the weakest.
const (
	matchTypo2   = 1 // two typos (see typo.go)
	matchTypo    = 2 // one typo, in the word or in the part of it typed
	matchLetters = 3 // the query's letters in order inside the word
	matchPrefix  = 4 // the word starts with the query
	matchWhole   = 5 // the same word
)

// matchScore is what each kind of match scores: the whole word beats a
// prefix, which beats dropped letters and one typo, which beat two typos.
var matchScore = [...]int32{matchTypo2: 1, matchTypo: 2, matchLetters: 2, matchPrefix: 4, matchWhole: 6}

// maxDropped is how many letters a query word may have lost: its letters
// must stand in order within the first len+maxDropped letters of a word.
const maxDropped = 2

// maxWordMatches bounds how many vocabulary words one query word may
// match; beyond it the rarest are dropped last (a one-letter query).
const maxWordMatches = 4096

// matchWord finds the vocabulary words a query word matches, and how,
// typos included; typing says q is the last word, still being typed.
func (ix *Index) matchWord(q string, typing bool) map[uint32]uint8 {
	return ix.withTypos(q, typing, ix.matchExact(q))
}

// withTypos is the matches m of q (kept as they are) and its typos.
func (ix *Index) withTypos(q string, typing bool, m map[uint32]uint8) map[uint32]uint8 {
	out := make(map[uint32]uint8, len(m))
	for id, kind := range m {
		out[id] = kind
	}
	if len(out) < maxWordMatches {
		ix.matchTypos([]rune(q), typing, out)
	}
	return out
}

// matchExact finds the vocabulary words a query word matches without a
// typo: the same word, a longer one, or one it lost letters of.
func (ix *Index) matchExact(q string) map[uint32]uint8 {
	out := map[uint32]uint8{}
	if id, ok := ix.vocab[q]; ok {
		out[id] = matchWhole
	}
	lo := sort.Search(len(ix.sorted), func(i int) bool { return ix.text[ix.sorted[i]] >= q })
	for i := lo; i < len(ix.sorted) && strings.HasPrefix(ix.text[ix.sorted[i]], q); i++ {
		if _, ok := out[ix.sorted[i]]; !ok {
			out[ix.sorted[i]] = matchPrefix
		}
		if len(out) >= maxWordMatches {
			return out
		}
	}
	qr := []rune(q)
	if len(qr) < 3 {
		return out
	}
	for _, id := range ix.byFirst[qr[0]] {
		w := ix.runes[id]
		if len(w) <= len(qr) {
			continue
		}
		if _, ok := out[id]; ok {
			continue
		}
		if subsequence(qr, w[:min(len(w), len(qr)+maxDropped)]) {
			out[id] = matchLetters
		}
	}
	return out
}

// postingCount is how many entries use the matched words, for choosing the
// most selective query word.
func (ix *Index) postingCount(m map[uint32]uint8) int {
	n := 0
	for id := range m {
		n += len(ix.postings[id])
	}
	return n
}
