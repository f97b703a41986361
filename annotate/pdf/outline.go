package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"scholia/annotate"
)

// outlineFromBookmarks makes the PDF's bookmarks the outline: each
// bookmark's heading, found on its page (or the next) by its words, becomes
// a heading of the bookmark's level (a heading that adds a number, as in
// "2.1 ASN.1 syntax" for the bookmark "ASN.1 syntax", matches too); a block that starts with the title and
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
		key := compact(bm.title)
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
			text := compact(b.Text)
			near := len(text) <= len(key)+12
			if text == key || (near && b.Kind == annotate.BlockHeading && strings.Contains(text, key)) || (near && strings.HasSuffix(text, key)) {
				blocks[i].Kind, blocks[i].Level = annotate.BlockHeading, min(bm.level, 6)
			} else if strings.HasPrefix(text, key) && b.Kind == annotate.BlockParagraph {
				head, rest := splitAfter(b.Text, len([]rune(key)))
				if rest == "" {
					continue
				}
				blocks = append(blocks[:i+1], blocks[i:]...)
				matched = append(matched[:i+1], matched[i:]...)
				blocks[i] = annotate.Block{Kind: annotate.BlockHeading, Level: min(bm.level, 6), Text: head, Page: b.Page}
				blocks[i+1] = restOf(b, rest)
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

// compact is text reduced to its lower-case letters and digits, so that
// "2.13. Non-regular files" matches the bookmark "2.13. Nonregular files".
func compact(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// splitAfter cuts s after its first n letters and digits; the rest must
// start a new word.
// restOf is what is left of block b after its head is split off: text
// rest, on the page it starts on, with the page turns that fall in it.
func restOf(b annotate.Block, rest string) annotate.Block {
	cut := b.Len() - utf8.RuneCountInString(rest)
	r := annotate.Block{Kind: b.Kind, Text: rest, Page: b.Page}
	for _, t := range b.Turns {
		switch {
		case t.At <= cut:
			r.Page = t.Page
		default:
			r.Turns = append(r.Turns, annotate.PageStart{At: t.At - cut, Page: t.Page})
		}
	}
	return r
}

func splitAfter(s string, n int) (string, string) {
	count := 0
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if count == n {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
				return s, ""
			}
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
		}
		count++
	}
	return s, ""
}
