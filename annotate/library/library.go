// Package library is the one facade the window and the command line both
// use: it opens the library file, imports documents and reads them back,
// annotates, undoes, searches, exports and backs up, keeping every rule
// (one transaction per change, identical bytes imported once) in one
// place. Its parts with a job of their own live below it: keeper takes
// the automatic backups, repair checks a damaged file and compacts, and
// importing matches annotations from other tools to documents.
package library

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"scholia/annotate"
	"scholia/annotate/ingest"
	"scholia/annotate/library/keeper"
	"scholia/annotate/search"
	"scholia/annotate/store"
)

// Library is an open library file.
//
// Goroutines: every method may be called from any goroutine, and from
// several at once, except Close, which must come after every other call
// has returned. A callback runs on the goroutine of the call given it
// (ImportAll's progress), except the function given to OnBackupProblem,
// which runs on the backup keeper's.
//
// What blocks: a change (an import, a new annotation, an edit, a
// deletion, a restore, an undo) is one bbolt transaction committed to
// disk before the method returns, an fsync of milliseconds. Reads
// (Annotation, Documents, Annotations, Trash, Search...) do not wait for
// changes, except when a change grows the file while a long read is open
// (a backup, an export, a search reading the kept index): bbolt maps the
// file anew once every open read ends, and new reads wait for that, for
// seconds on a large library. So a window makes no call, however small,
// on its UI goroutine. Import, ImportAll, ImportAnnotations, the methods
// of Exports, Backup and PrepareSearch (or the first Search, which loads
// or builds the index) read or write whole files and take seconds on a
// large library. A change saved while the search index is loaded or
// built does not wait for it: it joins the index once
// the index is in.
//
// Changes to annotations take turns: Annotate, AnnotateQuote, Highlight,
// UpdateAnnotation, Answer, AnswerWithPassage, PlaceAnnotation,
// DeleteAnnotation, RestoreAnnotation, Undo, UndoStep, the revision of a
// document by an import and each batch of ImportAnnotations hold one lock
// from reading what they change to committing it and recording its undo
// step, so none decides on what another is changing, and an undo reverts
// exactly the step it names. One waits for the one under way (a batch of
// an import of annotations places and commits up to 20,000). UndoMark
// waits for none.
type Library struct {
	store *store.Store
	now   func() time.Time
	// changing is held by a change to annotations from reading what it
	// changes to committing it and recording its undo step.
	changing sync.Mutex
	undo     undoSteps
	search   searcher
	backups  *keeper.Keeper
	texts    texts
}

// Open opens (or creates) the library at path.
func Open(path string) (*Library, error) {
	s, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	return newLibrary(s, nil), nil
}

// newLibrary is the library on an open store, backed up by k (nil for
// none).
func newLibrary(s *store.Store, k *keeper.Keeper) *Library {
	return &Library{store: s, now: time.Now, backups: k, search: searcher{store: s}, texts: texts{store: s}}
}

// Close stops the automatic backups and releases the library file.
func (l *Library) Close() error {
	if l.backups != nil {
		l.backups.Close()
	}
	return l.store.Close()
}

// ReadOnly says whether the library could only be opened for reading:
// every save then fails with annotate.ErrNotSaved.
func (l *Library) ReadOnly() bool { return l.store.ReadOnly() }

// Path is the library file's path.
func (l *Library) Path() string { return l.store.Path() }

// DefaultPath is where the library lives when neither --library nor
// SCHOLIA_LIBRARY names it: $XDG_DATA_HOME/scholia/library.db, that is
// ~/.local/share/scholia/library.db, on Linux and the BSDs; the OS's
// application-data folder elsewhere.
func DefaultPath() (string, error) {
	if p := os.Getenv("SCHOLIA_LIBRARY"); p != "" {
		return p, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a folder for the library (%v); name one with --library or SCHOLIA_LIBRARY", err)
	}
	return filepath.Join(dir, "scholia", "library.db"), nil
}

func dataDir() (string, error) {
	switch runtime.GOOS {
	case "darwin", "windows", "ios", "android":
		return os.UserConfigDir()
	}
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}

