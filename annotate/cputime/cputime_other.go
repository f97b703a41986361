//go:build !unix

// Package cputime tells the processor time this process has used; where
// it cannot be read, benchmarks report only the wall clock.
package cputime

import "time"

// Used is 0 here: the processor time is not read on this system.
func Used() time.Duration { return 0 }
