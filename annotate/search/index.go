package search

import (
	"runtime"
	"slices"
	"sort"
	"sync"

	"scholia/annotate"
)

// posting packs an entry and the field a word stands in there.
type posting uint32

const fieldBits = 3

func makePosting(entry int32, f Field) posting { return posting(uint32(entry)<<fieldBits | uint32(f)) }
func (p posting) entry() int32                 { return int32(uint32(p) >> fieldBits) }
func (p posting) field() Field                 { return Field(p & (1<<fieldBits - 1)) }

// Index is the in-memory search index. It is safe for use from several
// goroutines; searches run one at a time.
type Index struct {
	mu       sync.Mutex
	entries  []Entry          // owned by the index: NewIndex keeps the slice it is given
	stored   *storedEntries   // the entries before entries, read from a snapshot when needed
	alive    []bool           // per entry
	byID     map[string]int32 // the entries of entries
	vocab    map[string]uint32
	text     []string    // word id -> word
	runes    [][]rune    // word id -> its runes
	postings [][]posting // word id -> (entry, field) pairs using it, dead entries included
	isDoc    []bool      // per entry: a document
	forward  [][]uint32  // per entry: its distinct word id << fieldBits | field
	acc      accumulator
	table    matchTable
	total    int // postings in all
	byFirst  map[rune][]uint32
	sorted   []uint32 // word ids in word order, for prefix ranges
	dirty    bool     // sorted lacks new words
	live     int
	typo     typoWalk
	cache    matchCache
	bare     bool // the search under way wants only ids (see SearchIDs)
}

// matchCache keeps the vocabulary matches of the last search's words: a
// person typing changes only the last word, so the others are not matched
// again. The vocabulary only grows, so the matches hold while its size
// does.
type matchCache struct {
	vocab int
	last  map[matchKey]map[uint32]uint8 // the last search's
	words map[matchKey]map[uint32]uint8 // this search's
}

type matchKey struct {
	word   string
	typos  bool // typos matched too
	typing bool // the word being typed (with typos only)
}

// begin starts a search over a vocabulary of v words.
func (c *matchCache) begin(v int) {
	if c.vocab != v {
		c.vocab, c.words = v, nil
	}
	c.last, c.words = c.words, map[matchKey]map[uint32]uint8{}
}

// get returns the matches kept for k, from this search or the last.
func (c *matchCache) get(k matchKey) (map[uint32]uint8, bool) {
	if m, ok := c.words[k]; ok {
		return m, true
	}
	m, ok := c.last[k]
	if ok {
		c.words[k] = m
	}
	return m, ok
}

// accumulator scores entries while the postings of a query's words are
// walked: dense per-entry arrays stamped with a generation, so nothing is
// cleared between keystrokes.
type accumulator struct {
	gen     uint32
	seen    []uint32 // the search that last reached the entry
	words   []uint32 // how many query words it has matched so far
	score   []int32
	fields  []uint8  // fields in which every query word so far matched
	wgen    []uint32 // the query word that last touched it
	wbest   []int32  // best score of the current query word
	wfields []uint8  // fields where the current query word matched
	touched []int32
}

// matchTable records how each vocabulary word matches the query word being
// checked: dense arrays stamped with a generation, for checking a
// candidate's own words. One query word at a time uses it, so a query of
// any length needs one table.
type matchTable struct {
	gen   uint32
	stamp []uint32 // per vocabulary word
	kind  []uint8
}

// reset prepares the table for one query word over v vocabulary words.
func (t *matchTable) reset(v int) {
	t.gen++
	if grow := v - len(t.stamp); grow > 0 {
		t.stamp = append(t.stamp, make([]uint32, grow)...)
		t.kind = append(t.kind, make([]uint8, grow)...)
	}
}

