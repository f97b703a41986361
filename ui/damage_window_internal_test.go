package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"scholia/annotate/library"
)

// visible walks what a window shows: every label's text and every button.
func visible(o fyne.CanvasObject, text *strings.Builder, buttons map[string]*widget.Button) {
	if !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			visible(c, text, buttons)
		}
	case *widget.Label:
		text.WriteString(x.Text + "\n")
	case *widget.Button:
		buttons[x.Text] = x
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			visible(c, text, buttons)
		}
	}
}

func TestTheDamageWindowOffersTheBackupAndSaysWhenRestoringFails(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	d := &library.Damage{Library: "/home/ana/library.db", KeptAs: "/home/ana/library.db.damaged-20261126", Reason: "record annotations/0190 fails its checksum",
		Backup: &library.BackupInfo{Time: time.Date(2026, 11, 26, 9, 30, 0, 0, time.Local), Counts: library.Counts{Documents: 12, Annotations: 340}}}
	var asked []bool
	fail := errors.New("cannot restore /home/ana/backups/x.db: it is damaged too")
	w := ShowDamage(a, d, func(restore bool) error {
		asked = append(asked, restore)
		return fail
	})
	w.Show()
	var text strings.Builder
	buttons := map[string]*widget.Button{}
	visible(w.Content(), &text, buttons)
	for _, want := range []string{"fails its checksum", "/home/ana/library.db.damaged-20261126", "26 Nov 2026 09:30 (12 documents, 340 annotations)"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the window does not say %q:\n%s", want, text.String())
		}
	}
	restore := buttons["Restore the backup"]
	if restore == nil || restore.Importance != widget.HighImportance || buttons["Start an empty library"] == nil || buttons["Quit"] == nil {
		t.Fatalf("buttons %v; want Restore the backup (the default), Start an empty library and Quit", buttons)
	}
	test.Tap(restore)
	text.Reset()
	visible(w.Content(), &text, buttons)
	if len(asked) != 1 || !asked[0] || !strings.Contains(text.String(), "Cannot restore /home/ana/backups/x.db: it is damaged too.") {
		t.Errorf("after a failed restore: asked %v, window says:\n%s", asked, text.String())
	}
	test.Tap(buttons["Start an empty library"])
	if len(asked) != 2 || asked[1] {
		t.Errorf("Start an empty library asked %v, want restore=false", asked)
	}
}

func TestWithoutABackupTheDamageWindowOffersANewLibrary(t *testing.T) {
	a := test.NewApp()
	defer a.Quit()
	w := ShowDamage(a, &library.Damage{Library: "/l.db", KeptAs: "/l.db.damaged-1", Reason: "it is empty (0 bytes)"}, func(bool) error { return nil })
	var text strings.Builder
	buttons := map[string]*widget.Button{}
	visible(w.Content(), &text, buttons)
	if _, ok := buttons["Restore the backup"]; ok || buttons["Start an empty library"] == nil || buttons["Start an empty library"].Importance != widget.HighImportance {
		t.Errorf("buttons %v; want no restore and a new library as the default", buttons)
	}
	if !strings.Contains(text.String(), "There is no good backup") {
		t.Errorf("the window does not say there is no backup:\n%s", text.String())
	}
}
