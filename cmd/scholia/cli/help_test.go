package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/cmd/scholia/cli"
)

// listedCommands reads the command names off `scholia help`: the first
// word of each line of its commands list.
func listedCommands(t *testing.T, help string) []string {
	t.Helper()
	_, list, ok := strings.Cut(help, "\ncommands:\n")
	if !ok {
		t.Fatalf("scholia help has no commands list:\n%s", help)
	}
	list, _, _ = strings.Cut(list, "\n\n")
	var names []string
	for _, line := range strings.Split(list, "\n") {
		if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ") {
			names = append(names, strings.Fields(line)[0])
		}
	}
	return names
}

// TestEveryCommandsHelpIsPrintedWithoutWindowOrLibrary runs every form of
// asking for help, for every command `scholia help` lists: each prints
// that command's usage to stdout and exits 0; main never takes the window
// path for it; and no library is opened or created, neither the one
// --library names nor the default one.
func TestEveryCommandsHelpIsPrintedWithoutWindowOrLibrary(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv("SCHOLIA_LIBRARY", "")
	lib := filepath.Join(home, "lib.db")

	ask := func(args ...string) (string, string, int, bool) {
		t.Helper()
		inv, err := cli.Parse(args)
		if err != nil {
			t.Fatalf("scholia %s: %v", strings.Join(args, " "), err)
		}
		var out, errOut bytes.Buffer
		code := cli.Run(inv, &out, &errOut)
		return out.String(), errOut.String(), code, inv.WantsWindow()
	}

	list, _, code, window := ask("help")
	names := listedCommands(t, list)
	if code != 0 || window || len(names) < 15 {
		t.Fatalf("scholia help: exit %d, window %v, commands %q", code, window, names)
	}
	for _, must := range []string{"open", "help", "show", "import", "restore"} {
		if !strings.Contains(" "+strings.Join(names, " ")+" ", " "+must+" ") {
			t.Errorf("scholia help does not list %s: %q", must, names)
		}
	}
	for _, bare := range [][]string{{"--help"}, {"-h"}, {"--library", lib, "--help"}, {"--library", lib, "-h"}} {
		out, errOut, code, window := ask(bare...)
		if out != list || errOut != "" || code != 0 || window {
			t.Errorf("scholia %s: exit %d, window %v, stderr %q, stdout not the command list:\n%s", strings.Join(bare, " "), code, window, errOut, out)
		}
	}

	for _, name := range names {
		for _, form := range [][]string{
			{name, "--help"},
			{name, "-h"},
			{"help", name},
			{"--help", name},
			{"--library", lib, name, "--help"},
			{"--library", lib, "help", name},
		} {
			t.Run(strings.Join(form, " "), func(t *testing.T) {
				out, errOut, code, window := ask(form...)
				if window {
					t.Errorf("takes the window path")
				}
				if code != 0 || errOut != "" {
					t.Errorf("exit %d, stderr %q; want 0 and nothing", code, errOut)
				}
				if !strings.HasPrefix(out, "usage: scholia [--library FILE] "+name) || !strings.HasSuffix(out, ".\n") {
					t.Errorf("stdout %q; want the usage of %s and what it does", out, name)
				}
			})
		}
	}

	made, err := os.ReadDir(home)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range made {
		t.Errorf("asking for help made %s", filepath.Join(home, f.Name()))
	}
}

func TestHelpForAnUnknownCommandSaysSo(t *testing.T) {
	out, errOut, code := scholia(t, filepath.Join(t.TempDir(), "lib.db"), "help", "frobnicate")
	if code != cli.ExitUsage || out != "" || errOut != "scholia: unknown command \"frobnicate\"; see scholia help\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