// reset prepares the accumulator for a search of words query words over n
// entries and returns the search's stamp: seen takes it, and query word k
// (in walking order) stamps wgen with base+k+1. The next search's stamps
// all come after these, however many words this one had.
func (a *accumulator) reset(n, words int) (base uint32) {
	base = a.gen + 1
	a.gen = base + uint32(words)
	if len(a.seen) < n {
		grow := n - len(a.seen)
		a.seen = append(a.seen, make([]uint32, grow)...)
		a.words = append(a.words, make([]uint32, grow)...)
		a.score = append(a.score, make([]int32, grow)...)
		a.fields = append(a.fields, make([]uint8, grow)...)
		a.wgen = append(a.wgen, make([]uint32, grow)...)
		a.wbest = append(a.wbest, make([]int32, grow)...)
		a.wfields = append(a.wfields, make([]uint8, grow)...)
	}
	return base
}

// NewIndex builds an index over entries, splitting the words of the
// entries on every core and merging their vocabularies.
func NewIndex(entries []Entry) *Index {
	ix := &Index{byID: map[string]int32{}, vocab: map[string]uint32{}, byFirst: map[rune][]uint32{}}
	ix.entries = entries
	ix.alive = make([]bool, len(entries))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(entries)/1000))
	parts := make([]tokenized, workers)
	panics := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		lo, hi := len(entries)*w/workers, len(entries)*(w+1)/workers
		wg.Add(1)
		go func(t *tokenized, es []Entry, caught *error) {
			defer wg.Done()
			defer annotate.CatchPanic(caught)
			t.tokenize(es)
		}(&parts[w], entries[lo:hi], &panics[w])
	}
	wg.Wait()
	// A worker's panic goes on on this goroutine, with the worker's stack,
	// where whoever built the index can catch it.
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	// Map each core's words to the shared vocabulary, count the postings of
	// every word, and allocate them, and the forward lists, at once.
	globals := make([][]uint32, len(parts))
	tokens := 0
	for w, t := range parts {
		globals[w] = make([]uint32, len(t.words))
		for i, word := range t.words {
			globals[w][i] = ix.wordID([]byte(word))
		}
		tokens += len(t.tokens)
	}
	sizes := make([]int, len(ix.text))
	for w, t := range parts {
		for _, tok := range t.tokens {
			sizes[globals[w][tok>>fieldBits]]++
		}
	}
	for id, n := range sizes {
		ix.postings[id] = make([]posting, 0, n)
	}
	ix.byID = make(map[string]int32, len(entries))
	ix.forward = make([][]uint32, 0, len(entries))
	ix.isDoc = make([]bool, 0, len(entries))
	fwdAll := make([]uint32, 0, tokens)
	n := int32(0)
	for w, t := range parts {
		global := globals[w]
		for k := range t.entries {
			e := &t.entries[k]
			from := len(fwdAll)
			for _, tok := range t.tokens[t.start[k]:t.start[k+1]] {
				id, f := global[tok>>fieldBits], Field(tok&(1<<fieldBits-1))
				p := makePosting(n, f)
				if l := ix.postings[id]; len(l) == 0 || l[len(l)-1] != p {
					ix.postings[id] = append(l, p)
					fwdAll = append(fwdAll, id<<fieldBits|uint32(f))
					ix.total++
				}
			}
			ix.forward = append(ix.forward, fwdAll[from:len(fwdAll):len(fwdAll)])
			ix.alive[n] = true
			ix.isDoc = append(ix.isDoc, e.Document)
			ix.byID[e.ID] = n
			ix.live++
			n++
		}
	}
	ix.sortVocab()
	return ix
}

// tokenized is one core's share of the entries, split into words with a
// vocabulary of its own.
type tokenized struct {
	entries []Entry
	words   []string
	local   map[string]uint32
	tokens  []uint32 // local word id << fieldBits | field
	start   []int    // entry k's tokens are tokens[start[k]:start[k+1]]
}

