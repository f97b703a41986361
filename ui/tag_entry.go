package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/library"
)

// maxSuggestions is how many tag suggestions show at once.
const maxSuggestions = 6

// TagEntry is a text box for tags, separated by commas (a tag may hold
// spaces: "diplomatic language"), that suggests tags already used as the
// reader types. Enter takes the first suggestion shown, else submits as
// Ctrl+Enter does.
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
	t.entry.OnSubmitted = func(string) { t.enter() }
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer draws the box with its suggestions below.
func (t *TagEntry) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(t.entry, t.suggestions))
}

// Tags are the tags typed, as the library keeps them: split at commas,
// tidied by library.CleanTags.
func (t *TagEntry) Tags() []string {
	return library.CleanTags(strings.Split(t.entry.Text, ","))
}

// SetTags fills the box.
func (t *TagEntry) SetTags(tags []string) {
	t.entry.SetText(strings.Join(tags, ", "))
	t.suggestions.RemoveAll()
}

// Suggestions are the tags offered for what is being typed.
func (t *TagEntry) Suggestions() []string {
	var out []string
	for _, o := range t.suggestions.Objects {
		out = append(out, o.(*widget.Button).Text)
	}
	return out
}

// Accept completes the tag being typed (after the last comma) with a
// suggested tag.
func (t *TagEntry) Accept(tag string) {
	before := strings.TrimSpace(t.entry.Text[:strings.LastIndex(t.entry.Text, ",")+1])
	if before != "" {
		before += " "
	}
	t.entry.SetText(before + tag + ", ")
	t.entry.CursorColumn = len([]rune(t.entry.Text))
	t.entry.Refresh()
}

// enter takes the first suggestion shown, else submits.
func (t *TagEntry) enter() {
	if s := t.Suggestions(); len(s) > 0 {
		t.Accept(s[0])
		return
	}
	if t.entry.onSubmit != nil {
		t.entry.onSubmit()
	}
}

// suggest offers the known tags holding the tag being typed (after the
// last comma) that are not typed already.
func (t *TagEntry) suggest() {
	t.suggestions.RemoveAll()
	text := t.entry.Text
	partial := annotate.TagKey(text[strings.LastIndex(text, ",")+1:])
	if partial == "" {
		return
	}
	typed := map[string]bool{}
	for _, tag := range t.Tags() {
		typed[annotate.TagKey(tag)] = true
	}
	for _, tag := range t.known {
		if k := annotate.TagKey(tag); strings.Contains(k, partial) && !typed[k] {
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
