package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"scholia/cmd/scholia/cli"
)

// asUser runs this test binary as scholia the way a user without write
// permission would: root is bound by file modes only without its
// capability to override them, which setpriv takes away.
func asUser(t *testing.T, lib string, args ...string) (string, string, int) {
	t.Helper()
	argv := append([]string{"--library", lib}, args...)
	name := os.Args[0]
	if os.Geteuid() == 0 {
		argv = append([]string{"--bounding-set=-dac_override,-dac_read_search", name}, argv...)
		name = "setpriv"
	}
	cmd := exec.Command(name, argv...)
	cmd.Env = append(os.Environ(), cli.ChildEnv+"=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

func TestAReadOnlyLibraryOpensForReadingAndRefusesToSave(t *testing.T) {
	path := notedLibrary(t, 1)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := readFile(t, path)
	out, errOut, code := asUser(t, path, "annotations")
	if code != 0 || !strings.Contains(out, "note kept for a year") {
		t.Errorf("reading a read-only library: exit %d, %q %q", code, out, errOut)
	}
	_, errOut, code = asUser(t, path, "annotate", "Ceasefire", "--quote", "Terms")
	if code != cli.ExitFailed || !strings.Contains(errOut, "nothing was saved: the library "+path+" cannot be written (it is read-only)") {
		t.Errorf("saving to a read-only library: exit %d, %q", code, errOut)
	}
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("the read-only library changed")
	}
}

func TestAReadOnlyFolderStillSavesAndSaysBackupsFail(t *testing.T) {
	path := notedLibrary(t, 1)
	dir := filepath.Dir(path)
	for _, d := range []string{dir, filepath.Join(dir, "backups")} {
		if err := os.Chmod(d, 0o555); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755); _ = os.Chmod(filepath.Join(dir, "backups"), 0o755) })
	if _, errOut, code := asUser(t, path, "annotate", "Ceasefire", "--quote", "Terms", "--note", "saved beside no backup"); code != 0 {
		t.Fatalf("saving in a read-only folder: exit %d, %q", code, errOut)
	}
	// The next change backs up the one before first (reading takes no
	// backup): that fails, and says so, and the change is still saved.
	_, errOut, code := asUser(t, path, "annotate", "Ceasefire", "--quote", "Terms", "--note", "saved again beside no backup")
	if code != 0 || !strings.Contains(errOut, "the library was not backed up") || !strings.Contains(errOut, "permission denied") {
		t.Errorf("changing the library after a change in a read-only folder: exit %d, %q; want it to say the backup failed", code, errOut)
	}
	if out, _, _ := scholia(t, path, "annotations"); !strings.Contains(out, "saved beside no backup") || !strings.Contains(out, "saved again beside no backup") {
		t.Errorf("a note saved in a read-only folder is missing: %q", out)
	}
}
