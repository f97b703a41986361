package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/ingest"
)

// block is the part of a Block a test states.
type block struct {
	kind  annotate.BlockKind
	level int
	text  string
}

var cases = []struct {
	file   string
	title  string
	blocks []block
}{
	{"briefing.txt", "A Briefing on Maritime Boundaries", []block{
		{annotate.BlockTitle, 0, "A Briefing on Maritime Boundaries"},
		{annotate.BlockContents, 0, "Contents\n1. Background\n2. The Arbitration\n3. What Comes Next"},
		{annotate.BlockHeading, 1, "1. Background"},
		{annotate.BlockParagraph, 0, "The dispute over the shelf has run for decades. Both governments claim the same waters, and both cite treaties signed before either state had its present borders."},
		{annotate.BlockParagraph, 0, "Negotiators met twice in the spring.They agreed on little beyond a timetable, and the typo in this sentence stays as it is."},
		{annotate.BlockHeading, 1, "2. The Arbitration"},
		{annotate.BlockParagraph, 0, "The tribunal's award was short:"},
		{annotate.BlockListItem, 0, "the median line applies to the northern sector;"},
		{annotate.BlockListItem, 0, "fishing rights stay as they were under the 1978 agreement;"},
		{annotate.BlockListItem, 0, "both parties bear their own costs."},
		{annotate.BlockHeading, 1, "3. What Comes Next"},
		{annotate.BlockParagraph, 0, "Observers expect a further round of talks before the end of the year."},
	}},
	{"one-per-line.txt", "Notes From the Summit", []block{
		{annotate.BlockTitle, 0, "Notes From the Summit"},
		{annotate.BlockParagraph, 0, `A delegate said the talks were "frank" and long, running well past the hour the organisers had announced, and that the communique would follow on Monday morning.`},
		{annotate.BlockParagraph, 0, "Another delegate, asked about the agenda, said only that trade and security would come first and that everything else was still being discussed between the capitals."},
		{annotate.BlockHeading, 2, "Trade and Security"},
		{annotate.BlockParagraph, 0, "The trade ministers met separately and agreed to publish their figures before the next meeting, a step several observers called overdue given the size of the deficits."},
	}},
	{"notes.md", "Reading Notes on the Treaty", []block{
		{annotate.BlockTitle, 0, "Reading Notes on the Treaty"},
		{annotate.BlockParagraph, 0, "Some bold claims and a link here."},
		{annotate.BlockHeading, 2, "Articles"},
		{annotate.BlockListItem, 1, "Article one sets the scope."},
		{annotate.BlockListItem, 1, "Article two sets the terms."},
		{annotate.BlockListItem, 2, "a nested point"},
		{annotate.BlockQuote, 0, "A quoted statement from the preamble."},
		{annotate.BlockPre, 0, "code stays\n  as typed"},
		{annotate.BlockHeading, 3, "Final remarks"},
		{annotate.BlockParagraph, 0, "Last paragraph."},
	}},
	{"latin1.txt", "Café Diplomacy", []block{
		{annotate.BlockTitle, 0, "Café Diplomacy"},
		{annotate.BlockParagraph, 0, "The envoy ordered a café crème and spoke of naïve hopes – as diplomats do."},
	}},
	{"utf16le.txt", "Déjà Vu in Geneva", []block{
		{annotate.BlockTitle, 0, "Déjà Vu in Geneva"},
		{annotate.BlockParagraph, 0, "The delegates returned to Genève for a third round."},
	}},
	{"utf8bom.txt", "Déjà Vu in Geneva", []block{
		{annotate.BlockTitle, 0, "Déjà Vu in Geneva"},
		{annotate.BlockParagraph, 0, "The delegates returned to Genève for a third round."},
	}},
	{"formfeed.txt", "Page One Title", []block{
		{annotate.BlockTitle, 0, "Page One Title"},
		{annotate.BlockParagraph, 0, "First page paragraph."},
		{annotate.BlockParagraph, 0, "Second page paragraph."},
	}},
}

func TestParseStructure(t *testing.T) {
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			doc := parseFixture(t, c.file)
			if doc.Title != c.title {
				t.Errorf("title = %q, want %q", doc.Title, c.title)
			}
			if len(doc.Blocks) != len(c.blocks) {
				for _, b := range doc.Blocks {
					t.Logf("%s %d %q", b.Kind, b.Level, b.Text)
				}
				t.Fatalf("%d blocks, want %d", len(doc.Blocks), len(c.blocks))
			}
			for i, want := range c.blocks {
				got := doc.Blocks[i]
				if got.Kind != want.kind || got.Level != want.level || got.Text != want.text {
					t.Errorf("block %d = %s/%d %q, want %s/%d %q", i, got.Kind, got.Level, got.Text, want.kind, want.level, want.text)
				}
			}
			checkOffsets(t, doc)
		})
	}
}

