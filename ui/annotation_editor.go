package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// AnnotationEditor edits the annotation chosen in the panel in place: its
// note, tags and colour, and for a question its status and answer.
type AnnotationEditor struct {
	widget.BaseWidget

	// OnSave commits an edited annotation. It is called off the UI
	// goroutine, one save at a time, in the order the edits were made.
	OnSave func(a annotate.Annotation) error
	// OnSaved is told, on the UI goroutine, how each save went.
	OnSaved func(a annotate.Annotation, err error)
	// OnDelete is called to move the annotation to the trash.
	OnDelete func(id string)
	// OnAnswerWithSelection starts answering the question with a passage.
	OnAnswerWithSelection func(id string)
	// OnFollow opens the passage that answers the question.
	OnFollow func(linkID string)
	// OnPlace anchors an orphan on the passage selected in the reader.
	OnPlace func(id string)

	a         *annotate.Annotation
	empty     *widget.Label
	quote     *widget.Label
	body      *shortcutEntry
	tags      *TagEntry
	colour    *widget.Select
	status    *widget.Select
	answer    *shortcutEntry
	answerBy  *widget.Button
	follow    *widget.Button
	question  *fyne.Container
	statusBox *fyne.Container
	form      *fyne.Container
	place     *fyne.Container
	// buttons (Delete, Save) stay under the boxes, which scroll in view
	// when the panel is short.
	buttons   *fyne.Container
	saveBtn   *widget.Button
	deleteBtn *widget.Button
	view      *container.Scroll

	guard   *crashGuard
	toUI    func(func()) // hands saves' results to the UI goroutine; nil: fyne.Do
	saver   autosaver
	pause   time.Duration // of typing, before the edits save themselves
	timer   *time.Timer
	loading bool // the boxes are being filled, not typed in
	failed  bool // the last save of what is shown failed: it is all unsaved
	unsaved map[string]annotate.Annotation
}

// NewAnnotationEditor builds an editor showing a hint.
func NewAnnotationEditor() *AnnotationEditor {
	e := &AnnotationEditor{pause: autosavePause, unsaved: map[string]annotate.Annotation{}}
	e.saver.idle = sync.NewCond(&e.saver.mu)
	e.empty = widget.NewLabel("Choose an annotation to edit it here.")
	e.empty.Wrapping = fyne.TextWrapWord
	e.quote = widget.NewLabel("")
	e.quote.Wrapping = fyne.TextWrapWord
	e.quote.TextStyle = fyne.TextStyle{Italic: true}
	e.body = newShortcutEntry(true)
	e.body.SetPlaceHolder("Note (Markdown)")
	e.body.SetMinRowsVisible(3)
	e.body.onSubmit = e.Save
	e.tags = NewTagEntry(nil)
	e.tags.entry.onSubmit = e.Save
	var colours []string
	for _, c := range annotate.Colours {
		colours = append(colours, string(c))
	}
	e.colour = widget.NewSelect(colours, nil)
	// A note or question made without a colour has none: say so, not
	// Fyne's "(Select one)".
	e.colour.PlaceHolder = "No colour"
	e.status = widget.NewSelect([]string{string(annotate.StatusOpen), string(annotate.StatusAnswered), string(annotate.StatusDropped)}, nil)
	e.answer = newShortcutEntry(true)
	e.answer.SetPlaceHolder("Answer")
	e.answer.SetMinRowsVisible(2)
	e.answer.onSubmit = e.Save
	e.answerBy = widget.NewButtonWithIcon("Answer with selection…", theme.ContentAddIcon(), func() {
		if e.a != nil && e.OnAnswerWithSelection != nil {
			e.OnAnswerWithSelection(e.a.ID)
		}
	})
	e.follow = widget.NewButtonWithIcon("Open the answer", theme.NavigateNextIcon(), func() {
		if e.a != nil && e.a.Answer != nil && e.a.Answer.Link != "" && e.OnFollow != nil {
			e.OnFollow(e.a.Answer.Link)
		}
	})
	e.question = container.NewVBox(e.answer, e.answerBy, e.follow)
	e.saveBtn = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), e.Save)
	e.saveBtn.Importance = widget.HighImportance
	e.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), e.Delete)
	placeHint := widget.NewLabel("This passage could not be found in the new text. Select where it belongs now, then:")
	placeHint.Wrapping = fyne.TextWrapWord
	e.place = container.NewVBox(placeHint, widget.NewButtonWithIcon("Place here", theme.ConfirmIcon(), func() {
		if e.a != nil && e.OnPlace != nil {
			e.OnPlace(e.a.ID)
		}
	}))
	// The question's answer comes right after the question, so it shows
	// in a short panel; colour, status and tags follow.
	e.statusBox = container.NewBorder(nil, nil, widget.NewLabel("Status"), nil, e.status)
	e.form = container.NewVBox(e.place, e.quote, e.body, e.question,
		container.NewBorder(nil, nil, widget.NewLabel("Colour"), nil, e.colour), e.statusBox, e.tags)
	e.buttons = container.NewGridWithColumns(2, e.deleteBtn, e.saveBtn)
	e.view = container.NewVScroll(container.NewVBox(e.empty, e.form))
	e.Clear()
	e.saveWhenEdited()
	e.ExtendBaseWidget(e)
	return e
}

