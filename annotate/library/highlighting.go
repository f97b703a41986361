package library

import (
	"slices"
	"sort"
	"strings"

	"scholia/annotate"
	"scholia/annotate/search"
	"scholia/annotate/store"
)

// Choosing a colour on a passage never lays a second highlight silently
// over a first: the passage would show a muddy mix of two colours and
// export as two rows. Like Zotero and Hypothesis, a passage has one
// highlight, and the rule below says what a colour chosen on a selection
// does (only highlights count as overlapping; notes and questions are
// other kinds and may share a passage with a highlight):
//
//   - No highlight overlaps the passage: a new highlight covers it.
//   - The passage is exactly a highlight's: that highlight takes the
//     colour (nothing changes when it already has it). When no highlight
//     but a note or question has exactly the passage, it takes the colour.
//   - The passage lies inside a highlight of the chosen colour: nothing
//     changes, it is highlighted already.
//   - The passage overlaps only highlights of the chosen colour: they
//     become one highlight covering all of them and the passage.
//   - The passage overlaps a highlight of another colour: the rule cannot
//     know what the reader means, so nothing changes and the caller asks:
//     Extend (merge into one highlight covering all, in the chosen colour)
//     or Separate (a highlight of its own over the passage).
//
// Merging keeps the oldest highlight, so links to it (a question answered
// with its passage) hold; the others' notes are added to its note, their
// tags to its tags, questions answered with them are pointed at it, and
// they go to the trash. All of it is one transaction, and one Undo.
//
// A note drafted on exactly a highlight's passage becomes that
// highlight's note (see Annotate) instead of a second coloured passage.

// HighlightChoice is what the reader chose when asked about a passage
// overlapping a highlight of another colour.
type HighlightChoice int

const (
	// Decide follows the rule, and asks (MustAsk) when it cannot decide.
	Decide HighlightChoice = iota
	// Extend merges the passage and every highlight it overlaps into one
	// highlight in the chosen colour.
	Extend
	// Separate adds a highlight of its own over the passage.
	Separate
)

// HighlightOutcome is what choosing a colour on a passage did.
type HighlightOutcome int

const (
	// Created is a new highlight.
	Created HighlightOutcome = iota
	// Recoloured is an annotation on exactly the passage, in a new colour.
	Recoloured
	// Unchanged means the passage was highlighted in that colour already.
	Unchanged
	// Merged is one highlight made of the passage and the highlights it
	// overlapped.
	Merged
	// MustAsk means nothing changed: the passage overlaps a highlight of
	// another colour, and the reader must choose Extend or Separate.
	MustAsk
)

// Highlighted is what Highlight did.
type Highlighted struct {
	Outcome HighlightOutcome
	// Annotation is the highlight (or note) that now covers the passage;
	// nil when the reader must be asked.
	Annotation *annotate.Annotation
	// Overlaps are the highlights the passage overlapped, in document
	// order.
	Overlaps []annotate.Annotation
	// Start and End cover the passage and every highlight it overlaps:
	// what Extend would cover.
	Start, End int
	// Trashed are the highlights merged into Annotation and moved to the
	// trash.
	Trashed []string
}

// highlightHook, when set (by tests), is called by a highlight between
// reading the annotations it decides on and committing what it decided.
var highlightHook func()

// Highlight applies a colour to the passage [start, end) of a document by
// the rule above; how says what the reader chose when asked.
func (l *Library) Highlight(docID string, start, end int, c annotate.Colour, how HighlightChoice) (Highlighted, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	return l.highlight(docID, start, end, c, how)
}

