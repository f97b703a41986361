//go:build unix

// Package cputime tells the processor time this process has used, which a
// busy machine does not inflate as it does the wall clock, and which
// waiting for the disk does not count: benchmarks and budget tests report
// it beside the wall clock.
package cputime

import (
	"syscall"
	"time"
)

// Used is the processor time (user and system) this process has used.
func Used() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
