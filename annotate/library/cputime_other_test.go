//go:build !unix

package library

import "time"

// cpuTime is not measured here: the budget tests skip.
func cpuTime() time.Duration { return 0 }
