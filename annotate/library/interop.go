package library

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"scholia/annotate"
	"scholia/annotate/anchor"
	"scholia/annotate/interop"
	"scholia/annotate/search"
	"scholia/annotate/store"
)

// Sections gathers what an export of documents holds: each document with
// its annotations in document order. docIDs nil means the whole library,
// where documents without annotations are left out.
func (l *Library) Sections(docIDs []string) ([]interop.Section, error) {
	all := docIDs == nil
	if all {
		docs, err := l.store.Documents()
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			docIDs = append(docIDs, d.ID)
		}
	}
	var out []interop.Section
	for _, id := range docIDs {
		doc, err := l.store.DocumentInfo(id)
		if err != nil {
			return nil, err
		}
		anns, err := l.Annotations(id)
		if err != nil {
			return nil, err
		}
		if all && len(anns) == 0 {
			continue
		}
		out = append(out, interop.Section{Doc: *doc, Annotations: anns})
	}
	return out, nil
}

// SearchSections gathers the annotations a search finds, by document in
// document order.
func (l *Library) SearchSections(ctx context.Context, query string) ([]interop.Section, error) {
	hits, err := l.Search(ctx, query, math.MaxInt32)
	if err != nil {
		return nil, err
	}
	byDoc := map[string][]annotate.Annotation{}
	var order []string
	for _, h := range hits {
		if h.Document {
			continue
		}
		a, err := l.store.Annotation(h.ID)
		if err != nil {
			return nil, err
		}
		if _, ok := byDoc[a.DocID]; !ok {
			order = append(order, a.DocID)
		}
		byDoc[a.DocID] = append(byDoc[a.DocID], *a)
	}
	var out []interop.Section
	for _, id := range order {
		doc, err := l.store.DocumentInfo(id)
		if err != nil {
			return nil, err
		}
		anns := byDoc[id]
		sortByDocumentOrder(anns)
		out = append(out, interop.Section{Doc: *doc, Annotations: anns})
	}
	return out, nil
}

// Export writes sections in a format, citing in style. The passages that
// their questions are answered with go along, from whatever document
// holds them, so that the export keeps each answer whole.
func (l *Library) Export(w io.Writer, f interop.Format, secs []interop.Section, style interop.Style) error {
	answers, err := l.answers(secs)
	if err != nil {
		return err
	}
	return interop.Export(w, f, secs, answers, style, l.now())
}

// answers finds the annotations the questions of secs are answered with,
// each with its document. One deleted since is left out: the export says
// the passage is gone.
func (l *Library) answers(secs []interop.Section) (interop.Answers, error) {
	out := interop.Answers{}
	docs := map[string]*annotate.Document{}
	for _, s := range secs {
		for _, a := range s.Annotations {
			if a.Answer == nil || a.Answer.Link == "" {
				continue
			}
			if _, done := out[a.Answer.Link]; done {
				continue
			}
			p, err := l.passage(a.Answer.Link, docs)
			if errors.Is(err, annotate.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, err
			}
			out[a.Answer.Link] = p
		}
	}
	return out, nil
}

// passage is annotation id with its document, read once into docs.
func (l *Library) passage(id string, docs map[string]*annotate.Document) (interop.Passage, error) {
	a, err := l.store.Annotation(id)
	if err != nil {
		return interop.Passage{}, err
	}
	doc, ok := docs[a.DocID]
	if !ok {
		if doc, err = l.store.DocumentInfo(a.DocID); err != nil {
			return interop.Passage{}, err
		}
		docs[a.DocID] = doc
	}
	return interop.Passage{Doc: *doc, Annotation: *a}, nil
}

// ExportFile writes an export to path through a temporary file beside it,
// so a failed export never leaves half a file under the name asked for.
func (l *Library) ExportFile(path string, f interop.Format, secs []interop.Section, style interop.Style) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if err := l.Export(w, f, secs, style); err != nil {
		tmp.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}

// SetReference saves a document's citation fields (nil: back to those the
// import found), in one transaction.
func (l *Library) SetReference(docID string, ref *annotate.Reference) (*annotate.Document, error) {
	if ref != nil && strings.TrimSpace(ref.Title) == "" {
		return nil, annotate.Problemf(annotate.ErrInvalid, "a citation needs a title")
	}
	return l.store.SetReference(docID, ref)
}

// AnnotationsImported says what importing a file of annotations did.
type AnnotationsImported struct {
	Added     int      // annotations added
	Existing  int      // already in the library (ids seen before): left as they are
	Orphans   int      // added, but their passage was not found in the document's text
	Documents []string // titles of documents made from the quotes, for sources not in the library
}

