package search

import (
	"context"
	"unicode"
	"unicode/utf8"
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
