package ui

import (
	"fyne.io/fyne/v2"
)

// The panes a narrow window shows alone, in the reader's place.
const (
	soloLibrary = "library"
	soloPanel   = "panel"
)

// frameFit lays the frame out in the room the window gives it. Its
// minimum width is the widest pane's alone, whatever is shown, so showing
// or hiding a pane (Ctrl+Shift+P) never makes the window grow, and a
// window 480 px wide holds it. Where the library, the reader and the
// panel do not fit side by side, the library collapses first; where the
// panel does not fit beside the reader either, it collapses too; a
// collapsed pane's toggle shows it alone in the reader's place.
type frameFit struct{ f *frame }

// dividerWidth is the room a split's divider takes.
const dividerWidth = 8

// MinSize is the widest pane's minimum width, and the splits' height.
func (l *frameFit) MinSize([]fyne.CanvasObject) fyne.Size {
	f := l.f
	w := max(f.libPane.MinSize().Width, f.centrePane.MinSize().Width, f.panelPane.MinSize().Width)
	h := max(f.libPane.MinSize().Height, f.centrePane.MinSize().Height, f.panel.MinSize().Height+f.back.MinSize().Height)
	return fyne.NewSize(w, h)
}

// Layout shows the panes that fit in size and gives the splits the room;
// a pane shown alone in the reader's place has a bar above it whose
// button brings the reader back.
func (l *frameFit) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	f := l.f
	f.width = size.Width
	lib, panel, centre := f.shown(size.Width)
	if centre {
		f.solo = "" // the window grew: no pane stands in the reader's place any more
	}
	f.libPane.Hidden, f.centrePane.Hidden = !lib, !centre
	f.showPanel(panel)
	f.right.Hidden = !centre && !panel // the library alone takes the whole width
	f.back.Hidden = centre
	top := float32(0)
	if !centre {
		top = f.back.MinSize().Height
		f.back.Move(fyne.Position{})
		f.back.Resize(fyne.NewSize(size.Width, top))
	}
	f.left.Move(fyne.NewPos(0, top))
	f.left.Resize(fyne.NewSize(size.Width, size.Height-top))
	f.right.Refresh()
	f.left.Refresh()
}

// fits says whether panes of these minimum widths fit side by side in
// width, with their dividers.
func fits(width float32, panes ...float32) bool {
	need := float32(dividerWidth * (len(panes) - 1))
	for _, p := range panes {
		need += p
	}
	return need <= width
}

// shown says which panes a frame width wide shows.
func (f *frame) shown(width float32) (lib, panel, centre bool) {
	lw, cw, pw := f.libPane.MinSize().Width, f.centrePane.MinSize().Width, f.panelPane.MinSize().Width
	switch f.solo {
	case soloLibrary:
		if !fits(width, lw, cw) {
			return true, false, false
		}
	case soloPanel:
		if !fits(width, cw, pw) {
			return false, true, false
		}
	}
	panel = f.panelOn && fits(width, cw, pw)
	if panel {
		lib = f.libOn && fits(width, lw, cw, pw)
	} else {
		lib = f.libOn && fits(width, lw, cw)
	}
	return lib, panel, true
}

// togglePanel shows or hides the annotations panel; in a window too
// narrow for it beside the reader, it shows in the reader's place.
func (f *frame) togglePanel() {
	_, shown, _ := f.shown(f.width)
	f.panelOn, f.solo = !shown, ""
	if _, on, _ := f.shown(f.width); f.panelOn && !on {
		f.solo = soloPanel
	}
	f.root.Refresh()
}

// toggleLibrary shows or hides the library list; in a window too narrow
// for it beside the reader, it shows in the reader's place.
func (f *frame) toggleLibrary() {
	if lib, _, _ := f.shown(f.width); lib {
		if f.solo == soloLibrary {
			f.solo = "" // back to the reader; the library stays wanted beside it
		} else {
			f.libOn = false
		}
	} else {
		f.libOn = true
		f.solo = ""
		if on, _, _ := f.shown(f.width); !on {
			f.solo = soloLibrary
		}
	}
	f.root.Refresh()
}

// backToReader shows the reader again where the library or the panel
// took its place: a document was picked in the library.
func (f *frame) backToReader() {
	if f.solo != "" {
		f.solo = ""
		f.root.Refresh()
	}
}

// showLibrary shows the library list if it is collapsed or hidden.
func (f *frame) showLibrary() {
	if lib, _, _ := f.shown(f.width); !lib {
		f.toggleLibrary()
	}
}

// openPicked opens the document picked in the library list; in a narrow
// window the reader takes the list's place again.
func (m *MainWindow) openPicked(id string) {
	m.frame.backToReader()
	m.library.openDocument(id, false, nil)
}

// showOpened shows a document read; one opened while the library list
// stands in the reader's place (imported, found, dropped) brings the
// reader back.
func (m *MainWindow) showOpened(o opened) {
	if m.frame.solo == soloLibrary {
		m.frame.backToReader()
	}
	m.display.document(o)
}

// panelBeside shows the panel where it fits beside the reader; a narrow
// window keeps the reader, which a click on a highlight must not hide.
func (f *frame) panelBeside() {
	if f.panel.Visible() || !fits(f.width, f.centrePane.MinSize().Width, f.panelPane.MinSize().Width) {
		return
	}
	f.togglePanel()
}
