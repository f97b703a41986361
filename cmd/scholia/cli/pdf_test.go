package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate/ingest"
	"scholia/annotate/pdf"
	"scholia/annotate/pdf/pdftest"
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
