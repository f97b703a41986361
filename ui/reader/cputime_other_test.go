//go:build !unix

package reader

import "time"

// cpuTime is not measured here: benchmarks report only the wall clock.
func cpuTime() time.Duration { return 0 }