// Summary says in a sentence what the import did.
func (r AnnotationsImported) Summary() string {
	var parts []string
	parts = append(parts, plural(r.Added, "annotation")+" added")
	if r.Orphans > 0 {
		parts = append(parts, fmt.Sprintf("%d of them could not be placed on their passage and are kept under “Could not be placed”", r.Orphans))
	}
	if r.Existing > 0 {
		parts = append(parts, plural(r.Existing, "annotation")+" already in the library left as they are")
	}
	if n := len(r.Documents); n > 0 {
		parts = append(parts, fmt.Sprintf("%s made from their quotes (%s)", plural(n, "new document"), strings.Join(r.Documents, "; ")))
	}
	return strings.Join(parts, "; ") + "."
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// ImportAnnotations reads a file of annotations (W3C JSON-LD, Hypothesis
// JSON, Kindle clippings) and adds them, all in one transaction: each goes
// on the document whose source matches, by position then by quote, or is
// kept as an orphan with its quote; annotations for sources the library
// does not hold go on a document made of their quotes. Importing the same
// file again changes nothing.
func (l *Library) ImportAnnotations(path string) (AnnotationsImported, error) {
	data, err := readSource(path, interop.MaxImportSize)
	if err != nil {
		return AnnotationsImported{}, err
	}
	return l.ImportAnnotationBytes(filepath.Base(path), data)
}

// ImportAnnotationBytes is ImportAnnotations on a file's bytes.
func (l *Library) ImportAnnotationBytes(name string, data []byte) (AnnotationsImported, error) {
	incoming, err := interop.Parse(name, data, l.now().UTC())
	if err != nil {
		return AnnotationsImported{}, err
	}
	ids := make([]string, len(incoming))
	for i, in := range incoming {
		ids[i] = in.Annotation.ID
	}
	known, err := l.store.Known(ids)
	if err != nil {
		return AnnotationsImported{}, err
	}
	var res AnnotationsImported
	bySource := map[string][]interop.Incoming{}
	var sources []string
	for _, in := range incoming {
		if known[in.Annotation.ID] {
			res.Existing++
			continue
		}
		known[in.Annotation.ID] = true // the same id twice in one file
		if _, ok := bySource[in.Source]; !ok {
			sources = append(sources, in.Source)
		}
		bySource[in.Source] = append(bySource[in.Source], in)
	}
	var change store.Change
	m, err := l.matcher()
	if err != nil {
		return AnnotationsImported{}, err
	}
	for _, src := range sources {
		items := bySource[src]
		docID := m.find(src)
		if docID == "" {
			doc, anns, orphans, err := l.quotesDocument(src, items)
			if err != nil {
				return AnnotationsImported{}, err
			}
			res.Orphans += orphans
			change.New = append(change.New, doc)
			change.Annotations = append(change.Annotations, anns...)
			res.Documents = append(res.Documents, doc.Title)
			res.Added += len(anns)
			continue
		}
		anns, revised, orphans, err := l.placeOn(docID, items)
		if err != nil {
			return AnnotationsImported{}, err
		}
		if revised != nil {
			change.Revised = append(change.Revised, revised)
		}
		change.Annotations = append(change.Annotations, anns...)
		res.Added += len(items)
		res.Orphans += orphans
	}
	if len(change.Annotations) == 0 {
		return res, nil
	}
	if err := l.store.Commit(change); err != nil {
		return AnnotationsImported{}, err
	}
	l.indexed(func(ix *search.Index) {
		for _, d := range append(change.New, change.Revised...) {
			ix.Put(search.DocumentEntry(*d))
			m.title[d.ID] = d.Title
		}
		for _, a := range change.Annotations {
			ix.Put(search.AnnotationEntry(*a, m.title[a.DocID]))
		}
	})
	return res, nil
}

// matcher finds the document an imported annotation's source names: its
// path or URL as imported, its canonical URL, or the urn:sha256 of its
// bytes that exports use for local files.
type matcher struct {
	l      *Library
	byURL  map[string]string
	byHash map[string]string
	title  map[string]string
}

func (l *Library) matcher() (*matcher, error) {
	docs, err := l.store.Documents()
	if err != nil {
		return nil, err
	}
	m := &matcher{l: l, byURL: map[string]string{}, byHash: map[string]string{}, title: map[string]string{}}
	for _, d := range docs {
		if d.URL != "" {
			m.byURL[d.URL] = d.ID
		}
		m.byHash[d.Hash] = d.ID
		m.title[d.ID] = d.Title
	}
	return m, nil
}

func (m *matcher) find(source string) string {
	if h, ok := strings.CutPrefix(source, "urn:sha256:"); ok {
		return m.byHash[h]
	}
	if id, ok := strings.CutPrefix(source, "urn:scholia:"); ok {
		if _, ok := m.title[id]; ok {
			return id
		}
	}
	if id, ok := m.byURL[source]; ok {
		return id
	}
	if id, err := m.l.store.DocumentIDBySource(source); err == nil && id != "" {
		return id
	}
	if p, ok := strings.CutPrefix(source, "file://"); ok {
		if id, err := m.l.store.DocumentIDBySource(p); err == nil {
			return id
		}
	}
	return ""
}

// placeOn anchors imported annotations on a document of the library: at
// their position when the text there is their quote, else where their
// quote is found again, else as orphans. On a document made of quotes, a
// quote not in it yet is added at its end (a new revision).
func (l *Library) placeOn(docID string, items []interop.Incoming) ([]*annotate.Annotation, *annotate.Document, int, error) {
	doc, err := l.store.Document(docID)
	if err != nil {
		return nil, nil, 0, err
	}
	var revised *annotate.Document
	if doc.Format == quotesFormat {
		if grown := appendQuotes(doc, items); grown != nil {
			grown.Revision = max(doc.Revision, 1) + 1
			grown.Imported = l.now().UTC()
			doc, revised = grown, grown
		}
	}
	anns, orphans := placeAll(doc, items)
	return anns, revised, orphans, nil
}

// onQuote points an anchor at its quote's first paragraph in a document
// made of quotes, where positions and context from elsewhere mean nothing.
func onQuote(an annotate.Anchor, runes []rune) *annotate.Anchor {
	text := string(runes)
	i := strings.Index(text, "\n\n"+an.Exact+"\n\n")
	if i < 0 && strings.HasSuffix(text, "\n\n"+an.Exact) {
		i = len(text) - len(an.Exact) - 2
	}
	if i >= 0 {
		an.Start = len([]rune(text[:i+2]))
		an.End = an.Start + len([]rune(an.Exact))
	}
	return &an
}

// placeAnchor sets a's anchor on the text; false when it is an orphan.
func placeAnchor(a *annotate.Annotation, runes []rune, text *anchor.Text) bool {
	an := *a.Anchor
	if an.Start >= 0 && an.End <= len(runes) && an.Start < an.End && (an.Exact == "" || string(runes[an.Start:an.End]) == an.Exact) {
		placed, _ := annotate.NewAnchor(runes, an.Start, an.End)
		a.Anchor, a.Orphan = &placed, false
		return true
	}
	if an.Exact != "" {
		old := an
		old.Start, old.End = max(an.Start, 0), max(an.End, 0)
		if r := text.Reanchor(old); !r.Orphan {
			a.Anchor, a.Orphan = &r.Anchor, false
			return true
		}
	}
	an.Start, an.End = max(an.Start, 0), max(an.End, 0)
	a.Anchor, a.Orphan = &an, true
	return false
}

// quotesFormat marks a document made of imported quotes (a Kindle book,
// or a web page known only by its annotations).
const quotesFormat = "quotes"

// quotesDocument makes a document for a source the library does not hold,
// from the quotes of its annotations in reading order, and anchors them.
func (l *Library) quotesDocument(source string, items []interop.Incoming) (*annotate.Document, []*annotate.Annotation, int, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return nil, nil, 0, err
	}
	title := source
	var authors []string
	for _, in := range items {
		if in.Title != "" {
			title, authors = in.Title, in.Authors
			break
		}
	}
	doc := &annotate.Document{ID: id.String(), Title: title, Byline: strings.Join(authors, ", "), Source: source,
		Format: quotesFormat, Imported: l.now().UTC().Truncate(time.Second)}
	if strings.HasPrefix(source, "http://") || strings.HasPrefix(source, "https://") {
		doc.URL = source
	}
	doc.SetBlocks([]annotate.Block{{Kind: annotate.BlockTitle, Text: title}})
	grown := appendQuotes(doc, items)
	if grown != nil {
		doc = grown
	}
	doc.Hash = quotesHash(doc)
	anns, orphans := placeAll(doc, items)
	return doc, anns, orphans, nil
}

