package library

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/google/uuid"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// spool holds the annotations of a file being imported in temporary
// files, between reading the file through and committing them, in the
// order the file gives them: the annotations in one, the passages
// embedded in questions in the other. Memory keeps no more than the ids
// of those passages (16 bytes each), whatever the file's size: the
// annotations are read back in batches, in one pass, then the passages.
type spool struct {
	name                  string // the file's, for its sentences
	annotations, passages *spoolFile
	// held maps the id of each passage embedded in a question to whether
	// the file holds that annotation itself (then it is not added from
	// the question).
	held map[[16]byte]bool
}

// spoolFile is one temporary file of Incoming records as a gob stream.
type spoolFile struct {
	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
	n   int // records
}

// maxPassages is the most distinct passages embedded in questions a file
// may hold: their ids are the one thing an import keeps in memory for
// each (about 40 bytes), so a hostile file of billions cannot exhaust it.
// A library would need millions of questions answered with passages to
// export so many.
var maxPassages = 4_000_000

func newSpool(name string) (*spool, error) {
	a, err := newSpoolFile()
	if err != nil {
		return nil, err
	}
	p, err := newSpoolFile()
	if err != nil {
		a.close()
		return nil, err
	}
	return &spool{name: name, annotations: a, passages: p, held: map[[16]byte]bool{}}, nil
}

func newSpoolFile() (*spoolFile, error) {
	f, err := os.CreateTemp("", "scholia-import-*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for the import: %w", err)
	}
	w := bufio.NewWriterSize(f, 256<<10)
	return &spoolFile{f: f, w: w, enc: gob.NewEncoder(w)}, nil
}

func (s *spool) close() {
	s.annotations.close()
	s.passages.close()
}

func (s *spoolFile) close() {
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
	to := s.annotations
	if in.Passage {
		to = s.passages
		k := key(in.Annotation.ID)
		if _, ok := s.held[k]; !ok && len(s.held) >= maxPassages {
			return annotate.Problemf(annotate.ErrTooLarge, "%s embeds more than %d passages that questions are answered with; Scholia imports up to %d from one file", s.name, maxPassages, maxPassages)
		}
		s.held[k] = false
	}
	in.Passage = false
	if err := to.enc.Encode(&in); err != nil {
		return fmt.Errorf("cannot write the import's temporary file: %w", err)
	}
	to.n++
	return nil
}

// finish makes the records readable.
func (s *spool) finish() error {
	for _, f := range []*spoolFile{s.annotations, s.passages} {
		if err := f.w.Flush(); err != nil {
			return fmt.Errorf("cannot write the import's temporary file: %w", err)
		}
	}
	return nil
}

// each reads the records back in order, in batches of at most n, and
// hands each batch to yield.
func (s *spoolFile) each(n int, yield func([]interop.Incoming) error) error {
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return spoolProblem(err)
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(s.f, 1<<20))
	for left := s.n; left > 0; {
		batch := make([]interop.Incoming, min(n, left))
		for i := range batch {
			if err := dec.Decode(&batch[i]); err != nil {
				return spoolProblem(err)
			}
		}
		left -= len(batch)
		if err := yield(batch); err != nil {
			return err
		}
	}
	return nil
}

func spoolProblem(err error) error {
	return fmt.Errorf("cannot read the import's temporary file: %w", err)
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
