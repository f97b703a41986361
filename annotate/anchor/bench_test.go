package anchor_test

import (
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/anchor"
	"scholia/annotate/cputime"
)

// BenchmarkReanchorMovedPassage finds a 120-character passage again in a
// 150,000-word text after an insertion moved it (the common case: exact
// quote elsewhere).
func BenchmarkReanchorMovedPassage(b *testing.B) {
	words := strings.Fields("the envoy met minister treaty border sanctions talks in geneva and said that both sides would keep the channel open while trade ministers argued over tariffs")
	var sb strings.Builder
	for i := 0; i < 150_000; i++ {
		sb.WriteString(words[(i*7)%len(words)])
		sb.WriteByte(' ')
	}
	old := sb.String()
	quote := "A unique passage about the Kuala Lumpur meeting that nobody expected, quoted here for the benchmark of re-anchoring."
	cut := len(old) / 2
	oldText := []rune(old[:cut] + quote + old[cut:])
	s := len([]rune(old[:cut]))
	a, err := annotate.NewAnchor(oldText, s, s+len([]rune(quote)))
	if err != nil {
		b.Fatal(err)
	}
	text := anchor.NewText([]rune("An inserted paragraph at the top. " + string(oldText)))
	b.ReportAllocs()
	for b.Loop() {
		if r := text.Reanchor(a); r.Orphan {
			b.Fatal("lost the passage")
		}
	}
}

// BenchmarkReanchorRealBook re-anchors passages of a real 150,000-word
// text (the shared corpus's books and articles joined) after each kind of
// change, the adversarial ones included: a 4,000-6,000 code point passage
// opening and closing on the text's most common phrase, edited inside,
// deleted (the slowest path: every candidate is tried before the note
// becomes an orphan), moved far away, moved and edited, corrected every 25
// words. The text is prepared once, as for a document's annotations.
// cpu-ms/op is the processor time of one re-anchoring, which a machine
// shared with other work does not inflate as it does ns/op.
func BenchmarkReanchorRealBook(b *testing.B) {
	for _, c := range realCases(b) {
		text := anchor.NewText(c.text)
		b.Run(strings.ReplaceAll(c.name, " ", "_"), func(b *testing.B) {
			cpu := cputime.Used()
			for b.Loop() {
				text.Reanchor(c.anchor)
			}
			b.ReportMetric(float64(cputime.Used()-cpu)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}
