package search

import (
	"context"
	"math/bits"
)

// # Results holding most of the words
//
// A person who types or pastes a long question ("who decides when the
// time is appropriate for consultations at the technical level") wants
// the notes holding most of its words, not "Nothing matches" because one
// word is in none of them. So when the entries holding every word (typos
// forgiven) are fewer than asked for, and the query has three free words
// or more, the entries holding only some of them follow, those holding
// more words first, as Meilisearch's "words" ranking rule and matching
// strategy do, and Elasticsearch's minimum_should_match on a match query:
// of two holding as many, the one holding the rarer words (weighted like
// an inverse document frequency), then the one matching them better. A
// query of one or two free words still needs every word: dropping one
// would leave a single word. Filters and "phrases" always hold.
//
// Finding them walks the postings of the query's words as the all-words
// walk does, without needing each entry to hold the earlier words. A word
// used by more than a tenth of the entries (of a library of ten thousand
// or more) is not walked, as Elasticsearch's common-terms cutoff_frequency
// does: "the" or "at" alone makes no result, and walking its postings
// would cost more than the rest of the search. It is counted on the
// entries the rarer words found, read from their own words: on the few
// hundred holding most rare words, the likeliest to rank first, so that a
// pasted passage over a hundred thousand notes costs about a millisecond
// more than finding the passage itself.

// minPartialWords is how many free words a query needs before entries
// holding only some of them are shown.
const minPartialWords = 3

// A word matching more than one posting in commonShare, and more than
// commonFloor, is only counted on the best entries found through rarer
// words: at least commonPool of them, and commonPerResult per result
// asked for.
const (
	commonShare     = 10
	commonFloor     = 1000
	commonPool      = 256
	commonPerResult = 8
)

// searchPartial finds at most limit entries that hold some, but not all,
// of the query's words (the entries of have hold them all), those holding
// more words first.
func (ix *Index) searchPartial(ctx context.Context, q Query, words []string, typing string, have []Result, limit int) ([]Result, error) {
	matches, err := ix.matchWords(ctx, words, typing, true, false)
	if err != nil {
		return nil, err
	}
	cutoff := max(commonFloor, len(ix.alive)/commonShare)
	rarity := make([]int32, len(words))
	var rare, common []int
	for i := range words {
		n := ix.postingCount(matches[i])
		switch {
		case n == 0:
			continue
		case n > cutoff:
			common = append(common, i)
		default:
			rare = append(rare, i)
		}
		rarity[i] = int32(bits.Len(uint(len(ix.alive)/(n+1)))) + 1
	}
	if len(rare) == 0 {
		return nil, nil
	}
	a := &ix.acc
	base := a.reset(len(ix.alive), len(rare)+len(common))
	found, err := ix.walkRare(ctx, base, rare, matches, rarity)
	if err != nil {
		return nil, err
	}
	shown := make(map[int32]bool, len(have))
	for _, r := range have {
		if n, ok := ix.find(r.ID); ok {
			shown[n] = true
		}
	}
	filtered := q.filtered()
	kept := found[:0]
	for _, n := range found {
		if !shown[n] && ix.alive[n] && (!filtered || ix.passesAll(n, q)) {
			kept = append(kept, n)
		}
	}
	if len(common) > 0 {
		kept = ix.bestHolders(kept, len(rare), max(commonPool, commonPerResult*limit))
		for k, i := range common {
			a.touched = a.touched[:0]
			ix.scanCandidates(kept, matches[i], base+uint32(len(rare)+k)+1)
			for _, n := range a.touched {
				a.words[n]++
				a.score[n] += a.wbest[n] * rarity[i]
			}
		}
	}
	byCount := make([][]candidate, len(words))
	for _, n := range kept {
		byCount[a.words[n]] = append(byCount[a.words[n]], candidate{entry: n, score: int(a.score[n])})
	}
	var out []Result
	for held := len(words) - 1; held > 0 && len(out) < limit; held-- {
		if len(byCount[held]) > 0 {
			out = append(out, ix.top(words, matches, byCount[held], limit-len(out))...)
		}
	}
	return out, nil
}

// walkRare walks the postings of the query words rare and returns the
// entries holding any of them, counting in the accumulator how many each
// holds and scoring each word's best match by its rarity.
func (ix *Index) walkRare(ctx context.Context, base uint32, rare []int, matches []map[uint32]uint8, rarity []int32) ([]int32, error) {
	a := &ix.acc
	var found []int32
	visited := 0
	for k, i := range rare {
		wg := base + uint32(k) + 1
		a.touched = a.touched[:0]
		for id, kind := range matches[i] {
			for _, p := range ix.postings[id] {
				n := p.entry()
				if a.seen[n] != base {
					a.seen[n], a.words[n], a.score[n] = base, 0, 0
					found = append(found, n)
				}
				f := p.field()
				a.note(n, wg, matchScore[kind]*ix.weight(n, f), f)
			}
			if visited += len(ix.postings[id]); visited > 1<<16 {
				visited = 0
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
			}
		}
		for _, n := range a.touched {
			a.words[n]++
			a.score[n] += a.wbest[n] * rarity[i]
		}
	}
	return found, nil
}

// bestHolders keeps at most n of the entries found, those holding the
// most rare words (of at most words), then scoring best.
func (ix *Index) bestHolders(found []int32, words, n int) []int32 {
	if len(found) <= n {
		return found
	}
	a := &ix.acc
	byCount := make([]int, words+1)
	for _, e := range found {
		byCount[a.words[e]]++
	}
	cut, above := words, 0
	for ; cut > 0 && above+byCount[cut] < n; cut-- {
		above += byCount[cut]
	}
	out := make([]int32, 0, n)
	var tied []candidate
	for _, e := range found {
		switch held := int(a.words[e]); {
		case held > cut:
			out = append(out, e)
		case held == cut:
			tied = append(tied, candidate{entry: e, score: int(a.score[e])})
		}
	}
	for _, c := range ix.bestCandidates(tied, n-len(out)) {
		out = append(out, c.entry)
	}
	return out
}

// freeWords is how many of the query's distinct words stand outside its
// phrases.
func freeWords(q Query, ws []string) int {
	inPhrase := map[string]bool{}
	for _, p := range q.Phrases {
		words(p, func(w string, _ span) { inPhrase[w] = true })
	}
	n := 0
	for _, w := range ws {
		if !inPhrase[w] {
			n++
		}
	}
	return n
}
