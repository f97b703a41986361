package ui

import "time"

// The package's tests play the UI goroutine: what goroutines hand back
// to it waits in a queue until a test waits for the window (WaitIdle,
// Await, eventually), instead of running beside the test.
func init() { uiLoop = newUIQueue() }

// Await runs what the window hands to the UI goroutine until done is
// closed; false when d passed first.
func Await(done <-chan struct{}, d time.Duration) bool { return uiLoop.await(done, d) }

// waitIdle waits for the window's tasks, its panel's saves and the
// search index it prepares (which may write the index into the library).
func (m *MainWindow) waitIdle() {
	for {
		if m.library.searchPrepared != nil {
			<-m.library.searchPrepared
		}
		m.tasks.waitShown()
		m.panel.Editor.wait()
		if !uiLoop.drain() && m.tasks.quiet() {
			return
		}
	}
}
