//go:build !linux

package search

import (
	"io"
	"os"
)

// mapFile reads the first size bytes of f into memory, where mapping it
// is not written for.
func mapFile(f *os.File, size int64) ([]byte, error) {
	data := make([]byte, size)
	_, err := io.ReadFull(io.NewSectionReader(f, 0, size), data)
	return data, err
}

func release([]byte) {}

func releaseBehind(_ []byte, stop <-chan struct{}) { <-stop }