// Imported is what an import did.
type Imported struct {
	Document *annotate.Document
	// Existing is true when the same bytes were already in the library:
	// nothing was written and Document is the one imported before.
	Existing bool
	// Revised is true when the source was already in the library with
	// another text: the document now holds the new text as a new revision,
	// its annotations placed again (Placed) or kept as orphans (Orphans).
	Revised bool
	Placed  int
	Orphans int
	// Restored is true when the document was in the trash (removed from
	// the library): it came back with its annotations, as it was, and the
	// import went on as for a document in the library.
	Restored bool
}

// Import reads a file and adds it to the library. Errors name the file and
// say what to do; nothing in the library changes when one is returned.
func (l *Library) Import(path string) (Imported, error) {
	return l.ImportLocked(path, "")
}

// ImportLocked is Import of a PDF locked with a user password (empty for
// none): the password opens it and is kept nowhere. A missing or wrong
// one gives an error that unwraps to pdf.ErrPassword.
func (l *Library) ImportLocked(path, password string) (Imported, error) {
	data, err := readSource(path, ingest.MaxFileSize)
	if err != nil {
		return Imported{}, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	res, err := l.importBytes(filepath.Base(path), abs, data, password)
	if err != nil {
		return Imported{}, fmt.Errorf("cannot import %s: %w", path, err)
	}
	return res, nil
}

// readSource reads a file, refusing folders, missing files and files
// larger than limit before reading a byte of them.
func readSource(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return nil, annotate.Problemf(annotate.ErrNotFound, "cannot import %s: there is no such file", path)
		case errors.Is(err, os.ErrPermission):
			return nil, fmt.Errorf("cannot import %s: permission denied", path)
		}
		return nil, fmt.Errorf("cannot import %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", path, err)
	}
	if fi.IsDir() {
		return nil, annotate.Problemf(annotate.ErrUnsupportedFormat, "cannot import %s: it is a folder; name the files in it", path)
	}
	if fi.Size() > limit {
		return nil, annotate.Problemf(annotate.ErrTooLarge, "cannot import %s: it is %.1f MB and Scholia imports files up to %d MB; split it into smaller files",
			path, float64(fi.Size())/(1<<20), limit>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot import %s: %w", path, err)
	}
	return data, nil
}

// ImportBytes adds a document read from data; name gives the format and a
// fallback title, source is where it came from (a path or URL).
func (l *Library) ImportBytes(name, source string, data []byte) (Imported, error) {
	return l.importBytes(name, source, data, "")
}

func (l *Library) importBytes(name, source string, data []byte, password string) (Imported, error) {
	parse := ingest.Parse
	if password != "" && IsPDF(name) {
		parse = func(name string, data []byte) (*annotate.Document, error) {
			return ingest.ParsePDF(name, data, password)
		}
	}
	doc, err := parse(name, data)
	if err != nil {
		return Imported{}, err
	}
	if back, err := l.bringBack(doc.Hash, source); err != nil || back != nil {
		if err != nil {
			return Imported{}, err
		}
		res, err := l.importBytes(name, source, data, password)
		res.Restored = true
		return res, err
	}
	if id, err := l.store.DocumentIDByHash(doc.Hash); err != nil {
		return Imported{}, err
	} else if id != "" {
		existing, err := l.store.Document(id)
		if err != nil {
			return Imported{}, err
		}
		return Imported{Document: existing, Existing: true}, nil
	}
	if prev, err := l.store.DocumentIDBySource(source); err != nil {
		return Imported{}, err
	} else if prev != "" && source != "" {
		return l.revise(prev, doc, keptOriginal(doc, data))
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Imported{}, err
	}
	doc.ID = id.String()
	doc.Source = source
	doc.Imported = l.now().UTC().Truncate(time.Second)
	if err := l.store.PutDocumentFrom(doc, keptOriginal(doc, data)); err != nil {
		return Imported{}, err
	}
	l.search.indexed(func(ix *search.Index) { ix.Put(search.DocumentEntry(*doc)) })
	return Imported{Document: doc}, nil
}

