package search

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// posting packs a vocabulary word and the field it stands in.
type posting uint32

const fieldBits = 3

func makePosting(word uint32, f Field) posting { return posting(word<<fieldBits | uint32(f)) }
func (p posting) word() uint32                 { return uint32(p) >> fieldBits }
func (p posting) field() Field                 { return Field(p & (1<<fieldBits - 1)) }

// indexed is an entry with its words.
type indexed struct {
	Entry
	words []posting // distinct (word, field) pairs
	alive bool
}

// Index is the in-memory search index. It is safe for use from several
// goroutines; searches run one at a time.
type Index struct {
	mu       sync.Mutex
	entries  []indexed
	byID     map[string]int32
	vocab    map[string]uint32
	text     []string   // word id -> word
	runes    [][]rune   // word id -> its runes
	postings [][]int32  // word id -> entries using it (dead ones included)
	byFirst  map[rune][]uint32
	sorted   []uint32 // word ids in word order, for prefix ranges
	dirty    bool     // sorted lacks new words
	stamp    []uint32 // per entry: the search that last saw it
	gen      uint32
	live     int
}

// NewIndex builds an index over entries.
func NewIndex(entries []Entry) *Index {
	ix := &Index{byID: map[string]int32{}, vocab: map[string]uint32{}, byFirst: map[rune][]uint32{}}
	ix.entries = make([]indexed, 0, len(entries))
	for _, e := range entries {
		ix.add(e)
	}
	ix.sortVocab()
	return ix
}

// Len is the number of entries searchable.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.live
}

// Put adds an entry, or replaces the entry with the same id.
func (ix *Index) Put(e Entry) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(e.ID)
	ix.add(e)
}

// Remove takes an entry out of the index.
func (ix *Index) Remove(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(id)
}

// RemoveDocument takes a document and all its annotations out.
func (ix *Index) RemoveDocument(docID string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for i := range ix.entries {
		if ix.entries[i].alive && ix.entries[i].DocID == docID {
			ix.remove(ix.entries[i].ID)
		}
	}
}

func (ix *Index) remove(id string) {
	if i, ok := ix.byID[id]; ok {
		ix.entries[i].alive = false
		ix.entries[i].words = nil
		delete(ix.byID, id)
		ix.live--
	}
}

func (ix *Index) add(e Entry) {
	n := int32(len(ix.entries))
	seen := map[posting]bool{}
	var ws []posting
	for f := Field(0); f < numFields; f++ {
		words(e.Fields[f], func(w string, _ span) {
			p := makePosting(ix.wordID(w), f)
			if !seen[p] {
				seen[p] = true
				ws = append(ws, p)
			}
		})
	}
	for _, p := range ws {
		w := p.word()
		if l := ix.postings[w]; len(l) == 0 || l[len(l)-1] != n {
			ix.postings[w] = append(l, n)
		}
	}
	ix.entries = append(ix.entries, indexed{Entry: e, words: ws, alive: true})
	ix.stamp = append(ix.stamp, 0)
	ix.byID[e.ID] = n
	ix.live++
}

func (ix *Index) wordID(w string) uint32 {
	if id, ok := ix.vocab[w]; ok {
		return id
	}
	id := uint32(len(ix.text))
	ix.vocab[w] = id
	ix.text = append(ix.text, w)
	rs := []rune(w)
	ix.runes = append(ix.runes, rs)
	ix.postings = append(ix.postings, nil)
	ix.byFirst[rs[0]] = append(ix.byFirst[rs[0]], id)
	ix.sorted = append(ix.sorted, id)
	ix.dirty = true
	return id
}

func (ix *Index) sortVocab() {
	if !ix.dirty {
		return
	}
	sort.Slice(ix.sorted, func(i, j int) bool { return ix.text[ix.sorted[i]] < ix.text[ix.sorted[j]] })
	ix.dirty = false
}

// Match kinds, also their scores.
const (
	matchLetters = 1 // the query's letters in order inside the word
	matchPrefix  = 2 // the word starts with the query
	matchWhole   = 3 // the same word
)

// maxWordMatches bounds how many vocabulary words one query word may
// match; beyond it the rarest are dropped last (a one-letter query).
const maxWordMatches = 4096

// matchWord finds the vocabulary words a query word matches, and how.
func (ix *Index) matchWord(q string) map[uint32]uint8 {
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
	maxLen := 2*len(qr) + 3
	for _, id := range ix.byFirst[qr[0]] {
		w := ix.runes[id]
		if len(w) <= len(qr) || len(w) > maxLen {
			continue
		}
		if _, ok := out[id]; ok {
			continue
		}
		if subsequence(qr, w) {
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

// runeLen is the length of s in runes.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
