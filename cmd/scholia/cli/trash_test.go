package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"scholia/cmd/scholia/cli"
)

// run is scholia that must succeed.
func run(t *testing.T, lib string, args ...string) string {
	t.Helper()
	out, errOut, code := scholia(t, lib, args...)
	if code != 0 {
		t.Fatalf("scholia %s: exit %d, %s", strings.Join(args, " "), code, errOut)
	}
	return out
}

func TestRemoveTrashUntrashAndPurgeADocument(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	run(t, lib, "import", fixture(t, "levy.txt", "Harbour Levy Minutes\n\nThe council debated the harbour levy.\n"),
		fixture(t, "memo.txt", "Summit Memo\n\nThe ministers agreed on tariffs.\n"))
	note := strings.TrimSpace(run(t, lib, "annotate", "summit", "--quote", "tariffs", "--kind", "note", "--note", "zanzibar accord"))
	before := run(t, lib, "annotations", "--json")

	if out := run(t, lib, "remove", "summit"); !strings.HasSuffix(out, "\tSummit Memo\n") {
		t.Errorf("scholia remove printed %q, want the id and title", out)
	}
	if out := run(t, lib, "list"); strings.Contains(out, "Summit Memo") {
		t.Errorf("scholia list shows the removed document:\n%s", out)
	}
	if out := run(t, lib, "search", "zanzibar"); strings.Contains(out, "zanzibar") {
		t.Errorf("scholia search finds the removed document's note:\n%s", out)
	}
	if out := run(t, lib, "export"); strings.Contains(out, "zanzibar") {
		t.Errorf("scholia export holds the removed document's note:\n%s", out)
	}
	if out, errOut, code := scholia(t, lib, "show", "summit"); code != cli.ExitFailed || out != "" || !strings.Contains(errOut, "“Summit Memo” is in the trash; scholia untrash") {
		t.Errorf("scholia show of a removed document: exit %d, %q %q", code, out, errOut)
	}
	if out := run(t, lib, "trash"); !strings.Contains(out, "document") || !strings.Contains(out, "Summit Memo") {
		t.Errorf("scholia trash does not list the removed document:\n%s", out)
	}

	run(t, lib, "untrash", "summit memo")
	if after := run(t, lib, "annotations", "--json"); after != before {
		t.Errorf("after untrash the annotations are\n%s\nwant\n%s", after, before)
	}
	if out := run(t, lib, "trash"); out != "The trash is empty.\n" {
		t.Errorf("scholia trash after untrash:\n%s", out)
	}

	run(t, lib, "remove", "summit")
	if out := run(t, lib, "purge", "summit"); !strings.Contains(out, "Summit Memo") {
		t.Errorf("scholia purge printed %q", out)
	}
	if out, errOut, code := scholia(t, lib, "untrash", "summit"); code != cli.ExitFailed || out != "" || !strings.Contains(errOut, "the trash has no document") {
		t.Errorf("scholia untrash of a purged document: exit %d, %q %q", code, out, errOut)
	}
	if out := run(t, lib, "annotations"); strings.Contains(out, note) {
		t.Errorf("the purged document's note is still listed:\n%s", out)
	}
}

func TestPurgeAllEmptiesTheTrash(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	run(t, lib, "import", fixture(t, "memo.txt", "Summit Memo\n\nThe ministers agreed on tariffs.\n"))
	run(t, lib, "remove", "summit")
	if out := run(t, lib, "purge", "--all"); out != "Deleted for good: 1 document and 0 annotations.\n" {
		t.Errorf("scholia purge --all printed %q", out)
	}
	if out := run(t, lib, "trash"); out != "The trash is empty.\n" {
		t.Errorf("scholia trash after purge --all:\n%s", out)
	}
	if _, errOut, code := scholia(t, lib, "purge"); code != cli.ExitUsage || errOut == "" {
		t.Errorf("scholia purge without arguments: exit %d, %q", code, errOut)
	}
}
