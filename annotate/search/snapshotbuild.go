package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"strings"
)

// # Building a snapshot without the index
//
// NewIndex then Snapshot holds every entry, the index and the snapshot in
// memory at once: 6-8 GB for a million annotations. A SnapshotBuilder
// takes the entries one at a time and writes the same snapshot (see
// snapshot.go) with little more in memory than the vocabulary and a few
// numbers per entry: each entry's bytes and its word list go to temporary
// files as it comes, and the postings, which are grouped by word rather
// than by entry, are filled from the word lists a slice of the vocabulary
// at a time when the snapshot is written. LoadIndex then reads it as it
// reads a kept one.

// ErrSnapshotTooLarge is what SnapshotBuilder.WriteTo returns when the
// entries do not fit a snapshot, whose offsets are 32-bit.
var ErrSnapshotTooLarge = errors.New("the search index is too large for a snapshot")

// postingsPerPass bounds the postings WriteTo holds at once: 128 MB.
const postingsPerPass = 32 << 20

// SnapshotBuilder writes the snapshot of the index NewIndex would build
// from the entries given to Add, in that order.
type SnapshotBuilder struct {
	vocab    map[string]uint32
	titles   map[string][]uint32 // the words of each title met
	words    []string
	counts   []uint32 // per word: how many postings
	seen     []int32  // per word: the last entry using it, plus one
	fields   []uint8  // per word: the fields that entry uses it in
	lists    *spill   // the entries' word lists, one after another
	fwdStart []uint32
	texts    *spill // the entries' bytes, one after another
	ends     []uint64
	sums     []uint32
	times    []byte // per entry, 8 bytes: when it last changed
	docs     []byte
	ids      []string
	fwd      []uint32 // the word list of the entry being added
	entry    []byte   // the bytes of the entry being added
	err      error
}

// NewSnapshotBuilder starts a snapshot, with its temporary files in dir
// (the system's own when empty); Close removes them.
func NewSnapshotBuilder(dir string) (*SnapshotBuilder, error) {
	lists, err := newSpill(dir)
	if err != nil {
		return nil, err
	}
	texts, err := newSpill(dir)
	if err != nil {
		lists.close()
		return nil, err
	}
	return &SnapshotBuilder{vocab: map[string]uint32{}, titles: map[string][]uint32{}, lists: lists, texts: texts, fwdStart: []uint32{0}}, nil
}

// Close removes the builder's temporary files.
func (b *SnapshotBuilder) Close() {
	b.lists.close()
	b.texts.close()
}

// Add puts an entry after those added before it.
func (b *SnapshotBuilder) Add(e *Entry) {
	if b.err != nil {
		return
	}
	n := int32(len(b.sums))
	if n >= math.MaxInt32>>fieldBits {
		b.err = ErrSnapshotTooLarge
		return
	}
	b.fwd = b.fwd[:0]
	for f := Field(0); f < numFields; f++ {
		if f == FieldTitle {
			for _, id := range b.titleWords(e.Fields[f]) {
				b.use(n, id, f)
			}
			continue
		}
		wordBytes(e.Fields[f], func(w []byte, _ span) { b.use(n, b.wordID(w), f) })
	}
	if uint64(b.fwdStart[n])+uint64(len(b.fwd)) > math.MaxUint32 {
		b.err = ErrSnapshotTooLarge
		return
	}
	b.fwdStart = append(b.fwdStart, b.fwdStart[n]+uint32(len(b.fwd)))
	b.lists.uint32s(b.fwd)
	b.entry = appendEntry(b.entry[:0], e)
	b.texts.write(b.entry)
	b.ends = append(b.ends, b.texts.size)
	b.sums = append(b.sums, crc32.Checksum(b.entry, castagnoli))
	b.times = binary.NativeEndian.AppendUint64(b.times, uint64(unixNano(e.Modified)))
	b.docs = append(b.docs, boolByte(e.Document))
	b.ids = append(b.ids, strings.Clone(e.ID))
}

// use notes that entry n uses word id in field f.
func (b *SnapshotBuilder) use(n int32, id uint32, f Field) {
	if b.seen[id] != n+1 {
		b.seen[id], b.fields[id] = n+1, 0
	}
	if b.fields[id]&(1<<f) == 0 {
		b.fields[id] |= 1 << f
		b.counts[id]++
		b.fwd = append(b.fwd, id<<fieldBits|uint32(f))
	}
}

// titleWords is the words of a title, split once: every annotation of a
// document repeats its title.
func (b *SnapshotBuilder) titleWords(title string) []uint32 {
	ids, ok := b.titles[title]
	if !ok {
		wordBytes(title, func(w []byte, _ span) { ids = append(ids, b.wordID(w)) })
		b.titles[title] = ids
	}
	return ids
}

func (b *SnapshotBuilder) wordID(w []byte) uint32 {
	if id, ok := b.vocab[string(w)]; ok {
		return id
	}
	id := uint32(len(b.words))
	word := string(w)
	b.vocab[word] = id
	b.words = append(b.words, word)
	b.counts = append(b.counts, 0)
	b.seen = append(b.seen, 0)
	b.fields = append(b.fields, 0)
	return id
}

// Size is how many bytes WriteTo writes.
func (b *SnapshotBuilder) Size() int64 {
	n, nw := int64(len(b.sums)), int64(len(b.words))
	size := int64(len(snapshotMagic)) + 4*5 + 4*(nw+1+n+1+nw+n+1+2*n) + 9*n + 4
	for id, word := range b.words {
		size += 4*int64(b.counts[id]) + int64(len(appendString(nil, word)))
	}
	return size + 4*int64(b.fwdStart[n]) + int64(b.texts.size)
}

