package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	numberedHeading = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?\s+\S`)
	parenHeading    = regexp.MustCompile(`^\(\d+\)\s+\p{Lu}`)
	romanHeading    = regexp.MustCompile(`^[IVXLCDM]+\.?(?:\s+\S.*)?$`)
	chapterHeading  = regexp.MustCompile(`(?i)^(chapter|part|book|section|appendix)\s+([ivxlcdm]+|\d+|[a-z])\b`)
	smallWords      = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "of": true,
		"in": true, "on": true, "at": true, "to": true, "for": true, "with": true, "by": true, "from": true,
		"as": true, "vs": true, "de": true, "la": true, "le": true, "du": true, "von": true, "van": true}
)

// headingLevel says whether a line standing on its own reads as a heading,
// and at which level (0: it does not). A heading is short (at most 80
// characters, 100 when numbered, and 16 words), does not end as a sentence does, and is
// numbered ("2.", "4.1", "(1)"), a Roman numeral, a chapter or part, in
// capitals, or in title case.
func headingLevel(line string) int {
	t := strings.TrimSpace(line)
	limit := 80
	if numberedHeading.MatchString(t) || chapterHeading.MatchString(t) {
		limit = 100
	}
	if t == "" || runes(t) > limit || len(strings.Fields(t)) > 16 {
		return 0
	}
	first := []rune(t)[0]
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) && first != '(' {
		return 0
	}
	last := []rune(t)[len([]rune(t))-1]
	bare := romanHeading.MatchString(t) && !strings.Contains(strings.TrimSuffix(t, "."), " ")
	if strings.ContainsRune(".,;:!", last) && !bare && !numberOnly(t) {
		return 0
	}
	if last == '?' && len(strings.Fields(t)) > 8 {
		return 0
	}
	switch {
	case numberOnly(t):
		return 1
	case numberedHeading.MatchString(t):
		m := numberedHeading.FindStringSubmatch(t)
		if !hasCapitalWord(t[len(m[1]):]) {
			return 0
		}
		return strings.Count(m[1], ".") + 1
	case parenHeading.MatchString(t):
		return 2
	case bare, chapterHeading.MatchString(t):
		return 1
	case romanHeading.MatchString(t) && hasCapitalWord(t):
		return 1
	case allCaps(t):
		return 1
	case titleCase(t):
		return 2
	}
	return 0
}

var digitsOnly = regexp.MustCompile(`^\d+\.?$`)

func numberOnly(t string) bool { return digitsOnly.MatchString(t) }

func hasCapitalWord(s string) bool {
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			return true
		}
	}
	return false
}

func allCaps(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// titleCase: a single capitalised word of four letters or more, or the
// first word and at least three quarters of the other words
// that are not small words ("of", "the") begin with a capital.
func titleCase(t string) bool {
	words := strings.Fields(t)
	if len(words) == 1 {
		r := []rune(t)
		return len(r) >= 4 && unicode.IsUpper(r[0]) && strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
	}
	significant, capital := 0, 0
	for i, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		r := []rune(w)
		if i > 0 && smallWords[strings.ToLower(w)] {
			continue
		}
		if !unicode.IsLetter(r[0]) {
			continue
		}
		significant++
		if unicode.IsUpper(r[0]) {
			capital++
		}
	}
	return significant > 0 && capital*4 >= significant*3
}
