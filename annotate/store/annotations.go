package store

import (
	"bytes"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

func byDocumentKey(docID, annID string) []byte { return []byte(docID + "/" + annID) }

// Deleted is an annotation in the trash.
type Deleted struct {
	Annotation annotate.Annotation `json:"annotation"`
	DeletedAt  time.Time           `json:"deleted"`
}

// PutAnnotation creates or replaces an annotation, keeping the indexes of
// open questions and tags in step, in one transaction. Its document must
// exist.
func (s *Store) PutAnnotation(a *annotate.Annotation) error {
	return s.PutAnnotations([]*annotate.Annotation{a})
}

// PutAnnotations creates or replaces several annotations in one
// transaction: all are saved, or none.
func (s *Store) PutAnnotations(anns []*annotate.Annotation) error {
	return s.Commit(Change{Annotations: anns})
}

func putIn(tx *bolt.Tx, a *annotate.Annotation, rec []byte) error {
	if tx.Bucket(bucketDocuments).Get([]byte(a.DocID)) == nil {
		return annotate.Problemf(annotate.ErrNotFound, "no document has the id %s", a.DocID)
	}
	old, err := annotationIn(tx, a.ID)
	if err != nil {
		return err
	}
	if old != nil {
		if err := unindex(tx, old); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketAnnotations).Put([]byte(a.ID), rec); err != nil {
		return err
	}
	if err := journal(tx, journalAnnotation, a.ID); err != nil {
		return err
	}
	return index(tx, a)
}

// annotationIn reads an annotation inside a transaction; nil when absent.
func annotationIn(tx *bolt.Tx, id string) (*annotate.Annotation, error) {
	raw := tx.Bucket(bucketAnnotations).Get([]byte(id))
	if raw == nil {
		return nil, nil
	}
	var a annotate.Annotation
	if err := open("annotations", id, raw, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// appendLive appends the annotation with this id, if it exists.
func appendLive(tx *bolt.Tx, out []annotate.Annotation, id string) ([]annotate.Annotation, error) {
	a, err := annotationIn(tx, id)
	if err != nil || a == nil {
		return out, err
	}
	return append(out, *a), nil
}

// index adds an annotation to the document index, the open questions and
// the tag counts.
func index(tx *bolt.Tx, a *annotate.Annotation) error {
	if err := tx.Bucket(bucketByDocument).Put(byDocumentKey(a.DocID, a.ID), nil); err != nil {
		return err
	}
	if a.Kind == annotate.KindQuestion && a.Status == annotate.StatusOpen {
		if err := tx.Bucket(bucketQuestions).Put([]byte(a.ID), []byte(a.DocID)); err != nil {
			return err
		}
	}
	if a.Answer != nil && a.Answer.Link != "" {
		if err := tx.Bucket(bucketLinks).Put(linkKey(a), nil); err != nil {
			return err
		}
	}
	return countTags(tx, a.Tags, 1)
}

// unindex removes what index added.
func unindex(tx *bolt.Tx, a *annotate.Annotation) error {
	if err := tx.Bucket(bucketByDocument).Delete(byDocumentKey(a.DocID, a.ID)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketQuestions).Delete([]byte(a.ID)); err != nil {
		return err
	}
	if a.Answer != nil && a.Answer.Link != "" {
		if err := tx.Bucket(bucketLinks).Delete(linkKey(a)); err != nil {
			return err
		}
	}
	return countTags(tx, a.Tags, -1)
}

func countTags(tx *bolt.Tx, tags []string, d int) error {
	b := tx.Bucket(bucketTags)
	for _, t := range tags {
		n, _ := strconv.Atoi(string(b.Get([]byte(t))))
		n += d
		var err error
		if n <= 0 {
			err = b.Delete([]byte(t))
		} else {
			err = b.Put([]byte(t), []byte(strconv.Itoa(n)))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Annotation returns one live annotation.
func (s *Store) Annotation(id string) (*annotate.Annotation, error) {
	var a *annotate.Annotation
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		a, err = annotationIn(tx, id)
		if err == nil && a == nil {
			err = annotate.Problemf(annotate.ErrNotFound, "no annotation has the id %s", id)
		}
		return err
	})
	return a, err
}

// Annotations returns a document's annotations in creation order.
func (s *Store) Annotations(docID string) ([]annotate.Annotation, error) {
	var out []annotate.Annotation
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := []byte(docID + "/")
		c := tx.Bucket(bucketByDocument).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			var err error
			if out, err = appendLive(tx, out, string(k[len(prefix):])); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// AllAnnotations returns every live annotation of the library, in creation
// order. The records are copied out of one read transaction, then checked
// and decoded on every core.
func (s *Store) AllAnnotations() ([]annotate.Annotation, error) {
	var keys []string
	var raws [][]byte
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAnnotations).ForEach(func(k, v []byte) error {
			keys = append(keys, string(k))
			raws = append(raws, append([]byte(nil), v...))
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	out := make([]annotate.Annotation, len(raws))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(raws)/2000))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			defer annotate.CatchPanic(&errs[w])
			for i := len(raws) * w / workers; i < len(raws)*(w+1)/workers; i++ {
				if err := open("annotations", keys[i], raws[i], &out[i]); err != nil {
					errs[w] = err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// OpenQuestions returns every open question of the library.
func (s *Store) OpenQuestions() ([]annotate.Annotation, error) {
	var out []annotate.Annotation
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketQuestions).ForEach(func(k, _ []byte) error {
			var err error
			out, err = appendLive(tx, out, string(k))
			return err
		})
	})
	return out, err
}

// OpenQuestionCount is how many open questions the library holds, read
// from the keys of their index alone: the questions themselves lie all
// over the file, and reading them would map in their pages.
func (s *Store) OpenQuestionCount() (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketQuestions).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			n++
		}
		return nil
	})
	return n, err
}

