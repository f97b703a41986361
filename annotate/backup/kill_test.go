package backup_test

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/store"
)

// childEnv makes this test binary a process that backs up the library it
// names, over and over, printing each finished backup's path.
const childEnv = "SCHOLIA_BACKUP_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(childEnv); path != "" {
		backUpForever(path)
	}
	os.Exit(m.Run())
}

func backUpForever(path string) {
	s, err := store.Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for {
		info, _, err := backup.Take(s, time.Now(), true)
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("took", info.Path)
	}
}

func TestKillDuringABackupLeavesTheEarlierOnesIntact(t *testing.T) {
	s, path := library(t, 0)
	for i := range 60 {
		d := &annotate.Document{ID: fmt.Sprint("big", i), Title: "big", Format: "text", Hash: fmt.Sprint("big", i)}
		d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: strings.Repeat(fmt.Sprint("page filler ", i), 4000)}})
		if err := s.PutDocument(d); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	var acked []string
	for round := range 5 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		for n := 1 + rand.IntN(4); n > 0 && lines.Scan(); n-- {
			line := lines.Text()
			if !strings.HasPrefix(line, "took ") {
				t.Fatalf("round %d: the child said %q", round, line)
			}
			acked = append(acked, strings.TrimPrefix(line, "took "))
		}
		_ = cmd.Process.Kill()
		for lines.Scan() {
			acked = append(acked, strings.TrimPrefix(lines.Text(), "took "))
		}
		_ = cmd.Wait()
		list, err := backup.List(path)
		if err != nil {
			t.Fatal(err)
		}
		listed := map[string]bool{}
		for _, b := range list {
			listed[b.Path] = true
			if r, err := store.Check(b.Path); err != nil || len(r.Problems) > 0 || r.Counts != b.Counts {
				t.Errorf("round %d: %s is listed but checks %+v, %v", round, b.Path, r, err)
			}
		}
		// A backup may finish, and prune the oldest, between its rename
		// and its line: the newest KeepNewest-1 acknowledged ones stand.
		recent := acked[max(0, len(acked)-backup.KeepNewest+1):]
		for _, p := range recent {
			if !listed[p] {
				t.Errorf("round %d: the finished backup %s is gone after a kill", round, p)
			}
		}
	}
}

// A backup cut off by the end of its process (`scholia list | head` ends
// it by a closed pipe) leaves its temporary files; the next backup, by a
// later process, removes them, and nothing else.
func TestTheNextBackupRemovesTheFilesOfOneCutOff(t *testing.T) {
	s, path := library(t, 1)
	if _, _, err := backup.Take(s, time.Now(), false); err != nil {
		t.Fatal(err)
	}
	dir := backup.Dir(path)
	before := time.Now().Add(-10 * time.Minute) // written by a process before this one
	stale := []string{".library-20261201-101010.000.db.123456.tmp", "library-20261201-101010.000.json.tmp"}
	others := []string{".library-2-20261201-101010.000.db.123456.tmp", ".notes.tmp"}
	for _, name := range append(append([]string{}, stale...), others...) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("cut off"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, before, before); err != nil {
			t.Fatal(err)
		}
	}
	current := filepath.Join(dir, ".library-20261202-101010.000.db.654321.tmp") // this process's
	if err := os.WriteFile(current, []byte("being written"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Nothing changed since the last backup: none is written, but the
	// stray files go all the same.
	if _, wrote, err := backup.Take(s, time.Now(), false); wrote || err != nil {
		t.Fatalf("a backup of an unchanged library: wrote %v, %v", wrote, err)
	}
	for _, name := range stale {
		if _, err := os.Stat(filepath.Join(dir, name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the temporary file %s of a backup cut off is still there (%v)", name, err)
		}
	}
	for _, name := range append(others, filepath.Base(current)) {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s, not a backup of this library cut off, was removed (%v)", name, err)
		}
	}
}
