package interop

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"scholia/annotate"
)

// Style is a citation style.
type Style string

// The citation styles offered.
const (
	Chicago Style = "chicago" // Chicago author-date
	APA     Style = "apa"     // APA, 7th edition
)

// Styles lists the citation styles in the order the UI offers them.
var Styles = []Style{Chicago, APA}

// ParseStyle reads a style's name; "" is Chicago.
func ParseStyle(s string) (Style, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "chicago", "chicago-author-date":
		return Chicago, nil
	case "apa":
		return APA, nil
	}
	return "", annotate.Problemf(annotate.ErrInvalid, "%q is not a citation style: use chicago or apa", s)
}

// Name is how the UI names a style.
func (s Style) Name() string {
	if s == APA {
		return "APA"
	}
	return "Chicago author-date"
}

// Cite formats a reference in a style. With markdown the title of a book
// (a reference without a URL) is set in italics with asterisks.
func Cite(r annotate.Reference, s Style, markdown bool) string {
	if s == APA {
		return citeAPA(r, markdown)
	}
	return citeChicago(r, markdown)
}

// citeChicago: Lee, Ann, and Bo Chen. 2024. "Title." Site, March 2, 2024. URL.
func citeChicago(r annotate.Reference, md bool) string {
	d := parseDate(r.Published)
	var b strings.Builder
	title := strings.TrimSpace(r.Title)
	if r.URL != "" {
		title = "“" + sentence(title) + "”"
	} else {
		title = sentence(italic(title, md))
	}
	// With no author the title takes the author's place.
	if names := chicagoNames(r.Authors); names != "" {
		b.WriteString(sentence(names) + " " + sentence(d.year("n.d.")) + " " + title)
	} else {
		b.WriteString(title + " " + sentence(d.year("n.d.")))
	}
	var where []string
	if r.Publisher != "" {
		where = append(where, r.Publisher)
	}
	if r.URL != "" && d.hasDay {
		where = append(where, d.long())
	}
	if len(where) > 0 {
		b.WriteString(" " + sentence(strings.Join(where, ", ")))
	}
	if r.URL != "" {
		if d.year("") == "" && r.Accessed != "" {
			b.WriteString(" Accessed " + sentence(parseDate(r.Accessed).long()))
		}
		b.WriteString(" " + sentence(r.URL))
	}
	return b.String()
}

// citeAPA: Lee, A., & Chen, B. (2024, March 2). Title. Site. URL
func citeAPA(r annotate.Reference, md bool) string {
	d := parseDate(r.Published)
	var b strings.Builder
	when := d.year("n.d.")
	if d.hasDay && r.URL != "" {
		when += ", " + d.monthDay()
	}
	title := sentence(italic(strings.TrimSpace(r.Title), md))
	// With no author the title takes the author's place.
	if names := apaNames(r.Authors); names != "" {
		b.WriteString(names + " (" + when + "). " + title)
	} else {
		b.WriteString(title + " (" + when + ").")
	}
	if r.Publisher != "" {
		b.WriteString(" " + sentence(r.Publisher))
	}
	if r.URL != "" {
		if d.year("") == "" && r.Accessed != "" {
			b.WriteString(" Retrieved " + parseDate(r.Accessed).long() + ", from")
		}
		b.WriteString(" " + r.URL)
	}
	return b.String()
}

func italic(s string, md bool) string {
	if md && s != "" {
		return "*" + s + "*"
	}
	return s
}

// sentence ends s with a full stop unless it ends with punctuation, also
// inside the asterisks of Markdown italics.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if t := strings.TrimRight(s, "*"); t == "" || strings.ContainsAny(t[len(t)-1:], ".?!") {
		return s
	}
	return s + "."
}

