package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ThemeMode is the reader's choice of colours.
type ThemeMode string

// Theme modes: follow the desktop, or override it.
const (
	ThemeSystem ThemeMode = "system"
	ThemeLight  ThemeMode = "light"
	ThemeDark   ThemeMode = "dark"
)

// fixedVariant is the default theme held to one variant.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.variant)
}

// applyTheme sets the app's theme for a mode.
func applyTheme(app fyne.App, mode ThemeMode) {
	switch mode {
	case ThemeLight:
		app.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	case ThemeDark:
		app.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantDark})
	default:
		app.Settings().SetTheme(theme.DefaultTheme())
	}
}

// currentVariant is the variant on screen.
func currentVariant(app fyne.App) fyne.ThemeVariant {
	if f, ok := app.Settings().Theme().(fixedVariant); ok {
		return f.variant
	}
	return app.Settings().ThemeVariant()
}

// toggleTheme switches between dark and light, overriding the system, and
// remembers the choice in st.
func toggleTheme(app fyne.App, st *windowState) {
	if currentVariant(app) == theme.VariantDark {
		setTheme(app, st, ThemeLight)
	} else {
		setTheme(app, st, ThemeDark)
	}
}

// setTheme chooses the theme and remembers it in st and the preferences.
func setTheme(app fyne.App, st *windowState, mode ThemeMode) {
	st.theme = mode
	applyTheme(app, mode)
	app.Preferences().SetString(prefTheme, string(mode))
}
