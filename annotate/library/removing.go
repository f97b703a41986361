package library

import (
	"scholia/annotate"
	"scholia/annotate/search"
	"scholia/annotate/store"
)

// Removing a document moves it to the trash with everything that hangs
// off it (see annotate/store's removed.go), in one transaction and one
// undo step: Undo brings it back as it was. Only PurgeDocument and
// EmptyTrash delete for good. Importing the same bytes again while it is
// in the trash brings it back, its annotations with it, rather than
// making a second document that lacks them.

// kindDocument names a document in an undo step's sentences.
const kindDocument annotate.Kind = "document"

// RemovedDocument is a document in the trash.
type RemovedDocument = store.Removed

// RemoveDocument moves a document and its annotations to the trash and
// returns it (without its blocks). Undo brings it back.
func (l *Library) RemoveDocument(id string) (*annotate.Document, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	doc, err := l.removeDocument(id)
	if err != nil {
		return nil, err
	}
	l.undo.push("the removal of “"+doc.Title+"”", kindDocument, func() error {
		_, err := l.restoreDocument(id)
		return err
	})
	return doc, nil
}

func (l *Library) removeDocument(id string) (*annotate.Document, error) {
	doc, err := l.store.DocumentInfo(id)
	if err != nil {
		return nil, err
	}
	anns, err := l.store.RemoveDocument(id, l.now())
	if err != nil {
		return nil, err
	}
	l.search.indexed(func(ix *search.Index) { ix.RemoveDocument(id, anns) })
	return doc, nil
}

// RestoreDocument brings a removed document back from the trash with its
// annotations and returns it (without its blocks). Undo removes it again.
func (l *Library) RestoreDocument(id string) (*annotate.Document, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	doc, err := l.restoreDocument(id)
	if err != nil {
		return nil, err
	}
	l.undo.push("bringing back “"+doc.Title+"”", kindDocument, func() error {
		_, err := l.removeDocument(id)
		return err
	})
	return doc, nil
}

func (l *Library) restoreDocument(id string) (*annotate.Document, error) {
	doc, err := l.store.RestoreDocument(id)
	if err != nil {
		return nil, err
	}
	l.reindex(doc)
	return doc, nil
}

// RemovedDocuments lists the documents in the trash, most recently
// removed first.
func (l *Library) RemovedDocuments() ([]RemovedDocument, error) { return l.store.RemovedDocuments() }

// PurgeDocument deletes a removed document and its annotations for good.
func (l *Library) PurgeDocument(id string) error {
	l.changing.Lock()
	defer l.changing.Unlock()
	return l.store.PurgeDocument(id)
}

// PurgeAnnotation deletes an annotation in the trash for good.
func (l *Library) PurgeAnnotation(id string) error {
	l.changing.Lock()
	defer l.changing.Unlock()
	return l.store.PurgeAnnotation(id)
}

// EmptyTrash deletes every removed document and every deleted annotation
// for good, and says how many of each.
func (l *Library) EmptyTrash() (docs, anns int, err error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	return l.store.EmptyTrash()
}

// FindRemoved resolves what a person typed to name a document in the
// trash, by the rules of Find.
func (l *Library) FindRemoved(ref string) (*RemovedDocument, error) {
	removed, err := l.store.RemovedDocuments()
	if err != nil {
		return nil, err
	}
	docs := make([]annotate.Document, len(removed))
	for i, r := range removed {
		docs[i] = r.Document
	}
	i, err := pickDocument(docs, ref, "the trash has no document with the id or title %q; scholia trash lists them")
	if err != nil {
		return nil, err
	}
	return &removed[i], nil
}

// removedWith is the removed document with this hash, or else this
// source; nil when the trash has none.
func (l *Library) removedWith(hash, source string) (*RemovedDocument, error) {
	removed, err := l.store.RemovedDocuments()
	if err != nil {
		return nil, err
	}
	for i, r := range removed {
		if r.Document.Hash == hash {
			return &removed[i], nil
		}
	}
	for i, r := range removed {
		if source != "" && r.Document.Source == source {
			return &removed[i], nil
		}
	}
	return nil, nil
}

// bringBack restores from the trash the document an import of bytes with
// this hash from source finds there, and returns it; nil when the library
// holds that text or source already, or the trash has neither.
func (l *Library) bringBack(hash, source string) (*annotate.Document, error) {
	if id, err := l.store.DocumentIDByHash(hash); err != nil || id != "" {
		return nil, err
	}
	r, err := l.removedWith(hash, source)
	if err != nil || r == nil {
		return nil, err
	}
	if r.Document.Hash != hash {
		if id, err := l.store.DocumentIDBySource(source); err != nil || id != "" {
			return nil, err
		}
	}
	l.changing.Lock()
	defer l.changing.Unlock()
	return l.restoreDocument(r.Document.ID)
}
