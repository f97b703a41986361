package search

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"sort"
	"time"
	"unsafe"

	"scholia/annotate"
)

// # Snapshots
//
// Building the index reads every record of the library and splits every
// text into words: 0.8 s for a hundred thousand annotations, paid by every
// process that searches. A snapshot is the built index as bytes, kept in
// the library file (see annotate/store/searchindex.go), which a process
// loads instead of building: the entries' texts, the vocabulary in word
// order, and the postings and per-entry word lists as arrays of 32-bit
// numbers that the loaded index uses where they lie, without copying them.
//
// Layout, in the machine's byte order: the magic and a byte-order mark;
// the counts; the posting and word-list offsets and arrays and the sorted
// vocabulary, the entries' offsets, order by id and CRC-32C sums, 32-bit
// each; then a stream of varints and strings: every word, then every
// entry; last, the CRC-32C of all before the entries. Each entry is checked
// against its own sum: all of them on loading, or, loaded lazily, each
// when first read, so that a search reads only the entries it needs. The loaded index's strings and arrays point into
// the snapshot's bytes, which must not change afterwards. A snapshot that
// does not read is refused whole: the caller builds the index instead.

const snapshotMagic = "scholix1"

var errSnapshot = errors.New("the search snapshot does not read")

// Snapshot encodes the index's live entries as bytes LoadIndex reads; nil
// when the index is too large for one (its offsets are 32-bit).
func (ix *Index) Snapshot() []byte {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.sortVocab()
	renum := make([]int32, len(ix.alive))
	var order []int32 // the live entries, in the order they keep
	for i := range ix.alive {
		renum[i] = -1
		if ix.alive[i] {
			renum[i] = int32(len(order))
			order = append(order, int32(i))
		}
	}
	n := len(order)
	postStart := make([]uint32, 0, len(ix.text)+1)
	posts := make([]uint32, 0, ix.total)
	for _, l := range ix.postings {
		postStart = append(postStart, uint32(len(posts)))
		for _, p := range l {
			if e := renum[p.entry()]; e >= 0 {
				posts = append(posts, uint32(makePosting(e, p.field())))
			}
		}
	}
	postStart = append(postStart, uint32(len(posts)))
	fwdStart := make([]uint32, 0, n+1)
	var fwd []uint32
	for _, i := range order {
		fwdStart = append(fwdStart, uint32(len(fwd)))
		fwd = append(fwd, ix.forward[i]...)
	}
	fwdStart = append(fwdStart, uint32(len(fwd)))
	var stream []byte
	for _, w := range ix.text {
		stream = appendString(stream, w)
	}
	entryStart := make([]uint32, 0, n+1)
	ids := make([]string, n)
	for k, i := range order {
		if len(stream) > math.MaxUint32 {
			return nil
		}
		entryStart = append(entryStart, uint32(len(stream)))
		e := ix.entry(i)
		ids[k] = e.ID
		stream = appendEntry(stream, e)
	}
	if len(stream) > math.MaxUint32 {
		return nil
	}
	entryStart = append(entryStart, uint32(len(stream)))
	byID := make([]uint32, n)
	for k := range byID {
		byID[k] = uint32(k)
	}
	sort.Slice(byID, func(a, b int) bool { return ids[byID[a]] < ids[byID[b]] })
	sums := make([]uint32, n)
	for k := range sums {
		sums[k] = crc32.Checksum(stream[entryStart[k]:entryStart[k+1]], castagnoli)
	}
	b := make([]byte, 0, 64+4*(len(postStart)+len(posts)+len(fwdStart)+len(fwd)+len(ix.sorted)+4*n)+9*n+len(stream))
	b = append(b, snapshotMagic...)
	b = binary.NativeEndian.AppendUint32(b, byteOrderMark)
	for _, c := range []int{n, len(ix.text), len(posts), len(fwd)} {
		b = binary.NativeEndian.AppendUint32(b, uint32(c))
	}
	for _, a := range [][]uint32{postStart, posts, fwdStart, fwd, ix.sorted, entryStart, byID, sums} {
		for _, v := range a {
			b = binary.NativeEndian.AppendUint32(b, v)
		}
	}
	for _, i := range order {
		b = binary.NativeEndian.AppendUint64(b, uint64(ix.modified(i)))
	}
	for _, i := range order {
		b = append(b, boolByte(ix.isDoc[i]))
	}
	prefix := len(b) + int(entryStart[0]) // all but the entries, which have their own sums
	b = append(b, stream...)
	return binary.NativeEndian.AppendUint32(b, crc32.Checksum(b[:prefix], castagnoli))
}

const byteOrderMark = 0x01020304

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// unixNano is t in Unix nanoseconds, the zero time before every other.
func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return math.MinInt64
	}
	return t.UnixNano()
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendEntry(b []byte, e *Entry) []byte {
	flags := uint64(0)
	if e.Document {
		flags |= 1
	}
	if e.Anchored {
		flags |= 2
	}
	if e.Modified.IsZero() {
		flags |= 4 // UnixNano cannot say the zero time
	}
	b = binary.AppendUvarint(b, flags)
	for _, s := range []string{e.ID, e.DocID, string(e.Kind), string(e.Colour), string(e.Status)} {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(e.Tags)))
	for _, t := range e.Tags {
		b = appendString(b, t)
	}
	b = binary.AppendVarint(b, int64(e.Start))
	b = binary.AppendVarint(b, int64(e.End))
	b = binary.AppendVarint(b, e.Modified.UnixNano())
	for _, f := range e.Fields {
		b = appendString(b, f)
	}
	return b
}

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
	v, n := binary.Uvarint(unsafe.Slice(unsafe.StringData(r.data[r.at:]), len(r.data)-r.at))
	if n <= 0 {
		r.bad = true
		r.at = len(r.data)
		return 0
	}
	r.at += n
	return v
}

func (r *snapshotReader) varint() int64 {
	v, n := binary.Varint(unsafe.Slice(unsafe.StringData(r.data[r.at:]), len(r.data)-r.at))
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
}

// ErrSnapshotDamaged is what an index loaded lazily panics with when an
// entry it reads fails its checksum.
var ErrSnapshotDamaged = errors.New("an entry of the search snapshot fails its checksum")

// reader reads entry n, checked against its sum when loaded lazily.
func (s *storedEntries) reader(n int32) *snapshotReader {
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
func LoadIndex(data []byte) (*Index, error) { return loadIndex(data, false) }

// LoadIndexLazily is LoadIndex checking each entry only when a search
// first reads it, which then panics with ErrSnapshotDamaged if the entry
// fails its checksum: for a process that searches once and reads only the
// entries it shows, from a snapshot where it lies in the file.
func LoadIndexLazily(data []byte) (*Index, error) { return loadIndex(data, true) }

func loadIndex(data []byte, lazy bool) (ix *Index, err error) {
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
	stream := r.data[r.at:]
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
	if n > 0 && (entryStart[0] != uint32(r.at) || !offsets(entryStart[1:], uint32(len(stream)))) {
		return nil, errSnapshot
	}
	ix.sorted = append([]uint32(nil), sorted...) // new words are added to it
	ix.stored = &storedEntries{n: int32(n), stream: stream, starts: entryStart, byID: byID, sums: sums, times: modified, lazy: lazy}
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
