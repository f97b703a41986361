package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// guardCallbacks makes every callback the window has registered so far
// safe (see crashGuard), in one place once the window is wired: the
// reader's events, the panels', the selection toolbar's, the menus with
// their shortcuts, keys typed with nothing focused, and the buttons laid
// out in the window. Dialogs guard their callbacks when they are made.
func (m *MainWindow) guardCallbacks() {
	g := m.guard
	r := m.reader
	r.Guard = func(f func()) { g.run(f) }
	r.OnSelectionChanged = guard2(g, r.OnSelectionChanged)
	r.OnSelectionDone = guard2(g, r.OnSelectionDone)
	r.OnScrolled = guard1(g, r.OnScrolled)
	r.OnLinkTapped = guard1(g, r.OnLinkTapped)
	r.OnUnhandledKey = guard1(g, r.OnUnhandledKey)
	r.OnRune = guard1(g, r.OnRune)
	r.OnTapped = guard1(g, r.OnTapped)
	r.OnHover = guard2(g, r.OnHover)
	r.OnSecondaryTapped = guard2(g, r.OnSecondaryTapped)

	p := m.panel
	p.OnChosen = guard1(g, p.OnChosen)
	p.OnQuestion = guard1(g, p.OnQuestion)
	p.OnRestore = guard1(g, p.OnRestore)
	p.OnQuestionsShown = g.wrap(p.OnQuestionsShown)
	p.OnFilterText = guard2(g, p.OnFilterText)
	e := p.Editor
	e.OnDelete = guard1(g, e.OnDelete)
	e.OnAnswerWithSelection = guard1(g, e.OnAnswerWithSelection)
	e.OnFollow = guard1(g, e.OnFollow)
	e.OnPlace = guard1(g, e.OnPlace)
	e.guard = g

	m.library.list.onOpen = guard1(g, m.library.list.onOpen)
	m.library.list.OnFiltered = g.wrap(m.library.list.OnFiltered)
	m.reading.outline.onJump = guard1(g, m.reading.outline.onJump)
	m.reading.find.onShow = guard2(g, m.reading.find.onShow)
	m.reading.find.onClose = g.wrap(m.reading.find.onClose)
	m.palette.open = guard1(g, m.palette.open)
	m.palette.guard = g
	t := m.overlay.toolbar
	t.onColour = guard1(g, t.onColour)
	t.onNote = g.wrap(t.onNote)
	t.onQuestion = g.wrap(t.onQuestion)
	t.onAnswer = g.wrap(t.onAnswer)

	c := m.win.Canvas()
	c.SetOnTypedKey(guard1(g, c.OnTypedKey()))
	if menu := m.win.MainMenu(); menu != nil {
		for _, top := range menu.Items {
			guardMenu(g, top)
		}
	}
	guardButtons(g, m.win.Content())
}

// guardMenu makes a menu's actions, and so their shortcuts, safe.
func guardMenu(g *crashGuard, menu *fyne.Menu) {
	for _, item := range menu.Items {
		item.Action = g.wrap(item.Action)
		if item.ChildMenu != nil {
			guardMenu(g, item.ChildMenu)
		}
	}
}

// guardButtons makes the buttons laid out in containers safe; widgets of
// our own guard theirs through their callbacks.
func guardButtons(g *crashGuard, o fyne.CanvasObject) {
	switch x := o.(type) {
	case *widget.Button:
		x.OnTapped = g.wrap(x.OnTapped)
	case *fyne.Container:
		for _, child := range x.Objects {
			guardButtons(g, child)
		}
	case *container.Split:
		guardButtons(g, x.Leading)
		guardButtons(g, x.Trailing)
	case *container.Scroll:
		guardButtons(g, x.Content)
	}
}
