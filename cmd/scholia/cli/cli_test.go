package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
)

// scholia runs the command line on a library and returns what it printed
// and its exit code.
func scholia(t *testing.T, lib string, args ...string) (string, string, int) {
	t.Helper()
	inv, err := cli.Parse(append([]string{"--library", lib}, args...))
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := cli.Run(inv, &out, &errOut)
	return out.String(), errOut.String(), code
}

func fixture(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const brief = "Ceasefire Brief\n\nContents\n1. Terms\n2. Monitors\n\n1. Terms\n\nBoth sides stop firing at dawn.\n\n2. Monitors\n\nObservers watch the line.\n"

func TestImportPrintsIDAndTitleAndKeepsGoingAfterAFailure(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	good := fixture(t, "brief.txt", brief)
	missing := filepath.Join(t.TempDir(), "nope.txt")
	out, errOut, code := scholia(t, lib, "import", missing, good)
	if code != 1 {
		t.Errorf("exit %d, want 1 when a file failed", code)
	}
	fields := strings.Split(strings.TrimSpace(out), "\t")
	if len(fields) != 2 || fields[1] != "Ceasefire Brief" || len(fields[0]) != 36 {
		t.Errorf("stdout %q, want ID<TAB>title", out)
	}
	if lines := strings.Split(strings.TrimSpace(errOut), "\n"); len(lines) != 1 || !strings.Contains(lines[0], missing) {
		t.Errorf("stderr %q, want one line naming %s", errOut, missing)
	}
	list, _, code := scholia(t, lib, "list", "--json")
	var docs []map[string]any
	if err := json.Unmarshal([]byte(list), &docs); err != nil || code != 0 {
		t.Fatalf("list --json: %v %q", err, list)
	}
	if len(docs) != 1 || docs[0]["id"] != fields[0] || docs[0]["source"] != good || docs[0]["annotations"] != 0.0 {
		t.Errorf("list --json = %v", docs)
	}
	for _, key := range []string{"title", "imported"} {
		if _, ok := docs[0][key]; !ok {
			t.Errorf("list --json lacks %q", key)
		}
	}
}

func TestShowByPrefixTitleAndFormat(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	out, _, _ := scholia(t, lib, "import", fixture(t, "brief.txt", brief))
	id := strings.Split(out, "\t")[0]

	text, _, code := scholia(t, lib, "show", "--text", id[:13])
	if code != 0 || !strings.HasPrefix(text, "Ceasefire Brief\n\nContents\n1. Terms") || !strings.HasSuffix(text, "Observers watch the line.") {
		t.Errorf("show --text = %q (exit %d)", text, code)
	}
	js, _, code := scholia(t, lib, "show", "Ceasefire Brief", "--json")
	var doc struct {
		ID     string `json:"id"`
		Title  string `json:"title"`
		Blocks []struct {
			Kind  string `json:"kind"`
			Level int    `json:"level"`
			Text  string `json:"text"`
			Start int    `json:"start"`
		} `json:"blocks"`
		Outline []struct {
			Title string `json:"title"`
			Level int    `json:"level"`
			Start int    `json:"start"`
		} `json:"outline"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil || code != 0 {
		t.Fatalf("show --json: %v %q", err, js)
	}
	if doc.ID != id || len(doc.Outline) != 2 || doc.Outline[1].Title != "2. Monitors" {
		t.Errorf("show --json = %+v", doc)
	}
	runes := []rune(text)
	for _, b := range doc.Blocks {
		if got := string(runes[b.Start : b.Start+len([]rune(b.Text))]); got != b.Text {
			t.Errorf("block start %d reads %q, not %q", b.Start, got, b.Text)
		}
	}
	for _, o := range doc.Outline {
		if !strings.HasPrefix(string(runes[o.Start:]), o.Title) {
			t.Errorf("outline %q start %d points elsewhere", o.Title, o.Start)
		}
	}
	outline, _, _ := scholia(t, lib, "show", "--outline", id)
	if outline != "1. Terms\t"+itoa(doc.Outline[0].Start)+"\n2. Monitors\t"+itoa(doc.Outline[1].Start)+"\n" {
		t.Errorf("show --outline = %q", outline)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestErrorsAreOneLineWithNonZeroExit(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib.db")
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lib  string
		args []string
		code int
		says string
	}{
		{lib, []string{"show", "nothing-like-this"}, 1, "no document"},
		{lib, []string{"help", "frobnicate"}, 2, "unknown command"},
		{lib, []string{"show"}, 2, "needs one document"},
		{lib, []string{"list", "--bogus"}, 2, "flag provided but not defined"},
		{lib, []string{"import"}, 2, "at least one file or folder"},
		{empty, []string{"list"}, 1, "damaged"},
	}
	for _, c := range cases {
		out, errOut, code := scholia(t, c.lib, c.args...)
		if code != c.code || out != "" {
			t.Errorf("%v: exit %d stdout %q, want exit %d", c.args, code, out, c.code)
		}
		if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.says) || strings.Contains(errOut, "goroutine") {
			t.Errorf("%v: stderr %q, want one line saying %q", c.args, errOut, c.says)
		}
	}
}

func TestLockedLibraryExitsWithCode3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lib.db")
	held, err := library.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	_, errOut, code := scholia(t, path, "list")
	if code != cli.ExitLocked || !strings.Contains(errOut, "another Scholia is using the library") {
		t.Errorf("exit %d %q, want 3 and a message saying the library is in use", code, errOut)
	}
}

func TestHelp(t *testing.T) {
	out, _, code := scholia(t, "unused.db", "help")
	for _, cmd := range []string{"import [--password-file FILE] FILE|FOLDER...", "list [--json]", "show [--json|--text|--outline] DOC"} {
		if !strings.Contains(out, cmd) {
			t.Errorf("help lacks %q", cmd)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
	out, _, _ = scholia(t, "unused.db", "show", "--help")
	if !strings.HasPrefix(out, "usage: scholia [--library FILE] show") {
		t.Errorf("show --help = %q", out)
	}
}

func TestWhichInvocationsOpenTheWindow(t *testing.T) {
	file := fixture(t, "brief.txt", brief)
	for args, want := range map[string]bool{
		"":                    true,
		"open " + file:        true,
		file:                  true,
		"list":                false,
		"help":                false,
		"--help":              false,
		"--library x.db list": false,
		"--library x.db":      true,
	} {
		inv, err := cli.Parse(strings.Fields(args))
		if err != nil {
			t.Fatal(err)
		}
		if got := inv.WantsWindow(); got != want {
			t.Errorf("scholia %s: window %v, want %v", args, got, want)
		}
	}
}

func TestAnnotateAndListAnnotations(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	scholia(t, lib, "import", fixture(t, "brief.txt", brief))
	out, errOut, code := scholia(t, lib, "annotate", "Ceasefire", "--quote", "Terms", "--occurrence", "2",
		"--kind", "question", "--note", "Which terms?", "--tag", "terms", "--tag", "#draft", "--tag", "diplomatic  language")
	if code != 0 || len(strings.TrimSpace(out)) != 36 {
		t.Fatalf("annotate: %q %q exit %d", out, errOut, code)
	}
	id := strings.TrimSpace(out)
	js, _, code := scholia(t, lib, "annotations", "--json", "Ceasefire Brief")
	var anns []map[string]any
	if err := json.Unmarshal([]byte(js), &anns); err != nil || code != 0 || len(anns) != 1 {
		t.Fatalf("annotations --json: %v %q", err, js)
	}
	a := anns[0]
	text, _, _ := scholia(t, lib, "show", "--text", "Ceasefire Brief")
	runes := []rune(text)
	start, end := int(a["start"].(float64)), int(a["end"].(float64))
	if a["id"] != id || a["kind"] != "question" || a["status"] != "open" || a["exact"] != "Terms" || string(runes[start:end]) != "Terms" {
		t.Errorf("annotation %v", a)
	}
	if start != strings.LastIndex(text, "Terms") {
		t.Errorf("second occurrence at %d, want the last one at %d", start, strings.LastIndex(text, "Terms"))
	}
	for _, key := range []string{"document", "colour", "tags", "prefix", "suffix", "body", "answer", "created", "modified"} {
		if _, ok := a[key]; !ok {
			t.Errorf("annotations --json lacks %q", key)
		}
	}
	if tags, _ := json.Marshal(a["tags"]); string(tags) != `["terms","draft","diplomatic language"]` {
		t.Errorf("annotations --json gives the tags %s", tags)
	}
	if table, _, _ := scholia(t, lib, "annotations", "Ceasefire Brief"); !strings.Contains(table, "  terms, draft, diplomatic language\n") {
		t.Errorf("the annotations table does not list the tags one by one:\n%s", table)
	}
	_, errOut, code = scholia(t, lib, "annotate", "Ceasefire Brief", "--quote", "Armistice")
	if code != 1 || !strings.Contains(errOut, `"Armistice" is not in "Ceasefire Brief"`) {
		t.Errorf("missing quote: exit %d %q", code, errOut)
	}
	list, _, _ := scholia(t, lib, "list", "--json")
	if !strings.Contains(list, `"annotations": 1`) {
		t.Errorf("list does not count the annotation: %s", list)
	}
}

func TestSearch(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	scholia(t, lib, "import", fixture(t, "brief.txt", brief))
	scholia(t, lib, "annotate", "Ceasefire", "--quote", "stop firing at dawn", "--kind", "note", "--note", "Who verifies the dawn deadline?", "--tag", "timing")
	scholia(t, lib, "annotate", "Ceasefire", "--quote", "Observers watch the line", "--colour", "green")
	out, _, code := scholia(t, lib, "search", "--json", "--limit", "5", "dwn", "deadlin")
	var hits []map[string]any
	if err := json.Unmarshal([]byte(out), &hits); err != nil || code != 0 {
		t.Fatalf("search --json: %v %q", err, out)
	}
	if len(hits) != 1 || hits[0]["type"] != "annotation" || hits[0]["quote"] != "stop firing at dawn" || hits[0]["title"] != "Ceasefire Brief" {
		t.Errorf("hits %v", hits)
	}
	out, _, _ = scholia(t, lib, "search", "colour:green")
	if !strings.Contains(out, "highlight green") || !strings.Contains(out, "“Observers watch the line”") {
		t.Errorf("search colour:green printed %q", out)
	}
	out, _, _ = scholia(t, lib, "search", "--json", "ceasefre")
	if !strings.Contains(out, `"type": "document"`) {
		t.Errorf("the document is not found by its title: %s", out)
	}
	_, errOut, code := scholia(t, lib, "search")
	if code != 2 || !strings.Contains(errOut, "needs a query") {
		t.Errorf("empty query: %d %q", code, errOut)
	}
}

func TestImportAFolderQuietlyWhenNotATerminal(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	dir := t.TempDir()
	for name, content := range map[string]string{"one.txt": "First Source\n\nText.\n", "nested/two.md": "# Second Source\n\nText.\n", "nested/skip.bin": "\x00\x01"} {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := scholia(t, lib, "import", dir)
	skipped := "scholia: skipped " + filepath.Join(dir, "nested", "skip.bin") + ": program or library: not a document\n"
	if code != 0 || errOut != skipped || strings.Count(out, "\n") != 2 || !strings.Contains(out, "\tFirst Source\n") || !strings.Contains(out, "\tSecond Source\n") {
		t.Errorf("import of a folder: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// Importing a folder names each file it leaves out and why, and imports
// the rest.
func TestImportAFolderNamesEachSkippedFile(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	dir := t.TempDir()
	for name, content := range map[string]string{"one.txt": "First Source\n\nText.\n", "cover.png": "\x89PNG", "draft.md": ""} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := scholia(t, lib, "import", dir)
	want := "scholia: skipped " + filepath.Join(dir, "cover.png") + ": image: not a document\n" +
		"scholia: skipped " + filepath.Join(dir, "draft.md") + ": empty\n"
	if code != 0 || errOut != want || !strings.Contains(out, "\tFirst Source\n") {
		t.Errorf("import of a folder: exit %d, stdout %q, stderr %q, want stderr %q", code, out, errOut, want)
	}
}

func TestReimportingAChangedFileReportsOrphans(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	file := fixture(t, "brief.txt", brief)
	first, _, _ := scholia(t, lib, "import", file)
	scholia(t, lib, "annotate", "Ceasefire Brief", "--quote", "Observers watch the line.", "--kind", "note", "--note", "who pays them?")
	if err := os.WriteFile(file, []byte(strings.Replace(brief, "Observers watch the line.", "Nobody watches.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	second, errOut, code := scholia(t, lib, "import", file)
	if code != 0 || second != first || !strings.Contains(errOut, "changed: now revision 2, 0 annotations placed again, 1 could not be placed") {
		t.Errorf("re-import: exit %d, stdout %q (first %q), stderr %q", code, second, first, errOut)
	}
	js, _, _ := scholia(t, lib, "annotations", "--json")
	if !strings.Contains(js, `"orphan": true`) || !strings.Contains(js, `"exact": "Observers watch the line."`) {
		t.Errorf("annotations --json: %s", js)
	}
}

func TestExportAndImportAnnotations(t *testing.T) {
	dir := t.TempDir()
	libA, libB := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	src := fixture(t, "brief.txt", brief)
	scholia(t, libA, "import", src)
	scholia(t, libA, "annotate", "Ceasefire", "--quote", "stop firing", "--kind", "question", "--note", "Who stops first?", "--tag", "terms")
	scholia(t, libA, "annotate", "Ceasefire", "--quote", "Observers", "--note", "Which ones?")

	md, errOut, code := scholia(t, libA, "export")
	if code != 0 || !strings.Contains(md, "# Ceasefire Brief\n") || !strings.Contains(md, "- [ ] Who stops first?") || !strings.Contains(md, "#terms") {
		t.Errorf("export to stdout: exit %d %q\n%s", code, errOut, md)
	}
	csvOut, _, _ := scholia(t, libA, "export", "--format", "csv", "--query", "is:open")
	if rows := strings.Count(csvOut, "\r\n"); rows != 2 || !strings.Contains(csvOut, "stop firing") {
		t.Errorf("export of the search is:open: %d lines\n%s", rows, csvOut)
	}
	file := filepath.Join(dir, "out.jsonld")
	if _, errOut, code := scholia(t, libA, "export", "--format", "jsonld", "--doc", "Ceasefire", "-o", file); code != 0 {
		t.Fatalf("export -o: exit %d %s", code, errOut)
	}
	if _, _, code := scholia(t, libA, "export", "--format", "pdf"); code != 2 {
		t.Errorf("an unknown format exits %d, want 2", code)
	}

	scholia(t, libB, "import", src)
	out, errOut, code := scholia(t, libB, "import-annotations", file)
	if code != 0 || out != "2 annotations added.\n" {
		t.Errorf("import-annotations: exit %d, %q %q", code, out, errOut)
	}
	out, _, _ = scholia(t, libB, "import-annotations", file)
	if out != "0 annotations added; 2 annotations already in the library left as they are.\n" {
		t.Errorf("second import-annotations: %q", out)
	}
	_, errOut, code = scholia(t, libB, "import-annotations", fixture(t, "bad.json", "{\"type\": \"Annotation\",\n\"target\": }"))
	if code != 1 || !strings.HasPrefix(errOut, "scholia: bad.json is not valid JSON: line 2") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("bad JSON: exit %d, %q", code, errOut)
	}
}
