package interop

import (
	"bufio"
	"io"
	"strings"

	"scholia/annotate"
)

// writeMarkdown writes, per document, a heading, the citation, then each
// annotation: its passage as a block quote, its note below, a question as
// a task item (ticked when answered, with the answer), tags as #tags and a
// block id (^id) that Obsidian and other editors can link to.
func writeMarkdown(w io.Writer, secs []Section, style Style) error {
	b := bufio.NewWriter(w)
	for i, s := range secs {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		b.WriteString("# " + oneLine(s.Doc.Ref().Title) + "\n\n")
		b.WriteString(Cite(s.Doc.Ref(), style, true) + "\n")
		for _, a := range s.Annotations {
			b.WriteString("\n")
			writeAnnotationMarkdown(b, &a)
		}
	}
	return b.Flush()
}

func writeAnnotationMarkdown(b *bufio.Writer, a *annotate.Annotation) {
	if a.Anchor != nil {
		for _, l := range strings.Split(strings.TrimSpace(a.Anchor.Exact), "\n") {
			b.WriteString(strings.TrimRight("> "+l, " ") + "\n")
		}
		b.WriteString("\n")
		if a.Orphan {
			b.WriteString("*This passage could not be found in the current text.*\n\n")
		}
	}
	body := strings.TrimSpace(a.Body)
	if a.Kind == annotate.KindQuestion {
		box := "[ ]"
		if a.Status == annotate.StatusAnswered {
			box = "[x]"
		}
		b.WriteString("- " + box + " " + oneLine(body) + "\n")
		if a.Answer != nil && strings.TrimSpace(a.Answer.Text) != "" {
			b.WriteString("  Answer: " + oneLine(a.Answer.Text) + "\n")
		}
		b.WriteString("\n")
	} else if body != "" {
		b.WriteString(body + "\n\n")
	}
	if tags := hashTags(a.Tags); tags != "" {
		b.WriteString(tags + "\n\n")
	}
	b.WriteString("^" + a.ID + "\n")
}

// hashTags writes tags as #tags: spaces become hyphens, since a #tag ends
// at a space.
func hashTags(tags []string) string {
	var out []string
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), "-")
		if t != "" {
			out = append(out, "#"+t)
		}
	}
	return strings.Join(out, " ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
