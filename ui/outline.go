package ui

import (
	"regexp"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

// Outline is the drop-down of a document's headings: choosing one scrolls
// to it, and while reading it shows the section in view.
type Outline struct {
	widget.Select
	entries []annotate.OutlineEntry
	onJump  func(pos int)
	quiet   bool
}

// NewOutline builds an empty outline; onJump scrolls the reader.
func NewOutline(onJump func(pos int)) *Outline {
	o := &Outline{onJump: onJump}
	o.OnChanged = o.changed
	o.PlaceHolder = "Outline"
	o.ExtendBaseWidget(o)
	return o
}

func (o *Outline) changed(string) {
	if o.quiet || o.onJump == nil {
		return
	}
	if i := o.SelectedIndex(); i >= 0 && i < len(o.entries) {
		o.onJump(o.entries[i].Start)
	}
}

// SetEntries shows a document's outline; none disables the drop-down.
func (o *Outline) SetEntries(entries []annotate.OutlineEntry) {
	o.entries = entries
	opts := make([]string, len(entries))
	for i, e := range entries {
		opts[i] = strings.Repeat("    ", max(e.Level-1, 0)) + e.Title
	}
	o.quiet = true
	o.Options = opts
	o.ClearSelected()
	o.quiet = false
	if len(entries) == 0 {
		o.PlaceHolder = "No outline"
		o.Disable()
	} else {
		o.PlaceHolder = "Outline"
		o.Enable()
	}
	o.Refresh()
}

// MarkCurrent shows the section holding pos without scrolling.
func (o *Outline) MarkCurrent(pos int) {
	i := sort.Search(len(o.entries), func(i int) bool { return o.entries[i].Start > pos }) - 1
	o.quiet = true
	defer func() { o.quiet = false }()
	if i < 0 {
		o.ClearSelected()
		return
	}
	if o.SelectedIndex() != i {
		o.SetSelectedIndex(i)
	}
}

// pageTail is a printed contents line's dot leader and page number
// ("2.1 ASN.1 syntax. . . . . . 2", "Preface ........ xi").
var pageTail = regexp.MustCompile(`(\s*\.){2,}[\s.]*([0-9]+|[ivxlcdmIVXLCDM]+)?\s*$`)

// EntryFor finds the outline entry a line of a contents list points at:
// in a printed contents page the line without its dot leader and page
// number, else the line as it is.
func (o *Outline) EntryFor(line string) (annotate.OutlineEntry, bool) {
	if bare := pageTail.ReplaceAllString(line, ""); bare != line {
		if e, ok := o.entryFor(bare); ok {
			return e, true
		}
	}
	return o.entryFor(line)
}

func (o *Outline) entryFor(line string) (annotate.OutlineEntry, bool) {
	key := wordKey(line)
	best, bestLen := -1, 0
	for i, e := range o.entries {
		k := wordKey(e.Title)
		if k != "" && key != "" && endsWith(key, k) && len(k) > bestLen {
			best, bestLen = i, len(k)
		}
	}
	if best < 0 {
		return annotate.OutlineEntry{}, false
	}
	return o.entries[best], true
}

// endsWith: the words of a end with those of b, or the other way round
// ("2.1 ASN.1 syntax" and "ASN.1 syntax"; not "M" and "program").
func endsWith(a, b string) bool {
	return a == b || strings.HasSuffix(a, " "+b) || strings.HasSuffix(b, " "+a)
}

// MinSize keeps the drop-down from growing with long headings.
func (o *Outline) MinSize() fyne.Size {
	m := o.Select.MinSize()
	return fyne.NewSize(min(m.Width, 240), m.Height)
}
