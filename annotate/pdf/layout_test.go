package pdf

import (
	"strings"
	"testing"

	"scholia/annotate"
)

// page with a running header and a page number, as a printer sets them.
func framed(n string, body []run) []run {
	return append([]run{
		{x: 50, y: 30, size: 8, text: "Annual Report of the Society"},
		{x: 300, y: 770, size: 8, text: n},
	}, body...)
}

func texts(d *Document) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Text)
	}
	return out
}

func TestPagesBecomeBlocksWithoutTheirRunningHeadersAndPageNumbers(t *testing.T) {
	p1 := append([]run{{x: 50, y: 80, size: 20, bold: true, text: "The Budget"}},
		column(50, 120, 80,
			"The committee met in March to weigh the information it had gathered over the winter.",
			"After a long debate the committee agreed that")...)
	p2 := column(50, 80, 80,
		"the budget would grow by a tenth, as the treasurer had asked.",
		"The next meeting falls in June.")
	d := read(t, fixture{pages: [][]run{framed("1", p1), framed("2", p2)}})
	got := texts(d)
	want := []string{
		"The Budget",
		"The committee met in March to weigh the information it had gathered over the winter.",
		"After a long debate the committee agreed that the budget would grow by a tenth, as the treasurer had asked.",
		"The next meeting falls in June.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("blocks\n%q\nwant\n%q", got, want)
	}
	if d.Blocks[0].Kind != annotate.BlockHeading || d.Blocks[0].Level != 1 {
		t.Errorf("the title is %s level %d, want a heading of level 1", d.Blocks[0].Kind, d.Blocks[0].Level)
	}
	pages := []int{d.Blocks[0].Page, d.Blocks[1].Page, d.Blocks[2].Page, d.Blocks[3].Page}
	if pages[0] != 1 || pages[1] != 1 || pages[2] != 1 || pages[3] != 2 {
		t.Errorf("pages %v, want 1 1 1 2 (a paragraph cut by the page break starts on page 1)", pages)
	}
	if d.Pages != 2 {
		t.Errorf("%d pages, want 2", d.Pages)
	}
}

func TestTwoColumnsAreReadOneAfterTheOther(t *testing.T) {
	left := column(50, 120, 40,
		"Left column first paragraph holds several words of prose that run down the page.",
		"Left column second paragraph also holds several words that run down the page.")
	right := column(330, 120, 40,
		"Right column first paragraph holds several words of prose that run down the page.",
		"Right column second paragraph also holds several words that run down the page.")
	title := run{x: 50, y: 80, size: 18, bold: true, text: "A Title Across Both Columns of the Page"}
	d := read(t, fixture{pages: [][]run{append(append([]run{title}, right...), left...)}})
	got := texts(d)
	want := []string{title.text,
		"Left column first paragraph holds several words of prose that run down the page.",
		"Left column second paragraph also holds several words that run down the page.",
		"Right column first paragraph holds several words of prose that run down the page.",
		"Right column second paragraph also holds several words that run down the page."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("blocks\n%q\nwant\n%q", got, want)
	}
}

func TestALineEndHyphenGoesWhenTheJoinedWordIsAWordOfTheText(t *testing.T) {
	body := []run{
		{x: 50, y: 100, size: 10, text: "Every member reads the infor-"},
		{x: 50, y: 114, size: 10, text: "mation sent before the well-"},
		{x: 50, y: 128, size: 10, text: "known meeting; the information"},
		{x: 50, y: 142, size: 10, text: "is long."},
	}
	d := read(t, fixture{pages: [][]run{body}})
	want := "Every member reads the information sent before the well-known meeting; the information is long."
	if len(d.Blocks) != 1 || d.Blocks[0].Text != want {
		t.Fatalf("blocks %q, want %q", texts(d), want)
	}
}

