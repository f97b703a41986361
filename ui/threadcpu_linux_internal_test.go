package ui

import (
	"syscall"
	"time"
)

// rusageThread is Linux's RUSAGE_THREAD, which syscall does not name.
const rusageThread = 1

// threadCPU is the processor time the calling thread has used; 0 when it
// cannot be read.
func threadCPU() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
