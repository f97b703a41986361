package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"scholia/annotate/library"
)

// typeMenuShortcut types a shortcut as the desktop driver delivers it:
// to the main menu's item with that shortcut.
func typeMenuShortcut(t *testing.T, m *MainWindow, s fyne.Shortcut) {
	t.Helper()
	for _, menu := range m.win.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() {
				it.Action()
				m.waitIdle()
				return
			}
		}
	}
	t.Fatalf("no menu item has the shortcut %s", s.ShortcutName())
}

// readingPlace is the document on show and the position at the top of
// the view.
func readingPlace(m *MainWindow) place {
	if d := m.reader.Document(); d != nil {
		return place{d.Title, m.reader.TopPosition()}
	}
	return place{}
}

// middleOf is the position of the n-th filler paragraph of the treaty.
func middleOf(t *testing.T, m *MainWindow, n int) int {
	t.Helper()
	text := m.reader.Document().Text()
	i := 0
	for k := 0; k < n; k++ {
		j := strings.Index(text[i:], "A long paragraph")
		if j < 0 {
			t.Fatalf("the treaty has fewer than %d filler paragraphs", n)
		}
		i += j + 1
	}
	return len([]rune(text[:i-1]))
}

// Each way of jumping elsewhere leaves the place read for Back, as in a
// browser: Alt+Left returns to exactly where the reader was, Alt+Right
// goes to where the jump went again; the toolbar's arrows do the same.
func TestBackAndForwardAfterEachKindOfJump(t *testing.T) {
	alt := func(k fyne.KeyName) fyne.Shortcut { return alt(k) }
	kinds := []struct {
		name string
		jump func(t *testing.T, m *MainWindow)
	}{
		{"a contents line", func(t *testing.T, m *MainWindow) { m.reader.OnLinkTapped("2. Verification") }},
		{"an outline entry", func(t *testing.T, m *MainWindow) { m.reading.outline.SetSelectedIndex(1); m.waitIdle() }},
		{"a search result", func(t *testing.T, m *MainWindow) {
			a := m.annotator.anns[0]
			m.openHit(library.Hit{ID: a.ID, DocID: a.DocID})
			m.waitIdle()
		}},
		{"Open the answer", func(t *testing.T, m *MainWindow) {
			m.panel.Editor.OnFollow(m.annotator.anns[0].ID)
			m.waitIdle()
		}},
		{"another document", func(t *testing.T, m *MainWindow) { openTitled(t, m, "Joint Statement") }},
	}
	for _, arrows := range []bool{false, true} {
		for _, k := range kinds {
			name := k.name
			if arrows {
				name += ", the toolbar's arrows"
			}
			t.Run(name, func(t *testing.T) {
				m, _ := newTestWindow(t, nil, map[string]string{"t.txt": treaty, "s.txt": jointStatement})
				openTitled(t, m, "Arms Control After 1991")
				addNote(t, m, "Inspectors came later", "cameras and seals")
				back, forward := func() { typeMenuShortcut(t, m, alt(fyne.KeyLeft)) }, func() { typeMenuShortcut(t, m, alt(fyne.KeyRight)) }
				if arrows {
					back = func() { test.Tap(m.history.backBtn); m.waitIdle() }
					forward = func() { test.Tap(m.history.forwardBtn); m.waitIdle() }
				}
				m.reader.ScrollTo(middleOf(t, m, 12))
				m.waitIdle()
				here := readingPlace(m)
				k.jump(t, m)
				there := readingPlace(m)
				if there == here {
					t.Fatalf("the jump stayed at %v", here)
				}
				if m.history.backBtn.Disabled() || !m.history.forwardBtn.Disabled() {
					t.Error("after the jump the Back arrow is not enabled, or the Forward one is")
				}
				back()
				if got := readingPlace(m); got != here {
					t.Errorf("Back went to %v, want %v where the jump started", got, here)
				}
				if m.history.forwardBtn.Disabled() {
					t.Error("the Forward arrow is disabled after Back")
				}
				forward()
				if got := readingPlace(m); got != there {
					t.Errorf("Forward went to %v, want %v where the jump went", got, there)
				}
				back()
				if got := readingPlace(m); got != here {
					t.Errorf("Back a second time went to %v, want %v", got, here)
				}
			})
		}
	}
}

