package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
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

// A PDF's Subject fills the citation details' Abstract, which the reader
// can edit and save like the other details.
func TestAPDFsSubjectIsItsAbstract(t *testing.T) {
	subject := "How the verification regime was negotiated."
	data := pdftest.PDF{Title: "Arms Control Report", Author: "Ann Lee", Subject: subject, Pages: [][]string{
		{"The treaty lapsed quietly in the spring, and nobody in either capital said so aloud."},
	}}
	m, lib := newTestWindow(t, nil, map[string]string{"report.pdf": string(data.Bytes())})
	openTitled(t, m, "Arms Control Report")
	c := m.win.Canvas()
	m.cites.show()
	abstract, ok := find(c.Overlays().Top(), func(e *shortcutEntry) bool { return e.Text == subject })
	if !ok {
		t.Fatalf("the citation details do not give the PDF's Subject: %q", overlayTexts(c))
	}
	abstract.SetText("How verification was negotiated, 1991-1994.")
	tapButton(t, c, "Save")
	m.waitIdle()
	if doc, _ := lib.Document(m.reader.Document().ID); doc.Reference == nil || doc.Reference.Abstract != "How verification was negotiated, 1991-1994." {
		t.Errorf("the library holds the reference %+v", doc.Reference)
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

// clickAt clicks the reader's page once at document position pos.
func clickAt(t *testing.T, m *MainWindow, pos int) {
	t.Helper()
	pt, ok := m.reader.PointOf(pos)
	if !ok {
		t.Fatalf("position %d is not in view", pos)
	}
	page := m.reader.Page().(desktop.Mouseable)
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pt}, Button: desktop.MouseButtonPrimary}
	page.MouseDown(ev)
	page.MouseUp(ev)
	m.waitIdle()
}

// A PDF's printed contents page: each line ends in a dot leader and the
// page number, and a click on it goes to its section.
func TestAClickOnAPrintedContentsLineGoesToItsSection(t *testing.T) {
	book := pdftest.PDF{Title: "Treaty Notes", Pages: [][]string{ // no page labels; page 2 is printed 1
		{"# Contents", "1 Introduction . . . . . . . . . . . . . . . . . . 1", "2 Verification . . . . . . . . . . . . . . . . . . 2"},
		{"# 1 Introduction", "The treaty lapsed quietly in the spring."},
		{"# 2 Verification", "Verification was the sticking point from the first round of talks."},
		{"# Index", "sticking point . . . . . . . . . . . . . . . . . . . 2"},
	}}
	m, _ := newTestWindow(t, nil, map[string]string{"notes.pdf": string(book.Bytes())})
	openTitled(t, m, "Treaty Notes")
	text := []rune(m.reader.Document().Text())
	line := strings.Index(string(text), "2 Verification . .")
	if line < 0 {
		t.Fatalf("no contents line in %q", string(text))
	}
	section := -1
	for _, e := range m.reader.Document().Outline() {
		if e.Title == "2 Verification" {
			section = e.Start
		}
	}
	if section < 0 {
		t.Fatalf("no outline entry for the section: %+v", m.reader.Document().Outline())
	}
	clickAt(t, m, len([]rune(string(text)[:line]))+3)
	if top := m.reader.TopPosition(); top != section {
		t.Errorf("after the click the reader's top is at %d, want the section at %d", top, section)
	}
	// The index line names no section: it goes to the page printed 2,
	// the PDF's third, as the contents lines tell.
	m.reading.followContentsLink("sticking point . . . . . . . . . . . . . . . . . . . 2")
	if got := m.reader.Document().PageAt(m.reader.TopPosition()); got != 3 {
		t.Errorf("the index line shows page %d, want 3", got)
	}
}

// Every line of the Texinfo manual's contents pages leads to its section,
// and every line of its index, which names no section, to the page it
// prints (by the PDF's page labels: its page printed 1 is the fourth).
func TestEveryContentsAndIndexLineOfTheTexinfoManualLeadsSomewhere(t *testing.T) {
	data, err := os.ReadFile(corpus.Path(t, "pdf", "real", "libtasn1.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newTestWindow(t, nil, map[string]string{"libtasn1.pdf": string(data)})
	openTitled(t, m, "Libtasn1")
	doc := m.reader.Document()
	sections, pages := 0, 0
	for _, b := range doc.Blocks {
		if b.Kind != annotate.BlockContents {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			bare := pageTail.ReplaceAllString(line, "")
			if e, ok := m.reading.outline.EntryFor(line); ok {
				sections++
				if !endsWith(wordKey(bare), wordKey(e.Title)) {
					t.Errorf("the line %q leads to the section %q", line, e.Title)
				}
				continue
			}
			printed, _ := strconv.Atoi(pageTail.FindStringSubmatch(line)[2])
			pos, ok := m.reading.outline.PagePosition(doc, line)
			if !ok || doc.PageAt(pos) != printed+3 {
				t.Errorf("the index line %q leads to page %d (found %v), want %d", line, doc.PageAt(pos), ok, printed+3)
			}
			pages++
		}
	}
	if sections < 20 || pages < 5 {
		t.Errorf("%d lines lead to sections and %d to pages, want 20 and more (the contents) and 5 and more (the concept index)", sections, pages)
	}
	m.reading.followContentsLink("Porting . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 1")
	if got := doc.PageAt(m.reader.TopPosition()); got != 4 {
		t.Errorf("clicking the index's Porting line shows page %d, want 4 (printed 1)", got)
	}
}
