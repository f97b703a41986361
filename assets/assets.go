// Package assets holds what Scholia ships inside its binary: the welcome
// article, written for the project, and the app icon.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
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
