package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// AnnotationEditor edits the annotation chosen in the panel in place: its
// note, tags and colour, and for a question its status and answer.
type AnnotationEditor struct {
	widget.BaseWidget

	// OnSave is called with the edited annotation.
	OnSave func(a annotate.Annotation)
	// OnDelete is called to move the annotation to the trash.
	OnDelete func(id string)
	// OnAnswerWithSelection starts answering the question with a passage.
	OnAnswerWithSelection func(id string)
	// OnFollow opens the passage that answers the question.
	OnFollow func(linkID string)
	// OnPlace anchors an orphan on the passage selected in the reader.
	OnPlace func(id string)

	a        *annotate.Annotation
	empty    *widget.Label
	quote    *widget.Label
	body     *shortcutEntry
	tags     *TagEntry
	colour   *widget.Select
	status   *widget.Select
	answer   *shortcutEntry
	answerBy *widget.Button
	follow   *widget.Button
	question *fyne.Container
	form     *fyne.Container
	place    *fyne.Container
}

// NewAnnotationEditor builds an editor showing a hint.
func NewAnnotationEditor() *AnnotationEditor {
	e := &AnnotationEditor{}
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
	e.question = container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Status"), nil, e.status),
		e.answer, container.NewVBox(e.answerBy, e.follow))
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), e.Save)
	save.Importance = widget.HighImportance
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
		if e.a != nil && e.OnDelete != nil {
			e.OnDelete(e.a.ID)
		}
	})
	placeHint := widget.NewLabel("This passage could not be found in the new text. Select where it belongs now, then:")
	placeHint.Wrapping = fyne.TextWrapWord
	e.place = container.NewVBox(placeHint, widget.NewButtonWithIcon("Place here", theme.ConfirmIcon(), func() {
		if e.a != nil && e.OnPlace != nil {
			e.OnPlace(e.a.ID)
		}
	}))
	e.form = container.NewVBox(e.place, e.quote, e.body, e.tags,
		container.NewBorder(nil, nil, widget.NewLabel("Colour"), nil, e.colour),
		e.question, container.NewHBox(del, layout.NewSpacer(), save))
	e.Clear()
	e.ExtendBaseWidget(e)
	return e
}

// CreateRenderer draws the editor, scrolling when the panel is short.
func (e *AnnotationEditor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVScroll(container.NewVBox(e.empty, e.form)))
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

// Edit shows an annotation in the editor.
func (e *AnnotationEditor) Edit(a annotate.Annotation) {
	e.a = &a
	e.empty.Hide()
	e.form.Show()
	if a.Anchor != nil {
		e.quote.SetText("“" + trimQuote(a.Anchor.Exact, 400) + "”")
	} else {
		e.quote.SetText("On the whole document")
	}
	e.body.SetText(a.Body)
	e.tags.SetTags(a.Tags)
	if a.Orphan {
		e.place.Show()
	} else {
		e.place.Hide()
	}
	e.colour.SetSelected(string(a.Colour))
	if a.Kind == annotate.KindQuestion {
		e.question.Show()
		e.status.SetSelected(string(a.Status))
		e.answer.SetText("")
		if a.Answer != nil {
			e.answer.SetText(a.Answer.Text)
		}
		if a.Answer != nil && a.Answer.Link != "" {
			e.follow.Show()
		} else {
			e.follow.Hide()
		}
	} else {
		e.question.Hide()
	}
}

// Clear empties the editor.
func (e *AnnotationEditor) Clear() {
	e.a = nil
	e.form.Hide()
	e.empty.Show()
}

// Type changes the note, tags and answer, as a person would.
func (e *AnnotationEditor) Type(body, answer string, tags ...string) {
	e.body.SetText(body)
	e.answer.SetText(answer)
	e.tags.SetTags(tags)
}

// SetStatus chooses a question's status.
func (e *AnnotationEditor) SetStatus(s annotate.Status) { e.status.SetSelected(string(s)) }

// SetColour chooses the colour.
func (e *AnnotationEditor) SetColour(c annotate.Colour) { e.colour.SetSelected(string(c)) }

// Save passes the edited annotation on.
func (e *AnnotationEditor) Save() {
	if e.a == nil || e.OnSave == nil {
		return
	}
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
	e.OnSave(a)
}