// Tags returns every tag in use, most used first.
func (s *Store) Tags() ([]string, error) {
	type tag struct {
		name string
		n    int
	}
	var tags []tag
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTags).ForEach(func(k, v []byte) error {
			n, _ := strconv.Atoi(string(v))
			tags = append(tags, tag{string(k), n})
			return nil
		})
	})
	sort.SliceStable(tags, func(i, j int) bool { return tags[i].n > tags[j].n })
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.name
	}
	return out, err
}

// AnnotationCounts returns how many annotations each document has.
func (s *Store) AnnotationCounts() (map[string]int, error) {
	counts := map[string]int{}
	err := s.db.View(func(tx *bolt.Tx) error {
		// The keys (document/annotation) come document by document:
		// counted in a run, a document is one map entry, not one per key.
		var doc []byte
		n := 0
		err := tx.Bucket(bucketByDocument).ForEach(func(k, _ []byte) error {
			i := bytes.IndexByte(k, '/')
			if i <= 0 {
				return nil
			}
			if !bytes.Equal(k[:i], doc) {
				if n > 0 {
					counts[string(doc)] += n
				}
				doc, n = append(doc[:0], k[:i]...), 0
			}
			n++
			return nil
		})
		if n > 0 {
			counts[string(doc)] += n
		}
		return err
	})
	return counts, err
}

// DeleteAnnotation moves an annotation to the trash in one transaction.
func (s *Store) DeleteAnnotation(id string, at time.Time) error {
	return s.update(func(tx *bolt.Tx) error { return trashIn(tx, id, at) })
}

// trashIn moves an annotation to the trash inside a transaction.
func trashIn(tx *bolt.Tx, id string, at time.Time) error {
	a, err := annotationIn(tx, id)
	if err != nil {
		return err
	}
	if a == nil {
		return annotate.Problemf(annotate.ErrNotFound, "no annotation has the id %s", id)
	}
	rec, err := seal(Deleted{Annotation: *a, DeletedAt: at})
	if err != nil {
		return err
	}
	if err := unindex(tx, a); err != nil {
		return err
	}
	if err := tx.Bucket(bucketAnnotations).Delete([]byte(id)); err != nil {
		return err
	}
	if err := journal(tx, journalAnnotation, id); err != nil {
		return err
	}
	return tx.Bucket(bucketTrash).Put([]byte(id), rec)
}

