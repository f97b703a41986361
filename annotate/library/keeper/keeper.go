// Package keeper takes the automatic backups of an open library: one when
// it is opened (before anything is written to it), then one every
// backup.Interval while it changes. A failed backup is kept and reported,
// never fatal: the library itself is sound.
package keeper

import (
	"sync"
	"time"

	"scholia/annotate"
	"scholia/annotate/backup"
	"scholia/annotate/store"
)

// Keeper backs one library up on a schedule. Its methods may be called
// from any goroutine; the report function is called from the keeper's.
type Keeper struct {
	mu      sync.Mutex
	lastErr error
	report  func(error)
	stop    chan struct{}
	stopped sync.Once
	done    sync.WaitGroup
}

// New is a keeper not yet started.
func New() *Keeper { return &Keeper{stop: make(chan struct{})} }

// Take makes a backup if the library changed since the newest one; a
// failure is kept for Problem and reported, not fatal: the library
// itself is sound. A panic in it is such a failure, an *annotate.Panic,
// so the keeper goes on and the window can log it.
func (k *Keeper) Take(s *store.Store, now time.Time) {
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

// Start runs the keeper in the background: a backup at once if the
// library changed, then one at each tick if it changed since; stopTicks
// ends the ticks when the keeper is closed.
func (k *Keeper) Start(s *store.Store, ticks <-chan time.Time, stopTicks func()) {
	k.done.Add(1)
	go func() {
		defer k.done.Done()
		defer stopTicks()
		k.Take(s, time.Now())
		for {
			select {
			case <-k.stop:
				return
			case now := <-ticks:
				k.Take(s, now)
			}
		}
	}()
}

// Close stops the ticks and waits for a backup under way.
func (k *Keeper) Close() {
	k.stopped.Do(func() { close(k.stop) })
	k.done.Wait()
}

// OnProblem sets what is called (from the keeper's goroutine) when a
// backup fails.
func (k *Keeper) OnProblem(f func(error)) {
	k.mu.Lock()
	k.report = f
	k.mu.Unlock()
}

// Problem is why the latest backup failed, nil when it did not.
func (k *Keeper) Problem() error {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.lastErr
}
