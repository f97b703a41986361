package library_test

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/library"
)

// shelvedLibrary is a closed library file of many pages: forty documents
// with a highlight and a question each.
func shelvedLibrary(t *testing.T) string {
	t.Helper()
	lib, path := openLibrary(t)
	for i := range 40 {
		text := fmt.Sprintf("Talks %d\n\n%s\n", i, strings.Repeat(fmt.Sprintf("The envoys met in Geneva for round %d and agreed to keep talking about the border. ", i), 30))
		res, err := lib.ImportBytes(fmt.Sprintf("talks%d.txt", i), fmt.Sprintf("/talks%d.txt", i), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := lib.Highlight(res.Document.ID, 10, 40, annotate.Yellow, library.Separate); err != nil {
			t.Fatal(err)
		}
		if _, err := lib.Annotate(res.Document.ID, library.Draft{Kind: annotate.KindQuestion, Start: 50, End: 80, Body: "Which border?", Tags: []string{"geneva"}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// readEverything reads what the window reads at its start, and more; it
// gives the first error.
func readEverything(lib *library.Library) error {
	docs, err := lib.Documents()
	if err != nil {
		return err
	}
	for _, d := range docs {
		if _, err := lib.Document(d.ID); err != nil {
			return err
		}
		if _, err := lib.Annotations(d.ID); err != nil {
			return err
		}
	}
	if _, err := lib.AllQuestions(); err != nil {
		return err
	}
	_, err = lib.Tags()
	return err
}

// A file damaged in any one page, read while its check runs, gives
// errors or what it holds, never a crash (a panic in bbolt, a fault on a
// page); a search waits for the check, which says the file is damaged.
func TestADamagedFileReadBeforeItsCheckGivesErrorsNotACrash(t *testing.T) {
	path := shelvedLibrary(t)
	good := readBytes(t, path)
	const page = 4096
	failed := 0
	for p := 2; p < len(good)/page; p++ {
		bad := append([]byte(nil), good...)
		for i := p * page; i < (p+1)*page; i++ {
			bad[i] = byte(0xA5 ^ i)
		}
		copyPath := filepath.Join(t.TempDir(), "library.db")
		if err := os.WriteFile(copyPath, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		held := newHeldCheck()
		held.damaged = true
		mark := filepath.Join(filepath.Dir(copyPath), ".library.db.checking")
		check := func(p string) (library.Report, error) {
			if _, err := os.Stat(mark); err != nil {
				close(held.release) // checked before the open: not held
			}
			return held.check(p)
		}
		lib, checked, err := library.OpenChecking(copyPath, check)
		if err != nil {
			continue // not opened before its check: nothing was read unchecked
		}
		<-held.started
		if err := readEverything(lib); err != nil {
			failed++
			if !errors.Is(err, annotate.ErrDamaged) {
				t.Errorf("page %d damaged: reading said %v, want that the library is damaged", p, err)
			}
		}
		searched := make(chan error, 1)
		go func() {
			_, err := lib.Search(context.Background(), "envoys", 10)
			searched <- err
		}()
		close(held.release)
		var damage *library.Damage
		if err := <-checked; !errors.As(err, &damage) {
			t.Errorf("page %d damaged: the check gave %v, want the damage", p, err)
		}
		if err := <-searched; err == nil {
			t.Errorf("page %d damaged: a search went through the unchecked file", p)
		}
		_ = lib.Close()
	}
	if failed == 0 {
		t.Fatal("no damaged page made a read fail: the test damages nothing it reads")
	}
	t.Logf("%d of %d damaged pages made a read before the check fail", failed, len(good)/page-2)
}

// A branch page pointing past the file's end, within bbolt's mapping
// (rounded up to a power of two), faults on reading (SIGBUS): only
// SetPanicOnFault turns that into ErrDamaged.
// TestADamagedFileReadBeforeItsCheck never makes such a fault: it passes
// with SetPanicOnFault(false).
func TestAPagePastTheFileEndReadBeforeTheCheckIsDamage(t *testing.T) {
	path := shelvedLibrary(t)
	good := readBytes(t, path)
	const page = 4096
	// The file cut to its last page in use: the mapping stays a power of
	// two, and the pages between are past the end.
	used := max(binary.LittleEndian.Uint64(good[56:]), binary.LittleEndian.Uint64(good[page+56:]))
	mapped := uint64(len(good) / page)
	if used >= mapped {
		t.Skipf("the file uses all its %d pages", mapped)
	}
	good = good[:used*page]
	beyond := mapped - 1
	damaged := 0
	for p := 2; p < int(used); p++ {
		h := good[p*page:]
		if binary.LittleEndian.Uint64(h) != uint64(p) || binary.LittleEndian.Uint16(h[8:]) != 0x01 {
			continue
		}
		bad := append([]byte(nil), good...)
		for i := range int(binary.LittleEndian.Uint16(h[10:])) {
			binary.LittleEndian.PutUint64(bad[p*page+16+16*i+8:], beyond)
		}
		copyPath := filepath.Join(t.TempDir(), "library.db")
		if err := os.WriteFile(copyPath, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		// The check runs in a child process in the window; here it only
		// says the file is damaged, lest bbolt's check fault in the test.
		release := make(chan struct{})
		check := func(string) (library.Report, error) {
			<-release
			return library.Report{Problems: []string{"a page is damaged"}}, nil
		}
		lib, _, err := library.OpenChecking(copyPath, check)
		if err != nil {
			continue
		}
		err = readEverything(lib)
		t.Logf("branch page %d points at page %d, past the end (%d pages): %v", p, beyond, used, err)
		if err != nil {
			damaged++
			if !errors.Is(err, annotate.ErrDamaged) {
				t.Errorf("page %d: %v, want ErrDamaged", p, err)
			}
		}
		close(release)
		_ = lib.Close()
	}
	if damaged == 0 {
		t.Fatal("no read went past the end")
	}
}
