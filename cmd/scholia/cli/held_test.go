package cli_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
	"scholia/cmd/scholia/desk"
)

// heldCommands are command lines of every kind, run in order on the same
// library: reads, exports in each format (to stdout and to a file), imports
// of a known and a new file, annotations imported back, a new annotation,
// backup, check, and failures with their exit codes. A new id (a new
// document's, a new annotation's) is a fresh UUID in each run.
var heldCommands = [][]string{
	{"backups"},
	{"list"},
	{"list", "--json"},
	{"show", "Ceasefire"},
	{"show", "--json", "Ceasefire"},
	{"show", "--text", "Ceasefire"},
	{"show", "--outline", "Ceasefire"},
	{"search", "firing"},
	{"search", "--json", "tag:truce"},
	{"annotations", "--json"},
	{"annotations", "Ceasefire"},
	{"export", "--format", "md"},
	{"export", "--format", "jsonld"},
	{"export", "--format", "csv", "--doc", "Ceasefire"},
	{"export", "--format", "md", "--style", "apa", "-o", "out.md"},
	{"export", "--format", "jsonld", "-o", "out.jsonld"},
	{"import", "brief.txt"},
	{"import", "second.txt"},
	{"import-annotations", "out.jsonld"},
	{"annotate", "Ceasefire", "--quote", "Observers", "--kind", "note", "--note", "who watches"},
	{"backup", "copy.db"},
	{"check"},
	{"check", "copy.db"},
	{"check", "--json", "lib.db"},
	{"show", "no such document"},
	{"show", "--bogus", "Ceasefire"},
	{"export", "--format", "pdf"},
	{"annotate", "Ceasefire", "--quote", "not in the text"},
	{"search"},
}

// shortDir is a folder with a short name: a socket's path must fit in
// 108 bytes, which a test's temporary folder can exceed.
func shortDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "sd")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

type printed struct {
	stdout, stderr string
	code           int
}

var (
	uuid       = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
	exportTime = regexp.MustCompile(`\n  "created": "[^"]*"`)
)

// fresh blanks what is new in each run: new ids, and a JSON-LD export's
// collection id and time (the export's own).
func fresh(s string) string {
	return exportTime.ReplaceAllString(uuid.ReplaceAllString(s, "ID"), "")
}

// heldFolder makes the folder the commands run in: the library as seeded
// (a document with a highlight), and the files the commands import.
func heldFolder(t *testing.T, dir string, seed []byte) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string]string{"brief.txt": brief, "second.txt": "Second Thoughts\n\nA later note on the line.\n"}
	if seed != nil {
		files["lib.db"] = string(seed)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// A command line run while a Scholia holds the library is carried out by
// that Scholia over its socket and prints exactly what it prints on the
// library closed, byte for byte, with the same exit code (new ids aside);
// and what it writes the holder sees at once.
func TestCommandsThroughTheHolderPrintWhatTheyPrintAlone(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", shortDir(t))
	dir := t.TempDir()
	heldFolder(t, dir, nil)
	t.Chdir(dir)
	libPath := filepath.Join(dir, "lib.db")
	if _, _, code := scholia(t, "lib.db", "import", "brief.txt"); code != 0 {
		t.Fatal("seeding the library failed")
	}
	if out, errOut, code := scholia(t, "lib.db", "annotate", "Ceasefire", "--quote", "stop firing", "--colour", "green", "--note", "the core", "--tag", "truce"); code != 0 {
		t.Fatalf("seeding the library failed: %s %s", out, errOut)
	}
	seed, err := os.ReadFile(libPath)
	if err != nil {
		t.Fatal(err)
	}

	heldFolder(t, dir, seed)
	alone := make([]printed, len(heldCommands))
	for i, args := range heldCommands {
		alone[i].stdout, alone[i].stderr, alone[i].code = scholia(t, "lib.db", args...)
	}
	aloneOut, _ := os.ReadFile(filepath.Join(dir, "out.md"))

	heldFolder(t, dir, seed)
	t.Chdir(t.TempDir()) // the holder runs each command in the folder it was run in
	lib, err := library.Open(libPath)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	srv, err := desk.Listen(libPath, func(req desk.Request, stdout, stderr io.Writer) (int, bool) {
		return cli.Within(lib, req, func(inv cli.Invocation) int {
			return cli.RunOn(inv, lib, stdout, stderr)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	for i, args := range heldCommands {
		var out, errOut bytes.Buffer
		code, ok, err := desk.Call(desk.Request{Args: append([]string{"--library", "lib.db"}, args...), Cwd: dir, Library: libPath}, &out, &errOut)
		if !ok || err != nil {
			t.Fatalf("scholia %s was not carried out by the holder (%v)", strings.Join(args, " "), err)
		}
		held := printed{out.String(), errOut.String(), code}
		want := alone[i]
		if args[0] == "import" || args[0] == "annotate" || strings.Contains(strings.Join(args, " "), "jsonld") {
			held.stdout, want.stdout = fresh(held.stdout), fresh(want.stdout)
		}
		if held != want {
			t.Errorf("scholia %s\nthrough the holder: %q %q exit %d\nalone:              %q %q exit %d",
				strings.Join(args, " "), held.stdout, held.stderr, held.code, want.stdout, want.stderr, want.code)
		}
		if args[0] == "import" && args[1] == "second.txt" {
			docs, err := lib.Documents()
			if err != nil || len(docs) != 2 {
				t.Fatalf("the holder sees %d documents after an import through it, want 2 (%v)", len(docs), err)
			}
		}
	}
	// A library named through a link is the same library, held.
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(libPath, link); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if code, ok, err := desk.Call(desk.Request{Args: []string{"--library", "link.db", "list"}, Cwd: dir, Library: link}, &out, io.Discard); !ok || err != nil || code != 0 || !strings.Contains(out.String(), "Ceasefire Brief") {
		t.Errorf("list on a link to the held library: %q exit %d, served %v, %v", out.String(), code, ok, err)
	}
	if heldOut, _ := os.ReadFile(filepath.Join(dir, "out.md")); !bytes.Equal(heldOut, aloneOut) || len(aloneOut) == 0 {
		t.Errorf("export -o out.md wrote %d bytes through the holder, %d alone, not the same", len(heldOut), len(aloneOut))
	}
}
