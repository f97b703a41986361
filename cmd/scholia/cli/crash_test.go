package cli_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
)

// saverEnv makes this test binary a process that opens the library it
// names as the app does and saves notes on its first document one
// transaction each, printing "ack ID" after each commit, until killed.
const saverEnv = "SCHOLIA_SAVER"

func saveForever(path string) {
	lib, doc := openForSaving(path)
	for i := 0; ; i++ {
		a, err := lib.Annotate(doc, library.Draft{Kind: "note", Colour: "yellow", Start: 0, End: 8, Body: fmt.Sprint("note number ", i)})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("ack", a.ID)
	}
}

func openForSaving(path string) (*library.Library, string) {
	lib, err := library.OpenVerified(path, cli.ChildCheck)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	docs, err := lib.Documents()
	if err != nil || len(docs) == 0 {
		fmt.Println("error: no document to annotate", err)
		os.Exit(1)
	}
	return lib, docs[0].ID
}

// startChild runs this test binary as one of the children above.
func startChild(t *testing.T, env, path string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

// kills is how many times the crash test kills a saver: 20, or 200 when
// SCHOLIA_LONG is set (make test-long).
func kills() int {
	if os.Getenv("SCHOLIA_LONG") != "" {
		return 200
	}
	return 20
}

func TestKilledWhileSavingNoAcknowledgedNoteIsLost(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if _, errOut, code := scholia(t, path, "import", fixture(t, "brief.txt", brief)); code != 0 {
		t.Fatal(errOut)
	}
	acked := map[string]bool{}
	var slowest time.Duration
	for round := range kills() {
		cmd, lines := startChild(t, saverEnv, path)
		n := 1 + rand.IntN(40)
		for lines.Scan() {
			line := lines.Text()
			id, ok := strings.CutPrefix(line, "ack ")
			if !ok {
				t.Fatalf("round %d: the saver said %q", round, line)
			}
			acked[id] = true
			if n--; n == 0 {
				_ = cmd.Process.Kill()
			}
		}
		_ = cmd.Wait()

		r, err := cli.ChildCheck(path)
		if err != nil || len(r.Problems) > 0 {
			t.Fatalf("round %d: after kill -9 the check says %v %v", round, r.Problems, err)
		}
		start := time.Now()
		lib, err := library.OpenVerified(path, cli.ChildCheck)
		if err != nil {
			t.Fatalf("round %d: reopening after kill -9: %v", round, err)
		}
		took := time.Since(start)
		if took > 2*time.Second {
			t.Errorf("round %d: reopening took %v, want under 2 s", round, took)
		}
		slowest = max(slowest, took)
		all, err := lib.AllAnnotations()
		if err != nil {
			t.Fatal(err)
		}
		present := map[string]bool{}
		for _, a := range all {
			present[a.ID] = true
		}
		for id := range acked {
			if !present[id] {
				t.Errorf("round %d: the acknowledged note %s is gone", round, id)
			}
		}
		if err := lib.Close(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d kills, %d acknowledged notes, all present; the slowest reopening (check in a child, open) took %v", kills(), len(acked), slowest)
}
