package library

import (
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"scholia/annotate"
	"scholia/annotate/search"
)

// Draft is what a person asks for when annotating: a passage [Start, End)
// in code points, or the whole document when Whole is set.
type Draft struct {
	Kind   annotate.Kind
	Colour annotate.Colour
	Start  int
	End    int
	Whole  bool
	Body   string
	Tags   []string
}

// Annotate creates an annotation on a document in one committed
// transaction. Its anchor keeps the exact quote and 32 code points of
// context each side; a question starts open.
func (l *Library) Annotate(docID string, d Draft) (*annotate.Annotation, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	return l.annotate(docID, d)
}

// annotate is Annotate while the change lock is held.
func (l *Library) annotate(docID string, d Draft) (*annotate.Annotation, error) {
	doc, err := l.texts.text(docID)
	if err != nil {
		return nil, err
	}
	now := l.now().UTC()
	id, err := uuid.NewV7()
	if err != nil {
		return nil, err
	}
	a := &annotate.Annotation{ID: id.String(), DocID: docID, Kind: d.Kind, Colour: d.Colour,
		Body: d.Body, Tags: CleanTags(d.Tags), Created: now, Modified: now}
	if a.Kind == "" {
		a.Kind = annotate.KindHighlight
	}
	if a.Colour == "" && a.Kind == annotate.KindHighlight {
		a.Colour = annotate.Yellow
	}
	if a.Kind == annotate.KindQuestion {
		a.Status = annotate.StatusOpen
	}
	if !d.Whole {
		anchor, err := anchorIn(doc, d.Start, d.End)
		if err != nil {
			return nil, err
		}
		a.Anchor = &anchor
		if a.Kind == annotate.KindNote {
			h, err := highlightOn(l.store, docID, anchor.Start, anchor.End)
			if err != nil {
				return nil, err
			}
			if h != nil {
				return l.attachNote(*h, a)
			}
		}
	} else if a.Kind == annotate.KindHighlight {
		return nil, annotate.Problemf(annotate.ErrInvalid, "a highlight needs a passage; select one first")
	}
	if err := l.store.PutAnnotation(a); err != nil {
		return nil, err
	}
	l.search.putAnnotation(a)
	created := *a
	l.undo.push("the new "+string(a.Kind), a.Kind, func() error { return l.uncreate(created) })
	return a, nil
}

// AnnotateQuote anchors a draft on the occurrence-th (from 1) exact
// occurrence of quote in the document's text. A plain highlight (no note,
// no tags) follows Highlight's rule, so the command line never lays a
// second highlight over a first.
func (l *Library) AnnotateQuote(docID, quote string, occurrence int, d Draft) (*annotate.Annotation, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	start, end, err := l.texts.findQuote(docID, quote, occurrence)
	if err != nil {
		return nil, err
	}
	d.Start, d.End, d.Whole = start, end, false
	if d.Kind == annotate.KindHighlight && d.Body == "" && len(d.Tags) == 0 {
		return l.highlightQuote(docID, start, end, d.Colour)
	}
	return l.annotate(docID, d)
}

// highlightQuote colours a quoted passage by the rule Highlight follows;
// a passage over a highlight of another colour is refused in a sentence,
// as there is no one to ask.
func (l *Library) highlightQuote(docID string, start, end int, c annotate.Colour) (*annotate.Annotation, error) {
	res, err := l.highlight(docID, start, end, c, Decide)
	switch {
	case err != nil:
		return nil, err
	case res.Outcome == MustAsk:
		return nil, annotate.Problemf(annotate.ErrInvalid, "the passage overlaps a %s highlight; choose that colour, or a passage that does not overlap it", res.Overlaps[0].Colour)
	case res.Annotation != nil:
		return res.Annotation, nil
	}
	for _, h := range res.Overlaps {
		if h.Anchor.Start <= start && end <= h.Anchor.End {
			return &h, nil
		}
	}
	return nil, annotate.Problemf(annotate.ErrInvalid, "the passage is highlighted already")
}

