package annotate

import (
	"fmt"
	"runtime/debug"
)

// Panic is a panic caught on one goroutine and carried to another, as an
// error or as a new panic, with the stack of the goroutine where it
// happened: a goroutine started for background work (a backup, a worker
// of an index) recovers, so the program goes on and whoever started it
// can log the crash.
type Panic struct {
	Value any
	Stack []byte
}

func (p *Panic) Error() string { return fmt.Sprintf("internal error: %v", p.Value) }

// CatchPanic, deferred, turns a panic of the function deferring it into a
// *Panic stored in *err, so the function returns instead of ending the
// program. A *Panic carried from another goroutine is kept as it is.
func CatchPanic(err *error) {
	if r := recover(); r != nil {
		*err = Caught(r)
	}
}

// Caught is the *Panic for a value recover returned, with the stack of
// the caller: call it in the deferred function that recovered.
func Caught(r any) *Panic {
	if p, ok := r.(*Panic); ok {
		return p
	}
	return &Panic{Value: r, Stack: debug.Stack()}
}
