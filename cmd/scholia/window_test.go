package main

import (
	"encoding/json"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"scholia/cmd/scholia/internal/xwindow"
)

// briefing is our own fixture article, with a title and several paragraphs.
func briefing(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "annotate", "ingest", "testdata", "briefing.txt")
}

// storedAnnotation is the part of `scholia annotations --json` the window
// tests compare.
type storedAnnotation struct {
	ID     string   `json:"id"`
	Kind   string   `json:"kind"`
	Colour string   `json:"colour"`
	Exact  string   `json:"exact"`
	Body   string   `json:"body"`
	Answer string   `json:"answer"`
	Tags   []string `json:"tags"`
	Status string   `json:"status"`
}

func annotations(t *testing.T, s *xwindow.Session) []storedAnnotation {
	t.Helper()
	var as []storedAnnotation
	if err := json.Unmarshal([]byte(s.CLI("annotations", "--json")), &as); err != nil {
		t.Fatalf("annotations --json: %v", err)
	}
	return as
}

// A person opens a document, drags across a paragraph, copies it and
// highlights it with Ctrl+H; what the library stores is exactly the text
// that was copied, which is a passage of the document.
func TestWindowDragCopyHighlight(t *testing.T) {
	s := xwindow.Start(t)
	doc := briefing(t)
	title := strings.TrimSpace(strings.SplitN(s.CLI("import", doc), "\t", 2)[1])
	text := s.CLI("show", "--text", title)
	s.Open(doc)
	s.WaitTitle(title)

	s.SetClipboard("nothing yet")
	s.Drag(420, 430, 900, 470, 8)
	s.Key("ctrl+c")
	var copied string
	if !xwindow.Poll(5*time.Second, func() bool {
		copied = s.Clipboard()
		return copied != "nothing yet" && copied != ""
	}) {
		t.Fatal("Ctrl+C after a drag put nothing on the clipboard")
	}
	if !strings.Contains(text, copied) {
		t.Fatalf("the drag copied %q, which is not a passage of the document", copied)
	}
	s.Key("ctrl+h")
	shot := s.Shot()
	if _, err := shot.Save("window-drag-highlight.png"); err != nil {
		t.Log(err)
	}
	s.Quit()

	as := annotations(t, s)
	// The highlight leaves out the spaces a drag takes in at its ends.
	if want := strings.TrimSpace(copied); len(as) != 1 || as[0].Kind != "highlight" || as[0].Exact != want {
		t.Fatalf("stored %+v, want one highlight of %q", as, want)
	}
}
