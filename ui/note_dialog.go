package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// NoteDialog writes a note or question on a passage (or on the whole
// document): the quote on top, the text in Markdown as typed, tags with
// suggestions. Ctrl+Enter saves, Esc cancels, asking first when something
// is typed.
type NoteDialog struct {
	kind    annotate.Kind
	win     fyne.Window
	body    *shortcutEntry
	tags    *TagEntry
	dialog  *dialog.CustomDialog
	save    func(body string, tags []string) bool
	done    bool
	confirm *dialog.ConfirmDialog // asking whether to discard, while it shows
	dialogs *openDialogs          // where the question is shown, so Esc answers it
}

// NewNoteDialog prepares a dialog for a note or question on quote ("" for
// the whole document); save is called with what was typed and says
// whether it was saved: the dialog stays open, the text kept, until it is.
func NewNoteDialog(kind annotate.Kind, quote string, knownTags []string, win fyne.Window, save func(body string, tags []string) bool) *NoteDialog {
	d := &NoteDialog{kind: kind, win: win, save: save}
	d.body = newShortcutEntry(true)
	d.body.SetMinRowsVisible(6)
	d.tags = NewTagEntry(knownTags)
	d.body.onSubmit, d.tags.entry.onSubmit = d.Save, d.Save
	d.body.onCancel, d.tags.entry.onCancel = d.Cancel, d.Cancel
	title := "New note"
	d.body.SetPlaceHolder("Your note (Markdown is kept as typed)")
	if kind == annotate.KindQuestion {
		title = "New question"
		d.body.SetPlaceHolder("Your question")
	}
	about := "On the whole document"
	if quote != "" {
		about = "“" + trimQuote(quote, 240) + "”"
	}
	q := widget.NewLabel(about)
	q.Wrapping = fyne.TextWrapWord
	q.TextStyle = fyne.TextStyle{Italic: true}
	hint := widget.NewLabel("Ctrl+Enter saves · Esc cancels")
	hint.SizeName = "captionText"
	content := container.NewVBox(q, d.body, d.tags)
	content = container.NewBorder(nil, hint, nil, nil, content)
	saveBtn := widget.NewButton("Save", d.Save)
	saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", d.Cancel)
	d.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	d.dialog.SetButtons([]fyne.CanvasObject{cancel, saveBtn})
	d.dialog.Resize(fyne.NewSize(560, 0))
	return d
}

// Show opens the dialog with the cursor in the text.
func (d *NoteDialog) Show(win fyne.Window) {
	d.dialog.Show()
	win.Canvas().Focus(d.body)
}

// Type types the note, as a person would.
func (d *NoteDialog) Type(body string, tags ...string) {
	d.body.SetText(body)
	d.tags.SetTags(tags)
}

// Open says whether the dialog is still waiting: not saved, not
// cancelled.
func (d *NoteDialog) Open() bool { return !d.done }

// Body is the text typed so far.
func (d *NoteDialog) Body() string { return d.body.Text }

// Tags is the dialog's tag box.
func (d *NoteDialog) Tags() *TagEntry { return d.tags }

// Save saves what was typed and closes the dialog; when saving fails the
// dialog stays, so nothing typed is lost and Save can be tried again.
func (d *NoteDialog) Save() {
	if d.done {
		return
	}
	if d.save(d.body.Text, d.tags.Tags()) {
		d.done = true
		d.dialog.Hide()
	}
}

// Cancel closes the dialog without saving: at once when nothing is typed,
// else once the reader confirms that it may be thrown away.
func (d *NoteDialog) Cancel() {
	if d.done || d.confirm != nil {
		return
	}
	words := len(strings.Fields(d.body.Text))
	if words == 0 && len(d.tags.Tags()) == 0 {
		d.discard()
		return
	}
	what := "note"
	if d.kind == annotate.KindQuestion {
		what = "question"
	}
	lost := "The tags you typed will be lost."
	if words > 0 {
		lost = fmt.Sprintf("The %s you typed will be lost.", plural(words, "word"))
	}
	c := dialog.NewConfirm("Discard this "+what+"?", lost, func(discard bool) {
		d.confirm = nil
		if discard {
			d.discard()
			return
		}
		// After the events of this key press: Space on Keep editing
		// must not type a space into the draft.
		focus := func() { d.win.Canvas().Focus(d.body) }
		if d.dialogs != nil {
			d.dialogs.later(focus)
		} else {
			focus()
		}
	}, d.win)
	c.SetConfirmText("Discard")
	c.SetDismissText("Keep editing")
	d.confirm = c
	if d.dialogs != nil {
		d.dialogs.show(c)
	} else {
		c.Show()
	}
}

// discarding says whether the dialog is asking whether to throw away
// what was typed.
func (d *NoteDialog) discarding() bool { return d.confirm != nil }

func (d *NoteDialog) discard() {
	d.done = true
	d.dialog.Hide()
}

// trimQuote shortens a quote for display, keeping its start.
func trimQuote(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
