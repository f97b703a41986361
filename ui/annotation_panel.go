package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
	"scholia/annotate/library"
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
	list      *keyList // Delete moves the chosen annotation to the trash
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
	p.list = newKeyList(func() int { return len(p.shown) }, newAnnotationRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { fillAnnotationRow(o, p.shown[i], p.pages(&p.shown[i])) })
	p.list.keys[fyne.KeyDelete] = p.Editor.Delete
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

// CreateRenderer draws the panel as three tabs.
func (p *AnnotationPanel) CreateRenderer() fyne.WidgetRenderer {
	filters := container.NewGridWithColumns(2, p.kind, p.colour, p.tag, p.status)
	split := container.NewVSplit(p.list, p.Editor)
	split.Offset = 0.4 // the editor, with a question's answer and status, gets the more
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
