package pdf

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"scholia/annotate"
)

// Paragraphs are rebuilt from lines. A new block starts where the gap to
// the previous line is wider than the document's usual line pitch, where
// the size or the boldness changes, where a line is indented past the one
// before it (a first-line indent), or after a short line that ends a
// sentence. A block is then a heading when its size is well above the
// body's (or it is short, bold and at the body's size), a list item when
// it starts with a bullet or a number, a quote when it stands indented
// from its column's left edge, and a footnote when it is set smaller than
// the body below the page's last body line. A line ending in a hyphen is
// joined to the next without it when the joined word is a word of the text.

// style is what the whole document says about its body text.
type style struct {
	body    float64         // the size most of the text is set in
	pitch   float64         // usual distance between lines, in sizes
	heading []float64       // heading sizes, largest first
	words   map[string]bool // every word of the text, lower case, but the halves of words broken at a line end
}

// para is a block being built, with the lines it came from.
type para struct {
	lines    []line
	kind     annotate.BlockKind
	level    int
	footnote bool
}

var (
	bullet          = regexp.MustCompile(`^([•◦▪▫‣⁃∙·●○■□–—*-]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])\s`)
	bulletMark      = regexp.MustCompile(`^[•◦▪▫‣⁃∙·●○■□–—*-]\s+`)
	identifierBreak = regexp.MustCompile(`[\p{L}\p{N}]_$`)
	brokenWord      = regexp.MustCompile(`\p{L}-$`)
	dotLeader       = regexp.MustCompile(`(\.\s?){4,}\s*\S{1,6}$`)
	wordRe          = regexp.MustCompile(`[\p{L}\p{N}]+`)
)

func measure(pages [][]line) style {
	weight := map[float64]int{}
	var ratios []float64
	st := style{words: map[string]bool{}}
	for _, ls := range pages {
		broken := false // the line before ended in a hyphen
		for i, l := range ls {
			weight[round(l.size)] += len(l.text)
			ws := wordRe.FindAllString(l.text, -1)
			if broken && len(ws) > 0 {
				ws = ws[1:]
			}
			broken = brokenWord.MatchString(l.text)
			if broken && len(ws) > 0 {
				ws = ws[:len(ws)-1]
			}
			for _, w := range ws {
				st.words[strings.ToLower(w)] = true
			}
			if i > 0 {
				p := ls[i-1]
				dy := l.y0 - p.y0
				if math.Abs(p.size-l.size) < 0.5 && dy > 0.5*l.size && dy < 3*l.size {
					ratios = append(ratios, dy/l.size)
				}
			}
		}
	}
	best := 0
	for s, n := range weight {
		if n > best || (n == best && s < st.body) {
			st.body, best = s, n
		}
	}
	st.pitch = 1.2
	if len(ratios) > 0 {
		sort.Float64s(ratios)
		st.pitch = ratios[len(ratios)/4] // more lines follow in a paragraph than start one
	}
	sizes := map[float64]bool{}
	for s, n := range weight {
		if s >= st.body*1.15 && n > 0 {
			sizes[s] = true
		}
	}
	for s := range sizes {
		st.heading = append(st.heading, s)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(st.heading)))
	return st
}

func round(x float64) float64 { return math.Round(x*2) / 2 }

// paragraphs cuts one page's lines, in reading order, into blocks.
func (st style) paragraphs(ls []line) []*para {
	var out []*para
	var cur *para
	for _, l := range ls {
		if cur == nil || st.breaks(cur, l) {
			cur = &para{}
			out = append(out, cur)
		}
		cur.lines = append(cur.lines, l)
	}
	left, right := edges(ls, func(l line) float64 { return l.x0 }, false), edges(ls, func(l line) float64 { return l.x1 }, true)
	lastBody := -1
	for i, p := range out {
		st.classify(p, left, right)
		if p.kind == annotate.BlockParagraph && p.lines[0].size >= st.body*0.9 {
			lastBody = i
		}
	}
	var body, notes []*para
	for i, p := range out {
		if i > lastBody && lastBody >= 0 && p.kind == annotate.BlockParagraph && p.lines[0].size <= st.body*0.88 {
			p.footnote = true
			notes = append(notes, p)
			continue
		}
		body = append(body, p)
	}
	return append(body, notes...)
}

