package ingest

// How plain text becomes structure.
//
// Plain text has no markup, so its structure is read the way a person reads
// it, from layout and wording, without ever changing a word:
//
//  1. Line ends become LF, form feeds paragraph breaks, and the running
//     headers and footers of paginated texts ("[Page 3]") are dropped.
//  2. A Project Gutenberg text is cut at its START and END markers; the
//     header and licence become boilerplate blocks (kept, never in the
//     outline) and the header's Title and Author fields name the work.
//  3. The wrap width (95th percentile of line lengths) tells how the source
//     writes paragraphs: hard-wrapped at ~70 columns, paragraphs are runs of
//     lines between blank lines and are unwrapped; above 120, the source
//     writes one paragraph per line and every line is a block.
//  4. A contents list is a "Contents" or "Table of Contents" line with the
//     entry-like lines after it, or an untitled run of short lines most of
//     which reappear later as lines of their own. It becomes one contents
//     block, and its entries (without numbers, leaders or page numbers) are
//     the strongest evidence for headings.
//  5. The title is the first non-empty line (or, for Gutenberg, the line that
//     repeats the header's title); a two-column header block before it, as
//     RFCs have, is boilerplate.
//  6. After the contents list, a line standing on its own is a heading when
//     it matches a contents entry or reads as one (see headingLevel).
//  7. Everything else: bulleted lines are list items, column-aligned lines
//     preformatted text, short lines kept as verse with their breaks, the
//     rest paragraphs.

import (
	"strings"

	"scholia/annotate"
)

func parsePlainText(text string) *annotate.Document {
	lines := normalise(text)
	doc := &annotate.Document{}
	var blocks []annotate.Block
	body := lines
	g := splitGutenberg(lines)
	if g != nil {
		blocks = append(blocks, boilerplate(g.header)...)
		body = g.body
		doc.Title, doc.Byline = g.title, g.author
	}
	s := newStructure(body, doc.Title)
	blocks = append(blocks, s.blocks()...)
	if doc.Title == "" {
		doc.Title = s.title
	}
	if g != nil {
		blocks = append(blocks, boilerplate(g.footer)...)
	}
	doc.SetBlocks(blocks)
	return doc
}

func boilerplate(lines []string) []annotate.Block {
	var out []annotate.Block
	for _, c := range chunks(lines) {
		out = append(out, annotate.Block{Kind: annotate.BlockBoilerplate, Text: joinWrapped(c.lines)})
	}
	return out
}

// structure reads the body of a plain text.
type structure struct {
	lines      []string
	wrap       int
	onePerLine bool
	contents   *contentsList
	depth      map[string]int
	titleLine  int
	frontEnd   int
	title      string
	out        []annotate.Block
}

func newStructure(lines []string, knownTitle string) *structure {
	s := &structure{lines: lines, titleLine: -1, depth: map[string]int{}}
	s.wrap = wrapWidth(chunks(lines))
	s.onePerLine = s.wrap > 120
	s.contents = findContents(lines)
	if s.contents != nil {
		for i := s.contents.start + 1; i < s.contents.end; i++ {
			if k := entryKey(lines[i]); k != "" {
				s.depth[k] = depthOf(lines[i])
			}
		}
	}
	s.findTitle(knownTitle)
	return s
}

// findTitle picks the title line, skipping a two-column header block.
func (s *structure) findTitle(known string) {
	limit := len(s.lines)
	if s.contents != nil {
		limit = s.contents.start
	}
	if known != "" {
		want := wordsKey(known)
		for i := 0; i < min(limit, 80); i++ {
			if wordsKey(s.lines[i]) == want {
				s.titleLine = i
				s.title = strings.TrimSpace(s.lines[i])
				return
			}
		}
		return
	}
	cs := chunkRanges(s.lines)
	if len(cs) == 0 {
		return
	}
	first := cs[0]
	if first[1]-first[0] >= 2 && columnShare(s.lines[first[0]:first[1]]) >= 0.6 && len(cs) > 1 {
		s.frontEnd = first[1]
		first = cs[1]
	}
	line := s.lines[first[0]]
	s.title = shorten(line, 200)
	multi := first[1]-first[0] > 1
	if runes(strings.TrimSpace(line)) <= 200 && (!multi || s.onePerLine || runes(strings.TrimSpace(line))*4 < s.wrap*3) {
		s.titleLine = first[0]
	}
}

func columnShare(lines []string) float64 {
	n := 0
	for _, l := range lines {
		if len(l) > maxEntryBytes {
			continue
		}
		if columnGap.MatchString(l) || strings.HasPrefix(l, strings.Repeat(" ", 20)) {
			n++
		}
	}
	return float64(n) / float64(len(lines))
}

