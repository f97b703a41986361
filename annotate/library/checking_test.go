package library_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/library"
	"scholia/annotate/store"
)

// heldCheck is a check that waits until released, then answers with the
// real check of the file, or with problems when damaged is set.
type heldCheck struct {
	started, release chan struct{}
	damaged          bool
}

func newHeldCheck() *heldCheck {
	return &heldCheck{started: make(chan struct{}, 8), release: make(chan struct{})}
}

func (h *heldCheck) check(path string) (library.Report, error) {
	h.started <- struct{}{}
	<-h.release
	r, err := store.Check(path)
	if h.damaged {
		r.Problems = append(r.Problems, "a page is damaged")
	}
	return r, err
}

// openHeld opens the library at path while held checks it (damaged: the
// check finds damage), once the check has started; the library closes
// when the test ends.
func openHeld(t *testing.T, path string, damaged bool) (*library.Library, <-chan error, *heldCheck) {
	t.Helper()
	held := newHeldCheck()
	held.damaged = damaged
	lib, checked, err := library.OpenChecking(path, held.check)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = lib.Close() })
	<-held.started
	return lib, checked, held
}

// storedLibrary is a library file holding one document, closed, and the
// document's id.
func storedLibrary(t *testing.T) (path, doc string) {
	t.Helper()
	lib, path := openLibrary(t)
	res, err := lib.ImportBytes("talks.txt", "/talks.txt", []byte("Talks\n\nThe envoys met in Geneva and agreed to keep talking about the border.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	return path, res.Document.ID
}

func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The library reads at once while its check is held; a highlight saved
// meanwhile waits: the file is unchanged until the check passed, then the
// highlight is committed and read back.
func TestTheLibraryReadsWhileItsCheckRunsAndWritesAfter(t *testing.T) {
	path, doc := storedLibrary(t)
	lib, checked, held := openHeld(t, path, false)
	docs, err := lib.Documents()
	if err != nil || len(docs) != 1 {
		t.Fatalf("reading during the check: %d documents, %v; want 1", len(docs), err)
	}
	before := readBytes(t, path)
	saved := make(chan error, 1)
	go func() {
		_, err := lib.Highlight(doc, 0, 5, annotate.Yellow, library.Separate)
		saved <- err
	}()
	select {
	case err := <-saved:
		t.Fatalf("the highlight was saved (%v) before the check passed", err)
	case <-time.After(300 * time.Millisecond):
	}
	if !bytes.Equal(readBytes(t, path), before) {
		t.Fatal("the library file changed before its check passed")
	}
	close(held.release)
	if err := <-checked; err != nil {
		t.Fatalf("the check: %v", err)
	}
	if err := <-saved; err != nil {
		t.Fatalf("the highlight after the check: %v", err)
	}
	anns, err := lib.Annotations(doc)
	if err != nil || len(anns) != 1 {
		t.Fatalf("%d annotations, %v; want the highlight", len(anns), err)
	}
}

// A check that finds damage closes the library with nothing written: the
// save waiting is refused, the file is set aside byte for byte as it was,
// and the damage is said as OpenVerified says it.
func TestDamageFoundWhileReadingWritesNothing(t *testing.T) {
	path, doc := storedLibrary(t)
	before := readBytes(t, path)
	lib, checked, held := openHeld(t, path, true)
	saved := make(chan error, 1)
	go func() {
		_, err := lib.Highlight(doc, 0, 5, annotate.Yellow, library.Separate)
		saved <- err
	}()
	close(held.release)
	var damage *library.Damage
	if err := <-checked; !errors.As(err, &damage) {
		t.Fatalf("the check gave %v, want the damage", err)
	}
	if err := <-saved; err == nil {
		t.Fatal("a highlight was saved to a damaged library")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the damaged library is still at %s (%v), want it set aside", path, err)
	}
	if !bytes.Equal(readBytes(t, damage.KeptAs), before) {
		t.Error("the damaged library changed before it was set aside")
	}
}

// A start that ended before its check passed (it may have ended reading
// the damaged file) leaves its mark: the next start checks first, as
// OpenVerified does, and the mark goes once a check passed.
func TestAStartThatEndedUncheckedMakesTheNextCheckFirst(t *testing.T) {
	path, _ := storedLibrary(t)
	held := newHeldCheck()
	lib, _, err := library.OpenChecking(path, held.check)
	if err != nil {
		t.Fatal(err)
	}
	<-held.started
	mark := filepath.Join(filepath.Dir(path), ".library.db.checking")
	if _, err := os.Stat(mark); err != nil {
		t.Fatalf("no mark of the check under way: %v", err)
	}
	_ = lib.Close()
	close(held.release)

	calls := 0
	lib, checked, err := library.OpenChecking(path, func(p string) (library.Report, error) {
		calls++
		return store.Check(p)
	})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if calls != 1 {
		t.Fatalf("the library opened before its check (%d checks)", calls)
	}
	if err := <-checked; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mark); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the mark is still there after a check passed: %v", err)
	}
}