// placeAll anchors items on doc; it counts the orphans.
func placeAll(doc *annotate.Document, items []interop.Incoming) ([]*annotate.Annotation, int) {
	runes := []rune(doc.Text())
	text := anchor.NewText(runes)
	var out []*annotate.Annotation
	orphans := 0
	for _, in := range items {
		a := in.Annotation
		a.DocID = doc.ID
		if a.Anchor != nil && doc.Format == quotesFormat {
			a.Anchor = onQuote(*a.Anchor, runes)
		}
		if a.Anchor != nil && !placeAnchor(&a, runes, text) {
			orphans++
		}
		out = append(out, &a)
	}
	return out, orphans
}

// appendQuotes is doc with the quotes of items it lacks added as
// paragraphs (each under its label), in reading order; nil when it has
// them all.
func appendQuotes(doc *annotate.Document, items []interop.Incoming) *annotate.Document {
	have := map[string]bool{}
	for _, b := range doc.Blocks {
		have[b.Text] = true
	}
	sorted := append([]interop.Incoming(nil), items...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Order < sorted[j].Order })
	blocks := append([]annotate.Block(nil), doc.Blocks...)
	added := false
	for _, in := range sorted {
		an := in.Annotation.Anchor
		if an == nil || strings.TrimSpace(an.Exact) == "" || have[an.Exact] {
			continue
		}
		have[an.Exact] = true
		if in.Label != "" {
			blocks = append(blocks, annotate.Block{Kind: annotate.BlockBoilerplate, Text: in.Label})
		}
		blocks = append(blocks, annotate.Block{Kind: annotate.BlockParagraph, Text: an.Exact})
		added = true
	}
	if !added {
		return nil
	}
	grown := *doc
	grown.SetBlocks(blocks)
	grown.Hash = quotesHash(&grown)
	return &grown
}

func quotesHash(doc *annotate.Document) string {
	sum := sha256.Sum256([]byte(doc.Source + "\x00" + doc.Text()))
	return hex.EncodeToString(sum[:])
}
