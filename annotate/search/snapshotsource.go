package search

import (
	"encoding/binary"
	"errors"
	"strings"
	"unsafe"
)

// # Entries read where the snapshot lies
//
// A process that keeps its index for hours, as the window does, cannot use
// a snapshot where it lies in the library file: the file's mapping moves
// when it grows, and its pages are reused once the snapshot is replaced.
// Copying it all costs its entries' texts too, half of it, of which a
// search shows a few. So such a process copies the snapshot's head (the
// vocabulary, postings and word lists: what every search walks) and reads
// each entry from the library when it needs it, through a SnapshotSource:
// one short read of the file per operation on the index, each entry
// checked against its sum, and the snapshot checked to be the one the head
// came from.

// SnapshotSource gives the snapshot an index was loaded from where it
// lies, valid until done is called (soon: the file cannot grow meanwhile).
type SnapshotSource func() (snapshot []byte, done func(), err error)

// ErrSnapshotGone is what an index whose entries a source reads panics
// with when the source no longer gives the snapshot its head came from.
var ErrSnapshotGone = errors.New("the search snapshot the index reads is no longer in the library")

// SnapshotHead copies what LoadIndexFrom keeps in memory of a snapshot:
// all but its entries. It is nil when data is no snapshot. It copies a
// part at a time, and hands each part copied to copied, which can let go
// of the pages of the file it lay in.
func SnapshotHead(data []byte, copied func([]byte)) []byte {
	const counts = len(snapshotMagic) + 4 // after the magic and the byte-order mark
	if len(data) < counts+16+4 || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return nil
	}
	var c [4]uint64 // entries, words, postings, word-list items
	for k := range c {
		c[k] = uint64(binary.NativeEndian.Uint32(data[counts+4*k:]))
	}
	n, nw, np, nf := c[0], c[1], c[2], c[3]
	starts := uint64(counts+16) + 4*((nw+1)+np+(n+1)+nf+nw) // the entries' offsets
	streamAt := starts + 4*(3*n+1) + 9*n
	if streamAt > uint64(len(data)-4) {
		return nil
	}
	prefix := streamAt + uint64(binary.NativeEndian.Uint32(data[starts:]))
	if prefix > uint64(len(data)-4) {
		return nil
	}
	head := make([]byte, prefix+4)
	for at := 0; at < int(prefix); at += headPart {
		part := data[at:min(at+headPart, int(prefix))]
		copy(head[at:], part)
		copied(part)
	}
	copy(head[prefix:], data[len(data)-4:])
	return head
}

// headPart is how much of a snapshot's head SnapshotHead copies at a time:
// what the process holds twice, where it lay in the file and copied.
const headPart = 16 << 20

// LoadIndexFrom loads the head of a snapshot (see SnapshotHead) whose
// entries source reads when a search needs them, each checked against its
// sum then. An operation on the index that finds an entry damaged panics
// with ErrSnapshotDamaged, one that finds the snapshot gone with
// ErrSnapshotGone.
func LoadIndexFrom(head []byte, source SnapshotSource) (*Index, error) {
	return loadIndex(head, true, source)
}

// fromSource makes the entries read from source, the snapshot's stream
// beginning at at and its last 4 bytes sum.
func (s *storedEntries) fromSource(source SnapshotSource, at int, sum string) {
	s.source, s.at, s.sum = source, at, sum
	s.whole = at + int(s.starts[s.n]) + 4
	s.stream = ""
}

// open begins reading the snapshot from the source.
func (s *storedEntries) open() {
	data, done, err := s.source()
	if err != nil || len(data) != s.whole || string(data[s.whole-4:]) != s.sum {
		if done != nil {
			done()
		}
		panic(ErrSnapshotGone)
	}
	s.stream, s.done = unsafe.String(unsafe.SliceData(data[s.at:]), s.whole-4-s.at), done
}

// close ends the read open began, if any.
func (s *storedEntries) close() {
	if s.done != nil {
		done := s.done
		s.stream, s.done = "", nil
		done()
	}
}

// unlock ends an operation on the index: the read of its snapshot the
// operation began, if any, then its hold on the index.
func (ix *Index) unlock() {
	if ix.stored != nil {
		ix.stored.close()
	}
	ix.mu.Unlock()
}

// entryOut is entry n for a caller outside the index: its texts copied
// out of the snapshot they lie in, when they lie in one read from a
// source, so that they outlive the read. Every entry handed out goes
// through it.
func (ix *Index) entryOut(n int32) Entry {
	e := *ix.entry(n)
	if ix.stored == nil || ix.stored.source == nil || n >= ix.stored.n {
		return e
	}
	return e.Clone()
}

// HoldEntries copies into memory the entries the index reads from its
// source, if it has one: for an index that is to outlive the snapshot it
// was loaded from (a new one is about to replace it).
func (ix *Index) HoldEntries() {
	ix.mu.Lock()
	defer ix.unlock()
	s := ix.stored
	if s == nil || s.source == nil {
		return
	}
	s.open()
	held := strings.Clone(s.stream)
	s.close()
	s.stream, s.source = held, nil
}
