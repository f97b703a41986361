package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"scholia/assets"
)

// keyCombo is a key as a text names it: "Ctrl+Shift+N" is N with the
// shortcut modifier and Shift.
type keyCombo struct {
	written string
	key     fyne.KeyName
	mod     fyne.KeyModifier
}

var (
	withModifiers = regexp.MustCompile(`\b((?:(?:Ctrl|Shift|Alt|Super|Cmd)\+)+)([A-Za-z0-9]+|[/\\;'=\-\[\]` + "`" + `,.])`)
	functionKey   = regexp.MustCompile(`(?:^|[^+\w])(F(?:1[0-2]|[1-9]))\b`)
	functionName  = regexp.MustCompile(`^F(1[0-2]|[1-9])$`)
	modifierOf    = map[string]fyne.KeyModifier{
		"Ctrl":  fyne.KeyModifierShortcutDefault,
		"Shift": fyne.KeyModifierShift,
		"Alt":   fyne.KeyModifierAlt,
		"Super": fyne.KeyModifierSuper,
		"Cmd":   fyne.KeyModifierSuper,
	}
	namedKeys = map[string]fyne.KeyName{
		"Enter": fyne.KeyReturn, "Return": fyne.KeyReturn, "Esc": fyne.KeyEscape, "Tab": fyne.KeyTab,
		"Space": fyne.KeySpace, "Home": fyne.KeyHome, "End": fyne.KeyEnd, "Up": fyne.KeyUp,
		"Down": fyne.KeyDown, "Left": fyne.KeyLeft, "Right": fyne.KeyRight, "Delete": fyne.KeyDelete,
		"Backspace": fyne.KeyBackspace, "/": fyne.KeySlash, "\\": fyne.KeyBackslash, ";": fyne.KeySemicolon,
		"'": fyne.KeyApostrophe, "=": fyne.KeyEqual, "-": fyne.KeyMinus, "[": fyne.KeyLeftBracket,
		"]": fyne.KeyRightBracket, "`": fyne.KeyBackTick, ",": fyne.KeyComma, ".": fyne.KeyPeriod,
	}
	// mouseWords follow a modifier in gestures such as Shift+click; they
	// are not keys.
	mouseWords = map[string]bool{"click": true, "drag": true, "scroll": true}
)

// keyCombos finds every key combination a text names: modifiers joined by
// "+" to a key, and the function keys F1 to F12 standing alone. Unknown
// key names are errors, so a typo cannot pass unchecked.
func keyCombos(text string) ([]keyCombo, []error) {
	var out []keyCombo
	var errs []error
	for _, m := range withModifiers.FindAllStringSubmatch(text, -1) {
		c := keyCombo{written: m[0]}
		for _, mod := range strings.Split(strings.TrimSuffix(m[1], "+"), "+") {
			c.mod |= modifierOf[mod]
		}
		name := m[2]
		switch {
		case mouseWords[strings.ToLower(name)]:
			continue
		case len(name) == 1 && strings.ContainsAny(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
			c.key = fyne.KeyName(name)
		case functionName.MatchString(name):
			c.key = fyne.KeyName(name)
		case namedKeys[name] != "":
			c.key = namedKeys[name]
		default:
			errs = append(errs, fmt.Errorf("%q names no key this test knows", m[0]))
			continue
		}
		out = append(out, c)
	}
	for _, m := range functionKey.FindAllStringSubmatch(text, -1) {
		out = append(out, keyCombo{written: m[1], key: fyne.KeyName(m[1])})
	}
	return out, errs
}

func TestKeyCombosAreReadAsWritten(t *testing.T) {
	got, errs := keyCombos("Press Ctrl+Shift+N, then F1 or Ctrl+/. Shift+click extends; Ctrl+K.\nF12 and Alt+Enter, not F13 or Ctrl+Foo.")
	want := []keyCombo{
		{"Ctrl+Shift+N", fyne.KeyN, fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		{"Ctrl+/", fyne.KeySlash, fyne.KeyModifierShortcutDefault},
		{"Ctrl+K", fyne.KeyK, fyne.KeyModifierShortcutDefault},
		{"Alt+Enter", fyne.KeyReturn, fyne.KeyModifierAlt},
		{"F1", fyne.KeyF1, 0},
		{"F12", fyne.KeyF12, 0},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("read %v,\nwant %v", got, want)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), `"Ctrl+Foo"`) {
		t.Errorf("errors %v; want one naming Ctrl+Foo", errs)
	}
}

// menuShortcuts lists the keyboard shortcuts of the window's menus that
// run something, as the desktop driver triggers them.
func menuShortcuts(w *MainWindow) map[keyCombo]string {
	out := map[keyCombo]string{}
	var walk func(*fyne.Menu)
	walk = func(m *fyne.Menu) {
		for _, it := range m.Items {
			if s, ok := it.Shortcut.(fyne.KeyboardShortcut); ok && it.Action != nil {
				out[keyCombo{key: s.Key(), mod: s.Mod()}] = m.Label + " → " + it.Label
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu)
			}
		}
	}
	if menu := w.Window().MainMenu(); menu != nil {
		for _, m := range menu.Items {
			walk(m)
		}
	}
	return out
}

// TestTheWelcomeArticleNamesOnlyShortcutsTheWindowHas keeps the guide a
// new reader starts with true: each key combination it names is a menu
// shortcut of the window with exactly those keys, or a key the window
// handles itself (F1 opens the shortcuts sheet); and it promises nothing
// as coming.
func TestTheWelcomeArticleNamesOnlyShortcutsTheWindowHas(t *testing.T) {
	text := string(assets.Welcome)
	combos, errs := keyCombos(text)
	for _, err := range errs {
		t.Errorf("the welcome article: %v", err)
	}
	if len(combos) < 10 {
		t.Errorf("found only %d key combinations in the welcome article: %v", len(combos), combos)
	}
	w := newFixture(t, nil).window()
	menus := menuShortcuts(w)
	bare := map[fyne.KeyName]func() bool{
		fyne.KeyF1: func() bool {
			w.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1})
			return w.help.open
		},
	}
	for _, c := range combos {
		if c.mod == 0 {
			if probe := bare[c.key]; probe == nil || !probe() {
				t.Errorf("the welcome article names %s, but typing it in the window does nothing (a key the window handles outside its menus needs a probe here)", c.written)
			}
			continue
		}
		if _, ok := menus[keyCombo{key: c.key, mod: c.mod}]; !ok {
			t.Errorf("the welcome article names %s, but no menu item of the window has that shortcut (a key handled outside the menus needs a probe here)", c.written)
		}
	}
	for _, promise := range regexp.MustCompile(`(?i)\b(coming|soon)\b[^.]*`).FindAllString(text, -1) {
		t.Errorf("the welcome article promises what is not there: %q", promise)
	}
}
