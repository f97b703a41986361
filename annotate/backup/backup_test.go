package backup_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/store"
)

// library opens a new library holding n documents.
func library(t *testing.T, n int) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	for range n {
		addDocument(t, s)
	}
	return s, path
}

var docs int

func addDocument(t *testing.T, s *store.Store) {
	t.Helper()
	docs++
	id := fmt.Sprintf("doc%d", docs)
	d := &annotate.Document{ID: id, Title: id, Format: "text", Hash: "hash-" + id, Imported: time.Now()}
	d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: "The text of " + id}})
	if err := s.PutDocument(d); err != nil {
		t.Fatal(err)
	}
}

func TestABackupIsVerifiedAndTakenOnlyAfterAChange(t *testing.T) {
	s, path := library(t, 3)
	now := time.Now()
	first, wrote, err := backup.Take(s, now, false)
	if err != nil || !wrote {
		t.Fatalf("first backup: wrote %v, %v", wrote, err)
	}
	if _, wrote, _ := backup.Take(s, now.Add(time.Minute), false); wrote {
		t.Error("an unchanged library was backed up again")
	}
	addDocument(t, s)
	second, wrote, err := backup.Take(s, now.Add(2*time.Minute), false)
	if err != nil || !wrote {
		t.Fatalf("backup after a change: wrote %v, %v", wrote, err)
	}
	for _, b := range []backup.Info{first, second} {
		r, err := store.Check(b.Path)
		if err != nil || len(r.Problems) > 0 || r.Counts != b.Counts {
			t.Errorf("%s: %+v %v; its manifest says %+v", b.Path, r, err, b.Counts)
		}
	}
	list, err := backup.List(path)
	if err != nil || len(list) != 2 || list[0].Path != second.Path || list[0].Documents != 4 || list[1].Documents != 3 {
		t.Errorf("backups %+v, %v; want the 4-document one, then the 3-document one", list, err)
	}
}

func TestRetentionKeepsTheNewestTenAndOneADayForAWeek(t *testing.T) {
	s, path := library(t, 1)
	now := time.Date(2026, 11, 26, 23, 0, 0, 0, time.Local)
	var times []time.Time
	for d := 9; d >= 1; d-- {
		times = append(times, time.Date(2026, 11, 26-d, 9, 0, 0, 0, time.Local), time.Date(2026, 11, 26-d, 12, 0, 0, 0, time.Local))
	}
	for h := range 20 {
		times = append(times, time.Date(2026, 11, 26, 2+h, 0, 0, 0, time.Local))
	}
	for _, at := range times {
		if _, _, err := backup.Take(s, at, true); err != nil {
			t.Fatal(err)
		}
	}
	if err := backup.Prune(path, now); err != nil {
		t.Fatal(err)
	}
	list, err := backup.List(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		got = append(got, b.Time.Format("Jan 2 15h"))
	}
	want := []string{"Nov 26 21h", "Nov 26 20h", "Nov 26 19h", "Nov 26 18h", "Nov 26 17h", "Nov 26 16h", "Nov 26 15h", "Nov 26 14h", "Nov 26 13h", "Nov 26 12h",
		"Nov 25 12h", "Nov 24 12h", "Nov 23 12h", "Nov 22 12h", "Nov 21 12h", "Nov 20 12h"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("kept %v\nwant %v", got, want)
	}
	entries, _ := os.ReadDir(backup.Dir(path))
	if len(entries) != 2*len(want) {
		t.Errorf("%d files in the backups folder, want a backup and a manifest for each of %d", len(entries), len(want))
	}
}

func TestRestoreKeepsTheLibraryAndBringsBackTheBackup(t *testing.T) {
	s, path := library(t, 2)
	if _, _, err := backup.Take(s, time.Now(), false); err != nil {
		t.Fatal(err)
	}
	addDocument(t, s)
	if _, _, err := backup.Restore(path, "", store.Check, time.Now()); !errors.Is(err, annotate.ErrLocked) {
		t.Errorf("restoring over a library in use gave %v, want ErrLocked", err)
	}
	s.Close()
	info, kept, err := backup.Restore(path, "", store.Check, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if kept != path+".before-restore" || info.Documents != 2 {
		t.Errorf("restored %+v keeping %s", info, kept)
	}
	for file, want := range map[string]int{path: 2, kept: 3} {
		if r, err := store.Check(file); err != nil || r.Documents != want {
			t.Errorf("%s holds %+v (%v), want %d documents", file, r, err, want)
		}
	}
	_, again, err := backup.Restore(path, "", store.Check, time.Now())
	if err != nil || again == kept {
		t.Errorf("a second restore kept the library as %s (%v): the first one kept would be lost", again, err)
	}
}

func TestRestoreRefusesADamagedBackup(t *testing.T) {
	s, path := library(t, 1)
	info, _, err := backup.Take(s, time.Now(), false)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.WriteFile(info.Path, []byte("not a library"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if _, _, err := backup.Restore(path, "", store.Check, time.Now()); !errors.Is(err, annotate.ErrDamaged) {
		t.Errorf("restoring a damaged backup gave %v, want ErrDamaged", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("a refused restore changed the library")
	}
}

func TestTwoLibrariesInOneFolderKeepTheirBackupsApart(t *testing.T) {
	s, path := library(t, 1)
	other, err := store.Open(filepath.Join(filepath.Dir(path), "library-2.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for range 12 {
		addDocument(t, other)
		if _, _, err := backup.Take(other, time.Now(), false); err != nil {
			t.Fatal(err)
		}
	}
	mine, _, err := backup.Take(s, time.Now(), false)
	if err != nil {
		t.Fatal(err)
	}
	list, err := backup.List(path)
	if err != nil || len(list) != 1 || list[0].Path != mine.Path {
		t.Errorf("library.db's backups: %+v (%v), want only its own", list, err)
	}
	if theirs, _ := backup.List(other.Path()); len(theirs) != backup.KeepNewest {
		t.Errorf("library-2.db keeps %d backups after library.db's was taken, want %d", len(theirs), backup.KeepNewest)
	}
}
