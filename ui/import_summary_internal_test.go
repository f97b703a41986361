package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// A folder of 3,000 photos and one paper: the summary names every photo
// left out, and showing it takes the UI goroutine under 16 ms (as one
// wrapped text it took 1.6 s of processor time, 17 s on the clock).
func TestASummaryOfThousandsSkippedShowsAtOnce(t *testing.T) {
	if threadCPU() == 0 {
		t.Skip("skipped: this system does not report a thread's processor time")
	}
	m, _ := newTestWindow(t, nil, map[string]string{"s.txt": jointStatement})
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "paper.txt"), []byte("A Paper\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3000; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("IMG_%04d.JPG", i)), []byte("\xff\xd8"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	scan, err := library.ScanFolder(dir)
	if err != nil || len(scan.Skipped) != 3000 {
		t.Fatalf("scan: %d skipped, %v", len(scan.Skipped), err)
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	c0 := threadCPU()
	m.imports.folderImported(dir, library.Batch{}, scan.Skipped)
	cpu := threadCPU() - c0
	t.Logf("the summary of 3,000 files skipped: %v of processor time", cpu)
	if budget := 16 * time.Millisecond; cpu > budget {
		t.Errorf("showing the summary took the UI goroutine %v, want at most %v", cpu, budget)
	}
	if !strings.Contains(m.imports.summary, "IMG_2999.JPG: image: not a document") {
		t.Error("the summary does not name the last photo")
	}
	list, ok := find(m.win.Canvas().Overlays().Top(), func(l *widget.List) bool { return l.Length() >= 3000 })
	if !ok {
		t.Fatalf("the summary shows no list of the 3,000 files: %q", overlayTexts(m.win.Canvas())[:200])
	}
	list.ScrollToBottom()
}
