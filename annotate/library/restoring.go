package library

import (
	"slices"

	"scholia/annotate"
	"scholia/annotate/anchor"
	"scholia/annotate/search"
	"scholia/annotate/store"
)

// Restoring follows the rule of highlighting.go: a passage carries one
// highlight. A highlight brought back from the trash onto a passage that
// now has a highlight of exactly its range and colour (the reader deleted
// or undid it, then highlighted the passage again) does not lay a second
// one over it: the two become one, as merging does. The older is kept, so
// links to it hold; the other's note is added to its note, its tags to its
// tags, answers linking to the other point at it, and the other is
// removed, as everything it held is now in the kept one (a trash entry
// for it would only join again when restored). It is one transaction and
// one Undo, which puts both back as they were. A highlight of another
// colour, or one that only overlaps, is restored beside it, as Separate
// would lay it; notes and questions are always restored as they were.

// RestoreAnnotation brings an annotation back from the trash in one
// transaction and returns the annotation that now holds it: itself, or
// the highlight it joined. Undo puts it back in the trash.
func (l *Library) RestoreAnnotation(id string) (*annotate.Annotation, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	a, undo, err := l.restore(id)
	if err != nil {
		return nil, err
	}
	l.undo.push("the restore", a.Kind, undo)
	return a, nil
}

// restoreHook, when set (by tests), is called by a restore between
// reading what it changes and committing.
var restoreHook func()

// restore brings an annotation back from the trash, joining a twin
// highlight, in one transaction; it returns the annotation that holds it
// and what puts everything back as it was.
func (l *Library) restore(id string) (*annotate.Annotation, func() error, error) {
	d, err := l.store.Trashed(id)
	if err != nil {
		return nil, nil, err
	}
	was, a := d.Annotation, d.Annotation
	if err := l.texts.place(&a); err != nil {
		return nil, nil, err
	}
	twin, err := twin(l.store, a)
	if err != nil {
		return nil, nil, err
	}
	change := store.Change{Restored: []string{id}, Annotations: []*annotate.Annotation{&a}}
	back := store.Change{Annotations: []*annotate.Annotation{&was}, Trashed: []string{id}, TrashedAt: d.DeletedAt}
	kept := &a
	if twin != nil {
		keep, other := a, *twin
		if oldest([]annotate.Annotation{a, *twin}).ID == twin.ID {
			keep, other = *twin, a
		}
		merged := keep
		merged.Body = joinNotes([]string{keep.Body, other.Body})
		merged.Tags = CleanTags(append(slices.Clone(keep.Tags), other.Tags...))
		merged.Modified = l.now().UTC()
		relinked, before, err := relink(l.store, []string{other.ID}, keep.ID)
		if err != nil {
			return nil, nil, err
		}
		change.Annotations = append([]*annotate.Annotation{&merged}, relinked...)
		change.Removed = []string{other.ID}
		back.Annotations = append([]*annotate.Annotation{&was, twin}, before...)
		kept = &merged
	}
	if restoreHook != nil {
		restoreHook()
	}
	if err := l.store.Commit(change); err != nil {
		return nil, nil, err
	}
	l.search.indexed(func(ix *search.Index) {
		ix.Remove(id)
		for _, gone := range change.Removed {
			ix.Remove(gone)
		}
	})
	for _, c := range change.Annotations {
		l.search.putAnnotation(c)
	}
	after := *kept
	return kept, func() error { return l.unrestore(after, back) }, nil
}

// unrestore puts back what a restore changed, unless the annotation that
// holds the restored one was changed since.
func (l *Library) unrestore(after annotate.Annotation, back store.Change) error {
	if _, err := asLeft(l.store, after); err != nil {
		return err
	}
	if err := l.store.Commit(back); err != nil {
		return err
	}
	for _, a := range back.Annotations[1:] {
		l.search.putAnnotation(a)
	}
	l.search.indexed(func(ix *search.Index) { ix.Remove(back.Trashed[0]) })
	return nil
}

// twin is the oldest other live highlight in s on exactly a's passage in
// a's colour, or nil; only a highlight has one.
func twin(s *store.Store, a annotate.Annotation) (*annotate.Annotation, error) {
	if a.Kind != annotate.KindHighlight || a.Anchor == nil || a.Orphan {
		return nil, nil
	}
	anns, err := s.AnnotationsOver(a.DocID, a.Anchor.Start, a.Anchor.End)
	if err != nil {
		return nil, err
	}
	var same []annotate.Annotation
	for _, h := range anns {
		if h.ID != a.ID && h.Kind == annotate.KindHighlight && h.Colour == a.Colour && h.Anchor != nil && !h.Orphan &&
			h.Anchor.Start == a.Anchor.Start && h.Anchor.End == a.Anchor.End {
			same = append(same, h)
		}
	}
	if len(same) == 0 {
		return nil, nil
	}
	t := oldest(same)
	return &t, nil
}

// place checks a restored annotation's anchor against its document's
// text, which may have changed while it was in the trash, and finds the
// passage again or makes it an orphan.
func (t *texts) place(a *annotate.Annotation) error {
	if a.Anchor == nil || a.Orphan {
		return nil
	}
	doc, err := t.text(a.DocID)
	if err != nil {
		return err
	}
	if an := a.Anchor; an.Start >= 0 && an.Start < an.End && an.End <= doc.Len() && string(runesOf(doc, an.Start, an.End)) == an.Exact {
		return nil // still where it was: the text did not change there
	}
	r := anchor.Reanchor(*a.Anchor, []rune(doc.Text()))
	if r.Orphan {
		a.Orphan = true
	} else {
		a.Anchor = &r.Anchor
	}
	return nil
}

// uncreate undoes a new annotation. One the reader never wrote in (a
// plain highlight) is removed, as if never made: the reader did not
// delete it, so it does not fill the trash. One holding words or tags, or
// that an answer links to, goes to the trash, so no note is lost. Nothing
// changes when it is no longer as created.
func (l *Library) uncreate(created annotate.Annotation) error {
	cur, err := asLeft(l.store, created)
	if err != nil {
		return err
	}
	linked, _, err := relink(l.store, []string{cur.ID}, cur.ID)
	if err != nil {
		return err
	}
	c := store.Change{Removed: []string{cur.ID}}
	if cur.Body != "" || len(cur.Tags) > 0 || len(linked) > 0 {
		c = store.Change{Trashed: []string{cur.ID}, TrashedAt: l.now().UTC()}
	}
	if err := l.store.Commit(c); err != nil {
		return err
	}
	l.search.indexed(func(ix *search.Index) { ix.Remove(cur.ID) })
	return nil
}
