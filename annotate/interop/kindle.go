package interop

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"scholia/annotate"
)

// clipping is one entry of a Kindle "My Clippings.txt".
type clipping struct {
	book, authors string
	kind          string // highlight, note, bookmark
	page          string
	loc           [2]int // location range; 0 when the entry has none
	added         time.Time
	text          string
	line          int // where the entry starts in the file
	seq           int
}

const kindleSeparator = "=========="

// parseKindle reads a Kindle clippings file (BOM, CRLF, any language the
// Kindle writes it in): one document per book with its highlights in
// reading order, notes attached to the highlight they were written on,
// bookmarks skipped, and highlights made again after an edit kept once,
// in their newest form.
func parseKindle(name string, data []byte, now time.Time) ([]Incoming, error) {
	if !utf8.Valid(data) {
		return nil, annotate.Problemf(annotate.ErrInvalid, "%s is not UTF-8 text; a Kindle writes its clippings in UTF-8", name)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	var clips []clipping
	start := 0
	for i := 0; i <= len(lines); i++ {
		if i < len(lines) && strings.TrimSpace(strings.TrimPrefix(lines[i], "\ufeff")) != kindleSeparator {
			if isBrokenSeparator(lines[i]) {
				return nil, annotate.Problemf(annotate.ErrInvalid, "%s: line %d: %q looks like a damaged separator (a Kindle writes ten '='); mend it and import again", name, i+1, strings.TrimSpace(lines[i]))
			}
			continue
		}
		c, ok, err := parseClipping(lines[start:i], start+1)
		if err != nil {
			return nil, annotate.Problemf(annotate.ErrInvalid, "%s: %v", name, err)
		}
		if ok {
			c.seq = len(clips)
			clips = append(clips, c)
		}
		start = i + 1
	}
	if len(clips) == 0 {
		return nil, annotate.Problemf(annotate.ErrEmpty, "%s holds no Kindle highlights or notes", name)
	}
	return kindleIncoming(clips, now), nil
}

func isBrokenSeparator(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) >= 5 && strings.Trim(t, "=") == "" && t != kindleSeparator
}

var (
	rangeRe  = regexp.MustCompile(`(\d+)(?:\s*-\s*(\d+))?`)
	authorRe = regexp.MustCompile(`^(.*\S)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$`)
)

// parseClipping reads the lines of one entry: the book's title (authors),
// a "- Your Highlight on page 3 | Location 10-12 | Added on ..." line, a
// blank line, then the text. ok is false for an empty entry.
func parseClipping(lines []string, first int) (clipping, bool, error) {
	for len(lines) > 0 && strings.TrimSpace(strings.TrimPrefix(lines[0], "\ufeff")) == "" {
		lines, first = lines[1:], first+1
	}
	if len(lines) == 0 {
		return clipping{}, false, nil
	}
	if len(lines) < 2 || !strings.HasPrefix(strings.TrimSpace(lines[1]), "-") {
		return clipping{}, false, fmt.Errorf("line %d: the entry for %q has no \"- Your Highlight ...\" line under its title; is a separator missing?", first, strings.TrimSpace(lines[0]))
	}
	c := clipping{line: first}
	title := strings.TrimSpace(strings.TrimPrefix(lines[0], "\ufeff"))
	if m := authorRe.FindStringSubmatch(title); m != nil {
		c.book, c.authors = m[1], strings.TrimSpace(m[2])
	} else {
		c.book = title
	}
	meta := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(lines[1]), "-"))
	c.kind = clippingKind(meta)
	parts := strings.Split(meta, "|")
	for _, p := range parts[:max(len(parts)-1, 1)] {
		r := rangeRe.FindStringSubmatch(p)
		if r == nil {
			continue
		}
		switch {
		case isLocation(p):
			c.loc[0], _ = strconv.Atoi(r[1])
			c.loc[1] = c.loc[0]
			if r[2] != "" {
				c.loc[1], _ = strconv.Atoi(r[2])
			}
		case c.page == "":
			c.page = r[0]
		}
	}
	if len(parts) > 1 {
		c.added = kindleTime(parts[len(parts)-1])
	}
	c.text = strings.TrimSpace(strings.Join(lines[2:], "\n"))
	return c, c.kind != "bookmark" && c.text != "", nil
}

func clippingKind(meta string) string {
	l := strings.ToLower(meta)
	for _, w := range []string{"bookmark", "lesezeichen", "marcador", "signet", "segnalibro", "书签", "ブックマーク"} {
		if strings.Contains(l, w) {
			return "bookmark"
		}
	}
	for _, w := range []string{"note", "notiz", "nota", "笔记", "メモ"} {
		if strings.Contains(l, w) {
			return "note"
		}
	}
	return "highlight"
}

