package library

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/google/uuid"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// spool holds the annotations of a file being imported in a temporary
// file, between reading the file through and committing them: memory
// keeps only where each record is, by source, and one id per annotation
// (16 bytes) to find those the file holds twice.
type spool struct {
	f        *os.File
	w        *bufio.Writer
	size     int64
	bySource map[string][]int64
	sources  []string // in the order the file names them
	seen     map[[16]byte]bool
	passages []int64 // passages embedded in questions, placed last
	dups     int     // annotations the file holds twice
}

func newSpool() (*spool, error) {
	f, err := os.CreateTemp("", "scholia-import-*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for the import: %w", err)
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, 256<<10), bySource: map[string][]int64{}, seen: map[[16]byte]bool{}}, nil
}

func (s *spool) close() {
	s.f.Close()
	os.Remove(s.f.Name())
}

func key(id string) [16]byte {
	if u, err := uuid.Parse(id); err == nil {
		return u
	}
	return uuid.NewSHA1(uuid.NameSpaceURL, []byte(id))
}

// add writes one annotation read from the file.
func (s *spool) add(in interop.Incoming) error {
	if !in.Passage {
		k := key(in.Annotation.ID)
		if s.seen[k] {
			s.dups++
			return nil
		}
		s.seen[k] = true
	}
	off, err := s.write(in)
	if err != nil {
		return err
	}
	if in.Passage {
		s.passages = append(s.passages, off)
		return nil
	}
	s.place(in.Source, off)
	return nil
}

func (s *spool) place(source string, off int64) {
	if _, ok := s.bySource[source]; !ok {
		s.sources = append(s.sources, source)
	}
	s.bySource[source] = append(s.bySource[source], off)
}

func (s *spool) write(in interop.Incoming) (int64, error) {
	data, err := json.Marshal(in)
	if err != nil {
		return 0, err
	}
	off := s.size
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	s.w.Write(n[:])
	if _, err := s.w.Write(data); err != nil {
		return 0, fmt.Errorf("cannot write the import's temporary file: %w", err)
	}
	s.size += int64(4 + len(data))
	return off, nil
}

// finish adds the passages the file does not hold itself, each once, and
// makes the records readable.
func (s *spool) finish() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("cannot write the import's temporary file: %w", err)
	}
	for _, off := range s.passages {
		p, err := s.readAt(off)
		if err != nil {
			return err
		}
		if k := key(p.Annotation.ID); !s.seen[k] {
			s.seen[k] = true
			s.place(p.Source, off)
		}
	}
	s.passages = nil
	return nil
}

// read reads records back.
func (s *spool) read(offs []int64) ([]interop.Incoming, error) {
	out := make([]interop.Incoming, 0, len(offs))
	for _, off := range offs {
		in, err := s.readAt(off)
		if err != nil {
			return nil, err
		}
		in.Passage = false
		out = append(out, in)
	}
	return out, nil
}

func (s *spool) readAt(off int64) (interop.Incoming, error) {
	var in interop.Incoming
	var n [4]byte
	if _, err := s.f.ReadAt(n[:], off); err != nil {
		return in, fmt.Errorf("cannot read the import's temporary file: %w", err)
	}
	data := make([]byte, binary.BigEndian.Uint32(n[:]))
	if _, err := s.f.ReadAt(data, off+4); err != nil && !errors.Is(err, io.EOF) {
		return in, fmt.Errorf("cannot read the import's temporary file: %w", err)
	}
	return in, json.Unmarshal(data, &in)
}

// readProblem is the sentence for a file of annotations that cannot be
// opened.
func readProblem(path string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return annotate.Problemf(annotate.ErrNotFound, "cannot import %s: there is no such file", path)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("cannot import %s: permission denied", path)
	}
	return fmt.Errorf("cannot import %s: %w", path, err)
}
