package library

import (
	"sync"
	"time"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/store"
)

// keeper takes the automatic backups of an open library: one when it is
// opened (before anything is written to it), then one every
// backup.Interval while it changes.
type keeper struct {
	mu      sync.Mutex
	lastErr error
	report  func(error)
	stop    chan struct{}
	stopped sync.Once
	done    sync.WaitGroup
}

// OpenVerified is how the app opens a library: Verify first (see there),
// then Open with automatic backups: before a migration writes to an
// existing library (while Open waits), then in the background one at once
// when the library changed since its newest backup, and one every
// backup.Interval while it changes.
func OpenVerified(path string, check backup.Checker) (*Library, error) {
	found, err := Verify(path, check, time.Now())
	if err != nil {
		return nil, err
	}
	k := &keeper{stop: make(chan struct{})}
	s, err := store.OpenWith(path, func(s *store.Store) { k.take(s, time.Now()) })
	if err != nil {
		return nil, err
	}
	if found == nil {
		// A new library where backups of an older one may lie: its own
		// first backup must exist before anything can compare with them.
		k.take(s, time.Now())
	}
	ticker := time.NewTicker(backup.Interval)
	k.start(s, ticker.C, ticker.Stop)
	return &Library{store: s, now: time.Now, backups: k}, nil
}

// take makes a backup if the library changed since the newest one; a
// failure is kept for BackupProblem and reported, not fatal: the library
// itself is sound. A panic in it is such a failure, an *annotate.Panic,
// so the keeper goes on and the window can log it.
func (k *keeper) take(s *store.Store, now time.Time) {
	err := takeBackup(s, now)
	k.mu.Lock()
	k.lastErr = err
	report := k.report
	k.mu.Unlock()
	if err != nil && report != nil {
		report(err)
	}
}

func takeBackup(s *store.Store, now time.Time) (err error) {
	defer annotate.CatchPanic(&err)
	_, _, err = backup.Take(s, now, false)
	return err
}

// start runs the keeper in the background: a backup at once if the
// library changed, then one at each tick if it changed since; stopTicks
// ends the ticks when the keeper is closed.
func (k *keeper) start(s *store.Store, ticks <-chan time.Time, stopTicks func()) {
	k.done.Add(1)
	go func() {
		defer k.done.Done()
		defer stopTicks()
		k.take(s, time.Now())
		for {
			select {
			case <-k.stop:
				return
			case now := <-ticks:
				k.take(s, now)
			}
		}
	}()
}

// close stops the ticker and waits for a backup under way.
func (k *keeper) close() {
	k.stopped.Do(func() { close(k.stop) })
	k.done.Wait()
}

// OnBackupProblem sets what is called (from another goroutine) when an
// automatic backup fails.
func (l *Library) OnBackupProblem(f func(error)) {
	if l.backups == nil {
		return
	}
	l.backups.mu.Lock()
	l.backups.report = f
	l.backups.mu.Unlock()
}

// BackupProblem is why the latest automatic backup failed, nil when it
// did not (or the library keeps none).
func (l *Library) BackupProblem() error {
	if l.backups == nil {
		return nil
	}
	l.backups.mu.Lock()
	defer l.backups.mu.Unlock()
	return l.backups.lastErr
}

// Backup backs the library up now: into the backups folder when dest is
// "" (unless it is unchanged since its newest backup, which is returned
// with wrote false), else to dest.
func (l *Library) Backup(dest string) (info backup.Info, wrote bool, err error) {
	if dest == "" {
		return backup.Take(l.store, l.now(), false)
	}
	info, err = backup.Write(l.store, dest)
	info.Time = l.now()
	return info, err == nil, err
}
