package pdf

import (
	"strings"
	"unicode"

	"scholia/annotate"
)

// outlineFromBookmarks makes the PDF's bookmarks the outline: each
// bookmark's heading, found on its page (or the next) by its words, becomes
// a heading of the bookmark's level; a block that starts with the title and
// goes on is split in two. Headings found by size that no bookmark names
// stay headings, one level below the deepest bookmark.
func outlineFromBookmarks(blocks []annotate.Block, bms []bookmark) []annotate.Block {
	deepest := 1
	for _, b := range bms {
		deepest = max(deepest, b.level)
	}
	matched := make([]bool, len(blocks))
	from := 0
	for _, bm := range bms {
		key := normal(bm.title)
		if key == "" {
			continue
		}
		for i := from; i < len(blocks); i++ {
			b := blocks[i]
			if bm.page > 0 && (b.Page < bm.page || b.Page > bm.page+1) {
				if b.Page > bm.page+1 {
					break
				}
				continue
			}
			if b.Kind == annotate.BlockContents {
				continue
			}
			text := normal(b.Text)
			if text == key {
				blocks[i].Kind, blocks[i].Level = annotate.BlockHeading, min(bm.level, 6)
			} else if strings.HasPrefix(text, key+" ") && b.Kind == annotate.BlockParagraph {
				head, rest := splitAfterWords(b.Text, len(strings.Fields(key)))
				if rest == "" {
					continue
				}
				blocks = append(blocks[:i+1], blocks[i:]...)
				matched = append(matched[:i+1], matched[i:]...)
				blocks[i] = annotate.Block{Kind: annotate.BlockHeading, Level: min(bm.level, 6), Text: head, Page: b.Page}
				blocks[i+1] = annotate.Block{Kind: b.Kind, Text: rest, Page: b.Page}
			} else {
				continue
			}
			matched[i] = true
			from = i + 1
			break
		}
	}
	for i, b := range blocks {
		if b.Kind == annotate.BlockHeading && !matched[i] {
			blocks[i].Level = min(deepest+1, 6)
		}
	}
	return blocks
}

// normal is text reduced to lower-case words for matching.
func normal(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// splitAfterWords cuts s after its first n words (counted as normal does).
func splitAfterWords(s string, n int) (string, string) {
	count, in := 0, false
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if word && !in {
			count++
			if count == n+1 {
				return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
			}
		}
		in = word
	}
	return s, ""
}
