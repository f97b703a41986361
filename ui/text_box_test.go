package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"scholia/annotate"
	"scholia/annotate/interop"
)

// typedBox is one of the window's text boxes and how to read and empty it.
type typedBox struct {
	name  string
	entry interface {
		fyne.Focusable
		fyne.Widget
	}
	text      func() string
	setText   func(string)
	multiLine bool
}

// everyBox builds each part of the window where a person types and
// returns its boxes.
func everyBox(win fyne.Window) []typedBox {
	keep := func(_ string, _ []string, done func(error)) { done(nil) }
	note := NewNoteDialog(annotate.KindNote, "a passage", nil, win, keep)
	question := NewNoteDialog(annotate.KindQuestion, "a passage", nil, win, keep)
	editor := NewAnnotationEditor()
	citation := newCitationForm(annotate.Reference{}, interop.Styles[0])
	find := NewFindBar(func([][2]int, int) {}, func() {})
	palette := newPaletteEntry(&SearchPalette{})
	library := NewLibraryPanel(func(string) {})
	panel := NewAnnotationPanel()
	return []typedBox{
		{"note", note.body, func() string { return note.body.Text }, note.body.SetText, true},
		{"note tags", note.tags.entry, func() string { return note.tags.entry.Text }, note.tags.entry.SetText, false},
		{"question", question.body, func() string { return question.body.Text }, question.body.SetText, true},
		{"panel editor note", editor.body, func() string { return editor.body.Text }, editor.body.SetText, true},
		{"panel editor answer", editor.answer, func() string { return editor.answer.Text }, editor.answer.SetText, true},
		{"panel editor tags", editor.tags.entry, func() string { return editor.tags.entry.Text }, editor.tags.entry.SetText, false},
		{"citation title", citation.title, func() string { return citation.title.Text }, citation.title.SetText, false},
		{"citation authors", citation.authors, func() string { return citation.authors.Text }, citation.authors.SetText, false},
		{"citation publisher", citation.publisher, func() string { return citation.publisher.Text }, citation.publisher.SetText, false},
		{"citation published", citation.published, func() string { return citation.published.Text }, citation.published.SetText, false},
		{"citation URL", citation.url, func() string { return citation.url.Text }, citation.url.SetText, false},
		{"citation accessed", citation.accessed, func() string { return citation.accessed.Text }, citation.accessed.SetText, false},
		{"find bar", find.entry, func() string { return find.entry.Text }, find.entry.SetText, false},
		{"search palette", palette, func() string { return palette.Text }, palette.SetText, false},
		{"library filter", library.filter, func() string { return library.filter.Text }, library.filter.SetText, false},
		{"annotations filter", panel.text, func() string { return panel.text.Text }, panel.text.SetText, false},
	}
}

// typeAsAPerson sends s key by key, as the window's driver does.
func typeAsAPerson(box fyne.Focusable, s string) {
	for _, r := range s {
		if r == '\n' {
			box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			continue
		}
		box.TypedRune(r)
	}
}

// widths are the box widths typed at: 150 to 700 px in 7 px steps.
func widths() []float32 {
	var out []float32
	for w := float32(150); w <= 700; w += 7 {
		out = append(out, w)
	}
	return out
}

// notesOf joins sentences in threes into notes of one or two paragraphs.
func notesOf(sentences []string) []string {
	var out []string
	for i := 0; i+2 < len(sentences); i += 3 {
		sep := " "
		if i%2 == 1 {
			sep = "\n\n"
		}
		out = append(out, sentences[i]+" "+sentences[i+1]+sep+sentences[i+2])
	}
	return out
}

// typeIntoEveryBox types each sentence into each box at widths stepping
// through 150-700 px, and into the multi-line boxes also the notes, and
// checks the box holds exactly what was typed.
func typeIntoEveryBox(t *testing.T, sentences, notes []string) {
	test.NewTempApp(t)
	ws := widths()
	for _, b := range everyBox(test.NewWindow(nil)) {
		t.Run(b.name, func(t *testing.T) {
			win := test.NewWindow(b.entry)
			defer win.Close()
			win.Canvas().Focus(b.entry)
			texts := sentences
			if b.multiLine {
				texts = append(append([]string(nil), sentences...), notes...)
			}
			failed := 0
			var first string
			for i, s := range texts {
				width := ws[(i*23)%len(ws)]
				win.Resize(fyne.NewSize(width, 300))
				b.setText("")
				typeAsAPerson(b.entry, s)
				if got := b.text(); got != s {
					failed++
					if first == "" {
						first = fmt.Sprintf("at %v px typed %q, the box holds %q", width, s, got)
					}
				}
			}
			if failed > 0 {
				t.Errorf("%d of %d texts typed at widths 150-700 px are not what was typed; first: %s", failed, len(texts), first)
			}
		})
	}
}

