//go:build !unix

package cli

// yieldProcessor does nothing where processes have no nice value.
func yieldProcessor(int) {}
