package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"scholia/annotate"
)

// highlightRGB are the highlight colours, chosen to stay distinct from each
// other and to keep text readable over them in light and dark themes.
var highlightRGB = map[annotate.Colour]color.NRGBA{
	annotate.Yellow: {R: 0xff, G: 0xd4, B: 0x00},
	annotate.Green:  {R: 0x4c, G: 0xc2, B: 0x6e},
	annotate.Blue:   {R: 0x4a, G: 0x9b, B: 0xff},
	annotate.Pink:   {R: 0xff, G: 0x5c, B: 0xa8},
	annotate.Purple: {R: 0xa8, G: 0x7b, B: 0xff},
	annotate.Orange: {R: 0xff, G: 0x93, B: 0x2e},
}

// fill is a highlight's colour behind text: translucent, so overlapping
// highlights both show and the text stays readable.
func fill(c annotate.Colour, v fyne.ThemeVariant) color.Color {
	rgb, ok := highlightRGB[c]
	if !ok {
		rgb = highlightRGB[annotate.Yellow]
	}
	rgb.A = 0x66
	if v == theme.VariantDark {
		rgb.A = 0x5a
	}
	return rgb
}

// solid is a colour at full strength, for swatches and margin signs.
func solid(c annotate.Colour) color.Color {
	rgb, ok := highlightRGB[c]
	if !ok {
		return theme.Color(theme.ColorNamePrimary)
	}
	rgb.A = 0xff
	return rgb
}
