package ui

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// pointer replays a mouse the way Fyne 2.7.1's GL driver delivers its
// events (internal/driver/glfw/window.go, processMouseMoved and
// processMouseClicked), which test.Drag does not: the press goes to the
// top-most Mouseable (or Tappable, Focusable) object under the pointer;
// a drag starts once the pointer is 2 px from the press, on the top-most
// Draggable under the pointer's previous place, even when something that
// is not Draggable lies over it; Dragged carries the pointer's place in
// that object's coordinates, wherever the pointer is, inside the window
// or not; on release MouseUp goes to the dragged object when it is
// Mouseable, else to the Mouseable under the pointer, then DragEnd; a
// release without a drag taps the Tappable that was pressed.
type pointer struct {
	c            fyne.Canvas
	pos          fyne.Position
	down         bool
	dragPos      fyne.Position
	dragged      fyne.Draggable
	dragOffset   fyne.Position
	dragObjStart fyne.Position
	dragStarted  bool
	pressed      fyne.CanvasObject
	over         desktop.Hoverable
}

// dragMoveThreshold is the GL driver's: how far the pointer moves before
// a press becomes a drag.
const dragMoveThreshold = 2

func newPointer(c fyne.Canvas) *pointer { return &pointer{c: c} }

// objectAt is the top-most object under an absolute point that matches,
// and the point in its coordinates. Like the driver it looks only at the
// top overlay when one is shown, skips hidden objects and clips to
// scrollers.
func (p *pointer) objectAt(at fyne.Position, match func(fyne.CanvasObject) bool) (fyne.CanvasObject, fyne.Position) {
	var found fyne.CanvasObject
	var foundPos fyne.Position
	var walk func(o fyne.CanvasObject, origin, clipPos fyne.Position, clipSize fyne.Size)
	walk = func(o fyne.CanvasObject, origin, clipPos fyne.Position, clipSize fyne.Size) {
		if o == nil || !o.Visible() {
			return
		}
		pos := origin.Add(o.Position())
		size := o.Size()
		if at.X < clipPos.X || at.Y < clipPos.Y || at.X >= clipPos.X+clipSize.Width || at.Y >= clipPos.Y+clipSize.Height {
			return
		}
		if at.X < pos.X || at.Y < pos.Y || at.X >= pos.X+size.Width || at.Y >= pos.Y+size.Height {
			return
		}
		if match(o) {
			found, foundPos = o, at.Subtract(pos)
		}
		if _, ok := o.(fyne.Scrollable); ok {
			clipPos, clipSize = pos, size
		}
		children := childrenOf(o)
		for _, child := range children {
			walk(child, pos, clipPos, clipSize)
		}
	}
	root := p.c.Content()
	if top := p.c.Overlays().Top(); top != nil {
		root = top
	}
	big := fyne.NewSize(math.MaxFloat32/4, math.MaxFloat32/4)
	walk(root, fyne.Position{}, fyne.NewPos(-big.Width/2, -big.Height/2), big)
	return found, foundPos
}

// moveTo moves the pointer, as xdotool mousemove does.
func (p *pointer) moveTo(at fyne.Position) {
	previous := p.pos
	p.pos = at
	if p.down && !p.dragStarted {
		obj, rel := p.objectAt(previous, func(o fyne.CanvasObject) bool { _, ok := o.(fyne.Draggable); return ok })
		dx, dy := at.X-p.dragPos.X, at.Y-p.dragPos.Y
		over := math.Abs(float64(dx)) >= dragMoveThreshold || math.Abs(float64(dy)) >= dragMoveThreshold
		if obj != nil && over {
			p.dragged = obj.(fyne.Draggable)
			p.dragOffset = previous.Subtract(rel)
			p.dragObjStart = obj.Position()
			p.dragStarted = true
		}
	}
	p.hover(at)
	if p.dragged != nil && p.down {
		delta := p.dragObjStart.Subtract(p.dragged.(fyne.CanvasObject).Position())
		ev := &fyne.DragEvent{}
		ev.AbsolutePosition = at
		ev.Position = at.Subtract(p.dragOffset).Add(delta)
		ev.Dragged = fyne.NewDelta(at.X-p.dragPos.X, at.Y-p.dragPos.Y)
		p.dragged.Dragged(ev)
		p.dragStarted = true
		p.dragPos = at
	}
}

// hover tells the Hoverable under the pointer, unless it is being dragged.
func (p *pointer) hover(at fyne.Position) {
	obj, rel := p.objectAt(at, func(o fyne.CanvasObject) bool { _, ok := o.(desktop.Hoverable); return ok })
	h, _ := obj.(desktop.Hoverable)
	if obj != nil && p.isDragged(obj) {
		return
	}
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: rel, AbsolutePosition: at}}
	switch {
	case h == nil && p.over != nil:
		p.over.MouseOut()
		p.over = nil
	case h != nil && h == p.over:
		h.MouseMoved(ev)
	case h != nil:
		if p.over != nil {
			p.over.MouseOut()
		}
		h.MouseIn(ev)
		p.over = h
	}
}

func (p *pointer) isDragged(o fyne.CanvasObject) bool {
	d, ok := o.(fyne.Draggable)
	return ok && p.dragged != nil && d == p.dragged
}

// clickable is what a press or release is delivered to.
func (p *pointer) clickable(o fyne.CanvasObject) bool {
	switch o.(type) {
	case fyne.Tappable, fyne.SecondaryTappable, fyne.DoubleTappable, fyne.Focusable, desktop.Mouseable:
		return true
	case fyne.Draggable:
		return p.dragStarted
	}
	return false
}

// press presses the primary button, as xdotool mousedown 1 does.
func (p *pointer) press() {
	p.dragPos = p.pos
	co, rel := p.objectAt(p.pos, p.clickable)
	if m, ok := co.(desktop.Mouseable); ok {
		m.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: rel, AbsolutePosition: p.pos}, Button: desktop.MouseButtonPrimary})
	}
	p.down = true
	if _, ok := co.(fyne.Tappable); ok {
		p.pressed = co
	}
}

// release lets go of the primary button, as xdotool mouseup 1 does.
func (p *pointer) release() {
	p.dragPos = p.pos
	started := p.dragStarted
	co, rel := p.objectAt(p.pos, p.clickable)
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: rel, AbsolutePosition: p.pos}, Button: desktop.MouseButtonPrimary}
	if m, ok := co.(desktop.Mouseable); ok {
		if dm, ok := p.dragged.(desktop.Mouseable); ok && p.dragged != nil {
			ev.Position = p.pos.Subtract(p.dragOffset)
			dm.MouseUp(ev)
		} else {
			m.MouseUp(ev)
		}
	}
	p.down = false
	if p.dragged != nil {
		if p.dragStarted {
			p.dragged.DragEnd()
			p.dragStarted = false
		}
		p.dragged = nil
	}
	if t, ok := co.(fyne.Tappable); ok && !started && co == p.pressed {
		t.Tapped(&ev.PointEvent)
	}
	p.pressed = nil
}

// drag presses at from, moves to to in steps and lets go there.
func (p *pointer) drag(from, to fyne.Position, steps int) {
	p.moveTo(from)
	p.press()
	for i := 1; i <= steps; i++ {
		f := float32(i) / float32(steps)
		p.moveTo(fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f))
	}
	p.release()
}

// click presses and lets go without moving, n times in quick succession.
func (p *pointer) click(at fyne.Position, n int) {
	p.moveTo(at)
	for range n {
		p.press()
		p.release()
	}
}
