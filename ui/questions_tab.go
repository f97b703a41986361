package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// questionSet is which questions the Questions tab lists.
type questionSet int

const (
	noQuestions   questionSet = iota // the tab does not show: none are read
	openQuestions                    // the open ones, as at first
	everyQuestion                    // answered and dropped ones too
)

// questionsTab is the Questions tab: the open questions, a switch to list
// the answered and dropped ones too, and a line saying so when there are
// none to list.
type questionsTab struct {
	all  *widget.Check
	none *widget.Label
	box  fyne.CanvasObject
}

// newQuestionsTab builds the tab around list; switched is called when the
// switch changes.
func newQuestionsTab(list fyne.CanvasObject, switched func()) *questionsTab {
	q := &questionsTab{none: widget.NewLabel("")}
	q.all = widget.NewCheck("Show answered and dropped", func(bool) { switched() })
	q.none.Wrapping = fyne.TextWrapWord
	q.none.Hide()
	q.box = container.NewBorder(container.NewVBox(q.all, q.none), nil, nil, nil, list)
	return q
}

// listed says how many questions the tab lists: with none, a line says
// there are none.
func (q *questionsTab) listed(n int) {
	switch {
	case n > 0:
		q.none.Hide()
		return
	case q.all.Checked:
		q.none.SetText("No questions yet. Select a passage and choose Question to ask one.")
	default:
		q.none.SetText("No open questions. “Show answered and dropped” lists the others.")
	}
	q.none.Show()
}
