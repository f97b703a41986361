// Package assets holds what Scholia ships inside its binary: the welcome
// article, written for the project, the app icon, and the reader's serif
// font (from a Go module).
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
	"github.com/go-fonts/dejavu/dejavuserif"
	"github.com/go-fonts/dejavu/dejavuserifbold"
	"github.com/go-fonts/dejavu/dejavuserifbolditalic"
	"github.com/go-fonts/dejavu/dejavuserifitalic"
)

// Welcome is the article imported into an empty library.
//
//go:embed welcome.txt
var Welcome []byte

// WelcomeName and WelcomeSource name the welcome article in the library.
const (
	WelcomeName   = "welcome.txt"
	WelcomeSource = "scholia:welcome"
)

//go:embed icon.svg
var iconSVG []byte

// Icon is the app icon: an open page with a highlighted line and a margin
// note.
var Icon = fyne.NewStaticResource("scholia.svg", iconSVG)

// The serif the reader can set text in: DejaVu Serif, as the
// github.com/go-fonts/dejavu module embeds it (Bitstream Vera licence,
// which allows embedding: see that module's LICENSE-DejaVu).
var (
	SerifRegular    = fyne.NewStaticResource("DejaVuSerif.ttf", dejavuserif.TTF)
	SerifBold       = fyne.NewStaticResource("DejaVuSerif-Bold.ttf", dejavuserifbold.TTF)
	SerifItalic     = fyne.NewStaticResource("DejaVuSerif-Italic.ttf", dejavuserifitalic.TTF)
	SerifBoldItalic = fyne.NewStaticResource("DejaVuSerif-BoldItalic.ttf", dejavuserifbolditalic.TTF)
)
