package anchor_test

import (
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/anchor"
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