// findQuote is the code-point range of the occurrence'th exact occurrence
// (from 1) of quote in a document's text.
func (t *texts) findQuote(docID, quote string, occurrence int) (int, int, error) {
	doc, err := t.text(docID)
	if err != nil {
		return 0, 0, err
	}
	if quote == "" {
		return 0, 0, annotate.Problemf(annotate.ErrInvalid, "the quote is empty")
	}
	occurrence = max(occurrence, 1)
	text := doc.Text()
	from, seen := 0, 0
	for {
		i := strings.Index(text[from:], quote)
		if i < 0 {
			if seen == 0 {
				return 0, 0, annotate.Problemf(annotate.ErrNotFound, "%q is not in %q; quote the document's words exactly", quote, doc.Title)
			}
			return 0, 0, annotate.Problemf(annotate.ErrNotFound, "%q occurs %d times in %q, not %d", quote, seen, doc.Title, occurrence)
		}
		seen++
		if seen == occurrence {
			start := len([]rune(text[:from+i]))
			return start, start + len([]rune(quote)), nil
		}
		from += i + len(quote)
	}
}

// UpdateAnnotation saves an edited annotation (body, tags, colour, status,
// answer) in one transaction and returns it as stored.
func (l *Library) UpdateAnnotation(a annotate.Annotation) (*annotate.Annotation, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	return l.update(a, "the edit")
}

// update saves an edited annotation; Undo says it undid what. The
// change lock is held.
func (l *Library) update(a annotate.Annotation, what string) (*annotate.Annotation, error) {
	old, err := l.store.Annotation(a.ID)
	if err != nil {
		return nil, err
	}
	a.DocID, a.Created, a.Kind = old.DocID, old.Created, old.Kind
	if a.Anchor == nil || !old.Orphan {
		a.Anchor, a.Orphan = old.Anchor, old.Orphan
	}
	a.Tags = CleanTags(a.Tags)
	if a.Kind == annotate.KindQuestion && a.Status == "" {
		a.Status = annotate.StatusOpen
	}
	a.Modified = l.now().UTC()
	if err := l.store.PutAnnotation(&a); err != nil {
		return nil, err
	}
	l.search.putAnnotation(&a)
	prev, after := *old, a
	l.undo.push(what, a.Kind, func() error { return l.putBack(prev, after) })
	return &a, nil
}

// putBack stores an annotation as it was before a change that left it as
// after, keeping where it stands now: the text may have been revised
// since. It changes nothing when the annotation is no longer as after.
func (l *Library) putBack(prev, after annotate.Annotation) error {
	cur, err := asLeft(l.store, after)
	if err != nil {
		return err
	}
	prev.Anchor, prev.Orphan = cur.Anchor, cur.Orphan
	if err := l.store.PutAnnotation(&prev); err != nil {
		return err
	}
	l.search.putAnnotation(&prev)
	return nil
}

// Answer closes a question with a text and, optionally, the annotation
// whose passage answers it (in any document).
func (l *Library) Answer(questionID, text, linkID string) (*annotate.Annotation, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	return l.answer(questionID, text, linkID)
}

// answer is Answer while the change lock is held.
func (l *Library) answer(questionID, text, linkID string) (*annotate.Annotation, error) {
	q, err := l.store.Annotation(questionID)
	if err != nil {
		return nil, err
	}
	if q.Kind != annotate.KindQuestion {
		return nil, annotate.Problemf(annotate.ErrInvalid, "only a question can be answered")
	}
	if linkID != "" {
		if _, err := l.store.Annotation(linkID); err != nil {
			return nil, err
		}
	}
	q.Answer = &annotate.Answer{Text: text, Link: linkID}
	q.Status = annotate.StatusAnswered
	return l.update(*q, "the edit")
}

// AnswerWithPassage answers the question with a passage of any document:
// the highlight on exactly that passage, or a new green one.
func (l *Library) AnswerWithPassage(questionID, docID string, start, end int, text string) (*annotate.Annotation, error) {
	l.changing.Lock()
	defer l.changing.Unlock()
	defer l.undo.join(l.undo.newest(), "the answer", annotate.KindQuestion)
	link, err := highlightOn(l.store, docID, start, end)
	if err == nil && link == nil {
		link, err = l.annotate(docID, Draft{Kind: annotate.KindHighlight, Colour: annotate.Green, Start: start, End: end})
	}
	if err != nil {
		return nil, err
	}
	return l.answer(questionID, text, link.ID)
}

// DeleteAnnotation moves an annotation to the trash; Undo or
// RestoreAnnotation brings it back.
func (l *Library) DeleteAnnotation(id string) error {
	l.changing.Lock()
	defer l.changing.Unlock()
	a, err := l.store.Annotation(id)
	if err != nil {
		return err
	}
	if err := l.deleteNow(id); err != nil {
		return err
	}
	l.undo.push("the deletion", a.Kind, func() error { _, _, err := l.restore(id); return err })
	return nil
}