// Summary is a document as the library list shows it: without its blocks,
// with its number of annotations and when it was last opened (zero if
// never).
type Summary struct {
	annotate.Document
	Annotations int
	LastOpened  time.Time
}

// Documents lists every document, newest import first.
func (l *Library) Documents() ([]Summary, error) {
	docs, err := l.store.Documents()
	if err != nil {
		return nil, err
	}
	counts, err := l.store.AnnotationCounts()
	if err != nil {
		return nil, err
	}
	readings, err := l.store.Readings()
	if err != nil {
		return nil, err
	}
	out := make([]Summary, len(docs))
	for i, d := range docs {
		out[i] = Summary{Document: d, Annotations: counts[d.ID], LastOpened: readings[d.ID].Opened}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	return out, nil
}

// Document returns one document with its blocks. The library keeps it,
// so that saves on it need not read it again (texts.go).
func (l *Library) Document(id string) (*annotate.Document, error) {
	doc, err := l.store.Document(id)
	if err != nil {
		return nil, err
	}
	l.texts.keep(doc)
	return doc, nil
}

// Find resolves what a person typed to name a document: its id, a prefix of
// its id that only it has, its exact title (letter case aside when that is
// unambiguous), or else a part of its title that only it has.
func (l *Library) Find(ref string) (*annotate.Document, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, annotate.Problemf(annotate.ErrNotFound, "name a document by its id, an id prefix or its title")
	}
	docs, err := l.store.Documents()
	if err != nil {
		return nil, err
	}
	i, err := pickDocument(docs, ref, "no document has the id or title %q; scholia list shows them")
	if errors.Is(err, annotate.ErrNotFound) {
		if r, rerr := l.FindRemoved(ref); rerr == nil {
			return nil, annotate.Problemf(annotate.ErrNotFound, "“%s” is in the trash; scholia untrash %s brings it back", r.Document.Title, r.Document.ID)
		}
	}
	if err != nil {
		return nil, err
	}
	return l.store.Document(docs[i].ID)
}

// pickDocument is the index of the one document of docs ref names, by the
// rules of Find; notFound words the error when none does.
func pickDocument(docs []annotate.Document, ref, notFound string) (int, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, annotate.Problemf(annotate.ErrNotFound, "name a document by its id, an id prefix or its title")
	}
	for _, match := range []func(annotate.Document) bool{
		func(d annotate.Document) bool { return d.ID == ref },
		func(d annotate.Document) bool { return d.Title == ref },
		func(d annotate.Document) bool { return strings.HasPrefix(d.ID, strings.ToLower(ref)) },
		func(d annotate.Document) bool { return strings.EqualFold(d.Title, ref) },
		func(d annotate.Document) bool {
			return strings.Contains(strings.ToLower(d.Title), strings.ToLower(ref))
		},
	} {
		var hits []annotate.Document
		first := -1
		for i, d := range docs {
			if match(d) {
				if first < 0 {
					first = i
				}
				hits = append(hits, d)
			}
		}
		if len(hits) > 1 {
			return 0, annotate.Problemf(annotate.ErrAmbiguous, "%s match %q: %s; give more of the title or the id", countWord(len(hits), "document"), ref, nameAll(hits))
		}
		if len(hits) == 1 {
			return first, nil
		}
	}
	return 0, annotate.Problemf(annotate.ErrNotFound, notFound, ref)
}

// nameAll names the documents a reference matched by their titles, and by
// their ids where a title alone would not tell them apart; past five it
// says how many more there are.
func nameAll(docs []annotate.Document) string {
	seen := map[string]int{}
	for _, d := range docs {
		seen[d.Title]++
	}
	var names []string
	for i, d := range docs {
		if i == 5 {
			names = append(names, fmt.Sprintf("and %d more", len(docs)-i))
			break
		}
		name := strconv.Quote(d.Title)
		if seen[d.Title] > 1 {
			name += " (id " + d.ID + ")"
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// countWord is "two documents": a count in words up to ten, as a sentence
// reads it.
func countWord(n int, noun string) string {
	words := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
	count := strconv.Itoa(n)
	if n < len(words) {
		count = words[n]
	}
	if n != 1 {
		noun += "s"
	}
	return count + " " + noun
}
