package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"scholia/cmd/scholia/internal/xwindow"
)

// A window 480 px wide keeps that width, and the panel's toggle
// (Ctrl+Shift+P) and the library's (Ctrl+Shift+L) never change the
// window's size, at 480, 1200 and 1900 px. The screenshots are kept in
// test-artifacts for a person to look at.
func TestWindowNarrowAndWideKeepTheirSize(t *testing.T) {
	s := xwindow.Start(t)
	doc := briefing(t)
	title := strings.TrimSpace(strings.SplitN(s.CLI("import", doc), "\t", 2)[1])
	s.Open(doc)
	s.WaitTitle(title)
	for _, width := range []int{480, 1200, 1900} {
		if w, h := s.Resize(width, xwindow.Height); w != width || h != xwindow.Height {
			t.Fatalf("the window took %dx%d, not %dx%d", w, h, width, xwindow.Height)
		}
		s.Settled(3 * time.Second)
		for i, key := range []string{"ctrl+shift+p", "ctrl+shift+p", "ctrl+shift+l", "ctrl+shift+l"} {
			s.Key(key)
			sc := s.Settled(3 * time.Second)
			if w, h := s.Size(); w != width || h != xwindow.Height {
				path, _ := sc.Save(fmt.Sprintf("narrow-%d-%s.png", width, key))
				t.Fatalf("%s at %d px made the window %dx%d (screenshot %s)", key, width, w, h, path)
			}
			if width == 480 && i%2 == 0 { // the panel, then the library, in the reader's place
				_, _ = sc.Save(fmt.Sprintf("narrow-480-%s.png", strings.TrimPrefix(key, "ctrl+shift+")))
			}
		}
		if _, err := s.Shot().Save(fmt.Sprintf("narrow-%d.png", width)); err != nil {
			t.Log(err)
		}
	}
}
