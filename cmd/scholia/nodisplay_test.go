package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"scholia/cmd/scholia/internal/xwindow"
)

// TestWithoutADisplayAWrongNameIsSaidAsSuch: in a terminal with no
// display (ssh, a container), a mistyped command or a name that is no file
// and no document is told as that, as it is with a display, not as a
// missing display; a name the window could open says the display is
// missing.
func TestWithoutADisplayAWrongNameIsSaidAsSuch(t *testing.T) {
	bin := xwindow.Binary(t)
	home := t.TempDir()
	lib := filepath.Join(home, "lib.db")
	article := filepath.Join(home, "talks.txt")
	if err := os.WriteFile(article, []byte("Talks resume in Geneva\n\nThe envoys agreed to meet again.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"--library", lib}, args...)...)
		cmd.Env = []string{"HOME=" + home, "XDG_DATA_HOME=" + filepath.Join(home, "data"), "XDG_STATE_HOME=" + filepath.Join(home, "state"),
			"XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "PATH=" + os.Getenv("PATH"), "LANG=en_US.UTF-8"}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("scholia %s: %v", strings.Join(args, " "), err)
		}
		return stderr.String(), code
	}
	if out, code := run("import", article); code != 0 {
		t.Fatalf("import: exit %d, %s", code, out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lst"}, `"lst" is not a command, a file or a document`},
		{[]string{"open", "no such thing"}, `neither a file nor a document named "no such thing" exists`},
		{[]string{"Geneva"}, "there is no display"},
		{[]string{"open", article}, "there is no display"},
	} {
		out, code := run(c.args...)
		if code != 1 || !strings.Contains(out, c.want) || strings.Count(out, "\n") != 1 {
			t.Errorf("scholia %s without a display: exit %d, stderr %q; want exit 1 and one line saying %q", strings.Join(c.args, " "), code, out, c.want)
		}
	}
}
