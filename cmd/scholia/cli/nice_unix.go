//go:build unix

package cli

import "syscall"

// yieldProcessor lowers the priority of the process pid (nice 10): it
// runs when nothing more urgent wants the processor. Failing changes
// nothing but the order.
func yieldProcessor(pid int) { _ = syscall.Setpriority(syscall.PRIO_PROCESS, pid, 10) }
