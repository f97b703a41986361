package reader

import "fyne.io/fyne/v2"

// LineWidth is how wide the column of text may grow.
type LineWidth int

// The column's widths: about 60, 80 and 105 characters of running text.
const (
	WidthMedium LineWidth = iota
	WidthNarrow
	WidthWide
)

// ems is the column's widest, in widths of "m" at the reading size.
func (w LineWidth) ems() float32 {
	switch w {
	case WidthNarrow:
		return 29
	case WidthWide:
		return 50
	}
	return 38
}

// Size steps: each is a tenth larger or smaller than the one before.
const (
	MinSizeStep = -4
	MaxSizeStep = 10
	// Spacing steps: tighter or looser lines, a tenth of a line each.
	MinSpacingStep = -2
	MaxSpacingStep = 4
)

// Settings are how the reader sets text: its size, the column's width,
// the typeface and the space between lines. The zero value is the default.
type Settings struct {
	SizeStep    int // 0 the default size, +1 a tenth larger...
	Width       LineWidth
	Serif       bool
	SpacingStep int // 0 the default line spacing, +1 a tenth of a line more...
}

// Clamped is s with its steps within their bounds.
func (s Settings) Clamped() Settings {
	s.SizeStep = min(max(s.SizeStep, MinSizeStep), MaxSizeStep)
	s.SpacingStep = min(max(s.SpacingStep, MinSpacingStep), MaxSpacingStep)
	if s.Width < WidthMedium || s.Width > WidthWide {
		s.Width = WidthMedium
	}
	return s
}

// scale is the factor of the text size.
func (s Settings) scale() float32 {
	f := float32(1)
	for range max(s.SizeStep, -s.SizeStep) {
		if s.SizeStep > 0 {
			f *= 1.1
		} else {
			f /= 1.1
		}
	}
	return f
}

// spacing is the factor of the line height.
func (s Settings) spacing() float32 { return 1 + float32(s.SpacingStep)/10 }

// Settings are the reader's settings.
func (r *Reader) Settings() Settings { return r.settings }

// SetSettings sets text as s says at once, keeping the line at the top of
// the view there and the selection as it is.
func (r *Reader) SetSettings(s Settings) {
	s = s.Clamped()
	if s == r.settings {
		return
	}
	top := r.TopPosition()
	r.settings = s
	r.st = newStyles(s)
	if r.doc != nil {
		r.lay = newLayout(r.doc, r.text, r.meta, r.st)
		r.lay.grew = r.grew
	}
	if w := r.page.Size().Width; w > 0 && r.doc != nil {
		r.relayout(w)
		r.ScrollTo(top)
	}
	r.scroll.Refresh()
	r.page.Refresh()
}

// fontOf is the font the reader sets text of style in: nil, the theme's,
// or the bundled serif.
func fontOf(serif bool, style fyne.TextStyle) fyne.Resource {
	if !serif || style.Monospace {
		return nil
	}
	return serifFont(style)
}