// chunkRanges returns [start, end) line ranges of the runs of non-blank lines.
func chunkRanges(lines []string) [][2]int {
	var out [][2]int
	start := -1
	for i, l := range lines {
		blank := strings.TrimSpace(l) == ""
		if !blank && start < 0 {
			start = i
		}
		if blank && start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(lines)})
	}
	return out
}

func (s *structure) blocks() []annotate.Block {
	i := 0
	for i < len(s.lines) {
		switch {
		case strings.TrimSpace(s.lines[i]) == "":
			i++
		case s.contents != nil && i == s.contents.start:
			s.emit(annotate.BlockContents, 0, s.contents.text(s.lines))
			i = s.contents.end
		case i == s.titleLine:
			s.emit(annotate.BlockTitle, 0, strings.TrimSpace(s.lines[i]))
			i++
		default:
			j := i
			for j < len(s.lines) && strings.TrimSpace(s.lines[j]) != "" && j != s.titleLine &&
				(s.contents == nil || j != s.contents.start) {
				j++
			}
			s.chunk(i, j)
			i = j
		}
	}
	return s.out
}

func (s *structure) emit(kind annotate.BlockKind, level int, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	s.out = append(s.out, annotate.Block{Kind: kind, Level: level, Text: text})
}

// chunk turns lines [i, j) into blocks.
func (s *structure) chunk(i, j int) {
	lines := s.lines[i:j]
	if i < s.frontEnd {
		s.emit(annotate.BlockBoilerplate, 0, keepBreaks(lines))
		return
	}
	if s.onePerLine {
		for k, l := range lines {
			if level := s.heading(i+k, len(lines) == 1); level > 0 {
				s.emit(annotate.BlockHeading, level, strings.TrimSpace(l))
			} else if bulletMarker.MatchString(l) {
				s.emit(annotate.BlockListItem, 0, strings.TrimSpace(bulletMarker.ReplaceAllString(l, "")))
			} else {
				s.emit(annotate.BlockParagraph, 0, strings.TrimSpace(l))
			}
		}
		return
	}
	if len(lines) == 1 {
		if level := s.heading(i, true); level > 0 {
			s.emit(annotate.BlockHeading, level, strings.TrimSpace(lines[0]))
			return
		}
	}
	switch {
	case bulletMarker.MatchString(lines[0]):
		s.listItems(lines)
	case quoted(lines):
		s.emit(annotate.BlockQuote, 0, joinWrapped(unquote(lines)))
	case columnShare(lines) >= 0.5 && !s.prose(lines):
		s.emit(annotate.BlockPre, 0, keepLayout(lines))
	case len(lines) >= 2 && s.verse(lines):
		s.emit(annotate.BlockParagraph, 0, keepBreaks(lines))
	default:
		s.emit(annotate.BlockParagraph, 0, joinWrapped(lines))
	}
}

// heading returns the level of line i as a heading, 0 when it is not one.
// Headings come after the contents list when there is one.
func (s *structure) heading(i int, alone bool) int {
	if s.contents != nil && i < s.contents.end {
		return 0
	}
	l := s.lines[i]
	if d, ok := s.depth[entryKey(l)]; ok && entryKey(l) != "" {
		return d
	}
	if d, ok := s.depth[wordsKey(l)]; ok && wordsKey(l) != "" {
		return d
	}
	if !alone && !s.onePerLine {
		return 0
	}
	return headingLevel(l)
}

// prose: lines that fill the wrap width are prose even if their words are
// spaced out.
func (s *structure) prose(lines []string) bool {
	full := 0
	for _, l := range lines {
		if runes(strings.TrimSpace(l))*10 >= s.wrap*9 && !columnGap.MatchString(strings.TrimSpace(l)) {
			full++
		}
	}
	return full*2 > len(lines)
}

// verse: every line is well short of the wrap width.
func (s *structure) verse(lines []string) bool {
	for _, l := range lines {
		if runes(strings.TrimSpace(l))*4 >= s.wrap*3 {
			return false
		}
	}
	return true
}

func (s *structure) listItems(lines []string) {
	var item []string
	flush := func() {
		if item != nil {
			s.emit(annotate.BlockListItem, 0, joinWrapped(item))
		}
		item = nil
	}
	for _, l := range lines {
		if bulletMarker.MatchString(l) {
			flush()
			l = bulletMarker.ReplaceAllString(l, "")
		}
		item = append(item, l)
	}
	flush()
}

func quoted(lines []string) bool {
	for _, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), ">") {
			return false
		}
	}
	return true
}

func unquote(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(l), ">"), " ")
	}
	return out
}
