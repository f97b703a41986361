package ui

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/library"
)

// Filter choices meaning "any".
const (
	anyKind   = "All kinds"
	anyColour = "All colours"
	anyTag    = "All tags"
	anyStatus = "Any status"
)

// AnnotationPanel is the right-hand panel: this document's annotations in
// document order with filters and an editor, every open question of the
// library, and this document's trash.
type AnnotationPanel struct {
	widget.BaseWidget

	// OnChosen is called when an annotation is picked in the list.
	OnChosen func(a annotate.Annotation)
	// OnQuestion is called when an open question is picked.
	OnQuestion func(q library.Question)
	// OnQuestionsShown is called when the Questions tab is shown: the
	// open questions are read only while it shows (SetQuestions).
	OnQuestionsShown func()
	// OnRestore is called to bring an annotation back from the trash.
	OnRestore func(id string)
	// OnFilterText is called with the text typed in the filter box; it
	// answers, later, by calling show with the ids of this document's
	// annotations that match, on the UI goroutine.
	OnFilterText func(text string, show func(ids map[string]bool))

	Editor *AnnotationEditor

	all       []annotate.Annotation
	shown     []annotate.Annotation
	questions []library.Question
	open      int // how many open questions the library holds
	deleted   []library.Deleted
	kind      *widget.Select
	colour    *widget.Select
	tag       *widget.Select
	status    *widget.Select
	count     *widget.Label
	list      *docList // Delete moves the chosen annotation to the trash
	qList     *widget.List
	qTab      *questionsTab
	trashList *widget.List
	tabs      *container.AppTabs
	quiet     bool
	text      *textBox
	matching  map[string]bool // nil: no text filter
	// revealed is the annotation last revealed in the editor: the count
	// says when the filters hide it from the list.
	revealed string
	// tagOf is the tag each choice of the tag filter stands for.
	tagOf map[string]string
	// pagesOf is the open document, whose pages (a PDF's) the rows of
	// its annotations give: "p. 12".
	pagesOf *annotate.Document
}

// NewAnnotationPanel builds an empty panel.
func NewAnnotationPanel() *AnnotationPanel {
	p := &AnnotationPanel{Editor: NewAnnotationEditor()}
	kinds := []string{anyKind, string(annotate.KindHighlight), string(annotate.KindNote), string(annotate.KindQuestion)}
	colours := []string{anyColour}
	for _, c := range annotate.Colours {
		colours = append(colours, string(c))
	}
	statuses := []string{anyStatus, string(annotate.StatusOpen), string(annotate.StatusAnswered), string(annotate.StatusDropped)}
	mk := func(opts []string) *widget.Select {
		s := widget.NewSelect(opts, nil)
		s.SetSelectedIndex(0)
		s.OnChanged = func(string) {
			p.revealed = ""
			p.apply()
		}
		return s
	}
	p.kind, p.colour, p.status = mk(kinds), mk(colours), mk(statuses)
	p.tag = mk([]string{anyTag})
	p.text = newTextBox(false)
	p.text.SetPlaceHolder("Filter this document's notes…")
	p.text.OnChanged = func(s string) {
		p.revealed = ""
		p.filterBy(s)
	}
	p.count = widget.NewLabel("")
	p.count.SizeName = theme.SizeNameCaptionText
	p.list = newDocList(func() int { return len(p.shown) }, newAnnotationRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { fillAnnotationRow(o, p.shown[i], p.pages(&p.shown[i])) })
	p.list.onDelete = p.Editor.Delete
	p.list.OnSelected = func(i widget.ListItemID) {
		if i < len(p.shown) {
			p.Editor.Edit(p.shown[i])
			if !p.quiet && p.OnChosen != nil {
				p.OnChosen(p.shown[i])
			}
		}
	}
	p.qList = widget.NewList(func() int { return len(p.questions) }, newAnnotationRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			fillAnnotationRow(o, p.questions[i].Annotation, p.questions[i].DocTitle)
		})
	p.qTab = newQuestionsTab(p.qList, func() {
		if p.QuestionsShown() && p.OnQuestionsShown != nil {
			p.OnQuestionsShown()
		}
	})
	p.qList.OnSelected = func(i widget.ListItemID) {
		if i < len(p.questions) && p.OnQuestion != nil {
			p.OnQuestion(p.questions[i])
		}
		p.qList.UnselectAll()
	}
	p.trashList = widget.NewList(func() int { return len(p.deleted) }, newTrashRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := p.deleted[i]
			row := o.(*fyne.Container)
			fillAnnotationRow(row.Objects[0], d.Annotation, "deleted "+d.DeletedAt.Local().Format("2 Jan 15:04"))
			btn := row.Objects[1].(*fyne.Container).Objects[0].(*widget.Button)
			btn.OnTapped = func() {
				if p.OnRestore != nil {
					p.OnRestore(d.ID)
				}
			}
		})
	p.ExtendBaseWidget(p)
	return p
}

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

