package search

import "testing"

// TestTypoBound: one edit from 4 letters, two from 8, none below 4.
func TestTypoBound(t *testing.T) {
	for n, want := range map[int]int{1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 7: 1, 8: 2, 12: 2, 30: 2} {
		if got := typoBound(n); got != want {
			t.Errorf("typoBound(%d) = %d, want %d", n, got, want)
		}
	}
}

// TestOSADistance: a swap of neighbours is one edit, as are an insertion,
// a deletion and a replacement.
func TestOSADistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"hawksih", "hawkish", 1}, {"propoganda", "propaganda", 1}, {"sanctoins", "sanctions", 1},
		{"sanctionss", "sanctions", 1}, {"sanctons", "sanctions", 1}, {"form", "from", 1},
		{"ca", "abc", 3}, {"", "abc", 3}, {"same", "same", 0}, {"pörpaganda", "propaganda", 2},
	} {
		if got := osa([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("osa(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestTypoMatchesWithinTheBound: a query word reaches a vocabulary word
// with one edit from 4 letters and two from 8, never more, and a query of
// 1-3 letters reaches words only exactly or as a prefix; the word being
// typed also reaches words whose start is one edit away.
func TestTypoMatchesWithinTheBound(t *testing.T) {
	vocab := "the she tho form from farm fort hawkish propaganda sanctions sanction lavrov moscow cat cart"
	ix := NewIndex([]Entry{{ID: "a", Fields: [numFields]string{FieldBody: vocab}}})
	const none = 0
	for _, c := range []struct {
		query, word string
		typing      bool
		want        uint8
	}{
		{"the", "the", false, matchWhole},
		{"th", "the", false, matchPrefix},
		{"teh", "the", false, none},  // 3 letters: a swap is not forgiven
		{"hte", "the", false, none},  // nor at the first letter
		{"tge", "the", false, none},  // nor a neighbouring key
		{"ths", "the", true, none},   // nor in the word being typed
		{"she", "the", false, none},  // a word of 3 letters is not a typo of another
		{"cst", "cat", false, none},  // 3 letters
		{"cart", "cat", false, none}, // the vocabulary word has 3 letters
		{"fomr", "form", false, matchTypo},
		{"ofrm", "form", false, matchTypo},
		{"fxrm", "form", false, matchTypo},
		{"fxrx", "form", false, none}, // two edits at 4 letters
		{"hawksih", "hawkish", false, matchTypo},
		{"hawkissh", "hawkish", false, matchTypo},
		{"hawksiih", "hawkish", false, none}, // two edits reach no 7-letter word
		{"propoganda", "propaganda", false, matchTypo},
		{"porpoganda", "propaganda", false, matchTypo2},
		{"porpogandda", "propaganda", false, none}, // three edits
		{"sanctoins", "sanctions", false, matchTypo},
		{"snactoins", "sanctions", false, matchTypo2},
		{"lavorv", "lavrov", false, matchTypo},
		{"lvaorv", "lavrov", false, none}, // two edits at 6 letters
		{"lvaorv", "lavrov", true, none},
		{"porpa", "propaganda", true, matchTypo},  // "propa" with two letters swapped
		{"porpa", "propaganda", false, none},      // only the word being typed is a prefix
		{"porpag", "propaganda", true, matchTypo}, // a swap in the part typed
		{"sancyi", "sanctions", true, matchTypo},  // a neighbouring key in the part typed
		{"mosk", "moscow", true, matchTypo},
		{"nos", "moscow", true, none}, // 3 letters typed: no typo in a prefix
	} {
		m := ix.matchWord(c.query, c.typing)
		if got := m[ix.vocab[c.word]]; got != c.want {
			t.Errorf("%q (typing %v) matched %q as %d, want %d", c.query, c.typing, c.word, got, c.want)
		}
	}
}