// removeIn removes a live annotation for good inside a transaction.
func removeIn(tx *bolt.Tx, id string) error {
	a, err := annotationIn(tx, id)
	if err != nil {
		return err
	}
	if a == nil {
		return annotate.Problemf(annotate.ErrNotFound, "no annotation has the id %s", id)
	}
	if err := unindex(tx, a); err != nil {
		return err
	}
	if err := journal(tx, journalAnnotation, id); err != nil {
		return err
	}
	return tx.Bucket(bucketAnnotations).Delete([]byte(id))
}

// Trashed returns one annotation in the trash.
func (s *Store) Trashed(id string) (*Deleted, error) {
	var d *Deleted
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketTrash).Get([]byte(id))
		if raw == nil {
			return annotate.Problemf(annotate.ErrNotFound, "the trash has no annotation %s", id)
		}
		d = &Deleted{}
		return open("trash", id, raw, d)
	})
	return d, err
}

// RestoreAnnotation moves an annotation back from the trash.
func (s *Store) RestoreAnnotation(id string) (*annotate.Annotation, error) {
	var out *annotate.Annotation
	err := s.update(func(tx *bolt.Tx) error {
		var err error
		out, err = restoreIn(tx, id)
		return err
	})
	return out, err
}

// restoreIn moves an annotation back from the trash inside a transaction.
func restoreIn(tx *bolt.Tx, id string) (*annotate.Annotation, error) {
	raw := tx.Bucket(bucketTrash).Get([]byte(id))
	if raw == nil {
		return nil, annotate.Problemf(annotate.ErrNotFound, "the trash has no annotation %s", id)
	}
	var d Deleted
	if err := open("trash", id, raw, &d); err != nil {
		return nil, err
	}
	rec, err := seal(&d.Annotation)
	if err != nil {
		return nil, err
	}
	if err := tx.Bucket(bucketTrash).Delete([]byte(id)); err != nil {
		return nil, err
	}
	if err := tx.Bucket(bucketAnnotations).Put([]byte(id), rec); err != nil {
		return nil, err
	}
	if err := journal(tx, journalAnnotation, id); err != nil {
		return nil, err
	}
	return &d.Annotation, index(tx, &d.Annotation)
}

// untrashIn takes an annotation out of the trash inside a transaction,
// for the change to write it back as it has it.
func untrashIn(tx *bolt.Tx, id string) error {
	trash := tx.Bucket(bucketTrash)
	if trash.Get([]byte(id)) == nil {
		return annotate.Problemf(annotate.ErrNotFound, "the trash has no annotation %s", id)
	}
	return trash.Delete([]byte(id))
}

// Trash lists the deleted annotations of a document ("" for all), most
// recently deleted first.
func (s *Store) Trash(docID string) ([]Deleted, error) {
	var out []Deleted
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTrash).ForEach(func(k, v []byte) error {
			var d Deleted
			if err := open("trash", string(k), v, &d); err != nil {
				return err
			}
			if docID == "" || d.Annotation.DocID == docID {
				out = append(out, d)
			}
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].DeletedAt.After(out[j].DeletedAt) })
	return out, err
}

// Known says which of ids the library holds, live or in the trash.
func (s *Store) Known(ids []string) (map[string]bool, error) {
	known := map[string]bool{}
	err := s.db.View(func(tx *bolt.Tx) error {
		live, trash := tx.Bucket(bucketAnnotations), tx.Bucket(bucketTrash)
		for _, id := range ids {
			if live.Get([]byte(id)) != nil || trash.Get([]byte(id)) != nil {
				known[id] = true
			}
		}
		return nil
	})
	return known, err
}