// CreateRenderer draws the panel as three tabs.
func (p *AnnotationPanel) CreateRenderer() fyne.WidgetRenderer {
	filters := container.NewGridWithColumns(2, p.kind, p.colour, p.tag, p.status)
	split := container.NewVSplit(p.list, p.Editor)
	split.Offset = 0.5
	doc := container.NewBorder(container.NewVBox(p.text, filters, p.count), nil, nil, nil, split)
	p.tabs = container.NewAppTabs(
		container.NewTabItem("Notes", doc),
		container.NewTabItem("Questions", p.qTab.box),
		container.NewTabItem("Trash", p.trashList),
	)
	p.setTabTitles()
	p.tabs.OnSelected = func(*container.TabItem) {
		if p.QuestionsShown() && p.OnQuestionsShown != nil {
			p.OnQuestionsShown()
		}
	}
	return widget.NewSimpleRenderer(p.tabs)
}

// SetAnnotations shows a document's annotations (in document order) and
// its trash.
func (p *AnnotationPanel) SetAnnotations(anns []annotate.Annotation, deleted []library.Deleted) {
	// Orphans, which have no place in the text, are listed first.
	sorted := make([]annotate.Annotation, 0, len(anns))
	for _, a := range anns {
		if a.Orphan {
			sorted = append(sorted, a)
		}
	}
	for _, a := range anns {
		if !a.Orphan {
			sorted = append(sorted, a)
		}
	}
	anns = sorted
	p.all, p.deleted = anns, deleted
	p.setTags(anns)
	p.apply()
	if p.matching != nil {
		// The text filter answered before these annotations were read: a
		// new one may match it.
		p.filterBy(p.text.Text)
	}
	p.trashList.Refresh()
	p.setTabTitles()
	if id := p.Editor.ID(); id != "" {
		for _, a := range anns {
			if a.ID == id {
				p.Editor.Edit(a)
				return
			}
		}
		p.Editor.drop()
	}
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

// SetQuestions shows how many open questions the library holds, and lists
// them: questions is nil when they were not read, as their tab was not
// shown.
func (p *AnnotationPanel) SetQuestions(questions []library.Question, open int) {
	p.questions, p.open = questions, open
	p.qList.Refresh()
	if questions != nil {
		p.qTab.listed(len(questions))
	}
	p.setTabTitles()
}

// questionsWanted is which questions the Questions tab lists: none when
// it does not show.
func (p *AnnotationPanel) questionsWanted() questionSet {
	switch {
	case !p.QuestionsShown():
		return noQuestions
	case p.qTab.all.Checked:
		return everyQuestion
	}
	return openQuestions
}

// QuestionsShown says whether the Questions tab shows.
func (p *AnnotationPanel) QuestionsShown() bool {
	return p.tabs != nil && p.tabs.SelectedIndex() == 1
}

// setTabTitles counts the open questions and the trash in the tabs' titles.
func (p *AnnotationPanel) setTabTitles() {
	if p.tabs == nil {
		return
	}
	q, t := fmt.Sprintf("Questions %d", p.open), fmt.Sprintf("Trash %d", len(p.deleted))
	if p.tabs.Items[1].Text != q || p.tabs.Items[2].Text != t {
		p.tabs.Items[1].Text, p.tabs.Items[2].Text = q, t
		p.tabs.Refresh()
	}
}

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

// Reveal selects the annotation with this id in the list and its editor,
// without jumping the reader; the count says when the filters hide it.
func (p *AnnotationPanel) Reveal(id string) {
	p.revealed = id
	defer p.setCount()
	for _, a := range p.all {
		if a.ID == id {
			p.Editor.Edit(a)
		}
	}
	if p.tabs != nil {
		p.tabs.SelectIndex(0)
	}
	p.markEdited()
}

func (p *AnnotationPanel) markEdited() {
	p.quiet = true
	defer func() { p.quiet = false }()
	for i, a := range p.shown {
		if a.ID == p.Editor.ID() {
			p.list.Select(i)
			p.list.ScrollTo(i)
			return
		}
	}
}

// pages is where an annotation of the open document stands in a PDF,
// "p. 12" or "pp. 12–13"; "" elsewhere.
func (p *AnnotationPanel) pages(a *annotate.Annotation) string {
	if p.pagesOf == nil || a.Orphan || a.DocID != p.pagesOf.ID {
		return ""
	}
	return p.pagesOf.PageCitation(a.Anchor)
}

// newAnnotationRow is a list row: a colour bar, then kind and status, the
// quote and the note.
func newAnnotationRow() fyne.CanvasObject {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(4, 0))
	head := widget.NewLabel("")
	head.SizeName = theme.SizeNameCaptionText
	head.TextStyle = fyne.TextStyle{Bold: true}
	head.Truncation = fyne.TextTruncateEllipsis
	quote := widget.NewLabel("")
	quote.TextStyle = fyne.TextStyle{Italic: true}
	quote.Truncation = fyne.TextTruncateEllipsis
	note := noteRichText(true)
	return container.NewBorder(nil, nil, bar, nil, container.New(&tightColumn{}, head, quote, note))
}

