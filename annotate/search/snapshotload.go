package search

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"sort"
	"time"
	"unsafe"

	"scholia/annotate"
)

// snapshotReader reads a snapshot's bytes, remembering that they ended
// early.
type snapshotReader struct {
	data string // the snapshot's bytes, which the strings read point into
	at   int
	bad  bool
}

func (r *snapshotReader) uint32() uint32 {
	if r.at+4 > len(r.data) {
		r.bad = true
		return 0
	}
	v := binary.NativeEndian.Uint32(unsafe.Slice(unsafe.StringData(r.data[r.at:]), 4))
	r.at += 4
	return v
}

// bytes is the next n bytes, as they lie in the snapshot.
func (r *snapshotReader) bytes(n int) string {
	if r.bad || n > len(r.data)-r.at {
		r.bad = true
		return ""
	}
	r.at += n
	return r.data[r.at-n : r.at]
}

// uint32s is the next n numbers, where they lie in the snapshot.
func (r *snapshotReader) uint32s(n uint32) []uint32 {
	if r.bad || uint64(r.at)+4*uint64(n) > uint64(len(r.data)) {
		r.bad = true
		return nil
	}
	if n == 0 {
		return []uint32{}
	}
	out := unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.StringData(r.data[r.at:]))), n)
	r.at += 4 * int(n)
	return out[:n:n]
}

func (r *snapshotReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.rest())
	return took(r, n, v)
}

func (r *snapshotReader) varint() int64 {
	v, n := binary.Varint(r.rest())
	return took(r, n, v)
}

// rest is what is left to read, as bytes, without copying.
func (r *snapshotReader) rest() []byte {
	return unsafe.Slice(unsafe.StringData(r.data[r.at:]), len(r.data)-r.at)
}

// took moves past a varint of n bytes and gives its value v, or marks the
// snapshot bad (n <= 0: cut short or overlong) and gives 0.
func took[T uint64 | int64](r *snapshotReader, n int, v T) T {
	if n <= 0 {
		r.bad = true
		r.at = len(r.data)
		return 0
	}
	r.at += n
	return v
}

func (r *snapshotReader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.data)-r.at) {
		r.bad = true
		r.at = len(r.data)
		return ""
	}
	s := r.data[r.at : r.at+int(n)]
	r.at += int(n)
	return s
}

// storedEntries are the entries of a loaded snapshot, read from it when
// needed: a search reads the few it shows, not all.
type storedEntries struct {
	n      int32
	stream string   // the words, then the entries
	starts []uint32 // entry k is stream[starts[k]:starts[k+1]]
	byID   []uint32 // the entries in the order of their ids
	sums   []uint32 // per entry, the CRC-32C of its bytes
	times  string   // per entry, 8 bytes: when it last changed
	lazy   bool     // each entry is checked against its sum when read
	// From a snapshot kept elsewhere (see LoadIndexFrom), stream is read
	// from source when an entry is first needed, and is valid until close.
	source SnapshotSource
	done   func() // ends the read source began; nil when none is open
	at     int    // where the stream begins in the snapshot
	whole  int    // the snapshot's length
	sum    string // the snapshot's last 4 bytes, its header's CRC-32C
}

// ErrSnapshotDamaged is what an index loaded lazily panics with when an
// entry it reads fails its checksum.
var ErrSnapshotDamaged = errors.New("an entry of the search snapshot fails its checksum")

// reader reads entry n, checked against its sum when loaded lazily.
func (s *storedEntries) reader(n int32) *snapshotReader {
	if s.source != nil && s.done == nil {
		s.open()
	}
	from, to := s.starts[n], s.starts[n+1]
	if s.lazy && !s.sound(n) {
		panic(ErrSnapshotDamaged)
	}
	return &snapshotReader{data: s.stream[:to], at: int(from)}
}

// sound says whether entry n's bytes match their sum.
func (s *storedEntries) sound(n int32) bool {
	b := s.stream[s.starts[n]:s.starts[n+1]]
	return len(b) > 0 && crc32.Checksum(unsafe.Slice(unsafe.StringData(b), len(b)), castagnoli) == s.sums[n]
}

func (s *storedEntries) entry(n int32) *Entry {
	e := &Entry{}
	readEntry(s.reader(n), e)
	return e
}

func (s *storedEntries) id(n int32) string {
	r := s.reader(n)
	r.uvarint()
	return r.string()
}

// docID is entry n's document, read without the rest of the entry.
func (s *storedEntries) docID(n int32) string {
	r := s.reader(n)
	r.uvarint()
	r.string()
	return r.string()
}

func (s *storedEntries) modified(n int32) int64 {
	return int64(binary.NativeEndian.Uint64(unsafe.Slice(unsafe.StringData(s.times[8*n:]), 8)))
}

// find is the stored entry with this id, by binary search.
func (s *storedEntries) find(id string) (int32, bool) {
	k := sort.Search(len(s.byID), func(k int) bool { return s.id(int32(s.byID[k])) >= id })
	if k < len(s.byID) && s.id(int32(s.byID[k])) == id {
		return int32(s.byID[k]), true
	}
	return 0, false
}

// LoadIndex reads a snapshot Snapshot wrote, checking all of it. The
// index keeps data (unless it lies at an address that is not a multiple of
// 4, then a copy): it must not change afterwards. It reads the vocabulary
// and the postings, and each entry only when a search needs it.
func LoadIndex(data []byte) (*Index, error) { return loadIndex(data, false, nil) }

