package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// writeFiles writes files (name → content) under a new folder of the
// test, making the folders their names hold.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// openChooser opens the Open dialog as Ctrl+O does, listing dir.
func openChooser(t *testing.T, m *MainWindow, dir string) *fileChooser {
	t.Helper()
	m.imports.lastDir = dir
	menuShortcut(t, m, "Open…")
	fc := m.imports.chooser
	if fc == nil || m.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+O showed no Open dialog")
	}
	eventually(t, "the Open dialog lists "+dir, func() bool { return fc.dir == dir })
	return fc
}

// rowNames are the names the Open dialog lists.
func rowNames(fc *fileChooser) []string {
	var out []string
	for _, e := range fc.entries {
		out = append(out, e.name)
	}
	return out
}

// tapRow clicks the row of the Open dialog's list naming name.
func tapRow(t *testing.T, fc *fileChooser, name string) {
	t.Helper()
	i := slices.IndexFunc(fc.entries, func(e chooserEntry) bool { return e.name == name })
	if i < 0 {
		t.Fatalf("the Open dialog does not list %q: %q", name, rowNames(fc))
	}
	fc.list.Select(i)
	uiLoop.drain()
}

// The Open dialog opens several files at once: clicking documents ticks
// them, folders are gone into, and Open imports every file ticked.
func TestOpenDialogOpensSeveralFilesAtOnce(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	dir := writeFiles(t, map[string]string{
		"one.txt":       "First Paper\n\nText of the first.\n",
		"cover.png":     "\x89PNG",
		"sub/two.md":    "# Second Paper\n\nText of the second.\n",
		"sub/three.txt": "Third Paper\n\nText of the third.\n",
		".hidden.txt":   "Hidden\n\nNo.\n",
	})
	fc := openChooser(t, m, dir)
	if got := rowNames(fc); !slices.Equal(got, []string{"sub", "one.txt"}) {
		t.Errorf("the Open dialog lists %q, want the folder and the document alone", got)
	}
	tapRow(t, fc, "one.txt")
	tapRow(t, fc, "sub")
	eventually(t, "the Open dialog goes into sub", func() bool { return fc.dir == filepath.Join(dir, "sub") })
	tapRow(t, fc, "two.md")
	tapRow(t, fc, "three.txt")
	tapRow(t, fc, "three.txt") // ticked, then unticked
	if fc.openBtn.Text != "Open 2 Files" || fc.openBtn.Disabled() {
		t.Errorf("with two files ticked the button says %q (disabled %v)", fc.openBtn.Text, fc.openBtn.Disabled())
	}
	test.Tap(fc.openBtn)
	eventually(t, "both files imported", func() bool {
		return slices.Contains(titlesIn(m.library.list), "First Paper") && slices.Contains(titlesIn(m.library.list), "Second Paper")
	})
	if slices.Contains(titlesIn(m.library.list), "Third Paper") {
		t.Error("the file ticked then unticked was imported")
	}
	if m.win.Canvas().Overlays().Top() != nil {
		t.Errorf("the Open dialog stayed open: %q", overlayTexts(m.win.Canvas()))
	}
}

// The Open dialog has a place to type or paste a path: Enter opens the
// file it names, imports the folder it names, and says so in one
// sentence when there is nothing there, leaving the dialog open.
func TestOpenDialogOpensAPathTypedOrPasted(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	c := m.win.Canvas()
	dir := writeFiles(t, map[string]string{
		"typed.txt":          "Typed Paper\n\nText typed.\n",
		"folder/a.txt":       "Folder Paper\n\nText.\n",
		"folder/picture.jpg": "\xff\xd8",
	})
	fc := openChooser(t, m, t.TempDir())
	if c.Focused() != fc.path {
		t.Error("the path box does not have the keys when the dialog opens")
	}
	missing := filepath.Join(dir, "nothing.txt")
	typeInto(c, fc.path, missing)
	pressKey(c, fyne.KeyReturn)
	eventually(t, "the dialog says the path is not there", func() bool { return fc.problem.Visible() })
	if !strings.Contains(fc.problem.Text, missing) || c.Overlays().Top() == nil {
		t.Errorf("a path not there: %q, dialog open %v", fc.problem.Text, c.Overlays().Top() != nil)
	}
	typeInto(c, fc.path, filepath.Join(dir, "typed.txt"))
	pressKey(c, fyne.KeyReturn)
	eventually(t, "the typed file opened", func() bool {
		return m.reader.Document() != nil && m.reader.Document().Title == "Typed Paper"
	})

	fc = openChooser(t, m, dir)
	fc.path.TypedShortcut(&fyne.ShortcutSelectAll{})
	c.Focus(fc.path)
	test.Type(fc.path, filepath.Join(dir, "folder"))
	pressKey(c, fyne.KeyReturn)
	eventually(t, "the typed folder imported", func() bool { return strings.HasPrefix(m.imports.summary, "1 document imported") })
	if !strings.Contains(m.imports.summary, "picture.jpg: image: not a document") {
		t.Errorf("the folder's summary %q does not name the picture left out", m.imports.summary)
	}
}

// Esc closes the Open dialog and imports nothing, whether the keys are
// in the path box or in the list.
func TestEscClosesTheOpenDialog(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	c := m.win.Canvas()
	dir := writeFiles(t, map[string]string{"one.txt": "First Paper\n\nText.\n"})
	for _, inList := range []bool{true, false} {
		fc := openChooser(t, m, dir)
		tapRow(t, fc, "one.txt")
		var focus fyne.Focusable = fc.path
		if inList {
			focus = fc.list
		}
		c.Focus(focus)
		pressKey(c, fyne.KeyEscape)
		if c.Overlays().Top() != nil {
			t.Fatalf("Esc left the Open dialog open (keys in %T)", focus)
		}
	}
	m.waitIdle()
	if slices.Contains(titlesIn(m.library.list), "First Paper") {
		t.Error("Esc imported the ticked file")
	}
}

// Import This Folder imports the folder typed in the path box, not the
// one still listed above it; with nothing a folder typed, the one listed.
func TestImportThisFolderTakesTheFolderTyped(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	c := m.win.Canvas()
	dir := writeFiles(t, map[string]string{
		"listed.txt":     "Listed Paper\n\nText.\n",
		"typed/a.txt":    "Typed Folder Paper\n\nText.\n",
		"typed/b/c.txt":  "Deeper Paper\n\nText.\n",
		"typed/note.jpg": "\xff\xd8",
	})
	fc := openChooser(t, m, dir)
	fc.path.TypedShortcut(&fyne.ShortcutSelectAll{})
	c.Focus(fc.path)
	test.Type(fc.path, filepath.Join(dir, "typed"))
	fc.importFolder()
	eventually(t, "the typed folder imported", func() bool { return strings.HasPrefix(m.imports.summary, "2 documents imported") })
	if titles := titlesIn(m.library.list); slices.Contains(titles, "Listed Paper") {
		t.Errorf("the folder listed was imported too: %q", titles)
	}
}
