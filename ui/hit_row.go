package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// A result row's lines are cut to fit before they are shown, by a count
// of characters: Fyne's ellipsis shapes every run of every line again on
// each refresh, 1-2 ms a row, which made typing in the palette lag.

// hitRows fills the palette's rows, each once per result shown.
type hitRows struct {
	chars  int                          // characters a line holds
	filled map[fyne.CanvasObject]string // per row, what it shows
}

// fit sets how many characters a line of a row w wide holds: measured on
// bold text (the widest), so a line never runs past its row.
func (r *hitRows) fit(w float32) {
	const sample = "the quick brown fox jumps over the lazy dog, said Mrs. Wexford"
	each := fyne.MeasureText(sample, theme.TextSize(), fyne.TextStyle{Bold: true, Italic: true}).Width / float32(len(sample))
	r.chars = max(int((w-4*theme.Padding())/each)-5, 20)
}

// newHitRow is a result row: a colour bar, a line naming kind and
// document, the quote and the note, with matched characters in bold.
func newHitRow() fyne.CanvasObject {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(4, 0))
	head := widget.NewRichText()
	quote := widget.NewRichText()
	note := widget.NewRichText()
	return container.NewBorder(nil, nil, bar, nil, container.New(&tightColumn{}, head, quote, note))
}

// fill shows h in row o, unless o shows it already.
func (r *hitRows) fill(o fyne.CanvasObject, h library.Hit) {
	key := strings.Join([]string{h.ID, h.Title, h.Quote, h.Body, string(h.Kind), string(h.Status), string(h.Colour),
		ints(h.TitleBold), ints(h.QuoteBold), ints(h.BodyBold), ints([]int{r.chars})}, "\x00")
	if r.filled == nil {
		r.filled = map[fyne.CanvasObject]string{}
	}
	if r.filled[o] == key {
		return
	}
	r.filled[o] = key
	row := o.(*fyne.Container)
	var col *fyne.Container
	for _, obj := range row.Objects {
		switch x := obj.(type) {
		case *canvas.Rectangle:
			x.FillColor = solid(h.Colour)
			if h.Document {
				x.FillColor = theme.Color(theme.ColorNameDisabled)
			}
			x.Refresh()
		case *fyne.Container:
			col = x
		}
	}
	head, quote, note := col.Objects[0].(*widget.RichText), col.Objects[1].(*widget.RichText), col.Objects[2].(*widget.RichText)
	label := "document"
	if !h.Document {
		label = string(h.Kind)
		if h.Status != "" {
			label += " · " + string(h.Status)
		}
		if h.Colour != "" {
			label += " · " + string(h.Colour)
		}
	}
	label += " · "
	t, tb := clip(h.Title, h.TitleBold, max(r.chars-len(label), 10))
	head.Segments = append([]widget.RichTextSegment{&widget.TextSegment{Text: label, Style: captionStyle(false)}},
		boldRuns(t, tb, captionStyle)...)
	head.Refresh()
	q, qb := clip(h.Quote, h.QuoteBold, r.chars-2)
	if q != "" {
		q, qb = "“"+q+"”", shift(qb, len("“"))
	}
	quote.Segments = boldRuns(q, qb, quoteStyle)
	quote.Refresh()
	b, bb := clip(h.Body, h.BodyBold, r.chars)
	note.Segments = boldRuns(b, bb, bodyStyle)
	note.Refresh()
}

// ints writes offsets for a key.
func ints(is []int) string {
	var b strings.Builder
	for _, i := range is {
		b.WriteByte(byte(i))
		b.WriteByte(byte(i >> 8))
		b.WriteByte(byte(i >> 16))
	}
	return b.String()
}

func captionStyle(bold bool) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameCaptionText, ColorName: theme.ColorNamePlaceHolder,
		TextStyle: fyne.TextStyle{Bold: bold}}
}

func quoteStyle(bold bool) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true, Bold: bold}}
}

func bodyStyle(bold bool) widget.RichTextStyle {
	return widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: bold}}
}

// boldRuns splits text into runs, bold where a byte offset matched.
func boldRuns(text string, bold []int, style func(bool) widget.RichTextStyle) []widget.RichTextSegment {
	if text == "" {
		return []widget.RichTextSegment{&widget.TextSegment{Text: " ", Style: style(false)}}
	}
	marked := make(map[int]bool, len(bold))
	for _, i := range bold {
		marked[i] = true
	}
	var segs []widget.RichTextSegment
	start, cur := 0, marked[0]
	for i := range text {
		if marked[i] != cur {
			segs = append(segs, &widget.TextSegment{Text: text[start:i], Style: style(cur)})
			start, cur = i, marked[i]
		}
	}
	return append(segs, &widget.TextSegment{Text: text[start:], Style: style(cur)})
}

// clip shortens text to about n bytes on one line, keeping the first bold
// character in view, and moves the offsets with it.
func clip(text string, bold []int, n int) (string, []int) {
	text = strings.ReplaceAll(text, "\n", " ")
	if len(text) <= n {
		return text, bold
	}
	from, lead := 0, min(40, n/3)
	if len(bold) > 0 && bold[0] > n-lead {
		from = bold[0] - lead
		for from > 0 && (text[from]&0xC0) == 0x80 {
			from--
		}
	}
	to := min(len(text), from+n)
	for to < len(text) && (text[to]&0xC0) == 0x80 {
		to++
	}
	out := text[from:to]
	var kept []int
	for _, b := range bold {
		if b >= from && b < to {
			kept = append(kept, b-from)
		}
	}
	if from > 0 {
		out, kept = "…"+out, shift(kept, len("…"))
	}
	if to < len(text) {
		out += "…"
	}
	return out, kept
}

func shift(offsets []int, by int) []int {
	out := make([]int, len(offsets))
	for i, o := range offsets {
		out[i] = o + by
	}
	return out
}