func isLocation(part string) bool {
	l := strings.ToLower(part)
	for _, w := range []string{"location", "loc.", "position", "posición", "posizione", "posição", "emplacement", "位置"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

var (
	clockRe = regexp.MustCompile(`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?`)
	ymdRe   = regexp.MustCompile(`(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})`)
	numRe   = regexp.MustCompile(`\b\d{1,4}\b`)
)

var monthNames = map[string]time.Month{}

func init() {
	names := [][]string{
		{"january", "jan", "enero", "janvier", "januar", "gennaio", "janeiro"},
		{"february", "feb", "febrero", "février", "februar", "febbraio", "fevereiro"},
		{"march", "mar", "marzo", "mars", "märz", "março"},
		{"april", "apr", "abril", "avril", "aprile"},
		{"may", "mayo", "mai", "maggio", "maio"},
		{"june", "jun", "junio", "juin", "juni", "giugno", "junho"},
		{"july", "jul", "julio", "juillet", "juli", "luglio", "julho"},
		{"august", "aug", "agosto", "août"},
		{"september", "sep", "sept", "septiembre", "septembre", "settembre", "setembro"},
		{"october", "oct", "octubre", "octobre", "oktober", "ottobre", "outubro"},
		{"november", "nov", "noviembre", "novembre", "novembro"},
		{"december", "dec", "diciembre", "décembre", "dezember", "dicembre", "dezembro"},
	}
	for i, ns := range names {
		for _, n := range ns {
			monthNames[n] = time.Month(i + 1)
		}
	}
}

// kindleTime reads "Added on Monday, March 21, 2016 8:35:16 AM" and its
// translations ("Añadido el miércoles, 6 de julio de 2022 06:54:57",
// "添加于 2023年2月9日星期四 下午6:35:21"); the zero time when it cannot.
func kindleTime(s string) time.Time {
	var y, d int
	var mo time.Month
	if m := ymdRe.FindStringSubmatch(s); m != nil {
		y, _ = strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[2])
		mo = time.Month(n)
		d, _ = strconv.Atoi(m[3])
	} else {
		words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == ',' || r == '.' })
		for _, w := range words {
			if n, ok := monthNames[w]; ok && mo == 0 {
				mo = n
			}
		}
		dateText := s
		if clock := clockRe.FindStringIndex(s); clock != nil {
			dateText = s[:clock[0]]
		}
		nums := numRe.FindAllString(dateText, -1)
		yi := -1
		for i, n := range nums {
			if len(n) == 4 {
				yi = i
			}
		}
		if yi < 0 && len(nums) >= 2 {
			yi = len(nums) - 1
		}
		for i, n := range nums {
			v, _ := strconv.Atoi(n)
			switch {
			case i == yi && len(n) == 4:
				y = v
			case i == yi:
				y = 2000 + v
			case d == 0:
				d = v
			}
		}
	}
	if y == 0 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return time.Time{}
	}
	h, mi, sec := 0, 0, 0
	if m := clockRe.FindStringSubmatch(s); m != nil {
		h, _ = strconv.Atoi(m[1])
		mi, _ = strconv.Atoi(m[2])
		sec, _ = strconv.Atoi(m[3])
		pm := strings.HasPrefix(strings.ToLower(m[4]), "p") || strings.Contains(s, "下午") || strings.Contains(s, "午後")
		am := strings.HasPrefix(strings.ToLower(m[4]), "a") || strings.Contains(s, "上午") || strings.Contains(s, "午前")
		if pm && h < 12 {
			h += 12
		}
		if am && h == 12 {
			h = 0
		}
	}
	return time.Date(y, mo, d, h, mi, sec, 0, time.UTC)
}