func TestGutenbergFrameStaysOutOfTheOutline(t *testing.T) {
	doc := parseFixture(t, "gutenberg.txt")
	if doc.Title != "A Small Essay" || doc.Byline != "Nobody In Particular" {
		t.Fatalf("title %q byline %q, want the header's Title and Author", doc.Title, doc.Byline)
	}
	first, last := doc.Blocks[0], doc.Blocks[len(doc.Blocks)-1]
	if first.Kind != annotate.BlockBoilerplate || last.Kind != annotate.BlockBoilerplate {
		t.Errorf("header and licence are %s and %s, want boilerplate", first.Kind, last.Kind)
	}
	if !strings.Contains(doc.Text(), "This licence text stands in for the real one.") {
		t.Error("the licence was dropped; it must be kept")
	}
	var titles []string
	for _, o := range doc.Outline() {
		titles = append(titles, o.Title)
	}
	if got := strings.Join(titles, " | "); got != "CHAPTER I | CHAPTER II" {
		t.Errorf("outline = %q, want the two chapters only", got)
	}
}

func TestBadInputIsRefusedWithAReason(t *testing.T) {
	huge := strings.Repeat("word ", 10<<20)
	cases := []struct {
		name string
		data []byte
		want error
		says string
	}{
		{"empty.txt", nil, annotate.ErrEmpty, "empty"},
		{"blank.txt", []byte(" \n\n\t\n"), annotate.ErrEmpty, "no text"},
		{"image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), annotate.ErrUnsupportedFormat, "PNG image"},
		{"binary.dat", []byte("abc\x00\x01\x02\x03def"), annotate.ErrUnsupportedFormat, "binary"},
		{"report.pdf", []byte("%PDF-1.7 ..."), annotate.ErrUnsupportedFormat, "PDF"},
		{"scripts.html", []byte("<html><head><script>var a = 1;</script></head><body><script>alert(1)</script></body></html>"), annotate.ErrEmpty, "no article text"},
		{"book.epub", []byte("PK\x03\x04 not really"), annotate.ErrUnsupportedFormat, "EPUB"},
		{"huge.txt", []byte(huge), annotate.ErrTooLarge, "up to 16.0 MB"},
		{"controls.txt", []byte(strings.Repeat("\x01\x02\x03 text ", 100)), annotate.ErrUnsupportedFormat, "binary"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := ingest.Parse(c.name, c.data)
			if !errors.Is(err, c.want) {
				t.Fatalf("Parse = %v, %v; want %v", doc, err, c.want)
			}
			if !strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), "\n") {
				t.Errorf("message %q should say %q on one line", err, c.says)
			}
		})
	}
}

func TestLongLineWithoutBreaksImports(t *testing.T) {
	text := strings.Repeat("a sentence without any line break ", 200_000)
	doc, err := ingest.Parse("stream.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Text(); !strings.HasPrefix(text, got) || len(got) < len(text)-1 {
		t.Errorf("text of %d bytes came back as %d bytes", len(text), len(got))
	}
}

