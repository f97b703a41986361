package store

import (
	"bytes"
	"strings"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
)

// PutDocument stores a document, its blocks and its content hash in one
// transaction.
func (s *Store) PutDocument(doc *annotate.Document) error {
	return s.Commit(Change{New: []*annotate.Document{doc}})
}

// PutDocumentFrom stores a document with the bytes it was imported from
// (a PDF's, for its pages), in one transaction.
func (s *Store) PutDocumentFrom(doc *annotate.Document, original []byte) error {
	return s.Commit(Change{New: []*annotate.Document{doc}, Originals: map[string][]byte{doc.ID: original}})
}

// SetReference replaces a document's citation fields (nil: back to what
// the import found), in one transaction; renamed says the citation's
// title gave the document another.
func (s *Store) SetReference(docID string, ref *annotate.Reference) (doc *annotate.Document, renamed bool, err error) {
	var d annotate.Document
	err = s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDocuments)
		info := b.Get([]byte(docID))
		if info == nil {
			return annotate.Problemf(annotate.ErrNotFound, "no document has the id %s", docID)
		}
		if err := open("documents", docID, info, &d); err != nil {
			return err
		}
		was := d.Title
		retitle(&d, ref)
		renamed = d.Title != was
		d.Reference = ref
		rec, err := seal(&d)
		if err != nil {
			return err
		}
		if err := b.Put([]byte(docID), rec); err != nil || !renamed {
			return err
		}
		return journalRetitled(tx, docID)
	})
	if err != nil {
		return nil, false, err
	}
	return &d, renamed, nil
}

// retitle gives d the title of the citation ref, keeping the one the
// import found; ref nil gives it back.
func retitle(d *annotate.Document, ref *annotate.Reference) {
	switch {
	case ref != nil && strings.TrimSpace(ref.Title) != "" && strings.TrimSpace(ref.Title) != d.Title:
		if d.ImportedTitle == "" {
			d.ImportedTitle = d.Title
		}
		d.Title = strings.TrimSpace(ref.Title)
		if d.Title == d.ImportedTitle {
			d.ImportedTitle = ""
		}
	case ref == nil && d.ImportedTitle != "":
		d.Title, d.ImportedTitle = d.ImportedTitle, ""
	}
}

// journalRetitled notes in the kept search index's journal that a
// document and each of its annotations, whose entries hold its title,
// changed.
func journalRetitled(tx *bolt.Tx, docID string) error {
	if err := journal(tx, journalDocument, docID); err != nil {
		return err
	}
	c := tx.Bucket(bucketByDocument).Cursor()
	prefix := []byte(docID + "/")
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if err := journal(tx, journalAnnotation, string(k[len(prefix):])); err != nil {
			return err
		}
	}
	return nil
}

// putSource records where a document came from, so a changed file finds
// its document without reading them all.
func putSource(tx *bolt.Tx, doc *annotate.Document) error {
	if doc.Source == "" {
		return nil
	}
	return tx.Bucket(bucketSources).Put([]byte(doc.Source), []byte(doc.ID))
}

// indexSources fills the sources index of a library written before it
// existed.
func indexSources(tx *bolt.Tx) error {
	return tx.Bucket(bucketDocuments).ForEach(func(k, v []byte) error {
		var d annotate.Document
		if err := open("documents", string(k), v, &d); err != nil {
			return err
		}
		return putSource(tx, &d)
	})
}

// sealDocument encodes a document as its two records: the document
// without its blocks (cheap to list), and the blocks.
func sealDocument(doc *annotate.Document) ([]byte, []byte, error) {
	info := *doc
	info.Blocks = nil
	infoRec, err := seal(&info)
	if err != nil {
		return nil, nil, err
	}
	blocksRec, err := seal(doc.Blocks)
	return infoRec, blocksRec, err
}

// DocumentIDByHash returns the id of the document imported from bytes with
// this hash, or "" when there is none.
func (s *Store) DocumentIDByHash(hash string) (string, error) { return s.lookup(bucketHashes, hash) }

// DocumentIDBySource returns the id of the document imported from source,
// or "" when there is none.
func (s *Store) DocumentIDBySource(source string) (string, error) {
	return s.lookup(bucketSources, source)
}

// lookup reads one key of an index bucket ("" when absent).
func (s *Store) lookup(bucket []byte, key string) (string, error) {
	var v string
	err := s.db.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucket).Get([]byte(key)))
		return nil
	})
	return v, err
}

// Documents returns every document without its blocks, in id order (which
// is import order: ids grow with time).
func (s *Store) Documents() ([]annotate.Document, error) {
	var docs []annotate.Document
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketDocuments).ForEach(func(k, v []byte) error {
			var d annotate.Document
			if err := open("documents", string(k), v, &d); err != nil {
				return err
			}
			docs = append(docs, d)
			return nil
		})
	})
	return docs, err
}

// DocumentInfo returns one document without its blocks: cheap for a book.
func (s *Store) DocumentInfo(id string) (*annotate.Document, error) { return s.document(id, false) }

// Document returns one document with its blocks.
func (s *Store) Document(id string) (*annotate.Document, error) { return s.document(id, true) }

func (s *Store) document(id string, withBlocks bool) (*annotate.Document, error) {
	var d annotate.Document
	err := s.db.View(func(tx *bolt.Tx) error {
		info := tx.Bucket(bucketDocuments).Get([]byte(id))
		if info == nil {
			return annotate.Problemf(annotate.ErrNotFound, "no document has the id %s", id)
		}
		if err := open("documents", id, info, &d); err != nil || !withBlocks {
			return err
		}
		return open("blocks", id, tx.Bucket(bucketBlocks).Get([]byte(id)), &d.Blocks)
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}
