package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/corpus"
)

// Words as a reader sees them on the page, not as the PDF draws them: an
// underscore or an apostrophe whose box barely meets the line's, an
// underscore TeX draws as a rule, TeX's © drawn as a circle around a c, a
// word hyphenated at a line end whose halves are no words of the text.

func TestSmallMarksAndDrawnCharactersStayInTheirWords(t *testing.T) {
	const y = 100.0 // baseline of the drawn line, from the top
	page := []run{
		{x: 50, y: 60, size: 10, text: "int asn1_node"},  // no letter reaches below the baseline but the underscore
		{x: 50, y: 80, size: 10, text: "we aren’t sure"}, // none reaches above the x-height but the apostrophe
		{x: 50, y: y, size: 10, text: "int asn1"},
		{raw: fmt.Sprintf("%g %g 3 0.43 re f", 50+34.5, pageHeight-y)}, // TeX's underscore, a rule on the baseline
		{x: 50 + 38.2, y: y, size: 10, text: "parser2tree (const char * file)"},
		{x: 50, y: 120, size: 10, text: "Copyright"},
		{raw: fmt.Sprintf("BT /F3 10 Tf 96 %g Td <0D> Tj ET BT /F1 7 Tf 98.5 %g Td (c) Tj ET", pageHeight-120, pageHeight-120)},
		{x: 109, y: 120, size: 10, text: "2001–2022 Free Software Foundation, Inc."},
	}
	d := read(t, fixture{pages: [][]run{page}})
	got := strings.Join(texts(d), "\n")
	for _, want := range []string{
		"int asn1_node",
		"we aren’t sure",
		"int asn1_parser2tree (const char * file)",
		"Copyright © 2001–2022 Free Software Foundation, Inc.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the text lacks %q; it is\n%s", want, got)
		}
	}
}

func TestAWordBrokenAtALineEndIsWholeWhenItsHalvesAreNoWordsOfALongText(t *testing.T) {
	var filler []string // a text of many different words, as a manual is
	for i := 0; len(filler) < manyWords+100; i++ {
		filler = append(filler, syllables(i))
	}
	body := []run{
		{x: 50, y: 80, size: 10, text: "A library for structure manip-"},
		{x: 50, y: 94, size: 10, text: "ulation of a well-"},
		{x: 50, y: 108, size: 10, text: "known kind, well made and known to all."},
	}
	body = append(body, column(50, 140, 90, strings.Join(filler, " ")+".")...)
	d := read(t, fixture{pages: [][]run{body}})
	want := "A library for structure manipulation of a well-known kind, well made and known to all."
	if d.Blocks[0].Text != want {
		t.Errorf("first block %q, want %q", d.Blocks[0].Text, want)
	}
}

// syllables is a made-up word, different for every i.
func syllables(i int) string {
	const cons, vowels = "bdfgklmnprstvz", "aeiou"
	w := ""
	for n := i + 1; n > 0; n /= 70 {
		w += string(cons[n%70/5]) + string(vowels[n%5])
	}
	return w
}

