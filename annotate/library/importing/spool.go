package importing

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"io"
	"os"

	"github.com/google/uuid"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// Spool holds the annotations of a file being imported in temporary
// files, between reading the file through and committing them, in the
// order the file gives them: the annotations in one, the passages
// embedded in questions in the other. Memory keeps no more than the ids
// of those passages (16 bytes each), whatever the file's size: the
// annotations are read back in batches, in one pass, then the passages.
type Spool struct {
	name                  string // the file's, for its sentences
	maxPassages           int
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

// NewSpool makes the temporary files for importing the file name. A file
// may embed at most maxPassages distinct passages in its questions: their
// ids are the one thing an import keeps in memory for each (about 40
// bytes), so a hostile file of billions cannot exhaust it.
func NewSpool(name string, maxPassages int) (*Spool, error) {
	a, err := newSpoolFile()
	if err != nil {
		return nil, err
	}
	p, err := newSpoolFile()
	if err != nil {
		a.close()
		return nil, err
	}
	return &Spool{name: name, maxPassages: maxPassages, annotations: a, passages: p, held: map[[16]byte]bool{}}, nil
}

func newSpoolFile() (*spoolFile, error) {
	f, err := os.CreateTemp("", "scholia-import-*")
	if err != nil {
		return nil, fmt.Errorf("cannot make a temporary file for the import: %w", err)
	}
	w := bufio.NewWriterSize(f, 256<<10)
	return &spoolFile{f: f, w: w, enc: gob.NewEncoder(w)}, nil
}

// Close removes the temporary files.
func (s *Spool) Close() {
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

// Add writes one annotation read from the file.
func (s *Spool) Add(in interop.Incoming) error {
	to := s.annotations
	if in.Passage {
		to = s.passages
		k := key(in.Annotation.ID)
		if _, ok := s.held[k]; !ok && len(s.held) >= s.maxPassages {
			return annotate.Problemf(annotate.ErrTooLarge, "%s embeds more than %d passages that questions are answered with; Scholia imports up to %d from one file", s.name, s.maxPassages, s.maxPassages)
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

// Finish makes the records readable.
func (s *Spool) Finish() error {
	for _, f := range []*spoolFile{s.annotations, s.passages} {
		if err := f.w.Flush(); err != nil {
			return fmt.Errorf("cannot write the import's temporary file: %w", err)
		}
	}
	return nil
}

// Each hands yield the annotations back in the file's order, in batches
// of at most n: first those the file holds, then the passages questions
// are answered with that the file does not hold itself, each once.
func (s *Spool) Each(n int, yield func([]interop.Incoming) error) error {
	err := s.annotations.each(n, func(items []interop.Incoming) error {
		for _, in := range items {
			if k := key(in.Annotation.ID); isPassage(s.held, k) {
				s.held[k] = true
			}
		}
		return yield(items)
	})
	if err != nil {
		return err
	}
	return s.passages.each(n, func(items []interop.Incoming) error {
		keep := items[:0]
		for _, in := range items {
			if k := key(in.Annotation.ID); !s.held[k] {
				s.held[k] = true
				keep = append(keep, in)
			}
		}
		return yield(keep)
	})
}

// isPassage says whether k is one of the passages questions are
// answered with.
func isPassage(passages map[[16]byte]bool, k [16]byte) bool {
	_, ok := passages[k]
	return ok
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
