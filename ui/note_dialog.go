package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// NoteDialog writes a note or question on a passage (or on the whole
// document): the quote on top, the text in Markdown as typed, tags with
// suggestions. Ctrl+Enter saves, Esc cancels, asking first when something
// is typed. While the note is being saved the dialog says so and waits,
// its text kept; it closes once the note is committed, and when saving
// fails it says why in one sentence, and Save tries again.
type NoteDialog struct {
	kind    annotate.Kind
	win     fyne.Window
	body    *shortcutEntry
	tags    *TagEntry
	dialog  *dialog.CustomDialog
	saveBtn *widget.Button
	cancel  *widget.Button
	problem *widget.Label // why the last save failed
	save    func(body string, tags []string, done func(error))
	saving  bool
	done    bool
	confirm *dialog.ConfirmDialog // asking whether to discard, while it shows
	dialogs *openDialogs          // where the question is shown, so Esc answers it
}

// NewNoteDialog prepares a dialog for a note or question on quote ("" for
// the whole document); save is called with what was typed and tells done,
// on the UI goroutine, whether it was saved (nil) or why not: the dialog
// stays open, the text kept, until it is.
func NewNoteDialog(kind annotate.Kind, quote string, knownTags []string, win fyne.Window, save func(body string, tags []string, done func(error))) *NoteDialog {
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
	hint.SizeName = theme.SizeNameCaptionText
	d.problem = widget.NewLabel("")
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Importance = widget.DangerImportance
	d.problem.Hide()
	content := container.NewVBox(q, d.body, d.tags, d.problem)
	content = container.NewBorder(nil, hint, nil, nil, content)
	d.saveBtn = widget.NewButton("Save", d.Save)
	d.saveBtn.Importance = widget.HighImportance
	d.cancel = widget.NewButton("Cancel", d.Cancel)
	d.dialog = dialog.NewCustomWithoutButtons(title, content, win)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.saveBtn})
	d.dialog.Resize(fyne.NewSize(560, 0))
	return d
}

// Show opens the dialog with the cursor in the text.
func (d *NoteDialog) Show(win fyne.Window) {
	d.dialog.Show()
	win.Canvas().Focus(d.body)
}

// Open says whether the dialog is still waiting: not saved, not
// cancelled.
func (d *NoteDialog) Open() bool { return !d.done }

// isSaving says whether what was typed is being saved.
func (d *NoteDialog) isSaving() bool { return d.saving }

// problemText is the sentence saying why the last save failed, "" when none
// shows.
func (d *NoteDialog) problemText() string {
	if !d.problem.Visible() {
		return ""
	}
	return d.problem.Text
}

// Save saves what was typed and closes the dialog once it is committed;
// meanwhile the dialog says Saving… and takes no typing. When saving
// fails the dialog stays, saying why, so nothing typed is lost and Save
// can be tried again.
func (d *NoteDialog) Save() {
	if d.done || d.saving {
		return
	}
	d.setSaving(true)
	d.save(d.body.Text, d.tags.Tags(), d.saved)
}

// saved is told how the save went.
func (d *NoteDialog) saved(err error) {
	if !d.saving {
		return
	}
	d.setSaving(false)
	if err == nil {
		d.done = true
		d.dialog.Hide()
		return
	}
	d.problem.SetText(notSaved(err))
	d.problem.Show()
	d.win.Canvas().Focus(d.body)
}

func (d *NoteDialog) setSaving(on bool) {
	d.saving = on
	for _, w := range []fyne.Disableable{d.body, d.tags.entry, d.saveBtn, d.cancel} {
		if on {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if on {
		d.saveBtn.SetText("Saving…")
	} else {
		d.saveBtn.SetText("Save")
	}
}

// Cancel closes the dialog without saving: at once when nothing is typed,
// else once the reader confirms that it may be thrown away. It does
// nothing while the note is being saved.
func (d *NoteDialog) Cancel() {
	if d.done || d.saving || d.confirm != nil {
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

// typed says whether anything is typed: text or tags.
func (d *NoteDialog) typed() bool {
	return strings.TrimSpace(d.body.Text) != "" || len(d.tags.Tags()) > 0
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
