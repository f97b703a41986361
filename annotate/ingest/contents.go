package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// maxEntryBytes bounds the lines read as contents entries or headings: no
// entry is longer, and it keeps a huge unbroken line cheap.
const maxEntryBytes = 1000

var (
	contentsTitle = regexp.MustCompile(`(?i)^\s*(table of contents|contents|content)\s*:?\s*$`)
	bulletMarker  = regexp.MustCompile(`^\s*(?:[-*•+‣◦▪]\s+|o\s{2,})`)
	numberMarker  = regexp.MustCompile(`^\s*(?:(?:chapter|part|section|appendix)\s+)?(?i:\d+(?:\.\d+)*\.?|[ivxlcdm]+\.|\(\d+\)|\([a-z]\)|[a-z]\.)\s+`)
	leaderTail    = regexp.MustCompile(`(?:\s*\.{2,}[\s.,]*\d*|\s{2,}\d+)\s*$`)
	numberedDepth = regexp.MustCompile(`^\s*(?:[-*•]\s+)?(\d+(?:\.\d+)*)\.?\s`)
)

// entryKey is how a contents entry and the heading it points at are matched:
// without bullet, numbering, dot leaders or page number, lower case, words
// only.
func entryKey(s string) string {
	if len(s) > maxEntryBytes {
		return ""
	}
	s = bulletMarker.ReplaceAllString(s, "")
	s = leaderTail.ReplaceAllString(s, "")
	if m := numberMarker.FindString(s); m != "" && len(m) < len(s) {
		s = s[len(m):]
	}
	return wordsKey(s)
}

func wordsKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		} else {
			space = true
		}
	}
	return b.String()
}

// entryLike says whether a line can be an entry of a contents list: it has a
// bullet, a number, dot leaders or a page number, or it is short and does not
// end as a sentence does.
func entryLike(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" || entryKey(t) == "" {
		return false
	}
	if bulletMarker.MatchString(t) || numberMarker.MatchString(t) || leaderTail.MatchString(t) {
		return true
	}
	return runes(t) <= 80 && !strings.ContainsAny(t[len(t)-1:], ".,;")
}

// contentsList is a contents list found in the body: the lines it spans
// (indexes into the line slice, end exclusive) and its entries' keys.
type contentsList struct {
	start, end int
	keys       []string
}

// findContents looks for a contents list: a line "Contents" or "Table of
// Contents" followed by entry-like lines (blank lines may separate them, and
// the list ends where an entry repeats, as the body's first heading does);
// else a run of three or more short entry-like lines most of which reappear
// later as lines of their own, the list of chapters that books print without
// a title or with a title of their own ("Herein Is Written"). A short line
// standing alone just before such a run is its title and joins it.
func findContents(lines []string) *contentsList {
	for i, l := range lines {
		if contentsTitle.MatchString(l) {
			if c := entriesAfter(lines, i); c != nil {
				return c
			}
		}
	}
	return findUntitledContents(lines)
}

func entriesAfter(lines []string, title int) *contentsList {
	c := &contentsList{start: title}
	seen := map[string]bool{}
	end := title + 1
	for i := title + 1; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "" {
			continue
		}
		if !entryLike(l) {
			break
		}
		k := entryKey(l)
		if seen[k] {
			break
		}
		seen[k] = true
		c.keys = append(c.keys, k)
		end = i + 1
	}
	if len(c.keys) < 2 {
		return nil
	}
	c.end = end
	return c
}

func findUntitledContents(lines []string) *contentsList {
	standalone := map[string]int{}
	for i, l := range lines {
		if isolated(lines, i) {
			standalone[entryKey(l)]++
		}
	}
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "" || !entryLike(lines[i]) {
			continue
		}
		j := i
		for j < len(lines) && strings.TrimSpace(lines[j]) != "" && entryLike(lines[j]) {
			j++
		}
		if j-i >= 3 && (j == len(lines) || strings.TrimSpace(lines[j]) == "") {
			var keys []string
			found := 0
			for _, l := range lines[i:j] {
				k := entryKey(l)
				keys = append(keys, k)
				if standalone[k] > 0 {
					found++
				}
			}
			if found*10 >= len(keys)*6 {
				start := i
				if t := prevLine(lines, i); t >= 0 && isolated(lines, t) && runes(strings.TrimSpace(lines[t])) <= 40 {
					start = t
				}
				return &contentsList{start: start, end: j, keys: keys}
			}
		}
		i = j
	}
	return nil
}

// isolated says whether line i stands alone between blank lines.
func isolated(lines []string, i int) bool {
	if strings.TrimSpace(lines[i]) == "" {
		return false
	}
	return (i == 0 || strings.TrimSpace(lines[i-1]) == "") && (i+1 == len(lines) || strings.TrimSpace(lines[i+1]) == "")
}

func prevLine(lines []string, i int) int {
	for k := i - 1; k >= 0; k-- {
		if strings.TrimSpace(lines[k]) != "" {
			return k
		}
	}
	return -1
}

// text is the contents list as one block: its lines without blank lines
// and indentation.
func (c *contentsList) text(lines []string) string {
	var keep []string
	for _, l := range lines[c.start:c.end] {
		if t := strings.TrimSpace(l); t != "" {
			keep = append(keep, t)
		}
	}
	return strings.Join(keep, "\n")
}

// depthOf is an entry's numbering depth: "4.2." is 2, anything else 1.
func depthOf(line string) int {
	m := numberedDepth.FindStringSubmatch(line)
	if m == nil {
		return 1
	}
	return strings.Count(m[1], ".") + 1
}
