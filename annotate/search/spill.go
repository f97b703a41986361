package search

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
)

// spill is a temporary file written once, then read through, removed
// from its folder at once where the system lets an open file go.
type spill struct {
	f       *os.File
	w       *bufio.Writer
	size    uint64
	err     error
	removed bool
	scratch []byte
}

func newSpill(dir string) (*spill, error) {
	f, err := os.CreateTemp(dir, ".scholia-index-*")
	if err != nil {
		return nil, err
	}
	return &spill{f: f, w: bufio.NewWriterSize(f, 1<<20), removed: os.Remove(f.Name()) == nil}, nil
}

func (s *spill) write(p []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(p)
		s.size += uint64(len(p))
	}
}

func (s *spill) uint32s(vs []uint32) {
	s.scratch = s.scratch[:0]
	for _, v := range vs {
		s.scratch = binary.NativeEndian.AppendUint32(s.scratch, v)
	}
	s.write(s.scratch)
}

func (s *spill) flush() error {
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// copyTo writes the file's bytes to w.
func (s *spill) copyTo(w io.Writer) error {
	_, err := io.Copy(w, io.NewSectionReader(s.f, 0, int64(s.size)))
	return err
}

// each calls fn with the file's bytes, in order, a run of whole 32-bit
// numbers at a time.
func (s *spill) each(fn func(vs []byte)) error {
	r := io.NewSectionReader(s.f, 0, int64(s.size))
	buf := make([]byte, 1<<20)
	for {
		k, err := io.ReadFull(r, buf)
		fn(buf[:k&^3])
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (s *spill) close() {
	_ = s.f.Close()
	if !s.removed {
		_ = os.Remove(s.f.Name())
	}
}
