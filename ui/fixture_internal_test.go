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

	"scholia/annotate"
	"scholia/annotate/library"
)

// The internal tests drive the window as a person does, and look inside
// where only the package can (the crash guard, the dialogs on show).

const jointStatement = `Joint Statement

Both delegations reaffirmed their commitment, in principle, to a negotiated settlement.

Further consultations at the technical level would take place at an appropriate time.

Progress on the humanitarian questions raised by either side remains a condition.
`

const analystReply = `Analyst Reply

In principle means nothing is agreed until everything is agreed.
`

// newTestLibrary opens a library of its own in a folder of the test,
// holding files imported from there, with crash logs going to another.
func newTestLibrary(t testing.TB, files map[string]string) (*library.Library, string) {
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
	return lib, dir
}

// newTestWindow opens a window on a library of its own holding files,
// with crash logs going to a folder of the test; app nil is a fresh test
// app.
func newTestWindow(t testing.TB, app fyne.App, files map[string]string) (*MainWindow, *library.Library) {
	t.Helper()
	lib, _ := newTestLibrary(t, files)
	if app == nil {
		app = test.NewTempApp(t)
	}
	m := NewMainWindow(app, lib)
	// Resized once the library is read: the test driver lays out
	// wherever fyne.Do is called, here on the tasks' goroutines.
	m.waitIdle()
	m.win.Resize(fyne.NewSize(1200, 800))
	m.tasks.settle = true
	t.Cleanup(func() {
		m.panel.Editor.wait()
		m.closing.stopTimers()
		for _, w := range app.Driver().AllWindows() {
			if w == m.win {
				w.Close()
			}
		}
	})
	return m, lib
}

// openTitled opens a document by clicking its title in the library.
func openTitled(t testing.TB, m *MainWindow, title string) {
	t.Helper()
	for i, got := range titlesIn(m.library.list) {
		if got == title {
			m.library.list.Tap(i)
			m.waitIdle()
			if m.reader.Document() == nil || m.reader.Document().Title != title {
				t.Fatalf("tapping %q opened %v", title, m.reader.Document())
			}
			return
		}
	}
	t.Fatalf("%q not in the library %q", title, titlesIn(m.library.list))
}

// passage is where s first stands in the open document, in code points.
func passage(t *testing.T, m *MainWindow, s string) (int, int) {
	t.Helper()
	text := m.reader.Document().Text()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in the document", s)
	}
	start := len([]rune(text[:i]))
	return start, start + len([]rune(s))
}

// selectText selects the first occurrence of s in the open document.
func selectText(t *testing.T, m *MainWindow, s string) {
	t.Helper()
	m.reader.Select(passage(t, m, s))
}

// addNote writes a note on s through the note dialog.
func addNote(t *testing.T, m *MainWindow, s, body string) annotate.Annotation {
	t.Helper()
	selectText(t, m, s)
	m.annotator.AddNote()
	typeNote(m.annotator.noteDialog, body)
	m.annotator.noteDialog.Save()
	m.waitIdle()
	if m.annotator.noteDialog.Open() {
		t.Fatalf("the note %q was not saved: %s", body, m.status.label.Text)
	}
	return shownIn(m.panel)[len(shownIn(m.panel))-1]
}

// pressKey presses a key as the window's driver delivers it: to what has
// the focus, else to the window's key handler.
func pressKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	defer uiLoop.drain() // what the key handed on runs before the next event
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// typeInto clicks a text box and replaces its text by typing.
func typeInto(c fyne.Canvas, e *shortcutEntry, text string) {
	test.Tap(e)
	c.Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(e, text)
}

// eventually polls cond until it holds, failing after a few seconds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for uiLoop.drain(); !cond(); uiLoop.drain() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// objects are every object drawn under o: containers' children,
// widgets' rendered parts.
func objects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil {
		return nil
	}
	out := []fyne.CanvasObject{o}
	children := childrenOf(o)
	for _, c := range children {
		out = append(out, objects(c)...)
	}
	return out
}

// texts are the texts of the labels drawn under o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range objects(o) {
		switch l := x.(type) {
		case *widget.Label:
			b.WriteString(l.Text + "\n")
		case *widget.RichText:
			b.WriteString(l.String() + "\n")
		}
	}
	return b.String()
}

// overlayTexts are the texts of the dialogs on show, top last.
func overlayTexts(c fyne.Canvas) string {
	var b strings.Builder
	for _, o := range c.Overlays().List() {
		b.WriteString(texts(o))
	}
	return b.String()
}

// find is the first object under o of type T that ok accepts.
func find[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) (T, bool) {
	for _, x := range objects(o) {
		if v, is := x.(T); is && ok(v) {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// tapLabel clicks where a label with this text is drawn in the window.
func tapLabel(t *testing.T, c fyne.Canvas, text string) {
	t.Helper()
	var l fyne.CanvasObject
	l, ok := find(c.Content(), func(l *widget.Label) bool { return l.Text == text && l.Visible() })
	if !ok {
		// A note in a row is rich text (its Markdown rendered).
		l, ok = find(c.Content(), func(r *widget.RichText) bool { return r.String() == text && r.Visible() })
	}
	if !ok {
		t.Fatalf("no label %q on screen", text)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l).Add(fyne.NewPos(4, l.Size().Height/2))
	test.TapCanvas(c, pos)
}

// tapButton clicks the button with this label in the dialog on top.
func tapButton(t *testing.T, c fyne.Canvas, label string) {
	t.Helper()
	b, ok := find(c.Overlays().Top(), func(b *widget.Button) bool { return b.Text == label })
	if !ok {
		t.Fatalf("no button %q in the dialog on top: %q", label, texts(c.Overlays().Top()))
	}
	test.Tap(b)
	uiLoop.drain() // what the tap handed on runs before the next event
}

// windowOpen says whether m's window is still open (not quit).
func windowOpen(m *MainWindow) bool {
	for _, w := range m.app.Driver().AllWindows() {
		if w == m.win {
			return true
		}
	}
	return false
}

// childrenOf is what o draws directly: a container's objects, a widget's
// rendered parts.
func childrenOf(o fyne.CanvasObject) []fyne.CanvasObject {
	switch x := o.(type) {
	case *fyne.Container:
		return x.Objects
	case fyne.Widget:
		return test.WidgetRenderer(x).Objects()
	}
	return nil
}
