package pageview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Steps are the zooms Ctrl+wheel goes through, in percent.
var Steps = []int{50, 75, 100, 125, 150, 200, 300, 400}

// Scrolled scrolls the pages (sideways with Shift held, or a sideways
// wheel), or with Ctrl held zooms them to the next of Steps a notch.
func (v *View) Scrolled(e *fyne.ScrollEvent) {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok && d.CurrentKeyModifiers()&fyne.KeyModifierShortcutDefault != 0 {
		pct := v.Percent()
		z := Zoom(pct)
		switch {
		case e.Scrolled.DY > 0:
			z = Zoom(Steps[len(Steps)-1])
			for _, s := range Steps {
				if s > pct {
					z = Zoom(s)
					break
				}
			}
		case e.Scrolled.DY < 0:
			z = Zoom(Steps[0])
			for _, s := range Steps {
				if s < pct {
					z = Zoom(s)
				}
			}
		}
		v.SetZoom(z)
		if v.OnZoom != nil {
			v.OnZoom(z)
		}
		return
	}
	shift := false
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		shift = d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	switch {
	case shift:
		v.ScrollAcross(-e.Scrolled.DY)
	case e.Scrolled.DX != 0 && e.Scrolled.DY == 0:
		v.ScrollAcross(-e.Scrolled.DX)
	default:
		v.ScrollBy(-e.Scrolled.DY)
	}
}

// MouseDown starts a selection on the page under the pointer.
func (v *View) MouseDown(e *desktop.MouseEvent) {
	if e.Button != desktop.MouseButtonPrimary {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
	n, x, y := v.at(e.Position, true)
	if n == 0 || v.OnPress == nil {
		return
	}
	v.OnPress(n, x, y, e.Modifier&fyne.KeyModifierShift != 0)
}

// MouseUp ends nothing: DragEnd does.
func (v *View) MouseUp(*desktop.MouseEvent) {}

// Dragged moves the selection's end to the pointer.
func (v *View) Dragged(e *fyne.DragEvent) {
	v.dragging = true
	n, x, y := v.at(e.Position, true)
	if n != 0 && v.OnDrag != nil {
		v.OnDrag(n, x, y)
	}
}

// DragEnd ends the selection.
func (v *View) DragEnd() {
	v.dragging = false
	if v.OnDragEnd != nil {
		v.OnDragEnd()
	}
}

// Dragging says whether a drag is under way.
func (v *View) Dragging() bool { return v.dragging }

// Tapped is a click on a page.
func (v *View) Tapped(e *fyne.PointEvent) {
	if n, x, y := v.at(e.Position, false); n != 0 && v.OnTap != nil {
		v.OnTap(n, x, y)
	}
}

// DoubleTapped is a double-click on a page: a word.
func (v *View) DoubleTapped(e *fyne.PointEvent) {
	if n, x, y := v.at(e.Position, false); n != 0 && v.OnDoubleTap != nil {
		v.OnDoubleTap(n, x, y)
	}
}

// MouseIn and MouseOut: the pointer comes and goes.
func (v *View) MouseIn(e *desktop.MouseEvent) { v.MouseMoved(e) }

// MouseMoved reports the page and point under the pointer.
func (v *View) MouseMoved(e *desktop.MouseEvent) {
	if v.OnHover == nil {
		return
	}
	n, x, y := v.at(e.Position, false)
	v.OnHover(n, x, y, e.Position)
}

// MouseOut: the pointer left the pages.
func (v *View) MouseOut() {
	if v.OnHover != nil {
		v.OnHover(0, 0, 0, fyne.Position{})
	}
}

// FocusGained and FocusLost: the view takes the keys when clicked.
func (v *View) FocusGained() {}

// FocusLost: nothing to do.
func (v *View) FocusLost() {}

// TypedRune passes runes on (1-6 highlight in a colour).
func (v *View) TypedRune(r rune) {
	if v.OnRune != nil {
		v.OnRune(r)
	}
}

// TypedKey scrolls with the arrows (Left and Right sideways, when the
// pages are wider than the view), Page Up and Down, Space, Home and End;
// other keys go to OnUnhandledKey.
func (v *View) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		v.ScrollBy(wheelStep)
	case fyne.KeyUp:
		v.ScrollBy(-wheelStep)
	case fyne.KeyPageDown, fyne.KeySpace:
		v.ScrollBy(v.size.Height - wheelStep)
	case fyne.KeyPageUp:
		v.ScrollBy(-(v.size.Height - wheelStep))
	case fyne.KeyRight:
		v.ScrollAcross(wheelStep)
	case fyne.KeyLeft:
		v.ScrollAcross(-wheelStep)
	case fyne.KeyHome:
		v.scrollTo(0)
	case fyne.KeyEnd:
		v.scrollTo(v.height)
	default:
		if v.OnUnhandledKey != nil {
			v.OnUnhandledKey(k)
		}
	}
}
