package ui

import (
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"scholia/annotate/library"
)

var treaty = `Arms Control After 1991

Contents
1. Treaties
2. Verification

1. Treaties

The treaties were signed in haste. Verification came later, and the
verification regime was the hard part.

` + filler + `
2. Verification

Inspectors came later, with cameras and seals.
`

var filler = strings.Repeat("A long paragraph of filler so that the document is taller than the window and scrolls well past the first screen of text.\n\n", 40)

type fixture struct {
	t   *testing.T
	dir string
	lib *library.Library
	app fyne.App
}

func newFixture(t *testing.T, files map[string]string) *fixture {
	t.Helper()
	lib, dir := newTestLibrary(t, files)
	return &fixture{t: t, dir: dir, lib: lib, app: test.NewTempApp(t)}
}

func (f *fixture) window() *MainWindow {
	f.t.Helper()
	w := NewMainWindow(f.app, f.lib)
	// Resized once the library is read: the test driver lays out
	// wherever fyne.Do is called, here on the tasks' goroutines.
	w.waitIdle()
	w.Window().Resize(fyne.NewSize(1200, 800))
	// Every task finishes, its result shown, before the call that started
	// it returns, as these tests, written for a window that did
	// everything at once, expect.
	w.tasks.settle = true
	f.t.Cleanup(func() {
		for _, open := range f.app.Driver().AllWindows() {
			if open == w.Window() {
				open.Close()
			}
		}
	})
	return w
}

func TestFirstStartShowsTheWelcomeArticle(t *testing.T) {
	w := newFixture(t, nil).window()
	if got := titlesIn(w.library.list); len(got) != 1 || got[0] != "Reading a Foreign-Policy Source with Scholia" {
		t.Fatalf("an empty library shows %q", got)
	}
	doc := w.reader.Document()
	if doc == nil || w.Window().Title() != doc.Title+" — Scholia" {
		t.Fatalf("welcome article not open: %v, title %q", doc, w.Window().Title())
	}
	kinds := map[string]bool{}
	for _, b := range doc.Blocks {
		kinds[string(b.Kind)] = true
	}
	for _, k := range []string{"contents", "heading", "quote", "list_item"} {
		if !kinds[k] {
			t.Errorf("the welcome article has no %s", k)
		}
	}
	if len(doc.Outline()) != 4 {
		t.Errorf("welcome outline %v", doc.Outline())
	}
}

func TestLibraryFilterAndSort(t *testing.T) {
	w := newFixture(t, map[string]string{
		"a.txt": "Sanctions and Their Limits\n\nText.\n",
		"b.txt": "Arms Control After 1991\n\nText.\n",
		"c.md":  "# Ceasefire Monitoring\n\nText.\n",
	}).window()
	w.library.list.SetOrder("title")
	if got := strings.Join(titlesIn(w.library.list), " | "); got != "Arms Control After 1991 | Ceasefire Monitoring | Sanctions and Their Limits" {
		t.Errorf("by title: %s", got)
	}
	w.library.list.filter.SetText("sanctons limts")
	if got := titlesIn(w.library.list); len(got) != 1 || got[0] != "Sanctions and Their Limits" {
		t.Errorf("filter with a typo shows %q", got)
	}
	if !strings.HasPrefix(w.status.label.Text, "1 of 3 documents shown") {
		t.Errorf("status %q", w.status.label.Text)
	}
	w.library.list.filter.SetText("")
	openTitled(t, w, "Ceasefire Monitoring")
	w.library.list.SetOrder("last opened")
	if got := titlesIn(w.library.list)[0]; got != "Ceasefire Monitoring" {
		t.Errorf("by last opened, first is %q", got)
	}
}

func TestOutlineJumpsAndFollowsScrolling(t *testing.T) {
	w := newFixture(t, map[string]string{"t.txt": treaty}).window()
	openTitled(t, w, "Arms Control After 1991")
	w.reading.outline.SetSelectedIndex(1)
	doc := w.reader.Document()
	want := doc.Outline()[1].Start
	if top := w.reader.TopPosition(); top != want {
		t.Errorf("after choosing %q the top of the view is at %d, want %d", doc.Outline()[1].Title, top, want)
	}
	w.reader.ScrollTo(doc.Outline()[0].Start + 10)
	if got := outlineSection(w.reading.outline); got != "1. Treaties" {
		t.Errorf("while reading section 1 the outline marks %q", got)
	}
}

