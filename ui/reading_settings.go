package ui

import (
	"fyne.io/fyne/v2"

	"scholia/ui/reader"
)

// Preference keys of the reading settings, kept by Fyne per user like
// the window's own state.
const (
	prefReadingSize    = "reading.size"
	prefReadingWidth   = "reading.width"
	prefReadingSerif   = "reading.serif"
	prefReadingSpacing = "reading.spacing"
)

// readingSettings are how the reader sets text (size, line width,
// typeface, line spacing): changed from the View menu, applied at once
// and remembered.
type readingSettings struct {
	prefs  fyne.Preferences
	reader *reader.Reader
	menu   *fyne.MainMenu // the window's, whose View menu ticks the choices made
}

// newReadingSettings sets the reader's text as last chosen.
func newReadingSettings(p fyne.Preferences, r *reader.Reader) *readingSettings {
	r.SetSettings(reader.Settings{
		SizeStep:    p.IntWithFallback(prefReadingSize, 0),
		Width:       reader.LineWidth(p.IntWithFallback(prefReadingWidth, int(reader.WidthMedium))),
		Serif:       p.BoolWithFallback(prefReadingSerif, false),
		SpacingStep: p.IntWithFallback(prefReadingSpacing, 0),
	})
	return &readingSettings{prefs: p, reader: r}
}

// change applies a change of the settings and remembers them.
func (rs *readingSettings) change(f func(*reader.Settings)) {
	s := rs.reader.Settings()
	f(&s)
	rs.reader.SetSettings(s)
	s = rs.reader.Settings()
	rs.prefs.SetInt(prefReadingSize, s.SizeStep)
	rs.prefs.SetInt(prefReadingWidth, int(s.Width))
	rs.prefs.SetBool(prefReadingSerif, s.Serif)
	rs.prefs.SetInt(prefReadingSpacing, s.SpacingStep)
	rs.tick()
}

func (rs *readingSettings) larger()  { rs.change(func(s *reader.Settings) { s.SizeStep++ }) }
func (rs *readingSettings) smaller() { rs.change(func(s *reader.Settings) { s.SizeStep-- }) }
func (rs *readingSettings) actualSize() {
	rs.change(func(s *reader.Settings) { s.SizeStep = 0 })
}

func (rs *readingSettings) width(w reader.LineWidth) func() {
	return func() { rs.change(func(s *reader.Settings) { s.Width = w }) }
}

func (rs *readingSettings) serif(on bool) func() {
	return func() { rs.change(func(s *reader.Settings) { s.Serif = on }) }
}

func (rs *readingSettings) spacing(d int) func() {
	return func() { rs.change(func(s *reader.Settings) { s.SpacingStep += d }) }
}

// actions are the View menu's entries for the settings.
func (rs *readingSettings) actions() []action {
	return []action{
		{"View", "Larger Text", "Ctrl+=", ctrl(fyne.KeyEqual), rs.larger},
		{"View", "Smaller Text", "Ctrl+-", ctrl(fyne.KeyMinus), rs.smaller},
		{"View", "Actual Size", "Ctrl+0", ctrl(fyne.Key0), rs.actualSize},
		{"View", "Narrow Lines", "", nil, rs.width(reader.WidthNarrow)},
		{"View", "Medium Lines", "", nil, rs.width(reader.WidthMedium)},
		{"View", "Wide Lines", "", nil, rs.width(reader.WidthWide)},
		{"View", "Serif Text", "", nil, rs.serif(true)},
		{"View", "Sans-Serif Text", "", nil, rs.serif(false)},
		{"View", "More Space Between Lines", "", nil, rs.spacing(1)},
		{"View", "Less Space Between Lines", "", nil, rs.spacing(-1)},
	}
}

// install ticks the View menu's choices and adds the other keys people
// type for a larger text: Ctrl++ (Ctrl+Shift+= on most keyboards, or the
// keypad's +).
func (rs *readingSettings) install(w fyne.Window) {
	rs.menu = w.MainMenu()
	rs.tick()
	larger := func(fyne.Shortcut) { rs.larger() }
	others := []fyne.Shortcut{ctrlShift(fyne.KeyEqual), ctrl(fyne.KeyPlus), ctrlShift(fyne.KeyPlus)}
	for _, s := range others {
		w.Canvas().AddShortcut(s, larger)
	}
	// The reader, focused, gets shortcuts before the window does.
	rs.reader.OnUnhandledShortcut = func(typed fyne.Shortcut) {
		for _, s := range others {
			if typed.ShortcutName() == s.ShortcutName() {
				rs.larger()
			}
		}
	}
}

// tick ticks, in the View menu, the line width and the typeface set.
func (rs *readingSettings) tick() {
	if rs.menu == nil {
		return
	}
	s := rs.reader.Settings()
	chosen := map[string]bool{
		"Narrow Lines": s.Width == reader.WidthNarrow, "Medium Lines": s.Width == reader.WidthMedium,
		"Wide Lines": s.Width == reader.WidthWide, "Serif Text": s.Serif, "Sans-Serif Text": !s.Serif,
	}
	for _, menu := range rs.menu.Items {
		for _, it := range menu.Items {
			if on, ok := chosen[it.Label]; ok {
				it.Checked = on
			}
		}
	}
	rs.menu.Refresh()
}
