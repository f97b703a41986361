package annotate

import (
	"regexp"
	"strings"
)

// OutlineEntry is one heading in a document's outline.
type OutlineEntry struct {
	Title string `json:"title"`
	Level int    `json:"level"`
	Start int    `json:"start"`
	Block int    `json:"-"`
}

var bareNumber = regexp.MustCompile(`^(?i:[ivxlcdm]+|\d+|chapter [ivxlcdm\d]+|part [ivxlcdm\d]+)\.?$`)

// Outline lists the document's heading blocks, never its contents list. A
// heading that is only a number ("IV", "Chapter 3") is joined with the heading
// that follows it, so a book's outline reads "IV. Of the Meaning of Progress".
func (d *Document) Outline() []OutlineEntry {
	var out []OutlineEntry
	for i := 0; i < len(d.Blocks); i++ {
		b := d.Blocks[i]
		if b.Kind != BlockHeading {
			continue
		}
		first := i
		title := strings.Join(strings.Fields(b.Text), " ")
		if bareNumber.MatchString(title) && i+1 < len(d.Blocks) && d.Blocks[i+1].Kind == BlockHeading {
			next := strings.Join(strings.Fields(d.Blocks[i+1].Text), " ")
			title = strings.TrimSuffix(title, ".") + ". " + next
			i++
		}
		out = append(out, OutlineEntry{Title: title, Level: b.Level, Start: b.Start, Block: first})
	}
	return out
}