// kindleIncoming turns clippings into annotations, a document per book.
func kindleIncoming(clips []clipping, now time.Time) []Incoming {
	byBook := map[string][]clipping{}
	var books []string
	for _, c := range clips {
		key := c.book + "\x00" + c.authors
		if _, ok := byBook[key]; !ok {
			books = append(books, key)
		}
		byBook[key] = append(byBook[key], c)
	}
	var out []Incoming
	for _, key := range books {
		cs := byBook[key]
		highlights, notes := splitKinds(cs)
		highlights = dropEdited(highlights)
		sort.SliceStable(highlights, func(i, j int) bool { return position(highlights[i]) < position(highlights[j]) })
		attached := map[int]string{}
		var loose []clipping
		for _, n := range notes {
			if h := noteHome(highlights, n); h >= 0 {
				attached[h] = strings.TrimSpace(attached[h] + "\n\n" + n.text)
			} else {
				loose = append(loose, n)
			}
		}
		book, authors := cs[0].book, cs[0].authors
		source := "kindle:" + book
		if authors != "" {
			source += " (" + authors + ")"
		}
		names := annotate.SplitAuthors(authors)
		for i, h := range highlights {
			a := annotate.Annotation{
				ID:     contentID("kindle", source, strconv.Itoa(h.loc[0]), h.page, h.text),
				Kind:   annotate.KindHighlight,
				Colour: annotate.Yellow,
				Anchor: &annotate.Anchor{Start: -1, End: -1, Exact: h.text},
			}
			if note, ok := attached[i]; ok {
				a.Kind, a.Body = annotate.KindNote, note
			}
			a.Created = orNow(h.added, now)
			a.Modified = a.Created
			out = append(out, Incoming{Source: source, Title: book, Authors: names, Annotation: a, Order: position(h), Label: label(h)})
		}
		for _, n := range loose {
			a := annotate.Annotation{
				ID:   contentID("kindle", source, strconv.Itoa(n.loc[0]), n.page, "note", n.text),
				Kind: annotate.KindNote, Body: n.text,
			}
			a.Created = orNow(n.added, now)
			a.Modified = a.Created
			out = append(out, Incoming{Source: source, Title: book, Authors: names, Annotation: a, Order: position(n)})
		}
	}
	return out
}

func splitKinds(cs []clipping) (highlights, notes []clipping) {
	for _, c := range cs {
		if c.kind == "note" {
			notes = append(notes, c)
		} else {
			highlights = append(highlights, c)
		}
	}
	return highlights, notes
}

// dropEdited keeps one of each highlight made more than once: the Kindle
// adds a new entry when a highlight is extended or shortened, and the
// same entry twice when it is made again. Of overlapping highlights where
// one's text holds the other's, the newest stays.
func dropEdited(hs []clipping) []clipping {
	gone := make([]bool, len(hs))
	for i := range hs {
		for j := i + 1; j < len(hs); j++ {
			if gone[i] || gone[j] || !sameSpot(hs[i], hs[j]) {
				continue
			}
			a, b := hs[i].text, hs[j].text
			if !strings.Contains(a, b) && !strings.Contains(b, a) {
				continue
			}
			if hs[j].added.Before(hs[i].added) {
				gone[j] = true
			} else {
				gone[i] = true
			}
		}
	}
	var out []clipping
	for i, h := range hs {
		if !gone[i] {
			out = append(out, h)
		}
	}
	return out
}

func sameSpot(a, b clipping) bool {
	if a.loc[0] != 0 && b.loc[0] != 0 {
		return a.loc[0] <= b.loc[1] && b.loc[0] <= a.loc[1]
	}
	return a.page == b.page
}

// noteHome is the highlight a note was written on: the Kindle gives a
// note the location where its highlight ends.
func noteHome(hs []clipping, n clipping) int {
	best := -1
	for i, h := range hs {
		switch {
		case n.loc[0] != 0 && h.loc[0] != 0:
			if n.loc[0] >= h.loc[0] && n.loc[0] <= h.loc[1] && (best < 0 || h.loc[1] == n.loc[0]) {
				best = i
			}
		case n.loc[0] == 0 && h.loc[0] == 0 && n.page != "" && n.page == h.page:
			best = i
		}
	}
	return best
}

func position(c clipping) int {
	if c.loc[0] != 0 {
		return c.loc[0]*1000 + c.seq%1000
	}
	p, _ := strconv.Atoi(rangeRe.FindString(c.page))
	return p*1000 + c.seq%1000
}

func label(c clipping) string {
	var parts []string
	if c.loc[0] != 0 {
		l := "Location " + strconv.Itoa(c.loc[0])
		if c.loc[1] != c.loc[0] {
			l += "–" + strconv.Itoa(c.loc[1])
		}
		parts = append(parts, l)
	}
	if c.page != "" {
		parts = append(parts, "page "+c.page)
	}
	if !c.added.IsZero() {
		parts = append(parts, "added "+c.added.Format("2 January 2006"))
	}
	return strings.Join(parts, " · ")
}

func orNow(t, now time.Time) time.Time {
	if t.IsZero() {
		return now
	}
	return t
}
