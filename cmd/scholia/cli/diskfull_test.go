package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
)

// starvedEnv makes this test binary a process that saves long notes with
// its file size limit (ulimit -f) 1 MiB above the library's size: the
// disk fills up as far as it can tell. When a save fails it
// prints "full" and the message, lifts the limit (space returns) and saves
// once more.
const starvedEnv = "SCHOLIA_STARVED"

func saveUntilFull(path string) {
	lib, doc := openForSaving(path)
	fi, err := os.Stat(path)
	var old syscall.Rlimit
	if err == nil {
		err = syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old)
	}
	starved := old
	starved.Cur = uint64(fi.Size()) + 1<<20
	if err == nil {
		err = syscall.Setrlimit(syscall.RLIMIT_FSIZE, &starved)
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	draft := library.Draft{Kind: "note", Colour: "yellow", Start: 0, End: 8, Body: strings.Repeat("a long note that needs room on the disk ", 200)}
	for {
		a, err := lib.Annotate(doc, draft)
		if err != nil {
			fmt.Println("full", strings.ReplaceAll(err.Error(), "\n", " "))
			break
		}
		fmt.Println("ack", a.ID)
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	a, err := lib.Annotate(doc, draft)
	if err != nil {
		fmt.Println("error after space returned:", err)
		os.Exit(1)
	}
	fmt.Println("ack", a.ID)
	if err := lib.Close(); err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	os.Exit(0)
}

func TestAFullDiskFailsTheSaveClearlyAndLosesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := scholia(t, path, "import", fixture(t, "brief.txt", brief)); code != 0 {
		t.Fatal(errOut)
	}
	cmd, lines := startChild(t, starvedEnv, path)
	var acked []string
	full := ""
	for lines.Scan() {
		line := lines.Text()
		switch {
		case strings.HasPrefix(line, "ack "):
			acked = append(acked, strings.TrimPrefix(line, "ack "))
		case strings.HasPrefix(line, "full "):
			full = strings.TrimPrefix(line, "full ")
		default:
			t.Errorf("the saver said %q", line)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the saver failed: %v", err)
	}
	if !strings.Contains(full, "nothing was saved: the disk holding the library "+path+" is full") {
		t.Errorf("the failed save said %q, want it to name the full disk and the library", full)
	}
	if full == "" || len(acked) < 2 {
		t.Fatalf("%d saves acknowledged around the failure, want saves before it and one after space returned", len(acked))
	}
	r, err := cli.ChildCheck(path)
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("after the full disk the check says %v %v", r.Problems, err)
	}
	lib, err := library.OpenVerified(path, cli.ChildCheck)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	for _, id := range acked {
		if _, err := lib.Annotation(id); err != nil {
			t.Errorf("the acknowledged note %s: %v", id, err)
		}
	}
}