// CreateRenderer draws the editor: the boxes, scrolling when the panel
// is short, over the Delete and Save buttons, always in view.
func (e *AnnotationEditor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, e.buttons, nil, nil, e.view))
}

// Delete moves the annotation shown to the trash, its edits saved first,
// as the Delete button does.
func (e *AnnotationEditor) Delete() {
	if e.a != nil && e.OnDelete != nil {
		e.Save()
		e.OnDelete(e.a.ID)
	}
}

// SetKnownTags gives the tag box its suggestions.
func (e *AnnotationEditor) SetKnownTags(tags []string) { e.tags.known = tags }

// ID is the annotation being edited, or "".
func (e *AnnotationEditor) ID() string {
	if e.a == nil {
		return ""
	}
	return e.a.ID
}

// Edit shows an annotation in the editor, saving the edits of the one
// shown before. Shown again (refreshed after a save), it keeps what was
// typed since.
func (e *AnnotationEditor) Edit(a annotate.Annotation) {
	if e.a != nil && e.a.ID != a.ID {
		e.flush()
	}
	if e.a == nil || e.a.ID != a.ID {
		defer e.view.ScrollToTop() // another annotation shows from its quote
	}
	e.empty.Hide()
	e.form.Show()
	e.buttons.Show()
	if a.Anchor != nil {
		e.quote.SetText("“" + trimQuote(a.Anchor.Exact, 140) + "”") // the whole passage is in the reader
	} else {
		e.quote.SetText("On the whole document")
	}
	if a.Orphan {
		e.place.Show()
	} else {
		e.place.Hide()
	}
	if a.Kind == annotate.KindQuestion {
		e.question.Show()
		e.statusBox.Show()
		if a.Answer != nil && a.Answer.Link != "" {
			e.follow.Show()
		} else {
			e.follow.Hide()
		}
	} else {
		e.question.Hide()
		e.statusBox.Hide()
	}
	e.load(a)
}

// Clear empties the editor, saving its edits.
func (e *AnnotationEditor) Clear() {
	e.flush()
	e.drop()
}

// drop empties the editor without saving: the annotation is gone.
func (e *AnnotationEditor) drop() {
	e.stopTimer()
	e.a = nil
	e.failed = false
	e.form.Hide()
	e.buttons.Hide()
	e.empty.Show()
}

// Save saves the edits now and waits until they are committed, as the
// Save button and Ctrl+Enter do.
func (e *AnnotationEditor) Save() {
	e.flush()
	e.wait()
}

// edited is the annotation as the editor's boxes have it now.
func (e *AnnotationEditor) edited() annotate.Annotation {
	a := *e.a
	a.Body = e.body.Text
	a.Tags = e.tags.Tags()
	a.Colour = annotate.Colour(e.colour.Selected)
	if a.Kind == annotate.KindQuestion {
		a.Status = annotate.Status(e.status.Selected)
		if e.answer.Text != "" || a.Answer != nil {
			link := ""
			if a.Answer != nil {
				link = a.Answer.Link
			}
			a.Answer = &annotate.Answer{Text: e.answer.Text, Link: link}
		}
	}
	return a
}
