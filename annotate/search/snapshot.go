package search

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"math"
	"sort"
	"time"
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
	defer ix.unlock()
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