func TestFindNextAndPrevious(t *testing.T) {
	w := newFixture(t, map[string]string{"t.txt": treaty}).window()
	openTitled(t, w, "Arms Control After 1991")
	w.openFind()
	if !w.reading.find.Visible() {
		t.Fatal("Ctrl+F did not show the find bar")
	}
	w.reading.find.entry.SetText("VERIFICATION")
	text := []rune(w.reader.Document().Text())
	if got := w.reading.find.count.Text; got != "1 of 4" {
		t.Errorf("count %q, want 1 of 4", got)
	}
	m := findCurrent(w.reading.find)
	if strings.ToLower(string(text[m[0]:m[1]])) != "verification" {
		t.Errorf("current match reads %q", string(text[m[0]:m[1]]))
	}
	w.reading.find.Next()
	w.reading.find.Next()
	w.reading.find.Next()
	if got := w.reading.find.count.Text; got != "4 of 4" {
		t.Errorf("after three Next: %q", got)
	}
	last := findCurrent(w.reading.find)
	if top := w.reader.TopPosition(); top > last[0] {
		t.Errorf("the last match at %d is above the view (top %d)", last[0], top)
	}
	w.reading.find.Next()
	if got := w.reading.find.count.Text; got != "1 of 4" {
		t.Errorf("Next wraps to %q", got)
	}
	w.reading.find.Previous()
	if got := w.reading.find.count.Text; got != "4 of 4" {
		t.Errorf("Previous wraps to %q", got)
	}
	w.reading.find.entry.SetText("no such words")
	if got := w.reading.find.count.Text; got != "No matches" {
		t.Errorf("count %q", got)
	}
	w.reading.find.Close()
	if w.reading.find.Visible() {
		t.Error("Esc did not close the find bar")
	}
}

func TestCopyCopiesExactlyTheSelection(t *testing.T) {
	f := newFixture(t, map[string]string{"t.txt": treaty})
	w := f.window()
	openTitled(t, w, "Arms Control After 1991")
	text := w.reader.Document().Text()
	start := len([]rune(text[:strings.Index(text, "signed in haste")]))
	w.reader.Select(start, start+len("signed in haste"))
	test.FocusNext(w.Window().Canvas())
	w.Window().Canvas().Unfocus()
	w.edits.copy()
	if got := f.app.Clipboard().Content(); got != "signed in haste" {
		t.Errorf("clipboard %q", got)
	}
	if !strings.HasPrefix(w.status.label.Text, "Copied 15 characters") {
		t.Errorf("status %q", w.status.label.Text)
	}
}

func TestReadingPositionAndLastDocumentAreRestored(t *testing.T) {
	f := newFixture(t, map[string]string{"t.txt": treaty, "b.txt": "Another Paper\n\nShort.\n"})
	w := f.window()
	openTitled(t, w, "Arms Control After 1991")
	doc := w.reader.Document()
	target := doc.Outline()[1].Start
	w.reader.ScrollTo(target)
	openTitled(t, w, "Another Paper")
	openTitled(t, w, "Arms Control After 1991")
	if top := w.reader.TopPosition(); top != target {
		t.Errorf("reopened at %d, want %d", top, target)
	}
	w.closing.quit()

	again := f.window()
	if again.reader.Document() == nil || again.reader.Document().ID != doc.ID {
		t.Fatalf("a new window opened %v, want the last document read", again.reader.Document())
	}
	if top := again.reader.TopPosition(); top != target {
		t.Errorf("a new window opened at %d, want %d", top, target)
	}
}

func TestThemePanelAndSizeAreRemembered(t *testing.T) {
	f := newFixture(t, nil)
	w := f.window()
	background := func() color.Color {
		return f.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark)
	}
	menuShortcut(t, w, "Dark or Light Theme")
	first := background()
	menuShortcut(t, w, "Dark or Light Theme")
	if background() == first {
		t.Error("toggling the theme twice left the same colours")
	}
	w.frame.togglePanel()
	w.Window().Resize(fyne.NewSize(1000, 700))
	w.closing.quit()
	again := f.window()
	if again.panel.Visible() {
		t.Error("the hidden annotations panel came back")
	}
	if got := f.app.Preferences().String("theme"); got == "system" || got == "" {
		t.Errorf("theme preference %q", got)
	}
	if got := f.app.Preferences().Float("window.width"); got != 1000 {
		t.Errorf("width remembered as %v", got)
	}
	again.frame.left.SetOffset(0.3)
	again.frame.right.SetOffset(0.6)
	again.closing.quit()
	third := f.window()
	if l, r := third.frame.left.Offset, third.frame.right.Offset; l != 0.3 || r != 0.6 {
		t.Errorf("splits restored as %v, %v", l, r)
	}
}