// Find starts from the place read: from the middle of a book, the first
// match shown is the first one after the top of the view, not the first
// of the book.
func TestFindStartsFromThePlaceRead(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"t.txt": treaty})
	openTitled(t, m, "Arms Control After 1991")
	m.reader.ScrollTo(middleOf(t, m, 20))
	m.waitIdle()
	top := m.reader.TopPosition()
	typeMenuShortcut(t, m, ctrl(fyne.KeyF))
	m.reading.find.entry.SetText("verification")
	if got := m.reading.find.count.Text; got != "4 of 4" {
		t.Errorf("from the middle, the find bar says %q, want 4 of 4", got)
	}
	if cur, want := findCurrent(m.reading.find)[0], m.reader.Document().Outline()[1].Start+3; cur != want {
		t.Errorf("the match shown starts at %d, want %d, the first after %d at the top of the view", cur, want, top)
	}
}

// The outline names the section at the top of the view, whatever moved it.
func TestOutlineNamesTheSectionAtTheTop(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"t.txt": treaty})
	openTitled(t, m, "Arms Control After 1991")
	outline := m.reader.Document().Outline()
	m.reading.outline.SetSelectedIndex(1)
	if got := outlineSection(m.reading.outline); got != outline[1].Title {
		t.Errorf("after choosing %q the outline names %q", outline[1].Title, got)
	}
	m.reader.ScrollTo(middleOf(t, m, 30))
	if got := outlineSection(m.reading.outline); got != outline[0].Title {
		t.Errorf("scrolled into section 1, the outline names %q", got)
	}
	m.reader.ScrollTo(outline[1].Start)
	if got := outlineSection(m.reading.outline); got != outline[1].Title {
		t.Errorf("with %q at the top the outline names %q", outline[1].Title, got)
	}
	m.reader.ScrollTo(middleOf(t, m, 40))
	if got := outlineSection(m.reading.outline); got != outline[0].Title {
		t.Errorf("with the paragraph before %q at the top the outline names %q", outline[1].Title, got)
	}
	m.win.Resize(fyne.NewSize(700, 500))
	m.waitIdle()
	if got, want := outlineSection(m.reading.outline), outline[0].Title; got != want {
		t.Errorf("after a resize the outline names %q, want %q", got, want)
	}
}

// Typing a query letter by letter, from a view scrolled by the wheel to
// the middle of a line, leaves the view where it is while the match
// shown is in it: the first letter's match, on the line cut at the top,
// does not scroll the view up.
func TestFindLeavesTheViewWhereItIs(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"t.txt": treaty})
	openTitled(t, m, "Arms Control After 1991")
	m.reader.ScrollTo(middleOf(t, m, 20))
	m.waitIdle()
	pt, _ := m.reader.PointOf(m.reader.TopPosition())
	// A touchpad's small step: about two thirds of a line (a wheel's
	// notch scrolls three lines).
	test.Scroll(m.win.Canvas(), fyne.CurrentApp().Driver().AbsolutePositionForObject(m.reader).Add(pt), 0, -6)
	m.waitIdle()
	top := m.reader.TopPosition()
	if at, shown := m.reader.PointOf(top); !shown || at.Y > 20 {
		t.Fatalf("the scroll left the line at the top %v (shown %v): not a line cut at the top", at, shown)
	}
	typeMenuShortcut(t, m, ctrl(fyne.KeyF))
	for _, q := range []string{"f", "fi", "fil", "fill", "filler"} {
		m.reading.find.entry.SetText(q)
		m.waitIdle()
		if got := m.reader.TopPosition(); got != top {
			t.Fatalf("typing %q moved the view from %d to %d (match at %d)", q, top, got, findCurrent(m.reading.find)[0])
		}
	}
}

// Back passes over a place in a document removed since: it goes to the
// place before it, with no error.
func TestBackPassesOverARemovedDocument(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"t.txt": treaty, "s.txt": jointStatement, "r.txt": analystReply})
	openTitled(t, m, "Arms Control After 1991")
	m.reader.ScrollTo(middleOf(t, m, 12))
	m.waitIdle()
	here := readingPlace(m)
	openTitled(t, m, "Joint Statement")
	removed := m.reader.Document().ID
	openTitled(t, m, "Analyst Reply")
	m.trash.remove(removed)
	m.waitIdle()
	typeMenuShortcut(t, m, alt(fyne.KeyLeft))
	if got := readingPlace(m); got != here {
		t.Errorf("Back went to %v, want %v: the document between was removed", got, here)
	}
	if len(m.dialogs.close) > 0 {
		t.Errorf("Back showed a dialog")
	}
}