func TestFootnotesListsAndQuotesKeepTheirKind(t *testing.T) {
	body := column(50, 80, 80, "The treaty was signed in 1991 after years of talks between the two powers, as the record shows.")
	body = append(body,
		run{x: 50, y: 130, size: 10, text: "• Verification by inspectors"},
		run{x: 50, y: 144, size: 10, text: "• Limits on warheads"},
	)
	body = append(body, column(90, 180, 60, "A quotation set in from the margin runs over two lines of the page here.")...)
	body = append(body, column(50, 230, 80, "The body of the page goes on after the quotation with more words.")...)
	body = append(body, run{x: 50, y: 740, size: 7, text: "1 Signed at Moscow, 31 July 1991."})
	d := read(t, fixture{pages: [][]run{body}})
	kinds := map[string]annotate.BlockKind{}
	for _, b := range d.Blocks {
		kinds[b.Text] = b.Kind
	}
	for text, kind := range map[string]annotate.BlockKind{
		"Verification by inspectors":         annotate.BlockListItem,
		"Limits on warheads":                 annotate.BlockListItem,
		"A quotation set in from the margin": annotate.BlockQuote,
		"1 Signed at Moscow, 31 July 1991.":  annotate.BlockParagraph,
	} {
		found := false
		for got, k := range kinds {
			if strings.HasPrefix(got, text) {
				found = true
				if k != kind {
					t.Errorf("%q is a %s, want %s", text, k, kind)
				}
			}
		}
		if !found {
			t.Errorf("no block starts with %q in %q", text, texts(d))
		}
	}
	if last := d.Blocks[len(d.Blocks)-1].Text; last != "1 Signed at Moscow, 31 July 1991." {
		t.Errorf("the last block is %q, want the footnote", last)
	}
}

func TestMetadataGivesTitleAuthorDateAndAJunkTitleGivesWayToTheLargestText(t *testing.T) {
	page := append([]run{{x: 50, y: 80, size: 24, bold: true, text: "Arms Control After 1991"}},
		column(50, 130, 80, "Body text of the report.")...)
	for _, c := range []struct{ title, want string }{
		{"Microsoft Word - draft3.docx", "Arms Control After 1991"},
		{"report_final", "Arms Control After 1991"},
		{"", "Arms Control After 1991"},
		{"Arms Control: A Report", "Arms Control: A Report"},
	} {
		d := read(t, fixture{pages: [][]run{page}, title: c.title, author: "Ann Smith", created: "D:20240302101500Z"})
		if d.Title != c.want {
			t.Errorf("Title %q: got %q, want %q", c.title, d.Title, c.want)
		}
		if d.Author != "Ann Smith" || d.Created != "2024-03-02" {
			t.Errorf("author %q, created %q", d.Author, d.Created)
		}
	}
}

func TestBookmarksBecomeTheOutlineAndPagesKeepTheirLabels(t *testing.T) {
	pages := [][]run{
		column(50, 80, 80, "Preface text of the book, set before the first chapter."),
		append([]run{{x: 50, y: 80, size: 10, text: "1 Introduction"}}, column(50, 110, 80, "The introduction begins here.")...),
		append([]run{{x: 50, y: 80, size: 10, text: "1.1 Scope"}}, column(50, 110, 80, "The scope of the work.")...),
	}
	d := read(t, fixture{pages: pages, roman: 1, id: "0123456789abcdef0123456789abcdef",
		marks: []mark{{"1 Introduction", 2}, {"Scope", 3}}})
	doc := d.Annotate()
	var outline []string
	for _, o := range doc.Outline() {
		outline = append(outline, o.Title)
	}
	if strings.Join(outline, "|") != "1 Introduction|1.1 Scope" {
		t.Errorf("outline %q, want the two bookmarks", outline)
	}
	if strings.Join(doc.PageLabels, ",") != "i,1,2" {
		t.Errorf("page labels %q, want i,1,2", doc.PageLabels)
	}
	if doc.Fingerprint != "0123456789abcdef0123456789abcdef" {
		t.Errorf("fingerprint %q", doc.Fingerprint)
	}
	if doc.Blocks[len(doc.Blocks)-1].Page != 3 {
		t.Errorf("the last block is on page %d, want 3", doc.Blocks[len(doc.Blocks)-1].Page)
	}
}