func TestHelpSheetListsShortcuts(t *testing.T) {
	w := newFixture(t, nil).window()
	w.reader.OnUnhandledKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if !w.help.open {
		t.Fatal("F1 did not open the shortcuts sheet")
	}
	var shown []string
	for _, o := range test.LaidOutObjects(w.Window().Canvas().Overlays().Top()) {
		if txt, ok := o.(*canvas.Text); ok {
			shown = append(shown, txt.Text)
		}
	}
	all := strings.Join(shown, "\n")
	for _, want := range []string{"Ctrl+O", "Ctrl+F", "Ctrl+C", "Ctrl+A", "Ctrl+Q", "F1, Ctrl+/", "Find in Document…"} {
		if !strings.Contains(all, want) {
			t.Errorf("the sheet does not show %q", want)
		}
	}
}

func importAndWait(t *testing.T, w *MainWindow, paths ...string) {
	t.Helper()
	if !Await(w.ImportFiles(paths), 10*time.Second) {
		t.Fatal("import did not finish within 10 s")
	}
}

func TestDroppedFilesAreImportedAndOpened(t *testing.T) {
	f := newFixture(t, nil)
	w := f.window()
	good := filepath.Join(f.dir, "dropped.md")
	if err := os.WriteFile(good, []byte("# Dropped Memo\n\nText of the memo.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(f.dir, "scan.pdf")
	if err := os.WriteFile(bad, []byte("%PDF-1.4 binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	importAndWait(t, w, bad, good)
	if w.reader.Document() == nil || w.reader.Document().Title != "Dropped Memo" {
		t.Errorf("after the drop the reader shows %v", w.reader.Document())
	}
	if len(titlesIn(w.library.list)) != 2 {
		t.Errorf("list %q", titlesIn(w.library.list))
	}
	if p := w.imports.problems; len(p) != 1 || !strings.Contains(p[0], "scan.pdf") || !strings.Contains(p[0], "PDF") {
		t.Errorf("problems %q, want one sentence naming scan.pdf", p)
	}
}

func TestContentsEntryLinksToItsHeading(t *testing.T) {
	w := newFixture(t, map[string]string{"t.txt": treaty}).window()
	openTitled(t, w, "Arms Control After 1991")
	w.reader.OnLinkTapped("2. Verification")
	if top, want := w.reader.TopPosition(), w.reader.Document().Outline()[1].Start; top != want {
		t.Errorf("following the contents entry put %d at the top, want %d", top, want)
	}
}

func TestImportAFolderWithProgressAndSummary(t *testing.T) {
	f := newFixture(t, map[string]string{"t.txt": treaty})
	w := f.window()
	dir := t.TempDir()
	for name, content := range map[string]string{"a.txt": "Folder Paper One\n\nText.\n", "sub/b.md": "# Folder Paper Two\n\nText.\n", "sub/bad.txt": "", "again.txt": treaty, "cover.png": "\x89PNG"} {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !Await(w.imports.folder(dir), 10*time.Second) {
		t.Fatal("the folder import did not finish within 10 s")
	}
	sum := w.imports.summary
	if !strings.HasPrefix(sum, "2 documents imported, 1 already in the library, 0 failed, 2 skipped.") {
		t.Errorf("summary %q", sum)
	}
	// The summary on show names each file left out and why.
	shown := overlayTexts(w.win.Canvas())
	for _, line := range []string{"cover.png: image: not a document", filepath.Join("sub", "bad.txt") + ": empty"} {
		if !strings.Contains(shown, line) {
			t.Errorf("the summary shown does not say %q:\n%s", line, shown)
		}
	}
	if n := len(titlesIn(w.library.list)); n != 3 {
		t.Errorf("the library lists %d documents, want 3", n)
	}
}
