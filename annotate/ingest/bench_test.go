package ingest_test

import (
	"fmt"
	"strings"
	"testing"

	"scholia/annotate/ingest"
)

// bookText is a deterministic hard-wrapped book of about words words, with
// a contents list and numbered chapters.
func bookText(words int) []byte {
	var b strings.Builder
	b.WriteString("A Generated Book of Diplomacy\n\nContents\n")
	chapters := 40
	for c := 1; c <= chapters; c++ {
		fmt.Fprintf(&b, "%d. Chapter on Negotiation Number %d\n", c, c)
	}
	vocab := strings.Fields("the envoy met minister treaty border sanctions talks in geneva and said that both sides would keep the channel open while trade ministers argued over tariffs")
	perChapter := words / chapters
	w := 0
	for c := 1; c <= chapters; c++ {
		fmt.Fprintf(&b, "\n%d. Chapter on Negotiation Number %d\n\n", c, c)
		col := 0
		for i := 0; i < perChapter; i++ {
			word := vocab[(w*7+i)%len(vocab)]
			w++
			if col+len(word) > 70 {
				b.WriteByte('\n')
				col = 0
			}
			if i%75 == 74 {
				b.WriteString(word + ".\n\n")
				col = 0
				continue
			}
			b.WriteString(word + " ")
			col += len(word) + 1
		}
		b.WriteString("end.\n")
	}
	return []byte(b.String())
}

func BenchmarkParsePlainText150kWords(b *testing.B) {
	data := bookText(150_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ingest.Parse("book.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMarkdown(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# Notes\n\n")
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&sb, "## Section %d\n\nSome *emphasis* and a [link](x) in paragraph %d.\n\n- item one\n- item two\n\n", i, i)
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ingest.Parse("notes.md", data); err != nil {
			b.Fatal(err)
		}
	}
}
