package search_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"scholia/annotate"
	"scholia/annotate/search"
)

// fuzzSeeds are queries a person might type or paste: the tables' queries,
// and the awkward ones (unbalanced quotes, filters with odd values,
// combining marks, right-to-left text, a pasted page).
func fuzzSeeds() []string {
	var out []string
	for _, c := range personQueries {
		out = append(out, c.query)
	}
	for _, c := range longQueries {
		out = append(out, c.query)
	}
	return append(out, question, "kind:note "+question, `"technical level" `+question, "who decides zeppelin",
		`"unbalanced quote`, `in:"kuala lumpur`, `in:"kuala `, `in:" lumpur"`, `tag:"summit talks"`, `tag:#`, `tag:`, `is:`, `"" ""`,
		`IS:OPEN`, `Kind:Question Colour:Blue`, `doc:D1 lavrov`, `a"b"c`, `"a""b"`, `url:x http://example.org/a:b`,
		"cafe\u0301 na\u0308ive", "\u0645\u0641\u0627\u0648\u0636\u0627\u062a \u0627\u0644\u0633\u0644\u0627\u0645", "\u05e9\u05dc\u05d5\u05dd tag:\u05e9\u05dc\u05d5\u05dd",
		"\u0130stanbul STRASSE stra\u00dfe", "\u65e5\u672c\u8a9e \U0001F600 x\u200dy", "\u0301\u0301 \u0308", "\x00 \xff\xfe invalid",
		strings.Repeat("sanctions lavrov ", 400), strings.Repeat(`"`, 99)+"x", strings.Repeat("a", 3000))
}

// fuzzIndex is a small library of realistic entries, some in other
// scripts, for FuzzSearch.
func fuzzIndex() *search.Index {
	entries := []search.Entry{
		note("a1", "d1", "Rubio Meets Lavrov", "Lavrov is a skilled diplomat adept at using such meetings for propaganda", "Skeptics on Lavrov", []string{"russia"}, annotate.KindNote, "", annotate.Yellow, 5),
		note("a2", "d1", "Rubio Meets Lavrov", "international sanctions and their effectiveness", "Lavrov sanctions talk: pressure is not working", []string{"sanctions"}, annotate.KindQuestion, annotate.StatusOpen, annotate.Blue, 3),
		note("a3", "d2", "Sanctions and Their Limits", "the sanctions regime was never enforced", "", []string{"enforcement"}, annotate.KindHighlight, "", annotate.Pink, 1),
		note("a4", "d2", "Sanctions and Their Limits", "Moscow answered with counter-measures", "compare with Lavrov's 2014 statement", nil, annotate.KindQuestion, annotate.StatusAnswered, annotate.Green, 2),
		note("m1", "d3", "Ceasefire Terms", monitors, "who pays the monitors?", []string{"verification", "Summit Talks"}, annotate.KindNote, "", annotate.Yellow, 3),
		note("u1", "d4", "Caf\u00e9 diplomacy \u2014 na\u00efve hopes", "cafe\u0301 na\u0308ive \u00e9lan, \u0130stanbul and Stra\u00dfe", "d\u00e9j\u00e0 vu", []string{"\u00e9t\u00e9"}, annotate.KindHighlight, "", annotate.Orange, 4),
		note("u2", "d5", "\u0645\u0641\u0627\u0648\u0636\u0627\u062a \u0627\u0644\u0633\u0644\u0627\u0645", "\u0627\u062a\u0641\u0642 \u0627\u0644\u0648\u0632\u0631\u0627\u0621 \u0639\u0644\u0649 \u0648\u0642\u0641 \u0625\u0637\u0644\u0627\u0642 \u0627\u0644\u0646\u0627\u0631", "\u05e9\u05dc\u05d5\u05dd \u05e2\u05db\u05e9\u05d9\u05d5", []string{"\u05e9\u05dc\u05d5\u05dd"}, annotate.KindQuestion, annotate.StatusDropped, annotate.Purple, 6),
		note("u3", "d6", "\u65e5\u672c\u8a9e\u306e\u30e1\u30e2", "\u6771\u4eac\u3067\u4f1a\u8ac7 \U0001F600 x\u200dy", "", nil, annotate.KindNote, "", annotate.Blue, 7),
		search.DocumentEntry(annotate.Document{ID: "d1", Title: "Rubio Meets Lavrov", Byline: "A. Correspondent", Site: "Example Wire"}),
		search.DocumentEntry(annotate.Document{ID: "d4", Title: "Caf\u00e9 diplomacy \u2014 na\u00efve hopes", Byline: "\u00c9. Z\u00fcrcher"}),
	}
	return search.NewIndex(entries)
}