// LoadIndexLazily is LoadIndex checking each entry only when a search
// first reads it, which then panics with ErrSnapshotDamaged if the entry
// fails its checksum: for a process that searches once and reads only the
// entries it shows, from a snapshot where it lies in the file.
func LoadIndexLazily(data []byte) (*Index, error) { return loadIndex(data, true, nil) }

// loadIndex loads a snapshot, or, with a source, the head of one (see
// SnapshotHead) whose entries the source reads.
func loadIndex(data []byte, lazy bool, source SnapshotSource) (ix *Index, err error) {
	if len(data) < len(snapshotMagic)+24 || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return nil, errSnapshot
	}
	if uintptr(unsafe.Pointer(&data[0]))%4 != 0 {
		data = append(make([]byte, 0, len(data)), data...) // its numbers must lie on their own alignment
	}
	body := data[:len(data)-4]
	defer annotate.CatchPanic(&err)
	r := &snapshotReader{data: unsafe.String(&body[0], len(body)), at: len(snapshotMagic)}
	if r.uint32() != byteOrderMark {
		return nil, errSnapshot // written on a machine of the other byte order
	}
	n, nw, np, nf := r.uint32(), r.uint32(), r.uint32(), r.uint32()
	postStart, posts := r.uint32s(nw+1), r.uint32s(np)
	fwdStart, fwd := r.uint32s(n+1), r.uint32s(nf)
	sorted, entryStart, byID, sums := r.uint32s(nw), r.uint32s(n+1), r.uint32s(n), r.uint32s(n)
	modified, docs := r.bytes(8*int(n)), r.bytes(int(n))
	if r.bad || uint64(entryStart[0]) > uint64(len(body)-r.at) {
		return nil, errSnapshot
	}
	prefix := r.at + int(entryStart[0])
	if crc32.Checksum(body[:prefix], castagnoli) != binary.NativeEndian.Uint32(data[len(body):]) {
		return nil, errSnapshot
	}
	if postStart[0] != 0 || !offsets(postStart, np) || fwdStart[0] != 0 || !offsets(fwdStart, nf) {
		return nil, errSnapshot
	}
	stream, streamAt := r.data[r.at:], r.at
	r = &snapshotReader{data: stream}
	ix = &Index{vocab: make(map[string]uint32, nw), byFirst: map[rune][]uint32{}, byID: map[string]int32{}}
	ix.text = make([]string, nw)
	ix.runes = make([][]rune, nw)
	ix.postings = make([][]posting, nw)
	allPosts := unsafe.Slice((*posting)(unsafe.SliceData(posts)), len(posts))
	for id := range ix.text {
		w := r.string()
		if r.bad || w == "" {
			return nil, errSnapshot
		}
		ix.text[id] = w
		ix.vocab[w] = uint32(id)
		rs := []rune(w)
		ix.runes[id] = rs
		ix.byFirst[rs[0]] = append(ix.byFirst[rs[0]], uint32(id))
		lo, hi := postStart[id], postStart[id+1]
		ix.postings[id] = allPosts[lo:hi:hi]
	}
	end := uint32(len(stream))
	if source != nil {
		end = entryStart[n] // the head holds the words, the source the entries
	}
	if n > 0 && (entryStart[0] != uint32(r.at) || !offsets(entryStart[1:], end)) {
		return nil, errSnapshot
	}
	ix.sorted = append([]uint32(nil), sorted...) // new words are added to it
	ix.stored = &storedEntries{n: int32(n), stream: stream, starts: entryStart, byID: byID, sums: sums, times: modified, lazy: lazy}
	if source != nil {
		ix.stored.fromSource(source, streamAt, string(data[len(body):]))
	}
	for i := int32(0); !lazy && i < int32(n); i++ {
		if !ix.stored.sound(i) {
			return nil, errSnapshot
		}
	}
	ix.alive = make([]bool, n)
	ix.isDoc = make([]bool, n)
	ix.forward = make([][]uint32, n)
	for i := range ix.alive {
		lo, hi := fwdStart[i], fwdStart[i+1]
		ix.forward[i] = fwd[lo:hi:hi]
		ix.alive[i], ix.isDoc[i] = true, docs[i] == 1
	}
	ix.total, ix.live = int(np), int(n)
	return ix, nil
}

// offsets says whether starts rise to end.
func offsets(starts []uint32, end uint32) bool {
	if len(starts) == 0 || starts[len(starts)-1] != end {
		return false
	}
	for i := 1; i < len(starts); i++ {
		if starts[i] < starts[i-1] {
			return false
		}
	}
	return true
}

func readEntry(r *snapshotReader, e *Entry) {
	flags := r.uvarint()
	e.Document, e.Anchored = flags&1 != 0, flags&2 != 0
	e.ID, e.DocID = r.string(), r.string()
	e.Kind, e.Colour, e.Status = annotate.Kind(r.string()), annotate.Colour(r.string()), annotate.Status(r.string())
	if nt := r.uvarint(); nt > 0 {
		if nt > uint64(len(r.data)-r.at) {
			r.bad = true
			return
		}
		e.Tags = make([]string, nt)
		for k := range e.Tags {
			e.Tags[k] = r.string()
		}
	}
	e.Start, e.End = int(r.varint()), int(r.varint())
	if at := r.varint(); flags&4 == 0 {
		e.Modified = time.Unix(0, at).UTC()
	}
	for f := range e.Fields {
		e.Fields[f] = r.string()
	}
}
