package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// Change is several writes that must all happen or none: new documents,
// new revisions of documents (the earlier text kept), annotations brought
// back from the trash (as they were, or as Annotations has them when it
// holds them too), annotations created or replaced, annotations moved to
// the trash (at TrashedAt), and annotations removed for good (not to the
// trash), in that order.
type Change struct {
	New         []*annotate.Document
	Revised     []*annotate.Document
	Restored    []string
	Annotations []*annotate.Annotation
	Trashed     []string
	TrashedAt   time.Time
	Removed     []string
	// Originals are the bytes new or revised documents were imported
	// from, by document id, kept for a PDF's pages; a revised document
	// without any here forgets those kept.
	Originals map[string][]byte
}

// sealed is a document encoded as its two records.
type sealed struct {
	doc          *annotate.Document
	info, blocks []byte
}

func sealAll(docs []*annotate.Document) ([]sealed, error) {
	out := make([]sealed, len(docs))
	for i, d := range docs {
		if d.ID == "" || d.Hash == "" {
			return nil, annotate.Problemf(annotate.ErrInvalid, "a document needs an id and a hash")
		}
		info, blocks, err := sealDocument(d)
		if err != nil {
			return nil, err
		}
		out[i] = sealed{d, info, blocks}
	}
	return out, nil
}

// Commit makes a change in one transaction.
func (s *Store) Commit(c Change) error {
	news, err := sealAll(c.New)
	if err != nil {
		return err
	}
	revised, err := sealAll(c.Revised)
	if err != nil {
		return err
	}
	recs := make([][]byte, len(c.Annotations))
	for i, a := range c.Annotations {
		if err := a.Validate(); err != nil {
			return err
		}
		if recs[i], err = seal(a); err != nil {
			return err
		}
	}
	return s.update(func(tx *bolt.Tx) error {
		for _, d := range news {
			if err := putDocumentIn(tx, d); err != nil {
				return err
			}
			if data, ok := c.Originals[d.doc.ID]; ok {
				if err := putOriginalIn(tx, []byte(d.doc.ID), data); err != nil {
					return err
				}
			}
		}
		for _, d := range revised {
			if err := keepRevision(tx, d.doc.ID); err != nil {
				return err
			}
			if err := putDocumentIn(tx, d); err != nil {
				return err
			}
			if err := putOriginalIn(tx, []byte(d.doc.ID), c.Originals[d.doc.ID]); err != nil {
				return err
			}
		}
		written := make(map[string]bool, len(c.Annotations))
		for _, a := range c.Annotations {
			written[a.ID] = true
		}
		for _, id := range c.Restored {
			if written[id] {
				// Written below as the change has it: taken out of the
				// trash only, so the record is written once.
				if err := untrashIn(tx, id); err != nil {
					return err
				}
			} else if _, err := restoreIn(tx, id); err != nil {
				return err
			}
		}
		for i, a := range c.Annotations {
			if err := putIn(tx, a, recs[i]); err != nil {
				return err
			}
		}
		for _, id := range c.Trashed {
			if err := trashIn(tx, id, c.TrashedAt); err != nil {
				return err
			}
		}
		for _, id := range c.Removed {
			if err := removeIn(tx, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// putDocumentIn writes a document's records and its hash and source
// indexes.
func putDocumentIn(tx *bolt.Tx, d sealed) error {
	id := []byte(d.doc.ID)
	if err := tx.Bucket(bucketDocuments).Put(id, d.info); err != nil {
		return err
	}
	if err := tx.Bucket(bucketBlocks).Put(id, d.blocks); err != nil {
		return err
	}
	if err := tx.Bucket(bucketHashes).Put([]byte(d.doc.Hash), id); err != nil {
		return err
	}
	if err := journal(tx, journalDocument, d.doc.ID); err != nil {
		return err
	}
	return putSource(tx, d.doc)
}

// keepRevision copies a document's current text under revisions before it
// is replaced.
func keepRevision(tx *bolt.Tx, docID string) error {
	id := []byte(docID)
	oldInfo := tx.Bucket(bucketDocuments).Get(id)
	if oldInfo == nil {
		return annotate.Problemf(annotate.ErrNotFound, "no document has the id %s", docID)
	}
	var old annotate.Document
	if err := open("documents", docID, oldInfo, &old); err != nil {
		return err
	}
	if err := open("blocks", docID, tx.Bucket(bucketBlocks).Get(id), &old.Blocks); err != nil {
		return err
	}
	oldRec, err := seal(&old)
	if err != nil {
		return err
	}
	key := []byte(fmt.Sprintf("%s/%06d", docID, old.Revision))
	return tx.Bucket(bucketRevisions).Put(key, oldRec)
}
