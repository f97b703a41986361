package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/library"
)

// HighlightChoice asks what a colour chosen on a passage that overlaps a
// highlight of another colour should do: extend that highlight over the
// passage in the new colour, add a separate highlight, or nothing.
type HighlightChoice struct {
	dialog   *dialog.CustomDialog
	extend   *widget.Button
	separate *widget.Button
	cancel   *widget.Button
	question string
	open     bool
}

// newHighlightChoice prepares the question for res (the library's
// MustAsk answer); choose gets the reader's choice: Extend, Separate, or
// Decide for Cancel.
func newHighlightChoice(c annotate.Colour, res library.Highlighted, win fyne.Window, choose func(library.HighlightChoice)) *HighlightChoice {
	h := &HighlightChoice{question: overlapSentence(c, res)}
	extend := "Extend the highlight"
	if len(res.Overlaps) > 1 {
		extend = "Join into one highlight"
	} else if o := res.Overlaps[0].Anchor; o.Start == res.Start && o.End == res.End {
		extend = "Recolour the whole highlight"
	}
	answer := func(how library.HighlightChoice) func() {
		return func() {
			h.open = false
			h.dialog.Hide()
			choose(how)
		}
	}
	h.extend = widget.NewButton(extend, answer(library.Extend))
	h.extend.Importance = widget.HighImportance
	h.separate = widget.NewButton("Add a separate highlight", answer(library.Separate))
	h.cancel = widget.NewButton("Cancel", answer(library.Decide))
	text := widget.NewLabel(h.question)
	text.Wrapping = fyne.TextWrapWord
	h.dialog = dialog.NewCustomWithoutButtons("Highlight in "+string(c), container.NewPadded(text), win)
	h.dialog.SetButtons([]fyne.CanvasObject{h.cancel, h.separate, h.extend})
	h.dialog.SetOnClosed(func() { h.open = false })
	h.dialog.Resize(fyne.NewSize(520, 0))
	return h
}

// overlapSentence says what the passage overlaps and what each answer
// does, in the reader's words and in the words of the buttons.
func overlapSentence(c annotate.Colour, res library.Highlighted) string {
	colours := map[annotate.Colour]bool{}
	var names []string
	for _, o := range res.Overlaps {
		if !colours[o.Colour] {
			colours[o.Colour] = true
			names = append(names, string(o.Colour))
		}
	}
	separate := fmt.Sprintf("or add a separate %s highlight over the passage?", c)
	if len(res.Overlaps) > 1 {
		return fmt.Sprintf("The selected passage overlaps %d highlights (%s). Join them and the passage into one %s highlight, %s",
			len(res.Overlaps), strings.Join(names, ", "), c, separate)
	}
	if o := res.Overlaps[0].Anchor; o.Start == res.Start && o.End == res.End {
		return fmt.Sprintf("The selected passage is inside a %s highlight. Recolour the whole highlight %s, %s", names[0], c, separate)
	}
	return fmt.Sprintf("The selected passage overlaps a %s highlight. Extend that highlight over the passage in %s, %s", names[0], c, separate)
}

// Show opens the question.
func (h *HighlightChoice) Show() {
	h.open = true
	h.dialog.Show()
}