func (t *tokenized) tokenize(es []Entry) {
	t.entries, t.local = es, map[string]uint32{}
	t.start = make([]int, 0, len(es)+1)
	titles := map[string][]uint32{} // every annotation of a document repeats its title
	for k := range es {
		e := &es[k]
		t.start = append(t.start, len(t.tokens))
		for f := Field(0); f < numFields; f++ {
			if f == FieldTitle {
				toks, ok := titles[e.Fields[f]]
				if !ok {
					from := len(t.tokens)
					t.split(e.Fields[f], f)
					toks = append([]uint32(nil), t.tokens[from:]...)
					titles[e.Fields[f]] = toks
					continue
				}
				t.tokens = append(t.tokens, toks...)
				continue
			}
			t.split(e.Fields[f], f)
		}
	}
	t.start = append(t.start, len(t.tokens))
}

func (t *tokenized) split(text string, f Field) {
	wordBytes(text, func(w []byte, _ span) {
		id, ok := t.local[string(w)]
		if !ok {
			id = uint32(len(t.words))
			t.words = append(t.words, string(w))
			t.local[t.words[id]] = id
		}
		t.tokens = append(t.tokens, id<<fieldBits|uint32(f))
	})
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
	defer ix.unlock()
	ix.remove(e.ID)
	ix.add(e)
}

// Remove takes an entry out of the index.
func (ix *Index) Remove(id string) {
	ix.mu.Lock()
	defer ix.unlock()
	ix.remove(id)
}

// RemoveDocument takes a document's entry and its annotations' entries
// out: the annotations are named by their ids (the library knows them), so
// it costs a look-up each, however large the index, rather than a walk of
// every entry. An id whose entry belongs to another document stays.
func (ix *Index) RemoveDocument(docID string, annotations []string) {
	ix.mu.Lock()
	defer ix.unlock()
	for _, id := range slices.Concat([]string{docID}, annotations) {
		if i, ok := ix.find(id); ok && ix.docOf(i) == docID {
			ix.alive[i] = false
			delete(ix.byID, id)
			ix.live--
		}
	}
}

func (ix *Index) remove(id string) {
	if i, ok := ix.find(id); ok {
		ix.alive[i] = false
		delete(ix.byID, id)
		ix.live--
	}
}

// find is the live entry with this id.
func (ix *Index) find(id string) (int32, bool) {
	if i, ok := ix.byID[id]; ok {
		return i, true
	}
	if ix.stored != nil {
		if i, ok := ix.stored.find(id); ok && ix.alive[i] {
			return i, true
		}
	}
	return 0, false
}

// entry is entry n, read from the snapshot when it is a stored one.
func (ix *Index) entry(n int32) *Entry {
	if ix.stored != nil {
		if n < ix.stored.n {
			return ix.stored.entry(n)
		}
		n -= ix.stored.n
	}
	return &ix.entries[n]
}

// docOf is the document of entry n (a document's own id for a
// document), read without the rest of the entry when it is a stored one.
func (ix *Index) docOf(n int32) string {
	if ix.stored != nil {
		if n < ix.stored.n {
			return ix.stored.docID(n)
		}
		n -= ix.stored.n
	}
	return ix.entries[n].DocID
}

// modified is when entry n last changed, in Unix nanoseconds.
func (ix *Index) modified(n int32) int64 {
	if ix.stored != nil {
		if n < ix.stored.n {
			return ix.stored.modified(n)
		}
		n -= ix.stored.n
	}
	return unixNano(ix.entries[n].Modified)
}

func (ix *Index) add(e Entry) {
	n := int32(len(ix.alive))
	var fwd []uint32
	for f := Field(0); f < numFields; f++ {
		p := makePosting(n, f)
		wordBytes(e.Fields[f], func(w []byte, _ span) {
			id := ix.wordID(w)
			if l := ix.postings[id]; len(l) == 0 || l[len(l)-1] != p {
				ix.postings[id] = append(l, p)
				fwd = append(fwd, id<<fieldBits|uint32(f))
				ix.total++
			}
		})
	}
	ix.forward = append(ix.forward, fwd)
	ix.entries = append(ix.entries, e)
	ix.alive = append(ix.alive, true)
	ix.isDoc = append(ix.isDoc, e.Document)
	ix.byID[e.ID] = n
	ix.live++
}

func (ix *Index) wordID(b []byte) uint32 {
	if id, ok := ix.vocab[string(b)]; ok {
		return id
	}
	w := string(b)
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