func (st style) breaks(p *para, l line) bool {
	prev := p.lines[len(p.lines)-1]
	size := max(l.size, prev.size, 1)
	dy := l.y0 - prev.y0
	switch {
	case math.Abs(dy) < 0.4*size && l.x0 > prev.x1: // the rest of the same row
		return false
	case dy < 0.4*size || dy > st.pitch*size*1.3:
		return true
	case math.Abs(l.size-prev.size) > 0.12*size:
		return true
	case allBold(p.lines) != l.bold && (allBold(p.lines) || round(l.size) > st.body):
		return true
	case allCode(p.lines) && isCode(l): // code keeps its lines together, however indented
		return false
	case allCode(p.lines) != isCode(l) && math.Abs(l.x0-prev.x0) > 0.5*size && !bullet.MatchString(p.lines[0].text):
		return true // code starts or ends, unless a list item goes on
	case l.x0 > prev.x0+size && !(len(p.lines) == 1 && bullet.MatchString(prev.text)):
		return true
	case l.x0 < prev.x0-size && len(p.lines) > 1:
		return true
	case bullet.MatchString(l.text) && l.x0 < prev.x0+0.5*size:
		return true
	}
	right := 0.0
	for _, q := range p.lines {
		right = max(right, q.x1)
	}
	return len(p.lines) > 1 && prev.x1 < right-4*size && endsSentence(prev.text) && startsUpper(l.text)
}

// isCode: a line set in a typewriter font is code, unless it is a list
// item (Texinfo sets a list of type names in one, after a bullet).
func isCode(l line) bool { return l.mono && !bullet.MatchString(l.text) }

func allCode(ls []line) bool {
	for _, l := range ls {
		if !isCode(l) {
			return false
		}
	}
	return true
}

func allBold(ls []line) bool {
	for _, l := range ls {
		if !l.bold {
			return false
		}
	}
	return true
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)] ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

func startsLetter(s string) bool {
	for _, r := range s {
		return unicode.IsLetter(r)
	}
	return false
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || !unicode.IsLetter(r)
	}
	return false
}

// edges finds, per column, the x most lines start at (a column's left
// margin) or, with x the line's end and rightmost set, end at (its right
// margin); a tie goes to the leftmost, or the rightmost.
func edges(ls []line, x func(line) float64, rightmost bool) map[int]float64 {
	count := map[int]map[float64]int{}
	for _, l := range ls {
		if count[l.col] == nil {
			count[l.col] = map[float64]int{}
		}
		count[l.col][math.Round(x(l)/3)*3]++
	}
	out := map[int]float64{}
	for c, m := range count {
		best := 0
		for x, n := range m {
			if n > best || (n == best && (x < out[c]) != rightmost) {
				out[c], best = x, n
			}
		}
	}
	return out
}

func (st style) classify(p *para, left, right map[int]float64) {
	p.kind = annotate.BlockParagraph
	first := p.lines[0]
	size := round(first.size)
	text := st.join(p.lines)
	words := len(strings.Fields(text))
	x0 := first.x0
	for _, l := range p.lines {
		x0 = min(x0, l.x0)
	}
	contents := 0
	for _, l := range p.lines {
		if dotLeader.MatchString(l.text) {
			contents++
		}
	}
	switch {
	case contents*3 >= len(p.lines)*2 && contents > 0:
		p.kind = annotate.BlockContents
	case size >= st.body*1.15 && words <= 40:
		p.kind, p.level = annotate.BlockHeading, st.level(size)
	case allBold(p.lines) && size >= st.body*0.95 && words <= 25 && !strings.HasSuffix(text, ".") && len(p.lines) <= 3:
		p.kind, p.level = annotate.BlockHeading, len(st.heading)+1
	case allCode(p.lines) && (len(p.lines) > 1 || x0 >= left[first.col]+1.5*st.body):
		p.kind = annotate.BlockPre
	case bullet.MatchString(text):
		p.kind = annotate.BlockListItem
	case x0 >= left[first.col]+1.5*st.body && len(p.lines) == 1 && aligned(first, left[first.col], right[first.col]):
		// a title page's line set flush right or centred, no list item
	case x0 >= left[first.col]+1.5*st.body:
		if len(p.lines) == 1 {
			p.kind = annotate.BlockListItem
		} else {
			p.kind = annotate.BlockQuote
		}
	}
	p.level = min(p.level, 6)
}

// aligned: the line ends at the right margin, or stands as far from it
// as from the left one.
func aligned(l line, left, right float64) bool {
	size := max(l.size, 1)
	return math.Abs(l.x1-right) < size || math.Abs((l.x0-left)-(right-l.x1)) < 2*size
}

