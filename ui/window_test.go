package ui_test

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
	"scholia/ui"
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
	t.Setenv("XDG_STATE_HOME", t.TempDir()) // crash logs, should one be written
	dir := t.TempDir()
	lib, err := library.Open(filepath.Join(dir, "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = lib.Close() })
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := lib.Import(p); err != nil {
			t.Fatal(err)
		}
	}
	return &fixture{t: t, dir: dir, lib: lib, app: test.NewTempApp(t)}
}

func (f *fixture) window() *ui.MainWindow {
	f.t.Helper()
	w := ui.NewMainWindow(f.app, f.lib)
	// Resized once the library is read: the test driver lays out
	// wherever fyne.Do is called, here on the tasks' goroutines.
	w.WaitIdle()
	w.Window().Resize(fyne.NewSize(1200, 800))
	w.SettleTasks()
	f.t.Cleanup(func() {
		for _, open := range f.app.Driver().AllWindows() {
			if open == w.Window() {
				open.Close()
			}
		}
	})
	return w
}

func openByTitle(t *testing.T, w *ui.MainWindow, title string) {
	t.Helper()
	for i, got := range w.List().Titles() {
		if got == title {
			w.List().Tap(i)
			w.WaitIdle()
			if w.Current() == nil || w.Current().Title != title {
				t.Fatalf("tapping %q opened %v", title, w.Current())
			}
			return
		}
	}
	t.Fatalf("%q not in the list %q", title, w.List().Titles())
}

func TestFirstStartShowsTheWelcomeArticle(t *testing.T) {
	w := newFixture(t, nil).window()
	if got := w.List().Titles(); len(got) != 1 || got[0] != "Reading a Foreign-Policy Source with Scholia" {
		t.Fatalf("an empty library shows %q", got)
	}
	doc := w.Current()
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
	w.List().SetOrder("title")
	if got := strings.Join(w.List().Titles(), " | "); got != "Arms Control After 1991 | Ceasefire Monitoring | Sanctions and Their Limits" {
		t.Errorf("by title: %s", got)
	}
	w.List().SetFilter("sanctons limts")
	if got := w.List().Titles(); len(got) != 1 || got[0] != "Sanctions and Their Limits" {
		t.Errorf("filter with a typo shows %q", got)
	}
	if !strings.HasPrefix(w.Status(), "1 of 3 documents shown") {
		t.Errorf("status %q", w.Status())
	}
	w.List().SetFilter("")
	openByTitle(t, w, "Ceasefire Monitoring")
	w.List().SetOrder("last opened")
	if got := w.List().Titles()[0]; got != "Ceasefire Monitoring" {
		t.Errorf("by last opened, first is %q", got)
	}
}

func TestOutlineJumpsAndFollowsScrolling(t *testing.T) {
	w := newFixture(t, map[string]string{"t.txt": treaty}).window()
	openByTitle(t, w, "Arms Control After 1991")
	w.OutlineBar().Jump(1)
	doc := w.Current()
	want := doc.Outline()[1].Start
	if top := w.Reader().TopPosition(); top != want {
		t.Errorf("after choosing %q the top of the view is at %d, want %d", doc.Outline()[1].Title, top, want)
	}
	w.Reader().ScrollTo(doc.Outline()[0].Start + 10)
	if got := w.OutlineBar().Current(); got != "1. Treaties" {
		t.Errorf("while reading section 1 the outline marks %q", got)
	}
}

func TestFindNextAndPrevious(t *testing.T) {
	w := newFixture(t, map[string]string{"t.txt": treaty}).window()
	openByTitle(t, w, "Arms Control After 1991")
	w.OpenFind()
	if !w.Find().Visible() {
		t.Fatal("Ctrl+F did not show the find bar")
	}
	w.Find().Query("VERIFICATION")
	text := []rune(w.Current().Text())
	if got := w.Find().Count(); got != "1 of 4" {
		t.Errorf("count %q, want 1 of 4", got)
	}
	m := w.Find().Current()
	if strings.ToLower(string(text[m[0]:m[1]])) != "verification" {
		t.Errorf("current match reads %q", string(text[m[0]:m[1]]))
	}
	w.Find().Next()
	w.Find().Next()
	w.Find().Next()
	if got := w.Find().Count(); got != "4 of 4" {
		t.Errorf("after three Next: %q", got)
	}
	last := w.Find().Current()
	if top := w.Reader().TopPosition(); top > last[0] {
		t.Errorf("the last match at %d is above the view (top %d)", last[0], top)
	}
	w.Find().Next()
	if got := w.Find().Count(); got != "1 of 4" {
		t.Errorf("Next wraps to %q", got)
	}
	w.Find().Previous()
	if got := w.Find().Count(); got != "4 of 4" {
		t.Errorf("Previous wraps to %q", got)
	}
	w.Find().Query("no such words")
	if got := w.Find().Count(); got != "No matches" {
		t.Errorf("count %q", got)
	}
	w.Find().Close()
	if w.Find().Visible() {
		t.Error("Esc did not close the find bar")
	}
}

