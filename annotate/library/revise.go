package library

import (
	"scholia/annotate"
	"scholia/annotate/anchor"
	"scholia/annotate/search"
)

// revise makes doc the new text of the document with id prev: every
// annotation is found again in the new text (annotate/anchor) or kept as
// an orphan with its old quote, and the old text is kept as a revision,
// all in one transaction, with a PDF's bytes (original) for its pages.
// Nothing is dropped.
func (l *Library) revise(prev string, doc *annotate.Document, original []byte) (Imported, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	old, err := l.store.DocumentInfo(prev)
	if err != nil {
		return Imported{}, err
	}
	doc.ID, doc.Source, doc.Imported = old.ID, old.Source, l.now().UTC()
	doc.Revision = max(old.Revision, 1) + 1
	// The reader's citation details, and the title they gave, stay.
	doc.Reference = old.Reference
	if old.ImportedTitle != "" {
		doc.Title, doc.ImportedTitle = old.Title, doc.Title
	}
	anns, err := l.store.Annotations(prev)
	if err != nil {
		return Imported{}, err
	}
	text := anchor.NewText([]rune(doc.Text()))
	res := Imported{Document: doc, Revised: true}
	changed := make([]*annotate.Annotation, 0, len(anns))
	for i := range anns {
		a := &anns[i]
		if a.Anchor == nil {
			continue
		}
		r := text.Reanchor(*a.Anchor)
		if r.Orphan {
			a.Orphan = true
			res.Orphans++
		} else {
			a.Anchor, a.Orphan = &r.Anchor, false
			res.Placed++
		}
		changed = append(changed, a)
	}
	if err := l.store.ReviseDocument(doc, changed, original); err != nil {
		return Imported{}, err
	}
	l.search.indexed(func(ix *search.Index) {
		ix.Put(search.DocumentEntry(*doc))
		for i := range anns { // all of them: the title may have changed too
			ix.Put(search.AnnotationEntry(anns[i], doc.Title))
		}
	})
	return res, nil
}

// PlaceAnnotation anchors an annotation (an orphan, usually) on a passage
// of its document again, in one transaction.
func (l *Library) PlaceAnnotation(id string, start, end int) (*annotate.Annotation, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	a, err := l.store.Annotation(id)
	if err != nil {
		return nil, err
	}
	doc, err := l.texts.text(a.DocID)
	if err != nil {
		return nil, err
	}
	an, err := anchorIn(doc, start, end)
	if err != nil {
		return nil, err
	}
	placed := *a
	placed.Anchor, placed.Orphan = &an, false
	return l.update(placed, "the edit")
}

// Revisions returns a document's earlier texts, oldest first.
func (l *Library) Revisions(docID string) ([]annotate.Document, error) {
	return l.store.Revisions(docID)
}
