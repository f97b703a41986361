package interop

import (
	"bufio"
	"io"
	"strings"

	"scholia/annotate"
)

// markdown writes an export as notes: per document, a heading, the
// citation, then each annotation: its passage as a block quote, its note
// below, a question as a task item (ticked when answered, [-] when
// dropped) with its answer under it, tags as #tags and a block id (^id)
// that Obsidian and other editors can link to; a PDF's passage gives its
// page under the quote, "(p. 12)". An answer given with a
// passage quotes that passage with its document's title and citation, and
// links to its ^id when it is in the same export.
type markdown struct {
	b       *bufio.Writer
	answers Answers
	style   Style
}

func writeMarkdown(w io.Writer, secs Sections, answers Answers, style Style) error {
	m := markdown{b: bufio.NewWriter(w), answers: answers, style: style}
	first := true
	err := secs(func(s Section) error {
		if !first {
			m.b.WriteString("\n---\n\n")
		}
		first = false
		m.b.WriteString("# " + oneLine(s.Doc.Ref().Title) + "\n\n")
		m.b.WriteString(Cite(s.Doc.Ref(), style, true) + "\n")
		for _, a := range s.Annotations {
			m.b.WriteString("\n")
			m.annotation(&s.Doc, &a)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return m.b.Flush()
}

func (m *markdown) annotation(doc *annotate.Document, a *annotate.Annotation) {
	b := m.b
	if a.Anchor != nil {
		m.quote("", a.Anchor.Exact)
		b.WriteString("\n")
		if pages := pageCitation(doc, a); pages != "" {
			b.WriteString("(" + pages + ")\n\n")
		}
		if a.Orphan {
			b.WriteString("*This passage could not be found in the current text.*\n\n")
		}
	}
	body := strings.TrimSpace(a.Body)
	if a.Kind == annotate.KindQuestion {
		m.question(a, body)
	} else if body != "" {
		b.WriteString(body + "\n\n")
	}
	if tags := hashTags(a.Tags); tags != "" {
		b.WriteString(tags + "\n\n")
	}
	b.WriteString("^" + a.ID + "\n")
}

// question writes a question as a task item, its answer and the passage
// it is answered with as items under it.
func (m *markdown) question(a *annotate.Annotation, body string) {
	box, after := "[ ]", ""
	switch a.Status {
	case annotate.StatusAnswered:
		box = "[x]"
	case annotate.StatusDropped:
		box, after = "[-]", " (dropped)"
	}
	m.b.WriteString("- " + box + " " + oneLine(body) + after + "\n")
	if a.Answer != nil && strings.TrimSpace(a.Answer.Text) != "" {
		m.item("Answer: " + strings.TrimSpace(a.Answer.Text))
	}
	if p, link, ok := m.answers.answering(a); ok {
		m.passage(&p)
	} else if link != "" {
		m.item("Answered with a passage that has since been deleted.")
	}
	m.b.WriteString("\n")
}

// passage writes the passage a question is answered with: the title of
// its document (a link to its ^id when it is in this export), its quote,
// and its document's citation under the quote.
func (m *markdown) passage(p *Passage) {
	title := "“" + oneLine(p.Doc.Ref().Title) + "”"
	line := "Answered with a passage of " + title
	if p.Annotation.Anchor == nil {
		line = "Answered with a note on " + title
	}
	if p.InExport {
		line += " ([[#^" + p.Annotation.ID + "]])"
	}
	m.item(line + ":")
	m.quote("    ", p.Words())
	if pages := pageCitation(&p.Doc, &p.Annotation); pages != "" {
		m.quote("    ", "("+pages+")")
	}
	m.b.WriteString("    >\n")
	m.quote("    ", "— "+Cite(p.Doc.Ref(), m.style, true))
}

// item writes text as an item of the list under a question, its further
// lines indented to stay in it.
func (m *markdown) item(text string) {
	for i, l := range strings.Split(text, "\n") {
		switch {
		case i == 0:
			m.b.WriteString("  - " + l + "\n")
		case strings.TrimSpace(l) == "":
			m.b.WriteString("\n")
		default:
			m.b.WriteString("    " + l + "\n")
		}
	}
}

// quote writes text as a block quote, each line behind indent.
func (m *markdown) quote(indent, text string) {
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		m.b.WriteString(strings.TrimRight(indent+"> "+l, " ") + "\n")
	}
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
