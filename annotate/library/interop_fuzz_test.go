package library_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate/library"
)

// FuzzImportAnnotations imports any bytes as a file of annotations into a
// library holding a document and its annotations, through the spool and
// the batches: the file is refused in one sentence naming it and the
// library is as it was, or every annotation it adds keeps the rules, and
// importing it again adds nothing (which an annotation without an id or a
// time did, its id made of the time of each import).
func FuzzImportAnnotations(f *testing.F) {
	f.Add([]byte(`[{"type":"Annotation","target":"https://example.org/page","body":"fine"}]`))
	f.Add([]byte(`{"type":"AnnotationPage","items":[{"id":"urn:uuid:01a21993-0000-7000-8000-000000000010","type":"Annotation","target":{"source":"urn:x","selector":{"type":"TextQuoteSelector","exact":"envoys"}},"scholia:answerLink":"urn:uuid:01a21993-0000-7000-8000-000000000011","scholia:answerPassage":{"id":"urn:uuid:01a21993-0000-7000-8000-000000000011","target":"urn:y"}},{"id":"urn:uuid:01a21993-0000-7000-8000-000000000010","type":"Annotation","target":"urn:x"}]}`))
	f.Add([]byte(`{"total":1,"rows":[{"id":"x","uri":"https://e.org","text":"t","target":[{"source":"https://e.org","selector":[{"type":"TextQuoteSelector","exact":"Two"}]}]}]}`))
	f.Add([]byte(`[{"uri":"https://e.org","text":"a page note without an id or a time","target":[{"source":"https://e.org"}]}]`))
	f.Add([]byte("Book (A. Writer)\n- Your Highlight on Location 10-12 | Added on Monday, March 21, 2016 8:35:16 AM\n\nthe envoys met\n==========\n"))
	src := filepath.Join(f.TempDir(), "geneva.txt")
	if err := os.WriteFile(src, []byte(seedText), 0o644); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lib, err := library.Open(filepath.Join(t.TempDir(), "library.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer lib.Close()
		if _, err := lib.Import(src); err != nil {
			t.Fatal(err)
		}
		before, _ := lib.AllAnnotations()
		docs, _ := lib.Documents()
		res, err := lib.ImportAnnotationBytes("f.json", data)
		if err != nil {
			after, _ := lib.AllAnnotations()
			now, _ := lib.Documents()
			if !strings.HasPrefix(err.Error(), "f.json") || strings.Contains(err.Error(), "\n") || len(after) != len(before) || len(now) != len(docs) {
				t.Fatalf("refused with %q; the library went from %d to %d annotations, %d to %d documents", err, len(before), len(after), len(docs), len(now))
			}
			return
		}
		after, _ := lib.AllAnnotations()
		if len(after) != len(before)+res.Added {
			t.Fatalf("%+v, but the library went from %d to %d annotations", res, len(before), len(after))
		}
		for _, a := range after {
			if err := a.Validate(); err != nil {
				t.Fatalf("an imported annotation breaks the rules: %v", err)
			}
		}
		again, err := lib.ImportAnnotationBytes("f.json", data)
		if err != nil || again.Added != 0 {
			t.Fatalf("importing again: %+v %v; want nothing added", again, err)
		}
	})
}