func TestInvalidUTF8IsReadAsWindows1252(t *testing.T) {
	doc, err := ingest.Parse("x.txt", []byte("Smart \x93quotes\x94 and \xe9t\xe9\n"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Smart “quotes” and été" {
		t.Errorf("title = %q", doc.Title)
	}
}

func TestIdenticalBytesHashAlike(t *testing.T) {
	a := parseFixture(t, "briefing.txt")
	b := parseFixture(t, "briefing.txt")
	c := parseFixture(t, "notes.md")
	if a.Hash != b.Hash || a.Hash == c.Hash || len(a.Hash) != 64 {
		t.Errorf("hashes %s %s %s", a.Hash, b.Hash, c.Hash)
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range cases {
		data, err := os.ReadFile(filepath.Join("testdata", c.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(c.file, data)
	}
	f.Add("x.txt", []byte("Contents\n1. A\n\n1. A\n"))
	if page, err := os.ReadFile(filepath.Join("testdata", "article.html")); err == nil {
		f.Add("article.html", page)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		doc, err := ingest.Parse(name, data)
		if err != nil {
			return
		}
		checkOffsets(t, doc)
	})
}

func parseFixture(t *testing.T, name string) *annotate.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.Parse(name, data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return doc
}

// checkOffsets: every block's Start is where its text stands in Text.
func checkOffsets(t *testing.T, doc *annotate.Document) {
	t.Helper()
	text := []rune(doc.Text())
	if len(text) != doc.Len() {
		t.Fatalf("Len() = %d, text has %d code points", doc.Len(), len(text))
	}
	for i, b := range doc.Blocks {
		if b.Text == "" {
			t.Fatalf("block %d is empty", i)
		}
		if got := string(text[b.Start:b.End()]); got != b.Text {
			t.Fatalf("block %d at %d reads %q, want %q", i, b.Start, got, b.Text)
		}
	}
}

func TestHTMLPageBecomesStructuredText(t *testing.T) {
	doc := parseFixture(t, "article.html")
	if doc.Title != "Le sommet de Genève | Revue d'exemple" {
		t.Errorf("title %q", doc.Title)
	}
	if doc.URL != "https://example.org/sommet-geneve" || doc.Language != "fr" || doc.Format != "html" {
		t.Errorf("metadata url %q lang %q format %q", doc.URL, doc.Language, doc.Format)
	}
	want := []block{
		{annotate.BlockTitle, 0, "Le sommet de Genève | Revue d'exemple"},
		{annotate.BlockParagraph, 0, "Les délégations se sont retrouvées au bord du lac pour une journée de discussions franches et longues, selon plusieurs diplomates présents dans la salle."},
		{annotate.BlockParagraph, 0, "Le communiqué final reprend une formule déjà connue : les parties sont attachées « en principe » à une solution négociée, sans calendrier ni mécanisme de suivi."},
		{annotate.BlockHeading, 2, "Ce qui a été convenu"},
		{annotate.BlockListItem, 1, "Un groupe de travail technique se réunira avant l'été."},
		{annotate.BlockListItem, 1, "Les échanges de prisonniers se poursuivront."},
		{annotate.BlockQuote, 0, "Nous reviendrons, a déclaré le ministre en quittant la salle."},
		{annotate.BlockPre, 0, "calendrier:\n  juin   réunion technique"},
		{annotate.BlockParagraph, 0, "Les observateurs restent prudents sur la suite, car aucun des textes signés ne fixe de date ni de responsable."},
	}
	if len(doc.Blocks) != len(want) {
		for _, b := range doc.Blocks {
			t.Logf("%s %d %q", b.Kind, b.Level, b.Text)
		}
		t.Fatalf("%d blocks, want %d", len(doc.Blocks), len(want))
	}
	for i, w := range want {
		if b := doc.Blocks[i]; b.Kind != w.kind || b.Level != w.level || b.Text != w.text {
			t.Errorf("block %d = %s/%d %q, want %s/%d %q", i, b.Kind, b.Level, b.Text, w.kind, w.level, w.text)
		}
	}
	for _, gone := range []string{"window.track", "color: red", "Accueil", "Chercher"} {
		if strings.Contains(doc.Text(), gone) {
			t.Errorf("%q survived the import", gone)
		}
	}
	checkOffsets(t, doc)
}

func TestHTMLCharsetFromTheBytes(t *testing.T) {
	body := "<p>" + strings.Repeat("Les délégations se sont retrouvées à Genève pour des discussions. ", 12) + "</p>"
	cases := map[string][]byte{
		"utf-8 without a declaration": []byte("<html><head><title>Genève</title></head><body><article>" + body + "</article></body></html>"),
		"utf-8 declared late":         []byte("<html><head><!--" + strings.Repeat(" ", 2000) + "--><meta charset=\"utf-8\"><title>Genève</title></head><body><article>" + body + "</article></body></html>"),
	}
	for name, page := range cases {
		doc, err := ingest.Parse("page.html", page)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if doc.Title != "Genève" || !strings.Contains(doc.Text(), "délégations") {
			t.Errorf("%s: title %q, text %.60q", name, doc.Title, doc.Text())
		}
	}
}

func TestRightToLeftPageKeepsItsDirection(t *testing.T) {
	doc := parseFixture(t, "rtl-article.html")
	if doc.Direction != "rtl" || doc.Language != "ar" || doc.Title != "المفاوضات في جنيف" {
		t.Errorf("direction %q, language %q, title %q", doc.Direction, doc.Language, doc.Title)
	}
	if doc.Byline != "مراسل سكوليا" {
		t.Errorf("byline %q", doc.Byline)
	}
	if !strings.Contains(doc.Text(), "رفع الرسوم الجمركية عن 40 سلعة زراعية.") {
		t.Errorf("a list item lost its words or their order: %.200q", doc.Text())
	}
	checkOffsets(t, doc)
}
