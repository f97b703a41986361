package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// SelectionToolbar floats next to a selection: the six highlight colours,
// Note, Question, and while a question waits for its answer, Use as answer.
type SelectionToolbar struct {
	widget.BaseWidget
	onColour   func(annotate.Colour)
	onNote     func()
	onQuestion func()
	onAnswer   func()
	answer     *widget.Button
	note       *widget.Button
	question   *widget.Button
	swatches   map[annotate.Colour]*swatch
}

// NewSelectionToolbar builds a hidden toolbar.
func NewSelectionToolbar(onColour func(annotate.Colour), onNote, onQuestion, onAnswer func()) *SelectionToolbar {
	t := &SelectionToolbar{onColour: onColour, onNote: onNote, onQuestion: onQuestion, onAnswer: onAnswer}
	t.answer = widget.NewButtonWithIcon("Use as answer", theme.ConfirmIcon(), func() { t.onAnswer() })
	t.answer.Importance = widget.HighImportance
	t.answer.Hide()
	t.note = widget.NewButtonWithIcon("Note", theme.DocumentCreateIcon(), func() { t.onNote() })
	t.question = widget.NewButtonWithIcon("Question", theme.QuestionIcon(), func() { t.onQuestion() })
	t.ExtendBaseWidget(t)
	t.Hide()
	return t
}

// CreateRenderer draws the toolbar on a raised card.
func (t *SelectionToolbar) CreateRenderer() fyne.WidgetRenderer {
	row := container.NewHBox()
	t.swatches = map[annotate.Colour]*swatch{}
	for _, c := range annotate.Colours {
		t.swatches[c] = newSwatch(solid(c), func() { t.onColour(c) })
		row.Add(t.swatches[c])
	}
	row.Add(t.note)
	row.Add(t.question)
	row.Add(t.answer)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	return widget.NewSimpleRenderer(container.NewStack(bg, container.NewPadded(row)))
}

// SetAnswering shows Use as answer in place of Note and Question while a
// question waits for its answer passage (the toolbar stays narrow enough
// for the reader beside the panel), or hides it.
func (t *SelectionToolbar) SetAnswering(on bool) {
	if on {
		t.answer.Show()
		t.note.Hide()
		t.question.Hide()
	} else {
		t.answer.Hide()
		t.note.Show()
		t.question.Show()
	}
	t.Refresh()
}

// swatch is a colour to click.
type swatch struct {
	widget.BaseWidget
	colour color.Color
	tap    func()
}

func newSwatch(c color.Color, tap func()) *swatch {
	s := &swatch{colour: c, tap: tap}
	s.ExtendBaseWidget(s)
	return s
}

func (s *swatch) CreateRenderer() fyne.WidgetRenderer {
	r := canvas.NewRectangle(s.colour)
	r.CornerRadius = swatchSize / 2
	return &swatchRenderer{dot: r}
}

// swatchSize is the diameter of a colour dot.
const swatchSize = 22

type swatchRenderer struct{ dot *canvas.Rectangle }

func (r *swatchRenderer) Layout(size fyne.Size) {
	r.dot.Resize(fyne.NewSize(swatchSize, swatchSize))
	r.dot.Move(fyne.NewPos((size.Width-swatchSize)/2, (size.Height-swatchSize)/2))
}
func (r *swatchRenderer) MinSize() fyne.Size           { return fyne.NewSize(swatchSize+4, swatchSize+12) }
func (r *swatchRenderer) Refresh()                     { r.dot.Refresh() }
func (r *swatchRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.dot} }
func (r *swatchRenderer) Destroy()                     {}

func (s *swatch) Tapped(*fyne.PointEvent) { s.tap() }
func (s *swatch) Cursor() desktop.Cursor  { return desktop.PointerCursor }
