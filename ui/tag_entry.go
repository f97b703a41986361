package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// maxSuggestions is how many tag suggestions show at once.
const maxSuggestions = 6

// TagEntry is a text box for tags, separated by commas or spaces, that
// suggests tags already used as the reader types.
type TagEntry struct {
	widget.BaseWidget
	entry       *shortcutEntry
	suggestions *fyne.Container
	known       []string
}

// NewTagEntry builds a tag box that suggests from known (most used first).
func NewTagEntry(known []string) *TagEntry {
	t := &TagEntry{known: known, suggestions: container.NewHBox()}
	t.entry = newShortcutEntry(false)
	t.entry.SetPlaceHolder("tags, separated by commas")
	t.entry.OnChanged = func(string) { t.suggest() }
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer draws the box with its suggestions below.
func (t *TagEntry) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(t.entry, t.suggestions))
}

// Tags are the tags typed.
func (t *TagEntry) Tags() []string {
	return strings.FieldsFunc(t.entry.Text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
}

// SetTags fills the box.
func (t *TagEntry) SetTags(tags []string) {
	t.entry.SetText(strings.Join(tags, ", "))
	t.suggestions.RemoveAll()
}

// TypeText types into the box, as a person would.
func (t *TagEntry) TypeText(s string) { t.entry.SetText(s) }

// Suggestions are the tags offered for what is being typed.
func (t *TagEntry) Suggestions() []string {
	var out []string
	for _, o := range t.suggestions.Objects {
		out = append(out, o.(*widget.Button).Text)
	}
	return out
}

// Accept completes the word being typed with a suggested tag.
func (t *TagEntry) Accept(tag string) {
	text := t.entry.Text
	cut := strings.LastIndexAny(text, ", ;") + 1
	t.entry.SetText(text[:cut] + tag + ", ")
	t.entry.CursorColumn = len([]rune(t.entry.Text))
	t.entry.Refresh()
}

func (t *TagEntry) suggest() {
	t.suggestions.RemoveAll()
	text := t.entry.Text
	partial := strings.ToLower(strings.TrimSpace(text[strings.LastIndexAny(text, ", ;")+1:]))
	if partial == "" {
		return
	}
	typed := map[string]bool{}
	for _, tag := range t.Tags() {
		typed[strings.ToLower(tag)] = true
	}
	for _, tag := range t.known {
		l := strings.ToLower(tag)
		if strings.Contains(l, partial) && !(typed[l] && l != partial) && l != partial {
			tag := tag
			b := widget.NewButton(tag, func() { t.Accept(tag) })
			b.Importance = widget.LowImportance
			t.suggestions.Add(b)
			if len(t.suggestions.Objects) == maxSuggestions {
				break
			}
		}
	}
	t.suggestions.Refresh()
}

// shortcutEntry is a text box where Ctrl+Enter submits and Escape cancels.
type shortcutEntry struct {
	textBox
	onSubmit func()
	onCancel func()
	onBlur   func()
}

func newShortcutEntry(multiLine bool) *shortcutEntry {
	e := &shortcutEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut submits on Ctrl+Enter.
func (e *shortcutEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) &&
		c.Modifier&fyne.KeyModifierShortcutDefault != 0 {
		if e.onSubmit != nil {
			e.onSubmit()
		}
		return
	}
	e.textBox.TypedShortcut(s)
}

// TypedKey cancels on Escape.
func (e *shortcutEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onCancel != nil {
		e.onCancel()
		return
	}
	e.textBox.TypedKey(k)
}

// AcceptsTab is false: Tab moves to the next field, as in any form.
func (e *shortcutEntry) AcceptsTab() bool { return false }
