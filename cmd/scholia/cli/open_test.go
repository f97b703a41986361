package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
)

// TestOpenNamesAFileOrADocumentAsShowDoes decides, without a window, what
// `scholia open REF` and `scholia REF` open: an existing file first, then
// a document named as show names one, else one sentence saying neither
// exists.
func TestOpenNamesAFileOrADocumentAsShowDoes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lib.db")
	imported := func(name, text string) string {
		t.Helper()
		out, errOut, code := scholia(t, path, "import", fixture(t, name, text))
		if code != 0 {
			t.Fatalf("import %s: %s", name, errOut)
		}
		return strings.Split(out, "\t")[0]
	}
	brief := imported("brief.txt", "Ceasefire Brief\n\nBoth sides stop firing at dawn.\n")
	annual := imported("annual.txt", "Annual Report on Sanctions\n\nText one.\n")
	panel := imported("panel.txt", "Report of the Review Panel\n\nText two.\n")
	// A file in the working folder named as a document is titled: the
	// file wins, so a file can always be opened.
	t.Chdir(dir)
	if err := os.WriteFile("Ceasefire Brief", []byte("Another text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := fixture(t, "new.txt", "A New Source\n\nText.\n")
	lib, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()

	cases := []struct {
		args []string
		want cli.Target
		err  string
	}{
		{[]string{"open", brief}, cli.Target{Document: brief}, ""},
		{[]string{brief}, cli.Target{Document: brief}, ""},
		{[]string{"open", panel[:len(panel)-4]}, cli.Target{Document: panel}, ""},
		{[]string{"open", "Annual Report on Sanctions"}, cli.Target{Document: annual}, ""},
		{[]string{"annual report on sanctions"}, cli.Target{Document: annual}, ""},
		{[]string{"open", "Review Panel"}, cli.Target{Document: panel}, ""},
		{[]string{"--library", path, "ceasefire"}, cli.Target{Document: brief}, ""},
		{[]string{"open", "Ceasefire Brief"}, cli.Target{File: "Ceasefire Brief"}, ""},
		{[]string{"open", file}, cli.Target{File: file}, ""},
		{[]string{file}, cli.Target{File: file}, ""},
		{[]string{"open"}, cli.Target{}, ""},
		{nil, cli.Target{}, ""},
		{[]string{"open", "Report"}, cli.Target{},
			`two documents match "Report": "Annual Report on Sanctions", "Report of the Review Panel"; give more of the title or the id`},
		{[]string{"open", "missing.txt"}, cli.Target{},
			`neither a file nor a document named "missing.txt" exists; scholia list shows the documents`},
		{[]string{"open", "00000000-dead-beef"}, cli.Target{},
			`neither a file nor a document named "00000000-dead-beef" exists; scholia list shows the documents`},
		{[]string{"frobnicate"}, cli.Target{},
			`"frobnicate" is not a command, a file or a document in the library; scholia help lists the commands, scholia list the documents`},
		{[]string{"open", dir}, cli.Target{},
			dir + " is a folder; import it with scholia import " + dir + ", or File → Import Folder… in the window"},
		{[]string{"open", "Review", "Panel"}, cli.Target{},
			"the window opens on one file or document, not 2; put a title of several words in quotes"},
	}
	for _, c := range cases {
		inv, err := cli.Parse(c.args)
		if err != nil {
			t.Fatal(err)
		}
		if !inv.WantsWindow() {
			t.Errorf("scholia %q does not take the window path", c.args)
			continue
		}
		got, err := inv.Resolve(lib)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != c.want || msg != c.err {
			t.Errorf("scholia %q opens %+v, error %q;\nwant %+v, error %q", c.args, got, msg, c.want, c.err)
		}
	}
}

// TestShowAndOpenSayTheSameOfAnAmbiguousName: show uses the resolver open
// uses, so both name the documents a reference matched.
func TestShowAndOpenSayTheSameOfAnAmbiguousName(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	for name, text := range map[string]string{"a.txt": "Draft Report\n\nOne.\n", "b.txt": "Draft Report\n\nTwo.\n"} {
		if _, errOut, code := scholia(t, path, "import", fixture(t, name, text)); code != 0 {
			t.Fatal(errOut)
		}
	}
	_, errOut, code := scholia(t, path, "show", "Draft")
	if code != 1 || !strings.HasPrefix(errOut, `scholia: two documents match "Draft": "Draft Report" (id `) ||
		strings.Count(errOut, "(id ") != 2 || !strings.HasSuffix(errOut, "; give more of the title or the id\n") {
		t.Errorf("show of an ambiguous name: exit %d, %q", code, errOut)
	}
}
