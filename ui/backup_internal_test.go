package ui

import (
	"scholia/annotate/library"
	"strings"
	"testing"
)

func TestBackUpNowSaysWhatWasBackedUp(t *testing.T) {
	f := newFixture(t, map[string]string{"s.txt": jointStatement})
	w := f.window()
	w.backups.now()
	if !strings.HasPrefix(w.status.label.Text, "Backed up: ") || !strings.Contains(w.status.label.Text, "(1 document, 0 annotations)") {
		t.Errorf("status after Back Up Now: %q", w.status.label.Text)
	}
	list, err := library.Backups(f.lib.Path())
	if err != nil || len(list) != 1 || list[0].Documents != 1 {
		t.Fatalf("backups after Back Up Now: %+v %v", list, err)
	}
	w.backups.now()
	if !strings.HasPrefix(w.status.label.Text, "Unchanged since the backup of ") {
		t.Errorf("status after a second Back Up Now with no change: %q", w.status.label.Text)
	}
	if again, _ := library.Backups(f.lib.Path()); len(again) != 1 {
		t.Errorf("%d backups after backing up an unchanged library twice", len(again))
	}
}
