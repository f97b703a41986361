package ui

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate/library"
)

// These tests hold a task's work (the real library on a real file) before
// it starts, and check that the input that started it returned at once,
// that the status bar says what runs, that the window goes on taking
// input meanwhile, and that the result shows once the work is let go.

// holder holds the tasks of one lane before their work until freed.
type holder struct {
	lane    string
	release chan struct{}
	once    sync.Once
}

func (h *holder) hold(lane string) {
	if lane == h.lane {
		<-h.release
	}
}

func (h *holder) free() { h.once.Do(func() { close(h.release) }) }

// holdLane holds m's tasks of lane; the tasks run one by one, as in a
// real window, from now on.
func holdLane(t *testing.T, m *MainWindow, lane string) *holder {
	h := &holder{lane: lane, release: make(chan struct{})}
	m.tasks.settle = false
	m.tasks.hold = h.hold
	t.Cleanup(h.free)
	return h
}

// returnsSoon runs an input as the UI goroutine would and fails unless it
// returns within two seconds: the UI goroutine did not wait for the work.
func returnsSoon(t *testing.T, what string, input func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		input()
	}()
	if !uiLoop.await(done, 2*time.Second) {
		t.Fatalf("%s kept the UI goroutine waiting for the library", what)
	}
}

// statusSoon waits for the status bar to start with prefix.
func statusSoon(t *testing.T, m *MainWindow, prefix string) {
	t.Helper()
	eventually(t, "the status bar saying "+prefix, func() bool { return strings.HasPrefix(m.status.label.Text, prefix) })
}

// filterStillWorks types in the library's filter box and checks the list
// follows, then clears it: the window takes input.
func filterStillWorks(t *testing.T, m *MainWindow, word string, want int) {
	t.Helper()
	returnsSoon(t, "typing in the library filter", func() { m.library.list.filter.SetText(word) })
	if got := m.library.list.Len(); got != want {
		t.Errorf("the filter %q shows %d documents while the library works, want %d", word, got, want)
	}
	m.library.list.filter.SetText("")
}

const thirdPaper = `Field Notes

The technical level met again in March.
`

func titleRow(m *MainWindow, title string) int {
	for i, got := range titlesIn(m.library.list) {
		if got == title {
			return i
		}
	}
	return -1
}

func TestOpeningADocumentLeavesTheWindowFreeAndTheLastAskedForWins(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply, "c.txt": thirdPaper})
	openTitled(t, m, "Joint Statement")
	h := holdLane(t, m, laneOpen)
	returnsSoon(t, "clicking a document", func() { m.library.list.Tap(titleRow(m, "Analyst Reply")) })
	statusSoon(t, m, "Opening “Analyst Reply”…")
	if m.reader.Document().Title != "Joint Statement" {
		t.Errorf("%q shows before the library read the document", m.reader.Document().Title)
	}
	filterStillWorks(t, m, "field", 1)
	returnsSoon(t, "clicking another document", func() { m.library.list.Tap(titleRow(m, "Field Notes")) })
	h.free()
	m.waitIdle()
	if m.reader.Document().Title != "Field Notes" || m.win.Title() != "Field Notes — Scholia" {
		t.Errorf("after two clicks the window shows %q titled %q, want the last clicked", m.reader.Document().Title, m.win.Title())
	}
	if strings.Contains(m.status.label.Text, "Opening “") {
		t.Errorf("the status bar still says %q", m.status.label.Text)
	}
}

func TestBackUpNowLeavesTheWindowFree(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Back Up Now", m.backups.now)
	statusSoon(t, m, "Backing up…")
	returnsSoon(t, "opening a document", func() { m.library.list.Tap(titleRow(m, "Analyst Reply")) })
	eventually(t, "the document opening while the backup runs", func() bool { return m.reader.Document().Title == "Analyst Reply" })
	h.free()
	m.waitIdle()
	statusSoon(t, m, "Backed up: ")
}

