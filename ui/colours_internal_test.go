package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"scholia/annotate"
	"scholia/ui/reader"
)

// over is c drawn over the opaque background bg.
func over(c, bg color.Color) [3]float64 {
	f := color.NRGBAModel.Convert(c).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) float64 { return float64(x)*a + float64(y)*(1-a) }
	return [3]float64{mix(f.R, b.R), mix(f.G, b.G), mix(f.B, b.B)}
}

func distance(a, b [3]float64) float64 {
	return math.Sqrt((a[0]-b[0])*(a[0]-b[0]) + (a[1]-b[1])*(a[1]-b[1]) + (a[2]-b[2])*(a[2]-b[2]))
}

// chroma is how far a colour is from grey.
func chroma(c [3]float64) float64 {
	return max(c[0], c[1], c[2]) - min(c[0], c[1], c[2])
}

// No highlight colour looks like the selection or the frame of the
// annotation just jumped to, in the light theme or the dark: on the
// page's background each highlight stays far from the selection's tint,
// which is a grey, as the frame is.
func TestHighlightsNeverLookLikeTheSelection(t *testing.T) {
	a := test.NewTempApp(t)
	for _, mode := range []ThemeMode{ThemeLight, ThemeDark} {
		applyTheme(a, mode)
		v := currentVariant(a)
		bg := theme.Color(theme.ColorNameBackground)
		sel := over(reader.SelectionColour(), bg)
		for _, c := range []color.Color{reader.SelectionColour(), reader.FlashColour()} {
			if ch := chroma(over(c, bg)); ch > 8 {
				t.Errorf("%s theme: %v is tinted on the page (chroma %.0f), a hue a highlight could take", mode, c, ch)
			}
		}
		for _, c := range annotate.Colours {
			h := over(fill(c, v), bg)
			if d := distance(h, sel); d < 30 || chroma(h) < 30 {
				t.Errorf("%s theme: a %s highlight %.0f (chroma %.0f) is %.0f from the selection %.0f on the page: they look alike", mode, c, h, chroma(h), d, sel)
			}
		}
	}
}
