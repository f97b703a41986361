package anchor_test

import (
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/anchor"
)

// report is a committee's report whose paragraphs start alike, as such
// reports do, and end with a form repeated for each copy.
var report = strings.Join([]string{
	"The committee notes that the southern crossings reopened in March after the floods receded.",
	"The committee notes that the eastern depots were restocked twice before the first snow.",
	"The committee notes that the western roads remained passable for most of the season.",
	"The committee notes that the coastal ferries kept running despite repeated storms at sea.",
	"The committee notes that the northern crossings stayed closed all winter and no convoy got through.",
	"Both sides withdrew their heavy guns, and the monitors counted every barrel twice before signing.",
	"Observers reported every violation to the joint commission sitting in Vienna within a day of it.",
	"Monitors reported each violation to the joint commission sitting in Vienna, as the treaty requires.",
	"Signed and sealed in the presence of both delegations, this copy to be kept by the secretariat.",
	"Signed and sealed in the presence of both delegations, this copy to be kept by the secretariat.",
	"Signed and sealed in the presence of both delegations, this copy to be kept by the secretariat.",
	"Signed and sealed in the presence of both delegations, this copy to be kept by the secretariat.",
}, "\n\n")

// edited is report with each replacement made once, in order.
func edited(pairs ...string) string {
	s := report
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			panic("the fixture lacks " + pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// nthIndex is the code point offset of the nth (from 1) occurrence of sub
// in s, or -1.
func nthIndex(s, sub string, n int) int {
	from := 0
	for ; n > 0; n-- {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			return -1
		}
		if n == 1 {
			return len([]rune(s[:from+i]))
		}
		from += i + len(sub)
	}
	return -1
}

// TestPassagesFoundAgainAfterEdits: each edit a reader's source may go
// through, and where the note must end up. Each case is one a weaker
// finder gets wrong: it puts the note on the wrong copy or wrong words, or
// loses it.
func TestPassagesFoundAgainAfterEdits(t *testing.T) {
	cases := []struct {
		name       string
		quote      string // the passage annotated in report
		occurrence int    // which occurrence of quote in report
		text       string // the source after the edit
		want       string // the passage the note must be on; "" for an orphan
		wantNth    int    // which occurrence of want in text
	}{
		{
			name:  "a passage opening like four others, its end corrected, is found at its own paragraph",
			quote: "The committee notes that the northern crossings stayed closed all winter", occurrence: 1,
			text: edited("closed all winter", "closed all the winter"),
			want: "The committee notes that the northern crossings stayed closed all the winter", wantNth: 1,
		},
		{
			name:  "a passage with its first and last words corrected and the text after it rewritten is found by the words before it",
			quote: "Observers reported every violation to the joint commission sitting in Vienna", occurrence: 1,
			text: edited("Observers reported", "Monitors reported", "sitting in Vienna within a day of it.", "sitting at Vienna, which met weekly and published little."),
			want: "Monitors reported every violation to the joint commission sitting at Vienna", wantNth: 1,
		},
		{
			name:  "a passage with its first and last words corrected and the text before it rewritten is found by the words after it",
			quote: "Observers reported every violation to the joint commission sitting in Vienna", occurrence: 1,
			text: edited("counted every barrel twice before signing.", "left before anyone could count the barrels.", "Observers reported", "Monitors reported", "sitting in Vienna", "sitting at Vienna"),
			want: "Monitors reported every violation to the joint commission sitting at Vienna", wantNth: 1,
		},
		{
			name:  "a passage whose opening word and the words either side were changed is found by its closing words",
			quote: "the monitors counted every barrel twice", occurrence: 1,
			text: edited("heavy guns, and the monitors counted every barrel twice before", "heavy guns, so these monitors counted every barrel twice after"),
			want: "these monitors counted every barrel twice", wantNth: 1,
		},
		{
			name:  "a passage whose closing word and the words either side were changed is found by its opening words",
			quote: "the monitors counted every barrel twice", occurrence: 1,
			text: edited("heavy guns, and the monitors counted every barrel twice before", "heavy guns, so the monitors counted every barrel thrice after"),
			want: "the monitors counted every barrel thrice", wantNth: 1,
		},
		{
			name:  "a note on the second of four identical forms stays on the second after a paragraph is added above",
			quote: "this copy to be kept by the secretariat", occurrence: 2,
			text: "A preface added by the editors.\n\n" + report,
			want: "this copy to be kept by the secretariat", wantNth: 2,
		},
		{
			name:  "a note on the third of four identical forms stays on the third after the paragraph above them is cut",
			quote: "this copy to be kept by the secretariat", occurrence: 3,
			text: edited("Observers reported every violation to the joint commission sitting in Vienna within a day of it.\n\n", ""),
			want: "this copy to be kept by the secretariat", wantNth: 3,
		},
		{
			name:  "a passage edited in place is found there, not on a copy of its words in a sentence much like its own",
			quote: "the joint commission sitting in Vienna", occurrence: 1,
			text: edited("the joint commission sitting in Vienna within", "the joint commission sitting at Vienna within"),
			want: "the joint commission sitting at Vienna", wantNth: 1,
		},
		{
			name:  "a passage whose last word was made plural ends with the whole word",
			quote: "the monitors counted every barrel", occurrence: 1,
			text: edited("the monitors counted every barrel twice", "the monitors counted all the barrels twice"),
			want: "the monitors counted all the barrels", wantNth: 1,
		},
		{
			name:  "a passage the reader began in the middle of a word keeps its ragged start",
			quote: "onitors counted every barrel twice", occurrence: 1,
			text: edited("the monitors counted every barrel twice", "the monitors counted every barrel thrice"),
			want: "onitors counted every barrel thrice", wantNth: 1,
		},
		{
			name:  "a passage the reader ended in the middle of a word keeps its ragged end",
			quote: "the monitors counted every barr", occurrence: 1,
			text: edited("and the monitors counted every barrel", "and these monitors counted every barrel"),
			want: "these monitors counted every barr", wantNth: 1,
		},
		{
			name:  "a passage whose sentence was a third rewritten becomes an orphan rather than sitting on words it was never about",
			quote: "kept running despite repeated storms at sea", occurrence: 1,
			text: edited("kept running despite repeated storms at sea", "kept sailing despite violent storms out at sea"),
		},
		{
			name:  "a passage at the very start of the text, its first word and what follows it edited, is found again",
			quote: "The committee notes that the southern crossings", occurrence: 1,
			text: edited("The committee notes that the southern crossings reopened in March", "This committee notes that the southern crossings opened again in April"),
			want: "This committee notes that the southern crossings", wantNth: 1,
		},
		{
			name:  "a passage deleted outright becomes an orphan, though its paragraph's neighbours look alike",
			quote: "The committee notes that the northern crossings stayed closed all winter", occurrence: 1,
			text: edited("The committee notes that the northern crossings stayed closed all winter and no convoy got through.\n\n", ""),
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := nthIndex(report, c.quote, c.occurrence)
			if start < 0 {
				t.Fatalf("the report lacks occurrence %d of %q", c.occurrence, c.quote)
			}
			a := anchorAt(t, report, start, c.quote)
			r := anchor.Reanchor(a, []rune(c.text))
			if c.want == "" {
				if !r.Orphan {
					t.Errorf("placed on %q (score %.2f), want an orphan", r.Anchor.Exact, r.Score)
				}
				return
			}
			wantStart := nthIndex(c.text, c.want, c.wantNth)
			if wantStart < 0 {
				t.Fatalf("the edited text lacks occurrence %d of %q", c.wantNth, c.want)
			}
			switch {
			case r.Orphan:
				t.Errorf("lost: an orphan, want %q at %d", c.want, wantStart)
			case r.Anchor.Exact != c.want || r.Anchor.Start != wantStart:
				t.Errorf("placed on %q at %d (score %.2f), want %q at %d", r.Anchor.Exact, r.Anchor.Start, r.Score, c.want, wantStart)
			}
		})
	}
}

// anchorAt anchors quote at code point start of text.
func anchorAt(t *testing.T, text string, start int, quote string) annotate.Anchor {
	t.Helper()
	a, err := annotate.NewAnchor([]rune(text), start, start+len([]rune(quote)))
	if err != nil || a.Exact != quote {
		t.Fatalf("anchoring %q at %d: %v, got %q", quote, start, err, a.Exact)
	}
	return a
}
