package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// A document with a long automatic title does not make the Export dialog
// wider than the window: its name is cut with an ellipsis.
func TestExportDialogFitsTheWindowWithALongTitle(t *testing.T) {
	long := "CAIRO — Gunmen opened fire on a bus carrying pilgrims south of the capital on Friday, killing at least twenty people, officials said, in the deadliest attack this year"
	m, _ := newTestWindow(t, nil, map[string]string{"cairo.txt": long + "\n\nThe attack came at dawn.\n"})
	openTitled(t, m, long)
	c := m.win.Canvas()
	m.exports.show()
	top := c.Overlays().Top()
	scope, ok := find(top, func(*widget.RadioGroup) bool { return true })
	if !ok || !strings.HasPrefix(scope.Options[0], "This document: CAIRO") {
		t.Fatalf("the Export dialog did not offer this document: %q", overlayTexts(c))
	}
	if w, max := top.MinSize().Width, c.Size().Width; w > max {
		t.Errorf("the Export dialog needs %v wide in a window %v wide", w, max)
	}
}