func TestEveryBoxHoldsExactlyTheSentencesTyped(t *testing.T) {
	sentences := ownSentences(t)
	typeIntoEveryBox(t, sentences, notesOf(sentences))
}

func TestEveryBoxHoldsExactlyTheCorpusSentencesTyped(t *testing.T) {
	typeIntoEveryBox(t, corpusSentences(t), nil)
}

// typedAtTheWrap is a sentence whose spaces land at the wrap at many of
// the widths typed at; the cursor tests go on from its last space.
const typedAtTheWrap = "Did Washington actually change its sanctions policy toward adversaries after "

// keys sends named keys to a box.
func keys(box fyne.Focusable, names ...fyne.KeyName) {
	for _, n := range names {
		box.TypedKey(&fyne.KeyEvent{Name: n})
	}
}

// TestTheCursorStaysWhereTheReaderSeesIt edits a note box at every width
// from 150 to 700 px after typing up to a space, where at some widths the
// space falls at the wrap, and checks the text after each way of going on.
func TestTheCursorStaysWhereTheReaderSeesIt(t *testing.T) {
	a := test.NewTempApp(t)
	cases := []struct {
		name string
		edit func(box *shortcutEntry, win fyne.Window, width float32)
		want string
	}{
		{"typing goes on after the space", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			typeAsAPerson(box, "such talks?")
		}, typedAtTheWrap + "such talks?"},
		{"Backspace deletes the space just typed", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			keys(box, fyne.KeyBackspace)
			typeAsAPerson(box, "wards?")
		}, "Did Washington actually change its sanctions policy toward adversaries afterwards?"},
		{"Enter starts a paragraph after the space", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			keys(box, fyne.KeyReturn)
			typeAsAPerson(box, "Next.")
		}, typedAtTheWrap + "\nNext."},
		{"pasting goes after the space, typing after the paste", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			a.Clipboard().SetContent("such talks?")
			box.TypedShortcut(&fyne.ShortcutPaste{Clipboard: a.Clipboard()})
			typeAsAPerson(box, " Yes.")
		}, typedAtTheWrap + "such talks? Yes."},
		{"resizing the window keeps the cursor after the space", func(box *shortcutEntry, win fyne.Window, width float32) {
			win.Resize(fyne.NewSize(width+77, 300))
			typeAsAPerson(box, "such talks?")
		}, typedAtTheWrap + "such talks?"},
		{"Left then End comes back after the space", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			keys(box, fyne.KeyLeft, fyne.KeyEnd)
			typeAsAPerson(box, "such talks?")
		}, typedAtTheWrap + "such talks?"},
		{"Left arrows insert where they stop, Right arrows come back", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			typeAsAPerson(box, "such talks?")
			keys(box, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft)
			typeAsAPerson(box, "hard ")
			keys(box, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight, fyne.KeyRight)
			typeAsAPerson(box, " Yes.")
		}, typedAtTheWrap + "such hard talks? Yes."},
		{"Ctrl+Home and Ctrl+End go to the start and the end of the text", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			typeAsAPerson(box, "such talks?")
			box.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyHome, Modifier: fyne.KeyModifierShortcutDefault})
			typeAsAPerson(box, "Q: ")
			keys(box, fyne.KeyDown)
			box.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})
			typeAsAPerson(box, " Yes.")
		}, "Q: " + typedAtTheWrap + "such talks? Yes."},
		{"Up and Down come back to the end", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			typeAsAPerson(box, "such talks?")
			keys(box, fyne.KeyUp, fyne.KeyDown, fyne.KeyDown)
			typeAsAPerson(box, " Yes.")
		}, typedAtTheWrap + "such talks? Yes."},
		{"a selection made with Shift is replaced by what is typed", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			typeAsAPerson(box, "such talks?")
			box.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			keys(box, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft, fyne.KeyLeft)
			box.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			typeAsAPerson(box, "meetings?")
		}, typedAtTheWrap + "such meetings?"},
		{"Select All then typing replaces everything", func(box *shortcutEntry, _ fyne.Window, _ float32) {
			typeAsAPerson(box, "such talks?")
			box.TypedShortcut(&fyne.ShortcutSelectAll{})
			typeAsAPerson(box, "Replaced.")
		}, "Replaced."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			failed := 0
			var first string
			for _, width := range widths() {
				box := newShortcutEntry(true)
				win := test.NewWindow(box)
				win.Resize(fyne.NewSize(width, 300))
				win.Canvas().Focus(box)
				typeAsAPerson(box, typedAtTheWrap)
				c.edit(box, win, width)
				if box.Text != c.want {
					failed++
					if first == "" {
						first = fmt.Sprintf("at %v px the box holds %q", width, box.Text)
					}
				}
				win.Close()
			}
			if failed > 0 {
				t.Errorf("at %d of %d widths the text is not %q; first: %s", failed, len(widths()), c.want, first)
			}
		})
	}
}