// highlight is Highlight while the change lock is held.
func (l *Library) highlight(docID string, start, end int, c annotate.Colour, how HighlightChoice) (Highlighted, error) {
	if c == "" {
		c = annotate.Yellow
	}
	if !c.Valid() {
		return Highlighted{}, annotate.Problemf(annotate.ErrInvalid, "%q is not a highlight colour (yellow, green, blue, pink, purple, orange)", c)
	}
	anns, err := l.store.AnnotationsOver(docID, start, end)
	if err != nil {
		return Highlighted{}, err
	}
	if highlightHook != nil {
		highlightHook()
	}
	// In creation (id) order, as the store lists them: of the annotations
	// on exactly the passage, the first highlight is the one document
	// order would put first. Only the overlaps are sorted.
	res := Highlighted{Start: start, End: end}
	var exact *annotate.Annotation
	for i := range anns {
		a := &anns[i]
		if a.Anchor == nil || a.Orphan || a.Anchor.End <= start || a.Anchor.Start >= end {
			continue
		}
		if a.Anchor.Start == start && a.Anchor.End == end && (exact == nil || exact.Kind != annotate.KindHighlight && a.Kind == annotate.KindHighlight) {
			exact = a
		}
		if a.Kind == annotate.KindHighlight {
			res.Overlaps = append(res.Overlaps, *a)
			res.Start, res.End = min(res.Start, a.Anchor.Start), max(res.End, a.Anchor.End)
		}
	}
	sortByDocumentOrder(res.Overlaps)
	switch {
	case how == Separate || len(res.Overlaps) == 0 && exact == nil:
		return l.newHighlight(docID, start, end, c, res)
	case how == Decide && exact != nil:
		return l.recolour(*exact, c, res)
	case how == Decide && insideOf(res.Overlaps, start, end, c):
		res.Outcome = Unchanged
		return res, nil
	case how == Decide && !allColoured(res.Overlaps, c):
		res.Outcome = MustAsk
		return res, nil
	}
	return l.merge(docID, c, res)
}

func (l *Library) newHighlight(docID string, start, end int, c annotate.Colour, res Highlighted) (Highlighted, error) {
	a, err := l.annotate(docID, Draft{Kind: annotate.KindHighlight, Colour: c, Start: start, End: end})
	res.Outcome, res.Annotation = Created, a
	return res, err
}

// recolour gives an annotation on exactly the passage a new colour.
func (l *Library) recolour(a annotate.Annotation, c annotate.Colour, res Highlighted) (Highlighted, error) {
	res.Annotation = &a
	if a.Colour == c {
		res.Outcome = Unchanged
		return res, nil
	}
	a.Colour = c
	saved, err := l.update(a, "the new colour")
	res.Outcome, res.Annotation = Recoloured, saved
	return res, err
}

// merge makes the overlapping highlights one highlight in colour c over
// res.Start..res.End, in one transaction.
func (l *Library) merge(docID string, c annotate.Colour, res Highlighted) (Highlighted, error) {
	doc, err := l.texts.text(docID)
	if err != nil {
		return res, err
	}
	anchor, err := anchorIn(doc, res.Start, res.End)
	if err != nil {
		return res, err
	}
	keep := oldest(res.Overlaps)
	merged := keep
	merged.Anchor, merged.Colour, merged.Modified = &anchor, c, l.now().UTC()
	var bodies, tags []string
	for _, h := range res.Overlaps {
		bodies = append(bodies, h.Body)
		tags = append(tags, h.Tags...)
		if h.ID != keep.ID {
			res.Trashed = append(res.Trashed, h.ID)
		}
	}
	merged.Body, merged.Tags = joinNotes(bodies), CleanTags(tags)
	relinked, before, err := relink(l.store, res.Trashed, merged.ID)
	if err != nil {
		return res, err
	}
	change := append([]*annotate.Annotation{&merged}, relinked...)
	if err := l.store.Commit(store.Change{Annotations: change, Trashed: res.Trashed, TrashedAt: merged.Modified}); err != nil {
		return res, err
	}
	for _, a := range change {
		l.search.putAnnotation(a)
	}
	l.search.indexed(func(ix *search.Index) {
		for _, id := range res.Trashed {
			ix.Remove(id)
		}
	})
	res.Outcome, res.Annotation = Merged, &merged
	if len(res.Trashed) == 0 && keep.Anchor.Start == res.Start && keep.Anchor.End == res.End {
		res.Outcome = Recoloured
	}
	restore := append([]*annotate.Annotation{&keep}, before...)
	trashed, after := res.Trashed, merged
	l.undo.push("the extended highlight", annotate.KindHighlight, func() error { return l.unmerge(after, trashed, restore) })
	return res, nil
}

