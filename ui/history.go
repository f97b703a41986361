package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"scholia/ui/reader"
)

// place is where a person reads: a document and the position of the
// first line in view.
type place struct {
	doc string
	pos int
}

// history is the places a person jumped from in this session, as a
// browser keeps them: following a contents line or an outline entry,
// opening a search result, an annotation or an answer, opening another
// document each leave the place read behind; Back (Alt+Left) returns to
// it and Forward (Alt+Right) goes again where Back came from.
type history struct {
	back, forward []place
	// here is where the reader is; false when no document shows.
	here func() (place, bool)
	// show shows a place: scrolls to it, opening its document if need be.
	show func(place)
	// listed says whether a document is in the library (not removed).
	listed func(doc string) bool
	// moving: Back or Forward is showing a place; the jump it makes is
	// not one to remember.
	moving bool

	backBtn, forwardBtn *widget.Button
}

func newHistory(here func() (place, bool), show func(place), listed func(string) bool) *history {
	h := &history{here: here, show: show, listed: listed}
	h.backBtn = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), h.Back)
	h.forwardBtn = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), h.Forward)
	h.refresh()
	return h
}

// buttons are the toolbar's Back and Forward arrows.
func (h *history) buttons() fyne.CanvasObject {
	return container.NewHBox(h.backBtn, h.forwardBtn)
}

// leaving remembers the place read before a jump away from it, and
// forgets the places gone back from.
func (h *history) leaving() {
	if h.moving {
		return
	}
	p, ok := h.here()
	if !ok {
		return
	}
	if n := len(h.back); n == 0 || h.back[n-1] != p {
		h.back = append(h.back, p)
	}
	h.forward = nil
	h.refresh()
}

// Back returns to the place left last.
func (h *history) Back() { h.step(&h.back, &h.forward) }

// Forward goes again to the place Back left.
func (h *history) Forward() { h.step(&h.forward, &h.back) }

// step shows the last place of from, remembering the place read in to.
// A place that is the one read already (a jump that went nowhere), or in
// a document removed since, is passed over.
func (h *history) step(from, to *[]place) {
	cur, ok := h.here()
	for len(*from) > 0 {
		p := (*from)[len(*from)-1]
		*from = (*from)[:len(*from)-1]
		if ok && p == cur || !h.listed(p.doc) {
			continue
		}
		if ok {
			*to = append(*to, cur)
		}
		h.moving = true
		h.show(p)
		h.moving = false
		break
	}
	h.refresh()
}

func (h *history) refresh() {
	enable(h.backBtn, len(h.back) > 0)
	enable(h.forwardBtn, len(h.forward) > 0)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// readerHistory is the history of the places read in r; open opens a
// document (as libraryPane.openDocument) and then runs then; listed says
// whether a document is in the library.
func readerHistory(r *reader.Reader, open func(id string, again bool, then func()), listed func(string) bool) *history {
	here := func() (place, bool) {
		d := r.Document()
		if d == nil {
			return place{}, false
		}
		return place{d.ID, r.TopPosition()}, true
	}
	show := func(p place) {
		if d := r.Document(); d != nil && d.ID == p.doc {
			r.ScrollTo(p.pos)
			return
		}
		open(p.doc, false, func() { r.ScrollTo(p.pos) })
	}
	return newHistory(here, show, listed)
}
