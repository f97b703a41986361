package cli_test

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/interop"
	"scholia/annotate/library"
	"scholia/annotate/search/synthetic"
	"scholia/annotate/store"
	"scholia/cmd/scholia/cli"
)

// starvedImportEnv makes this test binary run scholia import-annotations
// with its file size limit (ulimit -f) set: "limit library file".
const starvedImportEnv = "SCHOLIA_STARVED_IMPORT"

func importStarved(spec string) {
	f := strings.SplitN(spec, " ", 3)
	limit, err := strconv.ParseUint(f[0], 10, 64)
	var lim syscall.Rlimit
	if err == nil {
		err = syscall.Getrlimit(syscall.RLIMIT_FSIZE, &lim)
	}
	if err == nil {
		lim.Cur = limit
		err = syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim)
	}
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	inv, err := cli.Parse([]string{"--library", f[1], "import-annotations", f[2]})
	if err != nil {
		os.Exit(cli.ExitUsage)
	}
	os.Exit(cli.Run(inv, os.Stdout, os.Stderr))
}

// writeLibrary stores g's documents at path, and their annotations when
// withNotes.
func writeLibrary(t *testing.T, g *synthetic.Library, path string, withNotes bool) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Commit(store.Change{New: g.Documents}); err != nil {
		t.Fatal(err)
	}
	var anns []*annotate.Annotation
	for d := range g.Documents {
		if withNotes {
			anns = append(anns, g.Annotations(d)...)
		}
	}
	if len(anns) > 0 {
		if err := st.Commit(store.Change{Annotations: anns}); err != nil {
			t.Fatal(err)
		}
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestADiskFullDuringABigImportKeepsWholeBatchesAndSaysSo imports the
// export of 60,000 annotations (six transactions) into a library whose
// disk fills up before the end: the import says in one sentence how many were
// saved and that importing the file again adds the rest; those are in
// the library, sound; importing again once space returns adds exactly
// the rest.
func TestADiskFullDuringABigImportKeepsWholeBatchesAndSaysSo(t *testing.T) {
	var books []string
	for _, b := range []string{"souls-of-black-folk_pg408.txt", "communist-manifesto_pg61.txt"} {
		books = append(books, corpus.Path(t, "text", b))
	}
	g, err := synthetic.LibraryFromBooks(books, 1200, 50)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	full, bare, measure := filepath.Join(dir, "full.db"), filepath.Join(dir, "bare.db"), filepath.Join(dir, "measure.db")
	writeLibrary(t, g, full, true)
	writeLibrary(t, g, bare, false)
	export := filepath.Join(dir, "all.jsonld")
	src, err := library.Open(full)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := src.Exports().DocumentsFile(export, interop.JSONLD, nil, interop.Chicago); err != nil || n != 60000 {
		t.Fatalf("%d exported: %v", n, err)
	}
	src.Close()
	// How far the library grows when the whole file goes in: the disk
	// fills up a little before (bbolt grows the file 16 MB at a time,
	// so the last transaction is the one that cannot grow it).
	copyLibrary(t, bare, measure)
	if _, errOut, code := scholia(t, measure, "import-annotations", export); code != 0 {
		t.Fatal(errOut)
	}
	limit := fileSize(t, measure) - 4<<20
	lib := filepath.Join(dir, "library.db")
	copyLibrary(t, bare, lib)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d %s %s", starvedImportEnv, limit, lib, export))
	out, err := cmd.CombinedOutput()
	said := strings.TrimSpace(string(out))
	m := regexp.MustCompile(`(\d+) annotations were saved before this failed; import the file again to add the rest`).FindStringSubmatch(said)
	if err == nil || m == nil || strings.Count(said, "\n") > 0 {
		t.Fatalf("the starved import said %q (%v); want one sentence saying how many were saved and to import again", said, err)
	}
	saved, _ := strconv.Atoi(m[1])
	if saved == 0 || saved >= 60000 || saved%10000 != 0 {
		t.Errorf("%d annotations saved, want whole batches of 10,000, fewer than all", saved)
	}
	r, err := cli.ChildCheck(lib)
	if err != nil || len(r.Problems) > 0 {
		t.Fatalf("after the full disk the check says %v %v", r.Problems, err)
	}
	stdout, errOut, code := scholia(t, lib, "import-annotations", export)
	want := fmt.Sprintf("%d annotations added; %d annotations already in the library left as they are.", 60000-saved, saved)
	if code != 0 || strings.TrimSpace(stdout) != want {
		t.Errorf("importing again said %q %q, want %q", stdout, errOut, want)
	}
}

func copyLibrary(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
