package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyList is a list some of whose keys do a job of their own (keys):
// Delete removes the chosen row of the library's list of documents or of
// the panel's list of annotations; Esc and Enter cancel and open in the
// Open dialog. The other keys move through the list as a list's do.
type keyList struct {
	widget.List
	keys map[fyne.KeyName]func()
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{keys: map[fyne.KeyName]func(){}}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey does the key's own job, or what a list does with it.
func (l *keyList) TypedKey(k *fyne.KeyEvent) {
	if job := l.keys[k.Name]; job != nil {
		job()
		return
	}
	l.List.TypedKey(k)
}
