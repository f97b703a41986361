package ingest

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// publishedDate is the day a page says it was published, as YYYY-MM-DD
// (or only the year, when that is all it says), "" when it says nothing
// readable. Readability finds an article's JSON-LD datePublished and
// article:published_time; pages carry the date in more forms than that,
// read here in this order, the first that parses winning:
//
//  1. JSON-LD datePublished of an article (Article, NewsArticle,
//     BlogPosting, ...; also inside @graph, lists and nested objects, and
//     with a list of types), else of the web page itself;
//  2. meta tags, by property, name or itemprop: article:published_time,
//     og:article:published_time, article:published (The New York Times),
//     datePublished, citation_publication_date, DC.date.issued,
//     dcterms.issued, dc.date, date and their like;
//  3. a <time datetime> marked as the publication time (itemprop or
//     pubdate), else the first in an <article>'s <header>.
func publishedDate(root *html.Node) string {
	p := pageDates{}
	p.walk(root, false, false)
	var candidates []string
	candidates = append(candidates, p.jsonLD(articleType)...)
	candidates = append(candidates, p.jsonLD(pageType)...)
	for _, key := range metaDateKeys {
		candidates = append(candidates, p.meta[key])
	}
	candidates = append(candidates, p.markedTime, p.headerTime)
	for _, c := range candidates {
		if d := day(c); d != "" {
			return d
		}
	}
	return ""
}

// metaDateKeys are the meta tags that name a publication date, lower
// case, most specific first.
var metaDateKeys = []string{
	"article:published_time", "og:article:published_time", "article:published", "og:published_time",
	"datepublished", "citation_publication_date", "citation_date", "citation_online_date",
	"dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
	"parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date", "date",
}

// pageDates holds what a walk over a page found that may say when it was
// published.
type pageDates struct {
	scripts    []string          // the text of each application/ld+json script
	meta       map[string]string // the first content of each meta key, lower case
	markedTime string            // a <time> marked as the publication time
	headerTime string            // the first <time> in an article's header
}

func (p *pageDates) walk(n *html.Node, inArticle, inHeader bool) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				p.scripts = append(p.scripts, textOf(n))
			}
			return
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			for _, k := range []string{"property", "name", "itemprop"} {
				key := strings.ToLower(strings.TrimSpace(attr(n, k)))
				if key == "" || content == "" {
					continue
				}
				if p.meta == nil {
					p.meta = map[string]string{}
				}
				if _, ok := p.meta[key]; !ok {
					p.meta[key] = content
				}
			}
		case atom.Time:
			dt := attr(n, "datetime")
			if dt != "" && p.markedTime == "" && (strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate")) {
				p.markedTime = dt
			}
			if dt != "" && p.headerTime == "" && inArticle && inHeader {
				p.headerTime = dt
			}
		case atom.Article:
			inArticle = true
		case atom.Header:
			inHeader = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, inArticle, inHeader)
	}
}

var (
	articleType = regexp.MustCompile(`(?i)(Article|Posting|Report)$`)
	pageType    = regexp.MustCompile(`(?i)^(WebPage|ItemPage|AboutPage|QAPage|FAQPage|ProfilePage)$`)
)

// jsonLD is the datePublished of every object of the page's JSON-LD
// whose @type matches, in the order the page has them.
func (p *pageDates) jsonLD(types *regexp.Regexp) []string {
	var out []string
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 12 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				visit(e, depth+1)
			}
		case map[string]any:
			if d, ok := t["datePublished"].(string); ok && typed(t["@type"], types) {
				out = append(out, d)
			}
			keys := make([]string, 0, len(t))
			for k := range t {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				visit(t[k], depth+1)
			}
		}
	}
	for _, s := range p.scripts {
		s = strings.TrimSpace(s)
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "<![CDATA["), "]]>"))
		var v any
		if json.Unmarshal([]byte(s), &v) == nil {
			visit(v, 0)
		}
	}
	return out
}

// typed says whether a JSON-LD @type (a name or a list of names, perhaps
// with a schema: prefix) matches.
func typed(v any, types *regexp.Regexp) bool {
	var names []any
	switch t := v.(type) {
	case string:
		names = []any{t}
	case []any:
		names = t
	}
	for _, n := range names {
		if s, ok := n.(string); ok {
			s = s[strings.LastIndexAny(s, ":/")+1:]
			if types.MatchString(s) {
				return true
			}
		}
	}
	return false
}

var (
	isoDay     = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])`)
	compactDay = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:\d{0,6})$`)
	yearOnly   = regexp.MustCompile(`^\d{4}$`)
)

// dayLayouts are the written-out dates pages use besides ISO 8601.
var dayLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.RubyDate,
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	"Monday, January 2, 2006", "Mon, Jan 2, 2006", "January 2, 2006 15:04", "January 2, 2006 3:04 PM",
}

// day reads a date as a page writes it and gives it as YYYY-MM-DD, the
// day as written (a time's offset is the publisher's, so its calendar day
// is theirs too); "" when it is not a date.
func day(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if m := isoDay.FindStringSubmatch(s); m != nil {
		return checkedDay(m[1], m[2], m[3])
	}
	if m := compactDay.FindStringSubmatch(s); m != nil {
		return checkedDay(m[1], m[2], m[3])
	}
	if yearOnly.MatchString(s) && s >= "1000" {
		return s
	}
	for _, layout := range dayLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

func checkedDay(y, m, d string) string {
	t, err := time.Parse("2006-1-2", y+"-"+m+"-"+d)
	if err != nil || t.Year() < 1000 {
		return ""
	}
	return t.Format(time.DateOnly)
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}