// unmerge brings merged highlights back from the trash, found again in
// the text, and puts back the annotations a merge changed, in one
// transaction, unless the merged highlight was changed since.
func (l *Library) unmerge(after annotate.Annotation, trashed []string, before []*annotate.Annotation) error {
	if _, err := asLeft(l.store, after); err != nil {
		return err
	}
	put := slices.Clone(before)
	for _, id := range trashed {
		d, err := l.store.Trashed(id)
		if err != nil {
			return err
		}
		a := d.Annotation
		if err := l.texts.place(&a); err != nil {
			return err
		}
		put = append(put, &a)
	}
	if err := l.store.Commit(store.Change{Restored: trashed, Annotations: put}); err != nil {
		return err
	}
	for _, a := range put {
		l.search.putAnnotation(a)
	}
	return nil
}

// relink points the answers in s that link to any of ids at to instead;
// it returns the changed questions and their earlier versions.
func relink(s *store.Store, ids []string, to string) (changed, before []*annotate.Annotation, err error) {
	if len(ids) == 0 {
		return nil, nil, nil
	}
	linked, err := s.LinkedTo(ids)
	if err != nil {
		return nil, nil, err
	}
	for _, q := range linked {
		prev := q
		prev.Answer = &annotate.Answer{Text: q.Answer.Text, Link: q.Answer.Link}
		q.Answer = &annotate.Answer{Text: q.Answer.Text, Link: to}
		changed, before = append(changed, &q), append(before, &prev)
	}
	return changed, before, nil
}

// insideOf says whether [start, end) lies inside one of the highlights in
// colour c.
func insideOf(hs []annotate.Annotation, start, end int, c annotate.Colour) bool {
	for _, h := range hs {
		if h.Colour == c && h.Anchor.Start <= start && end <= h.Anchor.End {
			return true
		}
	}
	return false
}

// allColoured says whether every highlight is in colour c.
func allColoured(hs []annotate.Annotation, c annotate.Colour) bool {
	for _, h := range hs {
		if h.Colour != c {
			return false
		}
	}
	return true
}

// oldest is the highlight created first.
func oldest(hs []annotate.Annotation) annotate.Annotation {
	sorted := append([]annotate.Annotation(nil), hs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].Created.Equal(sorted[j].Created) {
			return sorted[i].Created.Before(sorted[j].Created)
		}
		return sorted[i].ID < sorted[j].ID
	})
	return sorted[0]
}

// highlightOn is the oldest highlight in s on exactly [start, end) of a
// document, or nil.
func highlightOn(s *store.Store, docID string, start, end int) (*annotate.Annotation, error) {
	anns, err := s.AnnotationsOver(docID, start, end)
	if err != nil {
		return nil, err
	}
	var on []annotate.Annotation
	for _, a := range anns {
		if a.Kind == annotate.KindHighlight && a.Anchor != nil && !a.Orphan && a.Anchor.Start == start && a.Anchor.End == end {
			on = append(on, a)
		}
	}
	if len(on) == 0 {
		return nil, nil
	}
	h := oldest(on)
	return &h, nil
}

// attachNote makes a highlight the note drafted on exactly its passage:
// the note's words and tags join the highlight, which keeps its colour
// and id; Undo makes it a plain highlight again.
func (l *Library) attachNote(h annotate.Annotation, note *annotate.Annotation) (*annotate.Annotation, error) {
	a := h
	a.Kind, a.Modified = annotate.KindNote, note.Modified
	a.Body = joinNotes([]string{h.Body, note.Body})
	a.Tags = CleanTags(append(slices.Clone(h.Tags), note.Tags...))
	if err := l.store.PutAnnotation(&a); err != nil {
		return nil, err
	}
	l.search.putAnnotation(&a)
	l.undo.push("the new note", annotate.KindNote, func() error { return l.putBack(h, a) })
	return &a, nil
}

// joinNotes joins notes, as typed, with a blank line between them,
// leaving out empty ones and repeats.
func joinNotes(bodies []string) string {
	var kept []string
	for _, b := range bodies {
		if strings.TrimSpace(b) != "" && !slices.Contains(kept, b) {
			kept = append(kept, b)
		}
	}
	return strings.Join(kept, "\n\n")
}
