package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/corpus"
	"scholia/annotate/ingest"
)

func parseFile(t *testing.T, path string) *annotate.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.Parse(filepath.Base(path), data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	checkOffsets(t, doc)
	return doc
}

func TestSeedArticle(t *testing.T) {
	path := corpus.Path(t, "seed", "000_f041920d014e6657.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	doc := parseFile(t, path)

	if doc.Title != lines[0] || doc.Blocks[0].Kind != annotate.BlockTitle {
		t.Errorf("title %q (%s), want the first line %q", doc.Title, doc.Blocks[0].Kind, lines[0])
	}
	var contents []annotate.Block
	for _, b := range doc.Blocks {
		if b.Kind == annotate.BlockContents {
			contents = append(contents, b)
		}
	}
	if len(contents) != 1 {
		t.Fatalf("%d contents blocks, want one", len(contents))
	}
	entries := strings.Split(contents[0].Text, "\n")[1:]
	if len(entries) != 9 {
		t.Fatalf("contents has %d entries, want 9: %q", len(entries), entries)
	}

	// Entries 2-9 appear in the outline in order, each at its heading in
	// the body, after the contents list.
	outline := doc.Outline()
	next := 0
	for _, e := range entries[1:] {
		want := strings.TrimPrefix(e, "- ")
		want = want[strings.Index(want, ". ")+2:]
		found := false
		for next < len(outline) {
			o := outline[next]
			next++
			if o.Title == want {
				found = true
				if o.Start <= contents[0].Start {
					t.Errorf("outline entry %q points at the contents list", want)
				}
				if b := doc.Blocks[o.Block]; b.Kind != annotate.BlockHeading || b.Text != want {
					t.Errorf("outline entry %q points at %s %q", want, b.Kind, b.Text)
				}
				break
			}
		}
		if !found {
			t.Errorf("contents entry %q is not in the outline (in order)", want)
		}
	}

	// No paragraph split or merged: every line of the body is exactly one
	// block, and the quotes and "Ukraine Conflict: ..." lines stay whole.
	texts := map[string]annotate.BlockKind{}
	for _, b := range doc.Blocks {
		texts[b.Text] = b.Kind
	}
	contentsEnd := 11
	for _, l := range lines[contentsEnd:] {
		l = strings.TrimSpace(l)
		if _, ok := texts[l]; !ok {
			t.Errorf("line is not a block of its own: %.70q", l)
		}
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "Ukraine Conflict:") || strings.HasPrefix(l, "Dr. Anya sharma") || strings.HasPrefix(l, "Former U.S. Ambassador") {
			if k := texts[l]; k != annotate.BlockParagraph && k != annotate.BlockListItem {
				t.Errorf("%.40q is a %q, want a whole paragraph or list item", l, k)
			}
		}
	}
	if !strings.Contains(doc.Text(), "noteworthy.Malaysia maintains") {
		t.Error("the source's missing space after a full stop was changed")
	}
}

func TestPublicDomainTexts(t *testing.T) {
	cases := []struct {
		file    string
		title   string
		outline []string
	}{
		{"communist-manifesto_pg61.txt", "The Communist Manifesto", []string{
			"I. BOURGEOIS AND PROLETARIANS", "II. PROLETARIANS AND COMMUNISTS", "III. SOCIALIST AND COMMUNIST LITERATURE"}},
		{"simple-sabotage-field-manual_pg26184.txt", "Simple Sabotage Field Manual", []string{
			"1. INTRODUCTION", "2. POSSIBLE EFFECTS", "3. MOTIVATING THE SABOTEUR", "4. TOOLS, TARGETS, AND TIMING", "5. SPECIFIC SUGGESTIONS FOR SIMPLE SABOTAGE"}},
		{"souls-of-black-folk_pg408.txt", "The Souls of Black Folk", []string{
			"The Forethought", "I. Of Our Spiritual Strivings", "II. Of the Dawn of Freedom", "X. Of the Faith of the Fathers", "XIV. Of the Sorrow Songs", "The Afterthought"}},
		{"GITenberg-LICENSE.txt", "THE FULL PROJECT GUTENBERG LICENSE", []string{
			"Section 1. General Terms of Use and Redistributing Project Gutenberg-tm electronic works",
			"Section 2. Information about the Mission of Project Gutenberg-tm",
			"Section 3. Information about the Project Gutenberg Literary Archive Foundation"}},
		{"rfc3339.txt", "Date and Time on the Internet: Timestamps", []string{
			"1. Introduction", "4.1. Coordinated Universal Time (UTC)", "5.6. Internet Date/Time Format", "7. Security Considerations", "Appendix A. ISO 8601 Collected ABNF"}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			doc := parseFile(t, corpus.Path(t, "text", c.file))
			if doc.Title != c.title {
				t.Errorf("title = %q, want %q", doc.Title, c.title)
			}
			var got []string
			for _, o := range doc.Outline() {
				got = append(got, o.Title)
				if k := doc.Blocks[o.Block].Kind; k != annotate.BlockHeading {
					t.Errorf("outline entry %q points at a %s", o.Title, k)
				}
			}
			next := 0
			for _, want := range c.outline {
				for next < len(got) && got[next] != want {
					next++
				}
				if next == len(got) {
					t.Fatalf("outline lacks %q in order; it is %q", want, got)
				}
			}
			// In a Gutenberg text, the header and licence are boilerplate.
			inFrame := strings.HasPrefix(doc.Blocks[0].Text, "The Project Gutenberg")
			for _, b := range doc.Blocks {
				if strings.Contains(b.Text, "*** END OF") || strings.Contains(b.Text, "***END OF") {
					inFrame = true
				}
				if inFrame && b.Kind != annotate.BlockBoilerplate {
					t.Errorf("Gutenberg frame text %.50q is a %s, want boilerplate", b.Text, b.Kind)
				}
				if strings.Contains(b.Text, "START OF") && strings.Contains(b.Text, "GUTENBERG") {
					inFrame = false
				}
			}
		})
	}
}
