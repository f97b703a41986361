package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"scholia/annotate"
)

// A panic must never take the window, and the text being typed in it,
// down with it. crashGuard catches a panic where our code is entered: a
// callback the window registers (menus, shortcuts, buttons, the reader's
// and the panels' events, see guardCallbacks), a goroutine of ours
// (goRun), work handed back to the UI goroutine (do, after). It writes the
// stack to a crash log, tells the reader in one sentence where that log
// is, and the window goes on. This file is the only one of the package
// that starts goroutines or calls fyne.Do, so that every one is guarded
// (crash_internal_test.go checks it).
type crashGuard struct {
	// tell shows the sentence; it runs on the UI goroutine.
	tell func(sentence string)

	mu   sync.Mutex
	logs []string // the crash logs written this session
}

// maxCrashLogs bounds the logs one session writes, should something panic
// over and over (on a timer, say); later panics go to stderr only.
const maxCrashLogs = 20

// errCrashed is what work that panicked returns to whoever waits for it:
// the crash log has the details.
var errCrashed = errors.New("this stopped on an internal error; the crash log has the details")

func newCrashGuard(tell func(sentence string)) *crashGuard {
	return &crashGuard{tell: tell}
}

// run runs f and says whether it returned; a panic in f is caught,
// logged and told. A nil guard runs f unguarded.
func (g *crashGuard) run(f func()) (finished bool) {
	if g == nil {
		f()
		return true
	}
	defer func() {
		if r := recover(); r != nil {
			g.caught(r, debug.Stack())
		}
	}()
	f()
	return true
}

// wrap is f made safe, for a callback.
func (g *crashGuard) wrap(f func()) func() {
	if f == nil {
		return nil
	}
	return func() { g.run(f) }
}

// guard1 is f made safe, for a callback with one argument.
func guard1[T any](g *crashGuard, f func(T)) func(T) {
	if f == nil {
		return nil
	}
	return func(v T) { g.run(func() { f(v) }) }
}

// guard2 is f made safe, for a callback with two arguments.
func guard2[A, B any](g *crashGuard, f func(A, B)) func(A, B) {
	if f == nil {
		return nil
	}
	return func(a A, b B) { g.run(func() { f(a, b) }) }
}

// goRun runs f on a goroutine of its own, guarded.
func (g *crashGuard) goRun(f func()) { go g.run(f) }

// do hands f to the UI goroutine, guarded there.
func (g *crashGuard) do(f func()) { post(func() { g.run(f) }) }

// post hands f to the UI goroutine: fyne.Do, or a test's queue.
func post(f func()) {
	if uiLoop != nil {
		uiLoop.push(f)
		return
	}
	fyne.Do(f)
}

// after hands f to the UI goroutine, guarded, once d has passed.
func (g *crashGuard) after(d time.Duration, f func()) *time.Timer {
	return time.AfterFunc(d, func() { g.do(f) })
}

// caught logs a panic's value and stack and tells the reader. It runs on
// whichever goroutine recovered; the log is a few kilobytes written once.
func (g *crashGuard) caught(value any, stack []byte) {
	fyne.LogError(fmt.Sprintf("caught a panic: %v\n%s", value, stack), nil)
	g.mu.Lock()
	many := len(g.logs) >= maxCrashLogs
	g.mu.Unlock()
	if many {
		return
	}
	path, err := WriteCrashLog(value, stack)
	sentence := "Something went wrong in Scholia; nothing you saved is lost. Details are in " + path + "."
	if err != nil {
		fyne.LogError("writing the crash log", err)
		sentence = fmt.Sprintf("Something went wrong in Scholia; nothing you saved is lost. The details could not be written to a crash log (%v).", err)
	}
	g.mu.Lock()
	g.logs = append(g.logs, path)
	g.mu.Unlock()
	post(func() {
		defer func() {
			if r := recover(); r != nil {
				fyne.LogError(fmt.Sprintf("telling of a crash: %v\n%s", r, debug.Stack()), nil)
			}
		}()
		g.tell(sentence)
	})
}

// written are the crash logs written so far.
func (g *crashGuard) written() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]string(nil), g.logs...)
}

// WriteCrashLog writes a panic's value and stack to a new file in the
// crash folder (see crashDir) and returns its path. The command calls it
// for a panic that nothing else caught, before it ends.
func WriteCrashLog(value any, stack []byte) (string, error) {
	dir, err := crashDir()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	now := time.Now()
	carried, ok := value.(*annotate.Panic)
	if ok {
		value = carried.Value
	}
	report := fmt.Sprintf("Scholia caught a panic at %s (%s, %s/%s).\n\npanic: %v\n\n", now.Format(time.RFC3339Nano), runtime.Version(), runtime.GOOS, runtime.GOARCH, value)
	if ok {
		report += string(carried.Stack)
		if len(stack) > 0 {
			report += "\nIt was carried to, and caught on, this goroutine:\n\n"
		}
	}
	report += string(stack)
	base := "crash-" + now.Format("2006-01-02T15-04-05.000")
	for i := 1; ; i++ {
		name := base + ".log"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.log", base, i)
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) && i < 100 {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.WriteString(report)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return path, err
	}
}

// crashDir is the folder crash logs go to: $XDG_STATE_HOME/scholia, that
// is ~/.local/state/scholia, on Linux and the BSDs; ~/Library/Logs/Scholia
// on macOS; Scholia\Logs in the local application-data folder on Windows.
func crashDir() (string, error) {
	switch runtime.GOOS {
	case "darwin", "ios":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Logs", "Scholia"), nil
	case "windows":
		dir, err := os.UserCacheDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(dir, "Scholia", "Logs"), nil
	}
	if d := os.Getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "scholia"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "state", "scholia"), nil
}