// FuzzParseQuery: any text parses, the same way every time, into words a
// person would recognise as words of what they typed; upper and lower case
// and spaces around the query change nothing.
func FuzzParseQuery(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := search.Parse(s)
		if again := search.Parse(s); !reflect.DeepEqual(q, again) {
			t.Fatalf("%q parsed twice differently: %+v and %+v", s, q, again)
		}
		for _, w := range q.Words {
			if w == "" {
				t.Fatalf("%q gave an empty word: %q", s, q.Words)
			}
			for _, r := range w {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) || unicode.ToLower(r) != r {
					t.Fatalf("%q gave the word %q, holding %q", s, w, r)
				}
			}
		}
		if back := search.Parse(strings.Join(q.Words, " ")); !reflect.DeepEqual(back.Words, q.Words) && len(q.Words) > 0 {
			t.Fatalf("%q: its words %q parse back as %+v", s, q.Words, back)
		}
		for _, p := range q.Phrases {
			if p == "" || p != strings.TrimSpace(p) || p != strings.ToLower(p) {
				t.Fatalf("%q gave the phrase %q", s, p)
			}
		}
		for _, v := range []string{q.Tag, q.Kind, q.Status, q.Colour, q.In, q.Doc} {
			if v != strings.TrimSpace(v) || v != strings.ToLower(v) {
				t.Fatalf("%q gave the filter value %q in %+v", s, v, q)
			}
		}
		if padded := search.Parse("  " + s + "\t "); !reflect.DeepEqual(padded, q) {
			t.Fatalf("%q parsed as %+v, with spaces around as %+v", s, q, padded)
		}
		if upper := search.Parse(asciiUpper(s)); !reflect.DeepEqual(upper, q) {
			t.Fatalf("%q parsed as %+v, in capitals as %+v", s, q, upper)
		}
		if q.Empty() != reflect.DeepEqual(q, search.Query{}) {
			t.Fatalf("%q: Empty() is %v for %+v", s, q.Empty(), q)
		}
	})
}

// FuzzSearch: any query over a small library answers without a panic or
// an error, with at most limit results, each once, each passing the
// query's filters and phrases (a result need not hold every word of a
// query of three words or more), with bold characters inside their field,
// on the first byte of a character, in order; the same query answers the
// same way twice, and asking for more results never gives fewer.
func FuzzSearch(f *testing.F) {
	for i, s := range fuzzSeeds() {
		f.Add(s, uint8(i%12))
	}
	ix := fuzzIndex()
	f.Fuzz(func(t *testing.T, query string, limitByte uint8) {
		limit := int(limitByte % 12)
		rs, err := ix.Search(context.Background(), query, limit)
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		if len(rs) > limit {
			t.Fatalf("%q gave %d results, limit %d", query, len(rs), limit)
		}
		q := search.Parse(query)
		seen := map[string]bool{}
		for _, r := range rs {
			if seen[r.ID] {
				t.Fatalf("%q gave %s twice: %s", query, r.ID, ids(rs))
			}
			seen[r.ID] = true
			if problem := filterProblem(r, q); problem != "" {
				t.Fatalf("%q gave %s, which %s", query, r.ID, problem)
			}
			for f, offsets := range r.Matched {
				text := r.Fields[f]
				for k, i := range offsets {
					if i < 0 || i >= len(text) || !utf8.RuneStart(text[i]) || k > 0 && i <= offsets[k-1] {
						t.Fatalf("%q: bold offsets %v in field %d %q of %s", query, offsets, f, text, r.ID)
					}
				}
			}
		}
		again, _ := ix.Search(context.Background(), query, limit)
		if ids(again) != ids(rs) {
			t.Fatalf("%q gave %q, then %q", query, ids(rs), ids(again))
		}
		if more, _ := ix.Search(context.Background(), query, 11); len(rs) != min(limit, len(more)) {
			t.Fatalf("%q gave %d results for %d asked, and %d for 11", query, len(rs), limit, len(more))
		}
	})
}

// filterProblem says how r fails q's filters or phrases, or "".
func filterProblem(r search.Result, q search.Query) string {
	hasTag := q.Tag == ""
	for _, tag := range r.Tags {
		hasTag = hasTag || annotate.TagKey(tag) == annotate.TagKey(q.Tag)
	}
	hasPhrases := true
	for _, p := range q.Phrases {
		found := false
		for _, text := range r.Fields {
			found = found || strings.Contains(strings.ToLower(text), p)
		}
		hasPhrases = hasPhrases && found
	}
	switch {
	case q.Doc != "" && !strings.EqualFold(r.DocID, q.Doc),
		q.In != "" && !strings.Contains(strings.ToLower(r.Fields[search.FieldTitle]), q.In):
		return "is in another document"
	case !hasPhrases:
		return "lacks a phrase"
	case r.Document && (q.Tag != "" || q.Kind != "" || q.Status != "" || q.Colour != ""):
		return "is a document, though the query asks for annotations"
	case r.Document:
		return ""
	case q.Kind != "" && string(r.Kind) != q.Kind, q.Status != "" && string(r.Status) != q.Status, q.Colour != "" && string(r.Colour) != q.Colour:
		return "has another kind, status or colour"
	case !hasTag:
		return "lacks the tag"
	}
	return ""
}

// asciiUpper is s with a-z in capitals and everything else as it was.
func asciiUpper(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}, s)
}