func TestCopyCopiesExactlyTheSelection(t *testing.T) {
	f := newFixture(t, map[string]string{"t.txt": treaty})
	w := f.window()
	openByTitle(t, w, "Arms Control After 1991")
	text := w.Current().Text()
	start := len([]rune(text[:strings.Index(text, "signed in haste")]))
	w.Reader().Select(start, start+len("signed in haste"))
	test.FocusNext(w.Window().Canvas())
	w.Window().Canvas().Unfocus()
	w.Copy()
	if got := f.app.Clipboard().Content(); got != "signed in haste" {
		t.Errorf("clipboard %q", got)
	}
	if !strings.HasPrefix(w.Status(), "Copied 15 characters") {
		t.Errorf("status %q", w.Status())
	}
}

func TestReadingPositionAndLastDocumentAreRestored(t *testing.T) {
	f := newFixture(t, map[string]string{"t.txt": treaty, "b.txt": "Another Paper\n\nShort.\n"})
	w := f.window()
	openByTitle(t, w, "Arms Control After 1991")
	doc := w.Current()
	target := doc.Outline()[1].Start
	w.Reader().ScrollTo(target)
	openByTitle(t, w, "Another Paper")
	openByTitle(t, w, "Arms Control After 1991")
	if top := w.Reader().TopPosition(); top != target {
		t.Errorf("reopened at %d, want %d", top, target)
	}
	w.Quit()

	again := f.window()
	if again.Current() == nil || again.Current().ID != doc.ID {
		t.Fatalf("a new window opened %v, want the last document read", again.Current())
	}
	if top := again.Reader().TopPosition(); top != target {
		t.Errorf("a new window opened at %d, want %d", top, target)
	}
}

func TestThemePanelAndSizeAreRemembered(t *testing.T) {
	f := newFixture(t, nil)
	w := f.window()
	background := func() color.Color {
		return f.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark)
	}
	w.ToggleTheme()
	first := background()
	w.ToggleTheme()
	if background() == first {
		t.Error("toggling the theme twice left the same colours")
	}
	w.TogglePanel()
	w.Window().Resize(fyne.NewSize(1000, 700))
	w.Quit()
	again := f.window()
	if again.PanelVisible() {
		t.Error("the hidden annotations panel came back")
	}
	if got := f.app.Preferences().String("theme"); got == "system" || got == "" {
		t.Errorf("theme preference %q", got)
	}
	if got := f.app.Preferences().Float("window.width"); got != 1000 {
		t.Errorf("width remembered as %v", got)
	}
	again.SetSplits(0.3, 0.6)
	again.Quit()
	third := f.window()
	if l, r := third.Splits(); l != 0.3 || r != 0.6 {
		t.Errorf("splits restored as %v, %v", l, r)
	}
}

func TestHelpSheetListsShortcuts(t *testing.T) {
	w := newFixture(t, nil).window()
	w.Reader().OnUnhandledKey(&fyne.KeyEvent{Name: fyne.KeyF1})
	if !w.HelpOpen() {
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

func importAndWait(t *testing.T, w *ui.MainWindow, paths ...string) {
	t.Helper()
	if !ui.Await(w.ImportFiles(paths), 10*time.Second) {
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
	if w.Current() == nil || w.Current().Title != "Dropped Memo" {
		t.Errorf("after the drop the reader shows %v", w.Current())
	}
	if len(w.List().Titles()) != 2 {
		t.Errorf("list %q", w.List().Titles())
	}
	if p := w.Problems(); len(p) != 1 || !strings.Contains(p[0], "scan.pdf") || !strings.Contains(p[0], "PDF") {
		t.Errorf("problems %q, want one sentence naming scan.pdf", p)
	}
}

func TestContentsEntryLinksToItsHeading(t *testing.T) {
	w := newFixture(t, map[string]string{"t.txt": treaty}).window()
	openByTitle(t, w, "Arms Control After 1991")
	w.Reader().OnLinkTapped("2. Verification")
	if top, want := w.Reader().TopPosition(), w.Current().Outline()[1].Start; top != want {
		t.Errorf("following the contents entry put %d at the top, want %d", top, want)
	}
}

func TestImportAFolderWithProgressAndSummary(t *testing.T) {
	f := newFixture(t, map[string]string{"t.txt": treaty})
	w := f.window()
	dir := t.TempDir()
	for name, content := range map[string]string{"a.txt": "Folder Paper One\n\nText.\n", "sub/b.md": "# Folder Paper Two\n\nText.\n", "sub/bad.txt": "", "again.txt": treaty} {
		p := filepath.Join(dir, name)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !ui.Await(w.ImportFolder(dir), 10*time.Second) {
		t.Fatal("the folder import did not finish within 10 s")
	}
	sum := w.ImportSummary()
	if !strings.HasPrefix(sum, "2 documents imported, 1 already in the library, 1 failed.") || !strings.Contains(sum, "bad.txt") {
		t.Errorf("summary %q", sum)
	}
	if n := len(w.List().Titles()); n != 3 {
		t.Errorf("the library lists %d documents, want 3", n)
	}
}
