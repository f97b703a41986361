package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// crashingApp is an app whose settings fail, once armed, as a dependency
// that breaks does: the window asks for them when it paints annotations
// and when it switches the theme.
type crashingApp struct {
	fyne.App
	armed atomic.Bool
}

func (a *crashingApp) Settings() fyne.Settings {
	if a.armed.Load() {
		panic("the settings are unavailable")
	}
	return a.App.Settings()
}

// checkCrashTold checks that the n-th crash log this session holds the
// panic and the stack through where, and that the status bar and a dialog
// name it in one sentence.
func checkCrashTold(t *testing.T, m *MainWindow, n int, value, where string) {
	t.Helper()
	uiLoop.drain() // the sentence is handed to the UI goroutine
	logs := m.guard.written()
	if len(logs) != n {
		t.Fatalf("%d crash logs written, want %d", len(logs), n)
	}
	path := logs[n-1]
	if dir := filepath.Join(os.Getenv("XDG_STATE_HOME"), "scholia"); filepath.Dir(path) != dir || !strings.HasPrefix(filepath.Base(path), "crash-") {
		t.Errorf("crash log %s is not a crash-….log in %s", path, dir)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the crash log named is not there: %v", err)
	}
	if !strings.Contains(string(data), "panic: "+value) || !strings.Contains(string(data), where) {
		t.Errorf("the crash log lacks the panic %q or the stack through %s:\n%s", value, where, data)
	}
	sentence := "Something went wrong in Scholia; nothing you saved is lost. Details are in " + path + "."
	if !strings.HasPrefix(m.status.label.Text, sentence) {
		t.Errorf("the status bar says %q, want it to start with %q", m.status.label.Text, sentence)
	}
	if !strings.Contains(overlayTexts(m.win.Canvas()), sentence) {
		t.Errorf("no dialog says %q; dialogs say %q", sentence, overlayTexts(m.win.Canvas()))
	}
}

// checkAlive checks that the window is still open and still works: a
// highlight is saved.
func checkAlive(t *testing.T, m *MainWindow, lib *library.Library, quote string) {
	t.Helper()
	alive := false
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		alive = alive || w == m.win
	}
	if !alive {
		t.Fatal("the window is gone")
	}
	before, _ := lib.Annotations(m.reader.Document().ID)
	selectText(t, m, quote)
	m.annotator.Highlight()
	after, _ := lib.Annotations(m.reader.Document().ID)
	if len(after) != len(before)+1 || !strings.HasPrefix(m.status.label.Text, "Saved") {
		t.Errorf("after the crash a highlight is not saved: %d annotations, then %d; status %q", len(before), len(after), m.status.label.Text)
	}
}

// A panic in a callback (saving a note, a menu action and its shortcut, a
// toolbar button) is caught: the window goes on, the crash log holds the
// stack, one sentence names it, and the note dialog that was saving stays
// open with what was typed.
func TestAPanicInACallbackKeepsTheWindowAndTheText(t *testing.T) {
	app := &crashingApp{App: test.NewTempApp(t)}
	m, lib := newTestWindow(t, app, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	c := m.win.Canvas()

	selectText(t, m, "technical level")
	m.annotator.AddNote()
	d := m.annotator.noteDialog
	typed := "Who sits at the technical level, and who sends them?"
	test.Type(d.body, typed)
	app.armed.Store(true)
	m.tasks.settle = false // the note dialog closes before the panel shows the note, as in a real window
	d.body.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	m.waitIdle()
	m.tasks.settle = true
	app.armed.Store(false)
	// The note is committed before the panel paints it, where it panics:
	// what was typed is in the library.
	if anns, _ := lib.Annotations(m.reader.Document().ID); d.Open() || len(anns) != 1 || anns[0].Body != typed {
		t.Fatalf("after a panic while showing a saved note, the note dialog is open %v and the library holds %+v", d.Open(), anns)
	}
	checkCrashTold(t, m, 1, "the settings are unavailable", "(*display).annotations")
	pressKey(c, fyne.KeyEscape)

	var themeItem *fyne.MenuItem
	for _, menu := range m.win.MainMenu().Items {
		for _, item := range menu.Items {
			if item.Label == "Dark or Light Theme" {
				themeItem = item
			}
		}
	}
	app.armed.Store(true)
	themeItem.Action() // as Ctrl+Shift+T does
	app.armed.Store(false)
	checkCrashTold(t, m, 2, "the settings are unavailable", "ui.toggleTheme")
	pressKey(c, fyne.KeyEscape)

	button, ok := find(c.Content(), func(b *widget.Button) bool { return b.Icon != nil && b.Icon.Name() == theme.ColorPaletteIcon().Name() })
	if !ok {
		t.Fatal("no theme button in the toolbar")
	}
	app.armed.Store(true)
	test.Tap(button)
	app.armed.Store(false)
	checkCrashTold(t, m, 3, "the settings are unavailable", "ui.toggleTheme")
	pressKey(c, fyne.KeyEscape)
	if len(c.Overlays().List()) != 0 {
		t.Errorf("dialogs left open: %q", overlayTexts(c))
	}
	checkAlive(t, m, lib, "humanitarian questions")
}

// A panic on a goroutine of the window (the search palette's, here on a
// library that is missing) is caught there: the window goes on, the
// crash log holds the stack, one sentence names it, and the palette says
// the search stopped and searches again once the library is back.
func TestAPanicInAGoroutineKeepsTheWindow(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	openTitled(t, m, "Joint Statement")
	addNote(t, m, "negotiated settlement", "Which settlement do they mean?")
	m.openSearch()
	m.palette.lib = nil
	waitFor(t, typeQuery(m.palette, "settlement"))
	checkCrashTold(t, m, 1, "runtime error: invalid memory address or nil pointer dereference", "(*SearchPalette).query")
	if got := m.palette.count.Text; !strings.Contains(got, "internal error") {
		t.Errorf("the palette says %q after its search crashed", got)
	}
	m.palette.lib = lib
	waitFor(t, typeQuery(m.palette, "settlement"))
	if len(m.palette.hits) == 0 {
		t.Errorf("the palette finds nothing after a crash: %q", m.palette.count.Text)
	}
	pressKey(m.win.Canvas(), fyne.KeyEscape)
	pressKey(m.win.Canvas(), fyne.KeyEscape)
	checkAlive(t, m, lib, "humanitarian questions")
}

func waitFor(t *testing.T, done <-chan struct{}) {
	t.Helper()
	if !uiLoop.await(done, 5*time.Second) {
		t.Fatal("gave up waiting for the search")
	}
}

// Every goroutine the package starts, every function it hands to the UI
// goroutine and every timer it sets goes through the crash guard: only
// crash.go may say go, fyne.Do or time.AfterFunc.
func TestOnlyTheCrashGuardStartsGoroutines(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "crash.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.GoStmt:
				t.Errorf("%s: a goroutine started without the crash guard (use m.guard.goRun)", fset.Position(x.Pos()))
			case *ast.SelectorExpr:
				if pkg, ok := x.X.(*ast.Ident); ok {
					switch pkg.Name + "." + x.Sel.Name {
					case "fyne.Do", "fyne.DoAndWait", "time.AfterFunc":
						t.Errorf("%s: %s.%s without the crash guard (use m.guard.do or m.guard.after)", fset.Position(x.Pos()), pkg.Name, x.Sel.Name)
					}
				}
			}
			return true
		})
	}
}
