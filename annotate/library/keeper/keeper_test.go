package keeper

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/store"
)

// The keeper backs a library up at each tick after a change, and not at
// a tick with no change in between. Ticks are sent by hand: a send is
// taken only when the keeper has finished with the tick before.
func TestTheKeeperBacksUpAtATickOnlyAfterAChange(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	k := New()
	ticks := make(chan time.Time)
	k.Start(s, ticks, func() {})
	at := time.Now()
	tick := func() { at = at.Add(backup.Interval); ticks <- at }
	count := func() int {
		list, err := backup.List(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}

	tick()
	if n := count(); n != 1 {
		t.Fatalf("%d backups once the keeper started on a new library, want 1", n)
	}
	d := &annotate.Document{ID: "d", Title: "T", Hash: "h", Format: "text"}
	d.SetBlocks([]annotate.Block{{Kind: annotate.BlockParagraph, Text: "x"}})
	if err := s.PutDocument(d); err != nil {
		t.Fatal(err)
	}
	tick()
	tick()
	if n := count(); n != 2 {
		t.Errorf("%d backups after a change and a tick, want 2", n)
	}
	tick()
	if n := count(); n != 2 {
		t.Errorf("%d backups after ticks with no change, want still 2", n)
	}
	k.Close()
	if err := k.Problem(); err != nil {
		t.Error(err)
	}
}

// A backup that panics (here on a store that is not there) is a failed
// backup carrying the panic and its stack, reported as any failure is:
// the keeper, and the window that started it, go on.
func TestAPanicInABackupIsReportedNotFatal(t *testing.T) {
	var reported error
	k := New()
	k.OnProblem(func(err error) { reported = err })
	k.Take(nil, time.Now())
	var p *annotate.Panic
	if !errors.As(k.Problem(), &p) || !errors.As(reported, &p) {
		t.Fatalf("a panicking backup left %v and reported %v, want an *annotate.Panic", k.Problem(), reported)
	}
	if !strings.Contains(string(p.Stack), "backup.Take") {
		t.Errorf("the panic's stack does not show where it happened:\n%s", p.Stack)
	}
}
