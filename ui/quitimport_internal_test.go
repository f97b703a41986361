package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/interop"
	"scholia/annotate/library"
)

// Quitting while a folder is imported cancels the import, waits for the
// file under way, and then closes; the library is not closed under it.
func TestQuittingDuringAFolderImportCancelsItAndWaits(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	alive := func() bool { return windowOpen(m) }
	dir := t.TempDir()
	for name, text := range map[string]string{"reply.txt": analystReply, "notes.md": thirdPaper} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h := holdLane(t, m, laneImport)
	done := m.imports.folder(dir)
	eventually(t, "the import starting", func() bool { _, busy := m.tasks.busy(laneImport); return busy })
	returnsSoon(t, "Ctrl+Q", m.closing.quit)
	if !alive() || !strings.HasPrefix(m.status.label.Text, "Saving before quitting…") {
		t.Fatalf("quitting during a folder import: window open %v, status %q", alive(), m.status.label.Text)
	}
	h.free()
	if !uiLoop.await(done, 10*time.Second) {
		t.Fatal("the folder import never finished")
	}
	eventually(t, "the window closing once the import stopped", func() bool { return !alive() })
	if !strings.HasPrefix(m.imports.summary, "Cancelled") {
		t.Errorf("the folder import quitting stopped says %q", m.imports.summary)
	}
	if _, err := lib.Documents(); err != nil {
		t.Errorf("the library after quitting: %v", err)
	}
}

// Quitting while a file of annotations is imported waits for it.
func TestQuittingDuringAnAnnotationImportWaits(t *testing.T) {
	m, lib := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement})
	alive := func() bool { return windowOpen(m) }
	docs, err := lib.Documents()
	if err != nil || len(docs) != 1 {
		t.Fatal(err)
	}
	if _, err := lib.Annotate(docs[0].ID, library.Draft{Kind: annotate.KindNote, Whole: true, Body: "Read again."}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "notes.jsonld")
	if _, err := lib.Exports().DocumentsFile(path, interop.JSONLD, nil, ""); err != nil {
		t.Fatal(err)
	}
	h := holdLane(t, m, laneImport)
	done := m.imports.annotations(path)
	returnsSoon(t, "Ctrl+Q", m.closing.quit)
	if !alive() {
		t.Fatal("the window closed before the import of annotations finished")
	}
	h.free()
	if !uiLoop.await(done, 10*time.Second) {
		t.Fatal("the import never finished")
	}
	eventually(t, "the window closing once the import is done", func() bool { return !alive() })
}
