package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate"
)

func TestALongOutlineOpensAsAScrollableListBelowItWithinTheWindow(t *testing.T) {
	test.NewApp()
	jumped := -1
	o := NewOutline(func(pos int) { jumped = pos })
	var entries []annotate.OutlineEntry
	for i := range 200 {
		entries = append(entries, annotate.OutlineEntry{Title: fmt.Sprintf("Chapter %d", i), Level: 1, Start: i * 100})
	}
	o.SetEntries(entries)
	menuBar := widget.NewLabel("File  Edit  View")
	w := test.NewWindow(container.NewBorder(container.NewVBox(menuBar, container.NewHBox(o)), nil, nil, nil, widget.NewLabel("text")))
	defer w.Close()
	w.Resize(fyne.NewSize(800, 600))
	o.MarkCurrent(150 * 100)
	test.Tap(o)
	pop, ok := w.Canvas().Overlays().Top().(*widget.PopUp)
	if !ok {
		t.Fatal("no list opened")
	}
	list, ok := pop.Content.(*widget.List)
	if !ok {
		t.Fatalf("the outline opened %T, not a scrollable list", pop.Content)
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(list).Y
	below := d.AbsolutePositionForObject(o).Y + o.Size().Height
	menuBottom := d.AbsolutePositionForObject(menuBar).Y + menuBar.Size().Height
	if top < below || top < menuBottom || top+list.Size().Height > w.Canvas().Size().Height {
		t.Fatalf("the list spans %v–%v; it must lie below the outline (%v) and the menu (%v) within the window (%v)",
			top, top+list.Size().Height, below, menuBottom, w.Canvas().Size().Height)
	}
	list.Select(42)
	if jumped != 4200 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("choosing entry 42 jumped to %d; list still open: %v", jumped, w.Canvas().Overlays().Top() != nil)
	}
}
