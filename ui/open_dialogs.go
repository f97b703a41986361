package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// openDialogs are the dialogs and pop-ups the window shows, each with
// what its Cancel or Close button does, so that Esc closes the one on
// top. Fyne 2.7.1's dialogs do not take Esc themselves: the key reaches
// the window's key handler when nothing in the dialog has the focus; text
// boxes in dialogs close them themselves (shortcutEntry's onCancel), and
// drop-downs give the keys back once a choice is made.
//
// A dialog takes the focus from the text box the reader was typing in and
// gives it back when it closes, a moment later: a button pressed with the
// space bar closes the dialog on the key, and the space's character comes
// after it, which must not land in the box behind (it once added a space
// to the end of the answer being edited).
type openDialogs struct {
	canvas fyne.Canvas
	later  func(func()) // runs a function once the events now arriving are handled
	close  map[fyne.CanvasObject]func()
	// messages are the dialogs with only an OK button, which Enter
	// closes as OK does.
	messages map[fyne.CanvasObject]bool
	// opening (may be nil) is told a dialog is about to show: what floats
	// over the reader (the note under the pointer) goes.
	opening func()
}

func newOpenDialogs(c fyne.Canvas, later func(func())) *openDialogs {
	return &openDialogs{canvas: c, later: later, close: map[fyne.CanvasObject]func(){}, messages: map[fyne.CanvasObject]bool{}}
}

// show shows a dialog; Esc hides it as its dismiss button does. The text
// box that had the focus gets it back after the dialog closes.
func (o *openDialogs) show(d interface {
	Show()
	Hide()
}) {
	closed, ok := d.(interface{ SetOnClosed(func()) })
	prev := o.canvas.Focused()
	if !ok || prev == nil || o.canvas.Overlays().Top() != nil {
		o.showWith(d.Show, d.Hide)
		return
	}
	o.canvas.Unfocus()
	refocus := func() {
		o.later(func() {
			if o.canvas.Overlays().Top() == nil && o.canvas.Focused() == nil {
				o.canvas.Focus(prev)
			}
		})
	}
	closed.SetOnClosed(refocus)
	o.showWith(d.Show, func() { d.Hide(); refocus() })
}

// showWith calls show, which adds an overlay to the window, and remembers
// that close is what Esc does to that overlay. What had the keys under the
// dialog loses them first: Space on a dialog's button closes it before the
// driver hands on the space character, which would otherwise be typed into
// the text box the dialog covered.
func (o *openDialogs) showWith(show, close func()) {
	if o.opening != nil {
		o.opening()
	}
	o.canvas.Unfocus()
	show()
	if top := o.canvas.Overlays().Top(); top != nil {
		o.close[top] = close
	}
}

// escape closes the dialog on top, if it is one the window showed, and
// says whether it did.
func (o *openDialogs) escape() bool {
	shown := o.canvas.Overlays().List()
	for obj := range o.close {
		if !slices.Contains(shown, obj) {
			delete(o.close, obj)
			delete(o.messages, obj)
		}
	}
	if f, ok := o.close[o.canvas.Overlays().Top()]; ok {
		f()
		return true
	}
	return false
}

// inform shows a message with a title and an OK button.
func (o *openDialogs) inform(title, message string, win fyne.Window) {
	o.message(dialog.NewInformation(title, message, win))
}

// message shows a dialog whose only button is OK: Enter closes it, as
// Esc does.
func (o *openDialogs) message(d dialog.Dialog) {
	o.show(d)
	if top := o.canvas.Overlays().Top(); top != nil {
		o.messages[top] = true
	}
}

// enter closes the dialog on top if it is a message, and says whether it
// did.
func (o *openDialogs) enter() bool {
	top := o.canvas.Overlays().Top()
	if !o.messages[top] {
		return false
	}
	delete(o.messages, top)
	return o.escape()
}
