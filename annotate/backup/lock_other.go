//go:build !unix

package backup

// lock is a no-op where bbolt's file lock is not flock: the rename itself
// fails on systems that refuse to move an open file.
func lock(string) (func(), error) { return func() {}, nil }