func (st style) level(size float64) int {
	for i, s := range st.heading {
		if size >= s {
			return i + 1
		}
	}
	return len(st.heading) + 1
}

// block is the block a para becomes. Its text is its lines joined,
// contents entries one a line, a list item without its bullet (the reader
// draws its own; a number stays, being part of what the item says); a
// paragraph going on over a page break knows where the break is.
func (st style) block(p *para) annotate.Block {
	b := annotate.Block{Kind: p.kind, Level: p.level, Page: p.lines[0].page}
	switch p.kind {
	case annotate.BlockListItem:
		b.Text = bulletMark.ReplaceAllString(st.join(p.lines), "")
	case annotate.BlockPre:
		b.Text = code(p.lines)
	case annotate.BlockContents:
		parts := make([]string, len(p.lines))
		for i, l := range p.lines {
			parts[i] = l.text
		}
		b.Text = strings.Join(parts, "\n")
	default:
		b.Text, b.Turns = st.joinTurning(p.lines)
	}
	return b
}

// code is a block of code line by line, each indented by as many spaces
// as it stands right of the block's leftmost line (all letters of a
// typewriter font are as wide: the block's own lines say how wide); a
// piece of a line set apart by a wide gap (a column lined up with tabs)
// stays on its line after that many spaces.
func code(ls []line) string {
	x0 := ls[0].x0
	width, runes := 0.0, 0
	for _, l := range ls {
		x0 = min(x0, l.x0)
		if n := utf8.RuneCountInString(l.text); n >= 4 {
			width, runes = width+l.x1-l.x0, runes+n
		}
	}
	em := 0.55 * max(ls[0].size, 1)
	if runes > 0 {
		em = width / float64(runes)
	}
	var b strings.Builder
	for i, l := range ls {
		switch {
		case i > 0 && math.Abs(l.y0-ls[i-1].y0) < 0.4*l.size && l.x0 > ls[i-1].x1:
			b.WriteString(strings.Repeat(" ", max(1, int(math.Round((l.x0-ls[i-1].x1)/em)))))
		case i > 0:
			b.WriteByte('\n')
			fallthrough
		default:
			b.WriteString(strings.Repeat(" ", int(math.Round((l.x0-x0)/em))))
		}
		b.WriteString(l.text)
	}
	return b.String()
}

func (st style) join(ls []line) string {
	text, _ := st.joinTurning(ls)
	return text
}

// joinTurning joins lines as join does and says where in the text (in
// code points) each page after the first line's starts: at the first
// line set on it.
func (st style) joinTurning(ls []line) (string, []annotate.PageStart) {
	text := ""
	var turns []annotate.PageStart
	for i, l := range ls {
		if i == 0 {
			text = l.text
			continue
		}
		text = st.joinLines(text, l.text)
		if l.page != ls[i-1].page {
			at := utf8.RuneCountInString(text) - utf8.RuneCountInString(l.text)
			turns = append(turns, annotate.PageStart{At: at, Page: l.page})
		}
	}
	return text, turns
}

// joinLines puts a space between two lines, or, after a line-end hyphen,
// nothing: the hyphen goes too when the joined word is a word of the text
// ("infor-" "mation"), and stays when it is not ("well-" "known"); in a
// text of many words it goes too when neither half is a word of it
// ("manip-" "ulation"): those are pieces of one word. After
// a line-end underscore after a letter or digit there is no space either
// when a letter follows: TeX breaks a long identifier there ("ASN1_MAX_"
// "NAME_SIZE"); "__NOGLOBS__" then "50:text" are two lines.
// manyWords is how many different words a text needs before a word it
// never uses on its own may be taken for a piece of a word.
const manyWords = 1000

func (st style) joinLines(a, b string) string {
	if identifierBreak.MatchString(a) && startsLetter(b) {
		return a + b
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 2 || ra[len(ra)-1] != '-' || !unicode.IsLetter(ra[len(ra)-2]) || len(rb) == 0 || !unicode.IsLetter(rb[0]) {
		return a + " " + b
	}
	i := len(ra) - 1
	for i > 0 && unicode.IsLetter(ra[i-1]) {
		i--
	}
	j := 0
	for j < len(rb) && unicode.IsLetter(rb[j]) {
		j++
	}
	head, tail := strings.ToLower(string(ra[i:len(ra)-1])), strings.ToLower(string(rb[:j]))
	if st.words[head+tail] || (len(st.words) >= manyWords && !st.words[head] && !st.words[tail]) {
		return string(ra[:len(ra)-1]) + b
	}
	return a + b
}
