package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/corpus"
	"scholia/annotate/ingest"
	"scholia/annotate/pdf"
	"scholia/annotate/pdf/pdftest"
)

// One PDF reader for the package's tests, made on first use only (the
// tests without PDFs never start it), its compilation cache shared with
// the other packages' tests.
func init() {
	ingest.SetPDFEngine(pdf.NewEngine(pdf.Config{CacheDir: filepath.Join(os.TempDir(), "scholia-test-wasm")}))
}

// reportPDF: two pages printed 11 and 12.
func reportPDF() string {
	return string(pdftest.PDF{Title: "Arms Control Report", Author: "Ann Lee", Created: "D:20190502", FirstLabel: 11, Pages: [][]string{
		{"The treaty lapsed quietly in the spring, and nobody in either capital said so aloud."},
		{"Verification was the sticking point from the first round of talks."},
	}}.Bytes())
}

// shownLabels are the texts of the labels the window shows.
func shownLabels(m *MainWindow) []string {
	var out []string
	all := test.LaidOutObjects(m.win.Content())
	for _, o := range m.win.Canvas().Overlays().List() {
		all = append(all, test.LaidOutObjects(o)...)
	}
	for _, o := range all {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return out
}

func TestThePanelAndCopyWithCitationGiveAPDFsPages(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"report.pdf": reportPDF()})
	openTitled(t, m, "Arms Control Report")
	addNote(t, m, "sticking point", "the crux")
	eventually(t, "the note's row with its page", func() bool {
		for _, l := range shownLabels(m) {
			if strings.Contains(l, "note") && strings.HasSuffix(l, "p. 12") {
				return true
			}
		}
		return false
	})
	selectText(t, m, "aloud.\n\nVerification")
	m.annotator.CopyWithCitation()
	if got := m.app.Clipboard().Content(); !strings.HasPrefix(got, "“aloud.\n\nVerification” (pp. 11–12)\n— Lee, Ann. 2019.") {
		t.Errorf("copied %q", got)
	}
}

func TestALockedPDFAsksForItsPasswordUntilItIsRight(t *testing.T) {
	locked := corpus.Path(t, "pdf", "hostile", "encrypted.pdf")
	m, lib := newTestWindow(t, nil, nil)
	before, _ := lib.Documents()
	if !uiLoop.await(m.ImportFiles([]string{locked}), 60*time.Second) {
		t.Fatal("the import of a locked PDF did not finish")
	}
	if m.imports.passwordEntry == nil || m.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no password dialog for a locked PDF")
	}
	first := m.imports.passwordEntry
	first.SetText("guess")
	first.OnSubmitted(first.Text)
	eventually(t, "the dialog asked again", func() bool { return m.imports.passwordEntry != first })
	if !containsLabel(m, "The password is wrong. Try again.") {
		t.Errorf("a wrong password does not say so: %q", shownLabels(m))
	}
	m.imports.passwordEntry.SetText("secret")
	m.imports.passwordEntry.OnSubmitted("secret")
	eventually(t, "the PDF opened", func() bool { return m.reader.Document() != nil && m.reader.Document().Format == "pdf" })
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("the password dialog stays open after the PDF opened")
	}
	if docs, _ := lib.Documents(); len(docs) != len(before)+1 {
		t.Errorf("%d documents, want the PDF added to the %d there were", len(docs), len(before))
	}
}

func TestEscGivesUpOnALockedPDF(t *testing.T) {
	locked := corpus.Path(t, "pdf", "hostile", "encrypted.pdf")
	m, lib := newTestWindow(t, nil, nil)
	before, _ := lib.Documents()
	if !uiLoop.await(m.ImportFiles([]string{locked}), 60*time.Second) {
		t.Fatal("the import of a locked PDF did not finish")
	}
	if m.imports.passwordEntry == nil {
		t.Fatal("no password dialog for a locked PDF")
	}
	m.imports.passwordEntry.SetText("sec")
	m.imports.passwordEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("Esc left the password dialog open")
	}
	if docs, _ := lib.Documents(); len(docs) != len(before) {
		t.Errorf("%d documents after Esc, want the %d there were", len(docs), len(before))
	}
}

func containsLabel(m *MainWindow, s string) bool {
	for _, l := range shownLabels(m) {
		if l == s {
			return true
		}
	}
	return false
}
