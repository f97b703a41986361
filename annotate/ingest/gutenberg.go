package ingest

import (
	"regexp"
	"strings"
)

var (
	gutenbergStart = regexp.MustCompile(`(?i)^\s*\*{3}\s*START OF (THE|THIS) PROJECT GUTENBERG`)
	gutenbergEnd   = regexp.MustCompile(`(?i)^\s*(\*{3}\s*END OF (THE|THIS) PROJECT GUTENBERG|END OF (THE )?PROJECT GUTENBERG'?S?)`)
	gutenbergField = regexp.MustCompile(`^(Title|Author):\s*(.+)$`)
)

// gutenberg is a Project Gutenberg text cut into its header, the work, and
// the licence after it, with the title and author its header names.
type gutenberg struct {
	header, body, footer []string
	title, author        string
}

// splitGutenberg recognises the "*** START OF THE PROJECT GUTENBERG" and
// "END OF" markers; nil when the text has none.
func splitGutenberg(lines []string) *gutenberg {
	start := -1
	for i, l := range lines {
		if gutenbergStart.MatchString(l) {
			start = i
			break
		}
	}
	if start < 0 {
		return nil
	}
	end := len(lines)
	for i := start + 1; i < len(lines); i++ {
		if gutenbergEnd.MatchString(lines[i]) {
			end = i
			break
		}
	}
	g := &gutenberg{header: lines[:start+1], body: lines[start+1 : end], footer: lines[end:]}
	for i, l := range g.header {
		m := gutenbergField.FindStringSubmatch(strings.TrimSpace(l))
		if m == nil {
			continue
		}
		value := m[2]
		for k := i + 1; k < len(g.header) && strings.HasPrefix(g.header[k], " ") && strings.TrimSpace(g.header[k]) != ""; k++ {
			value += " " + strings.TrimSpace(g.header[k])
		}
		if m[1] == "Title" {
			g.title = value
		} else {
			g.author = value
		}
	}
	return g
}
