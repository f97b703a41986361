package search

import (
	"container/heap"
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"scholia/annotate"
)

// Result is an entry found, with its score and, per field, the byte
// offsets of the characters that matched (for showing them in bold).
type Result struct {
	Entry
	Score   int
	Matched [numFields][]int
}

// sameFieldBonus rewards all query words found in one field.
const sameFieldBonus = 60

// candidate is an entry being ranked.
type candidate struct {
	entry int32
	score int
	fuzz  int
}

// Search answers a query with at most limit results, best first. It stops
// early, returning ctx's error, when ctx is cancelled (a newer keystroke).
func (ix *Index) Search(ctx context.Context, query string, limit int) ([]Result, error) {
	return ix.search(ctx, query, limit, false)
}

// SearchIDs is Search for a caller that needs only which entries are
// found, in order (an export of a search's annotations): each result holds
// only the entry's ID, DocID, Document and Score, and results of equal
// score are in the order of recency, without the texts read and matched
// again for the characters in bold. It reads a hundred thousand results
// in a fraction of the time.
func (ix *Index) SearchIDs(ctx context.Context, query string, limit int) ([]Result, error) {
	return ix.search(ctx, query, limit, true)
}

func (ix *Index) search(ctx context.Context, query string, limit int, bare bool) ([]Result, error) {
	q := Parse(query)
	if q.Empty() || limit <= 0 {
		return nil, nil
	}
	ix.mu.Lock()
	defer ix.unlock()
	ix.bare = bare
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ix.sortVocab()
	ix.cache.begin(len(ix.text))
	words := distinct(q.Words)
	typing := typingWord(query, q)
	exact, n, err := ix.searchTier(ctx, q, words, typing, false, limit)
	if err != nil || n >= limit || len(words) == 0 {
		return exact, err
	}
	more, n, err := ix.searchTier(ctx, q, words, typing, true, limit)
	if err != nil {
		return nil, err
	}
	rs := appendNew(exact, more, limit)
	if n >= limit || freeWords(q, words) < minPartialWords {
		return rs, nil
	}
	partial, err := ix.searchPartial(ctx, q, words, typing, rs, limit-len(rs))
	if err != nil {
		return nil, err
	}
	return appendNew(rs, partial, limit), nil
}

// searchTier answers the query with typos forgiven or not, and says how
// many entries matched. Typos are only looked for when fewer entries than
// asked for match without them, and those found without come first: like
// Meilisearch's typo ranking rule, fewer typos rank before anything else.
func (ix *Index) searchTier(ctx context.Context, q Query, words []string, typing string, typos bool, limit int) ([]Result, int, error) {
	matches, err := ix.matchWords(ctx, words, typing, typos, true)
	if err != nil || matches == nil {
		return nil, 0, err
	}
	var cands []candidate
	if len(words) == 0 {
		cands, err = ix.filterAll(ctx, q)
	} else {
		cands, err = ix.walk(ctx, q, matches)
	}
	if err != nil {
		return nil, 0, err
	}
	return ix.top(words, matches, cands, limit), len(cands), nil
}

// appendNew is rs followed by the results of more not in rs, up to limit.
func appendNew(rs, more []Result, limit int) []Result {
	have := make(map[string]bool, len(rs))
	for _, r := range rs {
		have[r.ID] = true
	}
	for _, r := range more {
		if len(rs) >= limit {
			break
		}
		if !have[r.ID] {
			rs = append(rs, r)
		}
	}
	return rs
}

// matchWords matches each query word against the vocabulary, with typos
// or without, reusing the last search's matches; when every word must
// match, it returns nil as soon as one matches nothing.
func (ix *Index) matchWords(ctx context.Context, words []string, typing string, typos, every bool) ([]map[uint32]uint8, error) {
	c := &ix.cache
	matches := make([]map[uint32]uint8, len(words))
	for i, w := range words {
		if i%64 == 63 && ctx.Err() != nil {
			return nil, ctx.Err() // a pasted page of words, and already a newer query
		}
		key := matchKey{w, false, false}
		m, ok := c.get(key)
		if !ok {
			m = ix.matchExact(w)
			c.words[key] = m
		}
		if typos {
			exact := m
			key = matchKey{w, true, w == typing}
			if m, ok = c.get(key); !ok {
				m = ix.withTypos(w, key.typing, exact)
				c.words[key] = m
			}
		}
		if matches[i] = m; len(m) == 0 && every {
			return nil, nil
		}
	}
	return matches, nil
}

// typingWord is the query's last word when the person is still typing it:
// nothing (a space, a closing quote) follows it.
func typingWord(query string, q Query) string {
	if len(q.Words) == 0 || query == "" {
		return ""
	}
	r, _ := utf8.DecodeLastRuneInString(query)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
		return ""
	}
	return q.Words[len(q.Words)-1]
}

// distinct is the query's words, each once, in the order typed: every one
// must match, however many there are, and a word typed twice asks for
// nothing more than once.
func distinct(words []string) []string {
	seen := make(map[string]bool, len(words))
	out := make([]string, 0, len(words))
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

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

// passesAll says whether entry n passes the query's filters and holds
// its phrases.
func (ix *Index) passesAll(n int32, q Query) bool {
	e := ix.entry(n)
	return passes(e, q) && hasPhrases(e, q)
}

func hasPhrases(e *Entry, q Query) bool {
	for _, p := range q.Phrases {
		if !containsPhrase(e, p) {
			return false
		}
	}
	return true
}

// passes applies the filters.
func passes(e *Entry, q Query) bool {
	if q.Doc != "" && !strings.EqualFold(e.DocID, q.Doc) {
		return false
	}
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
		// tag:"diplomatic language" and tag:diplomatic-language both find
		// the tag "diplomatic language".
		want := annotate.TagKey(q.Tag)
		for _, t := range e.Tags {
			if annotate.TagKey(t) == want {
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