func TestUndoLeavesTheWindowFree(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	a := addNote(t, m, "technical level", "Who sits there?")
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "Ctrl+Z", m.edits.undo)
	statusSoon(t, m, "Undoing…")
	filterStillWorks(t, m, "reply", 1)
	h.free()
	m.waitIdle()
	statusSoon(t, m, "Undid ")
	if got, _ := lib.Annotations(m.reader.Document().ID); len(got) != 0 || len(shownIn(m.panel)) != 0 {
		t.Errorf("after undoing the note %s the library holds %d annotations, the panel %d", a.ID, len(got), len(shownIn(m.panel)))
	}
}

func TestRestoringLeavesTheWindowFree(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	a := addNote(t, m, "technical level", "Who sits there?")
	m.notes.deleteAnnotation(a.ID)
	if len(shownIn(m.panel)) != 0 {
		t.Fatalf("the deleted note is still listed")
	}
	h := holdLane(t, m, laneChange)
	returnsSoon(t, "restoring from the trash", func() { m.notes.restoreAnnotation(a.ID) })
	statusSoon(t, m, "Restoring…")
	filterStillWorks(t, m, "reply", 1)
	h.free()
	m.waitIdle()
	statusSoon(t, m, "Restored")
	if got, _ := lib.Annotations(m.reader.Document().ID); len(got) != 1 || len(shownIn(m.panel)) != 1 {
		t.Errorf("after restoring, the library holds %d annotations, the panel lists %d", len(got), len(shownIn(m.panel)))
	}
}

func TestThePanelFilterLeavesTheWindowFree(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	addNote(t, m, "technical level", "Who sits there?")
	addNote(t, m, "negotiated settlement", "Settled by whom?")
	h := holdLane(t, m, laneFilter)
	returnsSoon(t, "typing in the panel's filter", func() { m.panel.text.SetText("settled") })
	statusSoon(t, m, "Filtering the notes…")
	if n := len(shownIn(m.panel)); n != 2 {
		t.Errorf("the panel lists %d notes before the search answered, want the 2 it had", n)
	}
	filterStillWorks(t, m, "reply", 1)
	h.free()
	m.waitIdle()
	if got := shownIn(m.panel); len(got) != 1 || got[0].Body != "Settled by whom?" {
		t.Errorf("the panel filtered by %q lists %+v", "settled", got)
	}
}

func TestWalkingAFolderLeavesTheWindowFree(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	dir := t.TempDir()
	for name, text := range map[string]string{"reply.txt": analystReply, "notes.md": thirdPaper} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := holdLane(t, m, laneChange)
	var done <-chan struct{}
	returnsSoon(t, "importing a folder", func() { done = m.imports.folder(dir) })
	statusSoon(t, m, "Looking for files in "+filepath.Base(dir)+"…")
	filterStillWorks(t, m, "joint", 1)
	h.free()
	if !uiLoop.await(done, 10*time.Second) {
		t.Fatal("the folder import never finished")
	}
	if !strings.HasPrefix(m.imports.summary, "2 documents imported") {
		t.Errorf("the folder import says %q", m.imports.summary)
	}
}

// The window shows before the library's list is read, saying so, and
// the list and the document last read follow.
func TestTheWindowShowsBeforeTheLibraryIsRead(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	lib, err := library.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = lib.Close() })
	for name, text := range map[string]string{"a": jointStatement, "b": analystReply} {
		if _, err := lib.ImportBytes(name+".txt", name+".txt", []byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	h := &holder{lane: laneRefresh, release: make(chan struct{})}
	holdTask = h.hold
	t.Cleanup(func() { holdTask = nil; h.free() })
	app := test.NewTempApp(t)
	var m *MainWindow
	returnsSoon(t, "making the window", func() { m = NewMainWindow(app, lib) })
	holdTask = nil
	t.Cleanup(func() {
		h.free()
		m.waitIdle()
		m.closing.stopTimers()
		m.win.Close()
	})
	m.win.Resize(fyne.NewSize(1200, 800))
	statusSoon(t, m, "Reading the library…")
	if m.library.list.Len() != 0 || m.reader.Document() != nil {
		t.Errorf("the list holds %d documents before the library was read", m.library.list.Len())
	}
	h.free()
	m.waitIdle()
	if m.library.list.Len() != 2 || m.reader.Document() == nil {
		t.Errorf("after start the list holds %d documents and the reader %v", m.library.list.Len(), m.reader.Document())
	}
}
