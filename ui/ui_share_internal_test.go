package ui

import (
	"runtime"
	"testing"
	"time"
)

// uiShare runs an input as the UI goroutine would, the window's tasks
// running as in a real window (their work off the UI goroutine), and
// returns the time the UI goroutine spent on it: the input itself and
// every function the tasks handed back to it, until landed says the
// result showed and no task is out; the tasks' work is not counted.
// cpu is that time's processor time (0 where a thread's is not read),
// whole the time from the input until its result showed.
func uiShare(tb testing.TB, m *MainWindow, input func(), landed func() bool) (wall, cpu, whole time.Duration) {
	tb.Helper()
	// The calling goroutine plays the UI goroutine; locked to its thread,
	// no other goroutine runs there, so the thread's processor time is
	// its own.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	settle := m.tasks.settle
	m.tasks.settle = false
	defer func() { m.tasks.settle = settle }()
	t0 := time.Now()
	measure := func(f func()) {
		c, w := threadCPU(), time.Now()
		f()
		wall += time.Since(w)
		cpu += threadCPU() - c
	}
	measure(input)
	timeout := time.After(20 * time.Second)
	for {
		if landed() && m.tasks.quiet() {
			// Every result is handed on by now; what is queued runs.
			measure(func() { uiLoop.drain() })
			return wall, cpu, time.Since(t0)
		}
		select {
		case <-uiLoop.ready:
		case <-time.After(time.Millisecond): // a task may be out though its result is queued
		case <-timeout:
			tb.Fatal("the input's result never showed")
		}
		measure(func() { uiLoop.drain() })
	}
}
