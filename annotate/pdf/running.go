package pdf

import (
	"regexp"
	"strings"
)

// Running headers and footers frame every page but belong to no sentence:
// a line in the top or bottom margin band is left out when the same line
// (digits aside) stands in the same band on other pages, or when it is a
// page number, a date, an address, "3/7", or the document's title, as a
// browser prints them.

const marginBand = 0.08 // of the page's height

var (
	digits      = regexp.MustCompile(`\d+`)
	runningLine = regexp.MustCompile(`(?i)^(` +
		`(page\s*)?\d+(\s*(/|of)\s*\d+)?` + // 3, 3/7, Page 3 of 7
		`|[ivxlcdm]+` + // a roman page number
		`|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?(\s+\d{1,2}:\d{2}(:\d{2})?(\s*[ap]m)?)?` + // a date and time
		`|(https?|file|about):\S*` + // an address
		`)$`)
)

// band names the margin band a line stands in, "" for the body.
func band(l line, height float64) string {
	switch {
	case l.y1 < height*marginBand:
		return "top"
	case l.y0 > height*(1-marginBand):
		return "bottom"
	}
	return ""
}

func runningKey(l line, height float64) string {
	return band(l, height) + "|" + digits.ReplaceAllString(strings.ToLower(strings.Join(strings.Fields(l.text), " ")), "#")
}

// dropRunning removes running headers and footers from every page's lines.
func dropRunning(pages []page, lines [][]line, title string) {
	seen := map[string]int{}
	for i, ls := range lines {
		keys := map[string]bool{}
		for _, l := range ls {
			if band(l, pages[i].height) != "" {
				keys[runningKey(l, pages[i].height)] = true
			}
		}
		for k := range keys {
			seen[k]++
		}
	}
	title = strings.ToLower(strings.TrimSpace(title))
	for i, ls := range lines {
		kept := ls[:0]
		for _, l := range ls {
			h := pages[i].height
			if band(l, h) != "" {
				t := strings.TrimSpace(l.text)
				if seen[runningKey(l, h)] >= 2 || runningLine.MatchString(t) || (title != "" && strings.ToLower(t) == title) {
					continue
				}
			}
			kept = append(kept, l)
		}
		lines[i] = kept
	}
}
