package ingest_test

import (
	"path/filepath"
	"testing"
)

// TestPagesSayWhenTheyWerePublished imports a page for each form in which
// pages carry their publication date; the day becomes the document's
// published date, which its citation prints instead of "n.d.".
func TestPagesSayWhenTheyWerePublished(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"article-published.html", "2017-01-13"},         // The New York Times: article:published, no _time
		{"article-published-time.html", "2016-07-29"},    // Open Graph article:published_time
		{"og-article-published-time.html", "2015-03-17"}, // the same with an og: prefix
		{"jsonld-newsarticle.html", "2018-09-25"},        // JSON-LD NewsArticle, its publisher's foundingDate ignored
		{"jsonld-graph.html", "2019-04-28"},              // JSON-LD @graph under a typed object, a list of types, the article before the page
		{"jsonld-list.html", "2020-12-18"},               // a JSON-LD list after a broken script, schema: prefix
		{"meta-name-date.html", "2020-09-21"},            // <meta name="date">
		{"dc-date.html", "2014-12-15"},                   // Dublin Core dc.date, with slashes
		{"dc-date-issued.html", "2016-02-01"},            // DC.date.issued
		{"citation-publication-date.html", "2009-03-04"}, // Highwire citation_publication_date
		{"time-header.html", "2015-04-16"},               // <time datetime> in the article's header
		{"time-itemprop.html", "2013-09-29"},             // <time itemprop="datePublished">
		{"no-date.html", ""},                             // nothing: the footer's <time> and a foundingDate are not the article's date
	} {
		if got := parseFixture(t, filepath.Join("dates", c.file)).Published; got != c.want {
			t.Errorf("%s: published %q, want %q", c.file, got, c.want)
		}
	}
}