func (l *Library) deleteNow(id string) error {
	if err := l.store.DeleteAnnotation(id, l.now().UTC()); err != nil {
		return err
	}
	l.search.indexed(func(ix *search.Index) { ix.Remove(id) })
	return nil
}

// Deleted is an annotation in the trash.
type Deleted struct {
	annotate.Annotation
	DeletedAt time.Time
}

// Trash lists a document's deleted annotations ("" for the whole
// library), most recent first.
func (l *Library) Trash(docID string) ([]Deleted, error) {
	ds, err := l.store.Trash(docID)
	out := make([]Deleted, len(ds))
	for i, d := range ds {
		out[i] = Deleted{Annotation: d.Annotation, DeletedAt: d.DeletedAt}
	}
	return out, err
}

// Annotation returns one annotation.
func (l *Library) Annotation(id string) (*annotate.Annotation, error) { return l.store.Annotation(id) }

// Annotations returns a document's annotations in document order: notes on
// the whole document first, then by where their passage starts.
func (l *Library) Annotations(docID string) ([]annotate.Annotation, error) {
	anns, err := l.store.Annotations(docID)
	sortByDocumentOrder(anns)
	return anns, err
}

// AllAnnotations returns every annotation, document by document in
// document order.
func (l *Library) AllAnnotations() ([]annotate.Annotation, error) {
	anns, err := l.store.AllAnnotations()
	sort.SliceStable(anns, func(i, j int) bool { return anns[i].DocID < anns[j].DocID })
	sortByDocumentOrder(anns)
	return anns, err
}

func sortByDocumentOrder(anns []annotate.Annotation) {
	pos := func(a annotate.Annotation) int {
		if a.Anchor == nil {
			return -1
		}
		return a.Anchor.Start
	}
	sort.SliceStable(anns, func(i, j int) bool {
		if anns[i].DocID != anns[j].DocID {
			return anns[i].DocID < anns[j].DocID
		}
		if pos(anns[i]) != pos(anns[j]) {
			return pos(anns[i]) < pos(anns[j])
		}
		return anns[i].ID < anns[j].ID
	})
}

// Question is an open question with the title of its document.
type Question struct {
	annotate.Annotation
	DocTitle string
}

// OpenQuestionCount is how many open questions the library holds, without
// reading them: what a status line or a tab's title shows.
func (l *Library) OpenQuestionCount() (int, error) { return l.store.OpenQuestionCount() }

// OpenQuestions lists every open question of the library, newest first.
func (l *Library) OpenQuestions() ([]Question, error) {
	qs, err := l.store.OpenQuestions()
	if err != nil {
		return nil, err
	}
	return l.titled(qs)
}

// AllQuestions lists every question of the library, open, answered or
// dropped, newest first. Answered and dropped ones have no index: it reads
// every annotation.
func (l *Library) AllQuestions() ([]Question, error) {
	anns, err := l.store.AllAnnotations()
	if err != nil {
		return nil, err
	}
	var qs []annotate.Annotation
	for _, a := range anns {
		if a.Kind == annotate.KindQuestion {
			qs = append(qs, a)
		}
	}
	return l.titled(qs)
}

// titled gives questions their documents' titles, newest first.
func (l *Library) titled(qs []annotate.Annotation) ([]Question, error) {
	docs, err := l.store.Documents()
	if err != nil {
		return nil, err
	}
	titles := map[string]string{}
	for _, d := range docs {
		titles[d.ID] = d.Title
	}
	out := make([]Question, len(qs))
	for i, q := range qs {
		out[i] = Question{Annotation: q, DocTitle: titles[q.DocID]}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return out[i].Created.After(out[j].Created) || (out[i].Created.Equal(out[j].Created) && out[i].ID > out[j].ID)
	})
	return out, nil
}

// Tags lists every tag in use, most used first.
func (l *Library) Tags() ([]string, error) { return l.store.Tags() }

// CleanTags keeps tags as typed, tidied by annotate.CleanTag (a tag of
// several words keeps its spaces), and removes empties and tags that
// annotate.TagKey cannot tell apart from an earlier one, keeping the order.
func CleanTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = annotate.CleanTag(t)
		if k := annotate.TagKey(t); t != "" && !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	return out
}
