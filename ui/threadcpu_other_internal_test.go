//go:build !linux

package ui

import "time"

// threadCPU is 0 here: a thread's processor time is read on Linux only.
func threadCPU() time.Duration { return 0 }
