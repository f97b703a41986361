package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate/corpus"
	"scholia/annotate/ingest"
	"scholia/annotate/pdf"
	"scholia/annotate/pdf/pdftest"
	"scholia/cmd/scholia/cli"
)

// One engine for the package's PDF tests, its compilation cache shared
// with the other packages' tests so that only the first run compiles.
func init() {
	ingest.SetPDFEngine(pdf.NewEngine(pdf.Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm")}))
}

func reportPDF() []byte {
	return pdftest.PDF{Title: "Arms Control Report", Author: "Ann Lee", FirstLabel: 7, Pages: [][]string{
		{"The treaty lapsed quietly in the spring, and nobody in either capital said so aloud."},
		{"Verification was the sticking point from the first round of talks."},
	}}.Bytes()
}

func TestAnnotationsOfAPDFGiveTheirPages(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	file := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(file, reportPDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := scholia(t, lib, "import", file)
	if code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	doc := strings.Fields(out)[0]
	if _, errOut, code := scholia(t, lib, "annotate", doc, "--quote", "sticking point"); code != 0 {
		t.Fatalf("annotate: %s", errOut)
	}
	if _, errOut, code := scholia(t, lib, "annotate", doc, "--quote", "aloud.\n\nVerification", "--kind", "note", "--note", "turn"); code != 0 {
		t.Fatalf("annotate: %s", errOut)
	}
	for _, args := range [][]string{{"annotations", "--json", doc}, {"annotations", "--json"}} {
		out, errOut, code = scholia(t, lib, args...)
		if code != 0 {
			t.Fatalf("%v: %s", args, errOut)
		}
		var anns []struct {
			Exact    string `json:"exact"`
			Page     string `json:"page"`
			LastPage string `json:"last_page"`
		}
		if err := json.Unmarshal([]byte(out), &anns); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, a := range anns {
			got[a.Exact] = a.Page + "-" + a.LastPage
		}
		if got["sticking point"] != "8-8" || got["aloud.\n\nVerification"] != "7-8" {
			t.Errorf("%v: pages %v, want sticking point on 8 and the note across 7-8", args, got)
		}
	}
}

func TestAnEncryptedPDFImportsWithItsPasswordFile(t *testing.T) {
	locked := corpus.Path(t, "pdf", "hostile", "encrypted.pdf")
	lib := filepath.Join(t.TempDir(), "lib.db")
	dir := t.TempDir()
	wrong := filepath.Join(dir, "wrong.txt")
	right := filepath.Join(dir, "right.txt")
	if err := os.WriteFile(wrong, []byte("guess\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(right, []byte("secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", locked}, "the PDF is locked with a password; give it with --password-file FILE"},
		{[]string{"import", "--password-file", wrong, locked}, "the password is wrong for this PDF"},
	} {
		out, errOut, code := scholia(t, lib, c.args...)
		if code != cli.ExitFailed || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: code %d, out %q, err %q; want one line saying %q", c.args, code, out, errOut, c.want)
		}
	}
	if out, _, _ := scholia(t, lib, "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("a refused PDF was imported: %s", out)
	}
	out, errOut, code := scholia(t, lib, "import", "--password-file", right, locked)
	if code != 0 || out == "" {
		t.Fatalf("with the password: code %d, %s", code, errOut)
	}
	raw, err := os.ReadFile(lib)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "secret") {
		t.Error("the library file holds the password")
	}
	if _, errOut, code := scholia(t, lib, "import", "--password-file", filepath.Join(dir, "none.txt"), locked); code != cli.ExitFailed || strings.Count(errOut, "\n") != 1 {
		t.Errorf("a missing password file: code %d, %q", code, errOut)
	}
}

// A PDF's Subject is kept as what the document is about: show prints it
// under the title, show --json gives it as "description".
func TestAPDFsSubjectIsShownAsItsDescription(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	file := filepath.Join(t.TempDir(), "report.pdf")
	subject := "Why the 1991 arms treaty lapsed, and what replaced it"
	data := pdftest.PDF{Title: "Arms Control Report", Author: "Ann Lee", Subject: subject, Pages: [][]string{
		{"The treaty lapsed quietly in the spring, and nobody in either capital said so aloud."},
	}}.Bytes()
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := scholia(t, lib, "import", file); code != 0 {
		t.Fatalf("import: %d %s", code, errOut)
	}
	out, errOut, code := scholia(t, lib, "show", "--json", "Arms Control Report")
	if code != 0 {
		t.Fatalf("show --json: %s", errOut)
	}
	var shown struct {
		Byline      string `json:"byline"`
		Description string `json:"description"`
	}
	if err := json.Unmarshal([]byte(out), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.Description != subject || shown.Byline != "Ann Lee" {
		t.Errorf("show --json gives byline %q and description %q, want Ann Lee and the PDF's Subject", shown.Byline, shown.Description)
	}
	out, _, _ = scholia(t, lib, "show", "Arms Control Report")
	if lines := strings.SplitN(out, "\n", 4); len(lines) < 3 || lines[2] != subject {
		t.Errorf("show prints\n%s\nwant the Subject on its third line", out)
	}
}
