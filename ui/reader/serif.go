package reader

import (
	"fyne.io/fyne/v2"

	"scholia/assets"
)

// serifFont is the bundled serif's face for style.
func serifFont(style fyne.TextStyle) fyne.Resource {
	switch {
	case style.Bold && style.Italic:
		return assets.SerifBoldItalic
	case style.Bold:
		return assets.SerifBold
	case style.Italic:
		return assets.SerifItalic
	}
	return assets.SerifRegular
}