// The Texinfo manual a user imported showed "asn1 _ node", "• •", "c" for
// © and "aren ’t"; its text must read as the printed page does.
func TestTheTexinfoManualReadsAsPrinted(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpus.Path(t, "pdf", "real"), "libtasn1.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := testEngine.Read(data, "")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(texts(d), "\n")
	for _, want := range []string{
		"The main type used in it is asn1_node, and it’s used",
		"[asn1_decode_simple_der], page 22",
		"int asn1_copy_node (asn1_node dst, const char * dst_name,",
		"asn1_node_const src, const char * src_name)",
		"Copyright © 2001–2022 Free Software Foundation, Inc.",
		"it means that this element wasn’t present",
		"ASN1_MAX_NAME_SIZE characters",
		"Encoding Rules (DER) manipulation.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	code := false
	for _, b := range d.Blocks {
		if b.Kind == annotate.BlockPre && b.Text == "Value ::= SEQUENCE {\n   value1 INTEGER,\n   value2 BOOLEAN\n}" {
			code = true
		}
	}
	if !code {
		t.Error("the definition in 2.2 Naming is not one preformatted block, line by line")
	}
	for _, bad := range []string{"asn1 _", "_ node", "n ’t", "Copyright c ", "\n_\n"} {
		if strings.Contains(text, bad) {
			t.Errorf("the text holds %q", bad)
		}
	}
	for _, b := range d.Blocks {
		if strings.HasPrefix(b.Text, "•") {
			t.Errorf("a block starts with its bullet, which the reader draws again: %q", b.Text)
			break
		}
	}
}

// Code set in a typewriter font and indented is one preformatted block,
// line by line with its indentation, not a list item a line.
func TestCodeInATypewriterFontIsOnePreformattedBlock(t *testing.T) {
	body := append(column(50, 80, 80, "Consider this definition, which the parser reads:"),
		run{x: 80, y: 110, size: 10, mono: true, text: "Group ::= SEQUENCE {"},
		run{x: 98, y: 122, size: 10, mono: true, text: "id"},
		run{x: 140, y: 122, size: 10, mono: true, text: "OBJECT IDENTIFIER,"}, // lined up with a tab
		run{x: 98, y: 134, size: 10, mono: true, text: "value Value"},
		run{x: 80, y: 146, size: 10, mono: true, text: "}"},
	)
	body = append(body, column(50, 176, 80, "The notation to access the type is Example.Group as a string.")...)
	d := read(t, fixture{pages: [][]run{body}})
	want := "Group ::= SEQUENCE {\n   id     OBJECT IDENTIFIER,\n   value Value\n}"
	found := false
	for _, b := range d.Blocks {
		if b.Kind == annotate.BlockPre && b.Text == want {
			found = true
		}
	}
	if !found || len(d.Blocks) != 3 {
		t.Errorf("blocks %q, want the code as one preformatted block %q between the two paragraphs", texts(d), want)
	}
}

// A title page's lines set flush right under the title are no list items.
func TestATitlePagesFlushRightLinesAreNoListItems(t *testing.T) {
	page := []run{
		{x: 50, y: 80, size: 24, bold: true, text: "Libtasn1"},
		{x: 300, y: 120, size: 10, text: "Abstract Syntax Notation library"},
		{x: 300, y: 160, size: 10, text: "Syntax Notation Abstract library"}, // the same letters: it ends where the line above does
	}
	page = append(page, column(50, 200, 80, "This manual is for GNU Libtasn1, a library for Abstract Syntax Notation One "+
		"(ASN.1) and Distinguished Encoding Rules (DER) manipulation, the parsing of structures and their encoding.")...)
	d := read(t, fixture{pages: [][]run{page}})
	for _, b := range d.Blocks {
		if strings.HasSuffix(b.Text, "library") && b.Kind != annotate.BlockParagraph {
			t.Errorf("%q is a %s, want a paragraph", b.Text, b.Kind)
		}
	}
}

// The DocBook spec's listings (in Nimbus Mono) keep their lines: two
// lines of a globs2 file were one word, "__NOGLOBS__50:text/x-diff".
func TestTheDocBookSpecKeepsItsListingsLineByLine(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpus.Path(t, "pdf", "real"), "shared-mime-info-spec.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := testEngine.Read(data, "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]annotate.BlockKind{
		"0:text/x-diff:__NOGLOBS__\n50:text/x-diff:*.diff":                                                  annotate.BlockPre,
		"<MIME>/mime.cache (contains the same information as the globs2, magic, subclasses, aliases, icons": annotate.BlockListItem,
	}
	for _, b := range d.Blocks {
		for text, kind := range want {
			if strings.Contains(b.Text, text) && b.Kind == kind {
				delete(want, text)
			}
		}
	}
	for text, kind := range want {
		t.Errorf("no %s block holds %q", kind, text)
	}
}