func newTrashRow() fyne.CanvasObject {
	restore := widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), nil)
	return container.NewBorder(nil, nil, nil, container.NewCenter(restore), newAnnotationRow())
}

func fillAnnotationRow(o fyne.CanvasObject, a annotate.Annotation, where string) {
	row := o.(*fyne.Container)
	var bar *canvas.Rectangle
	var col *fyne.Container
	for _, obj := range row.Objects {
		switch x := obj.(type) {
		case *canvas.Rectangle:
			bar = x
		case *fyne.Container:
			col = x
		}
	}
	if c := solid(a.Colour); bar.FillColor != c {
		bar.FillColor = c
		bar.Refresh()
	}
	head := []string{string(a.Kind)}
	if a.Status != "" {
		head = append(head, string(a.Status))
	}
	for _, t := range a.Tags {
		head = append(head, "#"+t)
	}
	if where != "" {
		head = append(head, where)
	}
	if a.Orphan {
		head = append([]string{"could not be placed"}, head...)
	}
	quote := "(the whole document)"
	if a.Anchor != nil {
		quote = "“" + oneLine(trimQuote(a.Anchor.Exact, 160)) + "”"
	}
	setLabel(col.Objects[0].(*widget.Label), strings.Join(head, " · "))
	setLabel(col.Objects[1].(*widget.Label), quote)
	setNote(col.Objects[2].(*widget.RichText), a.Body, true)
}

// setLabel shows s in a row's label unless it shows it already: a list
// refreshed after a save fills its rows again, and a truncated label
// shapes its whole text anew each time it is set.
func setLabel(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