// WriteTo writes the snapshot to w; ErrSnapshotTooLarge when the entries
// do not fit one.
func (b *SnapshotBuilder) WriteTo(w io.Writer) (int64, error) {
	if b.err == nil {
		b.err = b.lists.flush()
	}
	if b.err == nil {
		b.err = b.texts.flush()
	}
	if b.err != nil {
		return 0, b.err
	}
	n, nw := len(b.sums), len(b.words)
	wordBytes := uint64(0)
	for _, word := range b.words {
		wordBytes += uint64(len(binary.AppendUvarint(nil, uint64(len(word))))) + uint64(len(word))
	}
	if wordBytes+b.texts.size > math.MaxUint32 {
		return 0, ErrSnapshotTooLarge
	}
	postStart := make([]uint32, nw+1)
	for id, c := range b.counts {
		if uint64(postStart[id])+uint64(c) > math.MaxUint32 {
			return 0, ErrSnapshotTooLarge
		}
		postStart[id+1] = postStart[id] + c
	}
	out := &snapshotWriter{w: bufio.NewWriterSize(w, 1<<20), sum: crc32.New(castagnoli)}
	out.bytes([]byte(snapshotMagic))
	out.uint32s([]uint32{byteOrderMark, uint32(n), uint32(nw), postStart[nw], b.fwdStart[n]})
	out.uint32s(postStart)
	if err := b.writePostings(out, postStart); err != nil {
		return out.n, err
	}
	out.uint32s(b.fwdStart)
	if err := b.lists.copyTo(out); err != nil {
		return out.n, err
	}
	out.uint32s(b.sortedVocab())
	entryStart := make([]uint32, n+1)
	entryStart[0] = uint32(wordBytes)
	for k, end := range b.ends {
		entryStart[k+1] = uint32(wordBytes + end)
	}
	out.uint32s(entryStart)
	out.uint32s(b.byID())
	out.uint32s(b.sums)
	out.bytes(b.times)
	out.bytes(b.docs)
	var scratch []byte
	for _, word := range b.words {
		scratch = appendString(scratch[:0], word)
		out.bytes(scratch)
	}
	prefixSum := out.sum.Sum32() // all but the entries, which have their own sums
	out.sum = nil
	if err := b.texts.copyTo(out); err != nil {
		return out.n, err
	}
	out.bytes(binary.NativeEndian.AppendUint32(nil, prefixSum))
	if out.err == nil {
		out.err = out.w.Flush()
	}
	return out.n, out.err
}

// writePostings writes every word's postings, in word order, each list in
// entry order: the word lists are read through once per slice of the
// vocabulary whose postings fit postingsPerPass.
func (b *SnapshotBuilder) writePostings(out *snapshotWriter, postStart []uint32) error {
	next := make([]uint32, len(b.words)) // per word: where its next posting goes
	var buf []uint32
	for lo := 0; lo < len(b.words); {
		hi := lo + 1
		for hi < len(b.words) && postStart[hi+1]-postStart[lo] <= postingsPerPass {
			hi++
		}
		base := postStart[lo]
		buf = slices.Grow(buf[:0], int(postStart[hi]-base))[:postStart[hi]-base]
		copy(next[lo:hi], postStart[lo:hi])
		entry, left := uint32(0), b.fwdStart[1]
		err := b.lists.each(func(vs []byte) {
			for i := 0; i+4 <= len(vs); i += 4 {
				for left == 0 {
					entry++
					left = b.fwdStart[entry+1] - b.fwdStart[entry]
				}
				left--
				v := binary.NativeEndian.Uint32(vs[i:])
				if id := v >> fieldBits; id >= uint32(lo) && id < uint32(hi) {
					buf[next[id]-base] = uint32(makePosting(int32(entry), Field(v&(1<<fieldBits-1))))
					next[id]++
				}
			}
		})
		if err != nil {
			return err
		}
		out.uint32s(buf)
		lo = hi
	}
	return out.err
}

// sortedVocab is the word ids in word order.
func (b *SnapshotBuilder) sortedVocab() []uint32 {
	sorted := make([]uint32, len(b.words))
	for i := range sorted {
		sorted[i] = uint32(i)
	}
	slices.SortFunc(sorted, func(x, y uint32) int { return strings.Compare(b.words[x], b.words[y]) })
	return sorted
}

// byID is the entries in the order of their ids.
func (b *SnapshotBuilder) byID() []uint32 {
	order := make([]uint32, len(b.ids))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortStableFunc(order, func(x, y uint32) int { return strings.Compare(b.ids[x], b.ids[y]) })
	return order
}

// snapshotWriter writes a snapshot, counting its bytes and summing them
// while sum is set, and remembers the first error.
type snapshotWriter struct {
	w       *bufio.Writer
	sum     hashWriter
	n       int64
	err     error
	scratch []byte
}

type hashWriter interface {
	io.Writer
	Sum32() uint32
}

func (s *snapshotWriter) Write(p []byte) (int, error) {
	s.bytes(p)
	return len(p), s.err
}

func (s *snapshotWriter) bytes(p []byte) {
	if s.err != nil {
		return
	}
	if s.sum != nil {
		_, _ = s.sum.Write(p)
	}
	_, s.err = s.w.Write(p)
	s.n += int64(len(p))
}

func (s *snapshotWriter) uint32s(vs []uint32) {
	for len(vs) > 0 {
		k := min(len(vs), 16<<10)
		s.scratch = s.scratch[:0]
		for _, v := range vs[:k] {
			s.scratch = binary.NativeEndian.AppendUint32(s.scratch, v)
		}
		s.bytes(s.scratch)
		vs = vs[k:]
	}
}
