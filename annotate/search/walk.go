package search

import (
	"context"
	"sort"
)

// The walk finds and scores the entries that hold every query word: it
// walks the postings of the vocabulary words each query word matches, the
// most selective query word first, scoring each entry by how well and in
// which fields its words matched (see the package comment).

// filterAll answers a query of filters and phrases only.
func (ix *Index) filterAll(ctx context.Context, q Query) ([]candidate, error) {
	var cands []candidate
	for n := range ix.alive {
		if n%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if ix.alive[n] && ix.passesAll(int32(n), q) {
			cands = append(cands, candidate{entry: int32(n), score: len(q.Phrases) * sameFieldBonus})
		}
	}
	return cands, nil
}

// walk scores the entries that match every query word by walking the
// postings of the words each query word matches, most selective first;
// later query words only visit entries every earlier one reached.
func (ix *Index) walk(ctx context.Context, q Query, matches []map[uint32]uint8) ([]candidate, error) {
	order := make([]int, len(matches))
	counts := make([]int, len(matches))
	for i := range order {
		order[i], counts[i] = i, ix.postingCount(matches[i])
	}
	sort.SliceStable(order, func(a, b int) bool { return counts[order[a]] < counts[order[b]] })
	a := &ix.acc
	base := a.reset(len(ix.alive), len(matches))
	visited := 0
	avg := ix.total/max(len(ix.alive), 1) + 1
	var prev []int32
	for k, i := range order {
		wg := base + uint32(k) + 1
		prev, a.touched = a.touched, prev[:0]
		if k > 0 && len(prev)*avg < counts[i] {
			ix.scanCandidates(prev, matches[i], wg)
		} else {
			visited = ix.walkWord(ctx, k, matches[i], base, wg, visited)
			if visited < 0 {
				return nil, ctx.Err()
			}
		}
		for _, n := range a.touched {
			a.words[n]++
			a.score[n] += a.wbest[n]
			a.fields[n] &= a.wfields[n]
		}
	}
	var cands []candidate
	filtered := q.filtered()
	for _, n := range a.touched {
		if !ix.alive[n] || filtered && !ix.passesAll(n, q) {
			continue
		}
		score := int(a.score[n]) + len(q.Phrases)*sameFieldBonus
		if len(matches) > 1 && a.fields[n] != 0 {
			score += sameFieldBonus
		}
		cands = append(cands, candidate{entry: n, score: score})
	}
	return cands, nil
}

// weight is how much a match in field f of entry n counts.
func (ix *Index) weight(n int32, f Field) int32 {
	if ix.isDoc[n] && f == FieldTitle {
		return int32(fieldWeight[FieldQuote]) // a document's title is what it is about
	}
	return int32(fieldWeight[f])
}

// note records that query word (stamp wg) matched entry n in field f with
// score s.
func (a *accumulator) note(n int32, wg uint32, s int32, f Field) {
	if a.wgen[n] != wg {
		a.wgen[n], a.wbest[n], a.wfields[n] = wg, s, 1<<f
		a.touched = append(a.touched, n)
		return
	}
	a.wbest[n] = max(a.wbest[n], s)
	a.wfields[n] |= 1 << f
}

// scanCandidates checks the candidates left by the earlier query words on
// their own words: cheaper than walking the postings of a word that many
// entries use (a query word still being typed, "s").
func (ix *Index) scanCandidates(cands []int32, m map[uint32]uint8, wg uint32) {
	t := &ix.table
	t.reset(len(ix.text))
	for id, kind := range m {
		t.stamp[id], t.kind[id] = t.gen, kind
	}
	stamp, kinds := t.stamp, t.kind
	for _, n := range cands {
		for _, tok := range ix.forward[n] {
			id := tok >> fieldBits
			if stamp[id] != t.gen {
				continue
			}
			f := Field(tok & (1<<fieldBits - 1))
			ix.acc.note(n, wg, matchScore[kinds[id]]*ix.weight(n, f), f)
		}
	}
}

// walkWord walks the postings of the words query word k matches; it
// returns the running count of postings visited, or -1 when ctx was
// cancelled.
func (ix *Index) walkWord(ctx context.Context, k int, m map[uint32]uint8, base, wg uint32, visited int) int {
	a := &ix.acc
	for id, kind := range m {
		for _, p := range ix.postings[id] {
			n := p.entry()
			if k == 0 {
				if a.seen[n] != base {
					a.seen[n], a.words[n], a.score[n], a.fields[n] = base, 0, 0, 0xff
				}
			} else if a.seen[n] != base || int(a.words[n]) != k {
				continue
			}
			f := p.field()
			a.note(n, wg, matchScore[kind]*ix.weight(n, f), f)
		}
		if visited += len(ix.postings[id]); visited > 1<<16 {
			visited = 0
			if ctx.Err() != nil {
				return -1
			}
		}
	}
	return visited
}