// split is a person's name as given and family names; an organisation's
// name (one word, or many capitalised words we cannot tell apart) is kept
// whole by the caller when last is "".
func split(name string) (given, last string) {
	f := strings.Fields(name)
	if len(f) < 2 || organisation(f) {
		return "", name
	}
	i := len(f) - 1
	for i > 1 && particles[strings.ToLower(f[i-1])] {
		i--
	}
	return strings.Join(f[:i], " "), strings.Join(f[i:], " ")
}

// organisation says whether a name's words name a body rather than a
// person: one of them is a word only organisations use (Office of
// Strategic Services, Ministry of Foreign Affairs), or it joins words with
// "of", "for" or "the".
func organisation(words []string) bool {
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ".,()"))
		if bodies[w] || w == "of" || w == "for" || w == "the" || w == "&" {
			return true
		}
	}
	return false
}

// bodies are the words of organisations' names.
var bodies = map[string]bool{"services": true, "service": true, "office": true, "department": true, "institute": true,
	"council": true, "group": true, "committee": true, "agency": true, "foundation": true, "university": true,
	"press": true, "ministry": true, "association": true, "society": true, "commission": true, "bureau": true,
	"board": true, "corporation": true, "company": true, "inc": true, "ltd": true, "organization": true,
	"organisation": true, "nations": true, "government": true, "administration": true, "centre": true,
	"center": true, "staff": true, "army": true, "navy": true, "project": true, "network": true, "news": true,
	"bank": true, "fund": true, "union": true, "league": true, "federation": true, "secretariat": true}

// particles belong to the family name: Du Bois, van Gogh, de la Cruz.
var particles = map[string]bool{"da": true, "de": true, "del": true, "della": true, "der": true, "di": true, "du": true,
	"la": true, "le": true, "van": true, "von": true, "ten": true, "ter": true, "dos": true, "das": true, "al": true, "bin": true, "ibn": true}

func chicagoNames(authors []string) string {
	var out []string
	for i, a := range authors {
		given, last := split(a)
		switch {
		case given == "":
			out = append(out, last)
		case i == 0:
			out = append(out, last+", "+given)
		default:
			out = append(out, a)
		}
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return out[0]
	case 2:
		return out[0] + ", and " + out[1]
	}
	return strings.Join(out[:len(out)-1], ", ") + ", and " + out[len(out)-1]
}

func apaNames(authors []string) string {
	var out []string
	for _, a := range authors {
		given, last := split(a)
		if given == "" {
			out = append(out, sentence(last))
			continue
		}
		var initials []string
		for _, g := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '-' }) {
			initials = append(initials, string([]rune(g)[0])+".")
		}
		out = append(out, last+", "+strings.Join(initials, " "))
	}
	switch len(out) {
	case 0:
		return ""
	case 1:
		return sentence(out[0])
	}
	return strings.Join(out[:len(out)-1], ", ") + ", & " + sentence(out[len(out)-1])
}

// date is a published date as far as it is known: a year, and a day
// when the source gives one.
type date struct {
	y      string
	t      time.Time
	hasDay bool
}

var yearRe = regexp.MustCompile(`\b(1[5-9]\d\d|20\d\d)\b`)

// parseDate reads the common ways sources give a date: RFC 3339,
// YYYY-MM-DD, a bare year, or any text with a year in it.
func parseDate(s string) date {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", time.DateOnly, "January 2, 2006", "2 January 2006", "Jan 2, 2006", "2 Jan 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return date{y: strconv.Itoa(t.Year()), t: t, hasDay: true}
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return date{y: strconv.Itoa(t.Year()), t: t, hasDay: true}
		}
	}
	return date{y: yearRe.FindString(s)}
}

func (d date) year(unknown string) string {
	if d.y == "" {
		return unknown
	}
	return d.y
}

func (d date) long() string {
	if !d.hasDay {
		return d.y
	}
	return d.t.Format("January 2, 2006")
}

func (d date) monthDay() string { return fmt.Sprintf("%s %d", d.t.Month(), d.t.Day()) }
