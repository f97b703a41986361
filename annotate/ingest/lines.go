package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// normalise makes line ends LF and turns form feeds into paragraph breaks,
// dropping the running headers and footers that paginated texts (RFCs) put
// around them. No word of the text changes.
func normalise(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	out := make([]string, 0, len(raw))
	afterFeed := false
	for _, l := range raw {
		if strings.Contains(l, "\f") {
			parts := strings.Split(l, "\f")
			out = append(out, strings.TrimRight(parts[0], " \t"), "")
			l = parts[len(parts)-1]
			afterFeed = true
			if strings.TrimSpace(l) == "" {
				continue
			}
		}
		l = strings.TrimRight(l, " \t")
		if strings.HasSuffix(l, "]") && len(l) < maxEntryBytes && pageFooter.MatchString(l) {
			out = append(out, "")
			continue
		}
		if afterFeed && l != "" {
			afterFeed = false
			if len(l) < maxEntryBytes && columnGap.MatchString(l) {
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

var (
	pageFooter = regexp.MustCompile(`\S\s{3,}\[Page \d+\]$`)
	columnGap  = regexp.MustCompile(`\S {4,}\S`)
)

// chunk is a run of non-blank lines.
type chunk struct {
	lines []string
}

func chunks(lines []string) []chunk {
	var out []chunk
	var cur []string
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if cur != nil {
				out = append(out, chunk{lines: cur})
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		out = append(out, chunk{lines: cur})
	}
	return out
}

// wrapWidth is the width the source was wrapped at: the 95th percentile of
// its line lengths. A text that writes one paragraph per line has a very
// large one.
func wrapWidth(cs []chunk) int {
	var ns []int
	for _, c := range cs {
		for _, l := range c.lines {
			ns = append(ns, utf8.RuneCountInString(strings.TrimSpace(l)))
		}
	}
	if len(ns) == 0 {
		return 0
	}
	sort.Ints(ns)
	return ns[len(ns)*95/100]
}

// joinWrapped unwraps hard-wrapped lines into one paragraph: lines joined by
// a space, except after a hyphen or dash at a line's end, where the word goes
// on.
func joinWrapped(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 0 {
			prev := b.String()
			if !strings.HasSuffix(prev, "-") || strings.HasSuffix(prev, " -") {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// keepBreaks keeps the line breaks of verse, addresses and contents lists.
func keepBreaks(lines []string) string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimSpace(l)
	}
	return strings.Join(out, "\n")
}

// keepLayout keeps preformatted lines as they are, less their common indent.
func keepLayout(lines []string) string {
	indent := -1
	for _, l := range lines {
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l[indent:]
	}
	return strings.Join(out, "\n")
}

func runes(s string) int { return utf8.RuneCountInString(s) }
