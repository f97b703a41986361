package search

import (
	"context"
	"sort"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Result is an entry found, with its score and, per field, the byte
// offsets of the characters that matched (for showing them in bold).
type Result struct {
	Entry
	Score   int
	Matched [numFields][]int
}

// sameFieldBonus rewards all query words found in one field.
const sameFieldBonus = 30

// candidate is an entry being ranked.
type candidate struct {
	entry int32
	score int
	fuzz  int
}

// Search answers a query with at most limit results, best first. It stops
// early, returning ctx's error, when ctx is cancelled (a newer keystroke).
func (ix *Index) Search(ctx context.Context, query string, limit int) ([]Result, error) {
	q := Parse(query)
	if q.Empty() || limit <= 0 {
		return nil, nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.sortVocab()

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	matches := make([]map[uint32]uint8, len(q.Words))
	for i, w := range q.Words {
		matches[i] = ix.matchWord(w)
		if len(matches[i]) == 0 {
			return nil, nil
		}
	}
	var cands []candidate
	check := func(n int32) {
		if c, ok := ix.rank(n, q, matches); ok {
			cands = append(cands, c)
		}
	}
	if len(q.Words) == 0 {
		for n := range ix.entries {
			if n%4096 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			check(int32(n))
		}
	} else {
		best := 0
		for i := range matches {
			if ix.postingCount(matches[i]) < ix.postingCount(matches[best]) {
				best = i
			}
		}
		ix.gen++
		seen := 0
		for id := range matches[best] {
			for _, n := range ix.postings[id] {
				if ix.stamp[n] == ix.gen {
					continue
				}
				ix.stamp[n] = ix.gen
				check(n)
				if seen++; seen%4096 == 0 && ctx.Err() != nil {
					return nil, ctx.Err()
				}
			}
		}
	}
	return ix.top(q, matches, cands, limit), nil
}

// rank scores entry n for the query; ok is false when it does not match.
func (ix *Index) rank(n int32, q Query, matches []map[uint32]uint8) (candidate, bool) {
	e := &ix.entries[n]
	if !e.alive || !passes(&e.Entry, q) {
		return candidate{}, false
	}
	var perField [numFields]int
	score := 0
	for i := range q.Words {
		best := 0
		var fields uint8
		for _, p := range e.words {
			m, ok := matches[i][p.word()]
			if !ok {
				continue
			}
			fields |= 1 << p.field()
			w := fieldWeight[p.field()]
			if e.Document && p.field() == FieldTitle {
				w = fieldWeight[FieldQuote] // a document's title is what it is about
			}
			if s := int(m) * w; s > best {
				best = s
			}
		}
		if best == 0 {
			return candidate{}, false
		}
		score += best
		for f := Field(0); f < numFields; f++ {
			if fields&(1<<f) != 0 {
				perField[f]++
			}
		}
	}
	for _, p := range q.Phrases {
		if !containsPhrase(&e.Entry, p) {
			return candidate{}, false
		}
		score += sameFieldBonus
	}
	if len(q.Words) > 1 {
		for f := Field(0); f < numFields; f++ {
			if perField[f] == len(q.Words) {
				score += sameFieldBonus
				break
			}
		}
	}
	return candidate{entry: n, score: score}, true
}

// passes applies the filters.
func passes(e *Entry, q Query) bool {
	if e.Document {
		return !q.filtersAnnotations() && (q.In == "" || strings.Contains(strings.ToLower(e.Fields[FieldTitle]), q.In))
	}
	switch {
	case q.Kind != "" && string(e.Kind) != q.Kind,
		q.Status != "" && string(e.Status) != q.Status,
		q.Colour != "" && string(e.Colour) != q.Colour,
		q.In != "" && !strings.Contains(strings.ToLower(e.Fields[FieldTitle]), q.In):
		return false
	}
	if q.Tag != "" {
		for _, t := range e.Tags {
			if strings.EqualFold(t, q.Tag) {
				return true
			}
		}
		return false
	}
	return true
}

func containsPhrase(e *Entry, p string) bool {
	for _, f := range e.Fields {
		if strings.Contains(strings.ToLower(f), p) {
			return true
		}
	}
	return false
}

// top orders the candidates and returns the first limit with their
// matched characters. Candidates tied near the cut are ordered by
// sahilm/fuzzy's score of their matched words, then by recency.
func (ix *Index) top(q Query, matches []map[uint32]uint8, cands []candidate, limit int) []Result {
	recent := func(a, b candidate) bool {
		return ix.entries[a.entry].Modified.After(ix.entries[b.entry].Modified)
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return recent(cands[i], cands[j])
	})
	// Rescore with fuzzy the candidates that can still make the cut.
	end := min(len(cands), limit)
	if end > 0 {
		cut := cands[end-1].score
		for end < len(cands) && cands[end].score == cut && end < limit*8 {
			end++
		}
	}
	pool := cands[:end]
	results := make([]Result, len(pool))
	for i := range pool {
		e := &ix.entries[pool[i].entry]
		results[i] = Result{Entry: e.Entry, Score: pool[i].score}
		pool[i].fuzz = ix.highlight(&results[i], q, matches)
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
		return recent(ca, cb)
	})
	out := make([]Result, 0, min(limit, len(order)))
	for _, i := range order[:min(limit, len(order))] {
		out = append(out, results[i])
	}
	return out
}

// highlight finds, with sahilm/fuzzy, the characters of r's fields that
// match the query's words, and returns the sum of fuzzy's scores.
func (ix *Index) highlight(r *Result, q Query, matches []map[uint32]uint8) int {
	total := 0
	for f := Field(0); f < numFields; f++ {
		text := r.Fields[f]
		if text == "" {
			continue
		}
		words(text, func(w string, s span) {
			id, ok := ix.vocab[w]
			if !ok {
				return
			}
			for i, qw := range q.Words {
				if _, hit := matches[i][id]; !hit {
					continue
				}
				found := fuzzy.Find(qw, []string{text[s.start:s.end]})
				if len(found) == 0 {
					continue
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
