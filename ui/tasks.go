package ui

import (
	"sync"
	"time"
)

// The UI goroutine never waits on the library: what an input asks of it
// (opening a document, reading the list again, a backup, undoing,
// restoring, the panel's filter, walking a folder) runs off it as a task,
// and its result comes back to the UI goroutine. A task that takes longer
// than progressAfter says so in the status bar meanwhile. Tasks go in
// lanes, and run one after another in their lane, in the order they were
// started. A task started while an older one of its lane is out makes the
// older one's result be dropped (two opens: the last one wins), but in
// laneChange, where every change's result is shown, in order.

// progressAfter is how long a task runs before the status bar says so.
const progressAfter = 100 * time.Millisecond

// Lanes of tasks whose newest result alone counts.
const (
	laneOpen    = "open"    // the document to show
	laneRefresh = "refresh" // the list and the open document's annotations
	laneFilter  = "filter"  // the panel's filter by text
	laneChange  = "change"  // a change to the library (undo, restore, backup…): every result shows
	laneLookup  = "lookup"  // one record read for an input (the note a hit or a link leads to)
	laneImport  = "import"  // an import of a folder or of annotations: every result shows
)

// holdTask, when set (by tests), runs on a task's goroutine before its
// work: a test holds the work there to see the window go on meanwhile.
var holdTask func(lane string)

// tasks runs the window's tasks and knows which are still out.
type tasks struct {
	guard    *crashGuard
	progress func(msg string) // shows a running task's message, on the UI goroutine

	mu      sync.Mutex
	changed *sync.Cond
	serial  map[string]uint64        // per lane, the newest task's number
	working int                      // tasks whose work runs
	out     int                      // tasks whose result is not yet shown (or dropped)
	running map[string]string        // per lane, the message of the task running
	worked  map[string]chan struct{} // per lane, closed when the newest task's work is done
	handed  map[string]chan struct{} // per lane, closed when the newest task's result is handed on

	// settle makes start return only once its task's result is handed
	// on: for tests written against a window that did everything at
	// once, whose driver runs fyne.Do at once.
	settle bool
	hold   func(lane string) // holdTask when the window was made
}

func newTasks(g *crashGuard, progress func(string)) *tasks {
	t := &tasks{guard: g, progress: progress, serial: map[string]uint64{}, running: map[string]string{},
		worked: map[string]chan struct{}{}, handed: map[string]chan struct{}{}}
	t.changed = sync.NewCond(&t.mu)
	t.hold = holdTask
	return t
}

// start runs work off the UI goroutine and hands its result to show on
// the UI goroutine, unless a newer task of its lane started meanwhile.
// After progressAfter, msg (if any) shows in the status bar until then.
func start[T any](t *tasks, lane, msg string, work func() (T, error), show func(T, error)) {
	t.mu.Lock()
	t.serial[lane]++
	serial := t.serial[lane]
	t.working++
	t.out++
	t.running[lane] = msg
	afterWork, afterHand := t.worked[lane], t.handed[lane]
	result, handed := make(chan struct{}), make(chan struct{})
	t.worked[lane], t.handed[lane] = result, handed
	t.mu.Unlock()
	var v T
	err := errCrashed
	t.guard.goRun(func() {
		if afterWork != nil {
			<-afterWork
		}
		defer func() {
			t.mu.Lock()
			t.working--
			t.changed.Broadcast()
			t.mu.Unlock()
			close(result)
		}()
		t.guard.run(func() {
			if t.hold != nil {
				t.hold(lane)
			}
			v, err = work()
		})
	})
	t.guard.goRun(func() {
		defer t.delivered()
		defer close(handed)
		select {
		case <-result:
		case <-time.After(progressAfter):
			if msg != "" {
				t.guard.do(func() {
					if t.newest(lane, serial) {
						t.progress(msg)
					}
				})
			}
			<-result
		}
		if afterHand != nil {
			<-afterHand
		}
		t.guard.do(func() {
			if lane == laneChange || lane == laneImport || t.newest(lane, serial) {
				t.mu.Lock()
				if t.serial[lane] == serial {
					delete(t.running, lane)
				}
				t.mu.Unlock()
				show(v, err)
			}
		})
	})
	if t.settle && lane != laneImport { // an import is cancelled while it runs
		<-handed
		uiLoop.drain()
	}
}

// newest says whether task serial is still the newest of its lane.
func (t *tasks) newest(lane string, serial uint64) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.serial[lane] == serial
}

// busy is the message of the task running in lane, "" when none is.
func (t *tasks) busy(lane string) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	msg, ok := t.running[lane]
	return msg, ok
}

func (t *tasks) delivered() {
	t.mu.Lock()
	t.out--
	t.changed.Broadcast()
	t.mu.Unlock()
}

// waitWork waits until no task's work runs: before the library closes.
// It may run on the UI goroutine; results not yet shown are not waited
// for.
func (t *tasks) waitWork() {
	t.mu.Lock()
	for t.working > 0 {
		t.changed.Wait()
	}
	t.mu.Unlock()
}

// waitShown waits until every task's result is shown or dropped. It must
// not run on the UI goroutine of a real window (the results wait for
// it); tests, whose fyne.Do runs at once, use it.
func (t *tasks) waitShown() {
	t.mu.Lock()
	for t.out > 0 {
		t.changed.Wait()
	}
	t.mu.Unlock()
}

// quiet says whether no task is out.
func (t *tasks) quiet() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.out == 0
}
