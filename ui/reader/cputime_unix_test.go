//go:build unix

package reader

import (
	"syscall"
	"time"
)

// cpuTime is the processor time this process has used, which a busy
// machine does not inflate as it does the wall clock.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
