package ui

import (
	"sync"
	"time"
)

// uiQueue stands in for Fyne's event loop in tests. Fyne's test driver
// runs fyne.Do at once, on the goroutine that calls it, so work a
// goroutine of ours hands back to the UI goroutine would run beside the
// test's own calls into the window, racing them. With a queue, that work
// waits until the test's goroutine, which plays the UI goroutine, runs it
// (drain), as a real window runs it between two events.
type uiQueue struct {
	mu    sync.Mutex
	fs    []func()
	ready chan struct{} // has a value when something was queued since the last drain
}

// uiLoop, when set (by the package's tests, before any window is made),
// queues what the crash guard hands to the UI goroutine instead of
// calling fyne.Do. A running app never sets it.
var uiLoop *uiQueue

func newUIQueue() *uiQueue { return &uiQueue{ready: make(chan struct{}, 1)} }

// push queues f for the UI goroutine.
func (q *uiQueue) push(f func()) {
	q.mu.Lock()
	q.fs = append(q.fs, f)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// drain runs what is queued, in order, and what that queues in turn, on
// the calling goroutine; it says whether it ran anything. A nil queue
// runs nothing.
func (q *uiQueue) drain() bool {
	if q == nil {
		return false
	}
	ran := false
	for {
		q.mu.Lock()
		fs := q.fs
		q.fs = nil
		q.mu.Unlock()
		if len(fs) == 0 {
			return ran
		}
		for _, f := range fs {
			f()
		}
		ran = true
	}
}

// await runs what is queued until done is closed, and what is queued by
// then; false when d passed first.
func (q *uiQueue) await(done <-chan struct{}, d time.Duration) bool {
	timeout := time.After(d)
	for {
		q.drain()
		select {
		case <-done:
			q.drain()
			return true
		case <-q.ready:
		case <-timeout:
			return false
		}
	}
}
