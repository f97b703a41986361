package ui

import (
	"fmt"
	"sort"
	"strings"

	"scholia/annotate"
)

// The panel's filters narrow the document's annotations it lists: by
// kind, colour, tag and status, and by the text typed in its box, which
// the library's search answers.

// Filter choices meaning "any".
const (
	anyKind   = "All kinds"
	anyColour = "All colours"
	anyTag    = "All tags"
	anyStatus = "Any status"
)

// filterBy filters the list by the annotations matching s; the list
// keeps the last filter's annotations until the search for s answers (a
// newer text's search drops it).
func (p *AnnotationPanel) filterBy(s string) {
	if strings.TrimSpace(s) == "" || p.OnFilterText == nil {
		p.matching = nil
		p.apply()
		return
	}
	p.OnFilterText(s, func(ids map[string]bool) {
		if p.text.Text == s {
			p.matching = ids
			p.apply()
		}
	})
}

// setTags offers the tags of a document's annotations in the tag filter,
// each with how many annotations carry it, keeping the tag chosen if
// one still does.
func (p *AnnotationPanel) setTags(anns []annotate.Annotation) {
	counts := map[string]int{}
	for _, a := range anns {
		for _, t := range a.Tags {
			counts[t]++
		}
	}
	tags := make([]string, 0, len(counts))
	for t := range counts {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	chosen := p.chosenTag()
	opts, tagOf := []string{anyTag}, make(map[string]string, len(tags))
	sel := anyTag
	for _, t := range tags {
		o := fmt.Sprintf("%s (%d)", t, counts[t])
		opts, tagOf[o] = append(opts, o), t
		if t == chosen {
			sel = o
		}
	}
	p.tag.Options, p.tagOf = opts, tagOf
	p.tag.Selected = sel
	p.tag.Refresh()
}

// chosenTag is the tag the tag filter lets through, "" for any.
func (p *AnnotationPanel) chosenTag() string { return p.tagOf[p.tag.Selected] }

// apply lists the annotations the filters let through.
func (p *AnnotationPanel) apply() {
	p.shown = p.shown[:0]
	tag := p.chosenTag()
	for _, a := range p.all {
		if p.kind.Selected != anyKind && string(a.Kind) != p.kind.Selected ||
			p.colour.Selected != anyColour && string(a.Colour) != p.colour.Selected ||
			p.status.Selected != anyStatus && string(a.Status) != p.status.Selected ||
			tag != "" && !contains(a.Tags, tag) ||
			p.matching != nil && !p.matching[a.ID] {
			continue
		}
		p.shown = append(p.shown, a)
	}
	p.setCount()
	p.list.UnselectAll()
	p.list.Refresh()
	p.markEdited()
}

// setCount counts the annotations listed, and says when the filters hide
// the one revealed in the editor.
func (p *AnnotationPanel) setCount() {
	msg := plural(len(p.all), "annotation")
	if len(p.shown) != len(p.all) {
		msg = fmt.Sprintf("%d of %s", len(p.shown), msg)
	}
	if p.revealed != "" && p.Editor.ID() == p.revealed && p.holds(p.revealed) && !p.lists(p.revealed) {
		msg += " · the one in the editor is hidden by the filter"
	}
	p.count.SetText(msg)
}

// holds says whether the document has the annotation with this id (an
// annotation undone or deleted is hidden by no filter).
func (p *AnnotationPanel) holds(id string) bool {
	for _, a := range p.all {
		if a.ID == id {
			return true
		}
	}
	return false
}

// lists says whether the list shows the annotation with this id.
func (p *AnnotationPanel) lists(id string) bool {
	for _, a := range p.shown {
		if a.ID == id {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
