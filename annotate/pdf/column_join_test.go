package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate/corpus"
)

// A sentence the left column leaves unfinished goes on at the top of the
// right one in lower case: one paragraph. A paragraph that starts the
// right column in capitals after a finished sentence stays its own.
func TestAParagraphCutByTheColumnBreakIsOneParagraph(t *testing.T) {
	left := column(50, 120, 40,
		"Left column first paragraph holds several words of prose that run down the page.",
		"Many accuse the party of failing to see the threat from radical groups, who had been repressed under")
	right := column(330, 120, 40,
		"authoritarian regimes, won the freedom to preach in the mosques.",
		"Right column second paragraph also holds several words that run down the page.")
	d := read(t, fixture{pages: [][]run{append(left, right...)}})
	want := []string{
		"Left column first paragraph holds several words of prose that run down the page.",
		"Many accuse the party of failing to see the threat from radical groups, who had been repressed under authoritarian regimes, won the freedom to preach in the mosques.",
		"Right column second paragraph also holds several words that run down the page.",
	}
	if got := texts(d); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("blocks\n%q\nwant\n%q", got, want)
	}
}

// A paragraph joined over a page break knows where the break is: the
// first line set on the next page starts that page.
func TestAParagraphOverAPageBreakKnowsWhereTheNextPageStarts(t *testing.T) {
	p1 := column(50, 120, 80, "The committee met in March to weigh the information it had gathered over the winter.", "After a long debate the committee agreed that")
	p2 := column(50, 80, 80, "the budget would grow by a tenth, as the treasurer had asked.")
	d := read(t, fixture{pages: [][]run{p1, p2}})
	if len(d.Blocks) != 2 {
		t.Fatalf("blocks %q, want 2", texts(d))
	}
	b := d.Blocks[1]
	at := len([]rune("After a long debate the committee agreed that "))
	if b.Page != 1 || len(b.Turns) != 1 || b.Turns[0].At != at || b.Turns[0].Page != 2 {
		t.Errorf("the paragraph is on page %d with turns %+v, want page 1 turning to 2 at %d", b.Page, b.Turns, at)
	}
}

// The Washington Post article printed in two columns: its paragraph cut
// by the column break on page 1 is one, and the paragraph going on onto
// page 2 turns the page before "bombs, after the release".
func TestTheRealTwoColumnArticleKeepsItsParagraphsAndPageTurn(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpus.Path(t, "pdf", "pages"), "wapo-1-2col.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := testEngine.Read(data, "")
	if err != nil {
		t.Fatal(err)
	}
	joined, turned := false, false
	for _, b := range d.Blocks {
		if strings.Contains(b.Text, "repressed under authoritarian regimes, won the freedom") {
			joined = true
		}
		if i := strings.Index(b.Text, "gasoline bombs, after the release"); i >= 0 {
			at := len([]rune(b.Text[:i+len("gasoline ")]))
			turned = b.Page == 1 && len(b.Turns) == 1 && b.Turns[0].At == at && b.Turns[0].Page == 2
		}
	}
	if !joined {
		t.Errorf("“repressed under” and “authoritarian regimes” are in two blocks")
	}
	if !turned {
		t.Errorf("the paragraph going on onto page 2 does not turn the page before “bombs”")
	}
}

// A passage set in from the margin that a page break cuts goes on at the
// top of the next page, set in as far: one block quote.
func TestAQuoteCutByAPageBreakIsOneQuote(t *testing.T) {
	p1 := column(50, 120, 80, "The committee met in March to weigh the information it had gathered over the winter.")
	p1 = append(p1, column(90, 170, 60, "Most services have to go by indirect signals such as the load on the processors, the")...)
	p2 := column(90, 80, 60, "memory in use or the network bandwidth, which have a known upper bound.")
	p2 = append(p2, column(50, 130, 80, "The next meeting falls in June, after the report has been read by all of its members.")...)
	d := read(t, fixture{pages: [][]run{p1, p2}})
	want := "Most services have to go by indirect signals such as the load on the processors, the memory in use or the network bandwidth, which have a known upper bound."
	for _, b := range d.Blocks {
		if b.Text == want {
			return
		}
	}
	t.Fatalf("blocks %q, want one holding %q", texts(d), want)
}
