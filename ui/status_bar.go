package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusBar is the line under the window: a message, then the window's
// counts (documents, words, open questions) and the library's path.
type statusBar struct {
	label *widget.Label
	// msg is what the bar says before its counts.
	msg string
	// importing is what the bar says while files are imported (the PDF
	// reader starting, say), whatever other messages come and go.
	importing string
	// counts are what follows the message, asked for on every change.
	counts func() []string
}

func newStatusBar(counts func() []string) *statusBar {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	l.SizeName = theme.SizeNameCaptionText
	return &statusBar{label: l, counts: counts}
}

// set shows msg ("" for none, or what an import under way says) before
// the counts.
func (s *statusBar) set(msg string) {
	s.msg = msg
	if msg == "" {
		msg = s.importing
	}
	parts := s.counts()
	if msg != "" {
		parts = append([]string{msg}, parts...)
	}
	s.label.SetText(strings.Join(parts, " · "))
}

// importStarted shows what an import under way says until it ends ("").
func (s *statusBar) importStarted(msg string) {
	s.importing = msg
	s.set("")
}
