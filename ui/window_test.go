package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"scholia/annotate/library"
	"scholia/ui"
)

func newWindow(t *testing.T, files map[string]string) (*ui.MainWindow, *library.Library) {
	t.Helper()
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
	app := test.NewTempApp(t)
	w := ui.NewMainWindow(app, lib)
	t.Cleanup(w.Window().Close)
	return w, lib
}

func TestLibraryListShowsEveryDocument(t *testing.T) {
	w, _ := newWindow(t, map[string]string{
		"a.txt": "Arms Control After 1991\n\nA paragraph.\n",
		"b.md":  "# Sanctions Reading List\n\nSome text.\n",
	})
	titles := w.List().Titles()
	if len(titles) != 2 || !contains(titles, "Arms Control After 1991") || !contains(titles, "Sanctions Reading List") {
		t.Errorf("list shows %q", titles)
	}
	if got := w.Status(); !strings.HasPrefix(got, "2 documents · ") {
		t.Errorf("status %q", got)
	}
}

func TestChoosingADocumentShowsItsText(t *testing.T) {
	w, _ := newWindow(t, map[string]string{
		"a.txt": "Arms Control After 1991\n\nContents\n1. Treaties\n2. Verification\n\n1. Treaties\n\nThe treaties were signed in haste.\n\n2. Verification\n\nInspectors came later.\n",
	})
	w.List().Tap(0)
	if w.Current() == nil || w.Current().Title != "Arms Control After 1991" {
		t.Fatalf("current document %v", w.Current())
	}
	shown := w.View().Markup()
	for _, want := range []string{"Arms Control After 1991", "2. Verification", "The treaties were signed in haste."} {
		if !strings.Contains(shown, want) {
			t.Errorf("view lacks %q:\n%s", want, shown)
		}
	}
	if title := w.Window().Title(); title != "Arms Control After 1991 — Scholia" {
		t.Errorf("window title %q", title)
	}
}

func TestEmptyLibraryInvitesAnImport(t *testing.T) {
	w, _ := newWindow(t, nil)
	if w.List().Len() != 0 || !strings.Contains(w.View().Markup(), "import") {
		t.Errorf("empty library shows %q", w.View().Markup())
	}
	if w.Window().Title() != "Scholia" {
		t.Errorf("window title %q", w.Window().Title())
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
