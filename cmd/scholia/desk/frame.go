package desk

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"sync"
)

// The answer to a request is a stream of frames, each a kind byte, a
// 4-byte big-endian length and that many bytes: output as the command
// prints it (so a long import or a large export streams), then its exit
// code, or at once "not served".
const (
	frameStdout    = 'o'
	frameStderr    = 'e'
	frameExit      = 'x'
	frameNotServed = 'n'
)

// frames writes frames to one connection from any goroutine.
type frames struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

func (f *frames) write(kind byte, p []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	var head [5]byte
	head[0] = kind
	binary.BigEndian.PutUint32(head[1:], uint32(len(p)))
	if _, f.err = f.w.Write(head[:]); f.err == nil {
		_, f.err = f.w.Write(p)
	}
	return f.err
}

// stream is the writer of one kind of output.
type stream struct {
	f    *frames
	kind byte
}

func (s stream) Write(p []byte) (int, error) {
	for rest := p; len(rest) > 0; {
		n := min(len(rest), 1<<20)
		if err := s.f.write(s.kind, rest[:n]); err != nil {
			return len(p) - len(rest), err
		}
		rest = rest[n:]
	}
	return len(p), nil
}

// errBroken: the answer stopped before its exit code.
var errBroken = errors.New("the running Scholia stopped before the command ended")

// readFrames copies the output frames to stdout and stderr and returns the
// exit code; served is false when the answer is "not served".
func readFrames(r io.Reader, stdout, stderr io.Writer) (code int, served bool, err error) {
	br := bufio.NewReader(r)
	var head [5]byte
	for {
		if _, err := io.ReadFull(br, head[:]); err != nil {
			return 0, true, errBroken
		}
		n := int64(binary.BigEndian.Uint32(head[1:]))
		switch head[0] {
		case frameStdout:
			_, err = io.CopyN(stdout, br, n)
		case frameStderr:
			_, err = io.CopyN(stderr, br, n)
		case frameExit:
			var c [4]byte
			if n != 4 {
				return 0, true, errBroken
			}
			if _, err := io.ReadFull(br, c[:]); err != nil {
				return 0, true, errBroken
			}
			return int(int32(binary.BigEndian.Uint32(c[:]))), true, nil
		case frameNotServed:
			return 0, false, nil
		default:
			return 0, true, errBroken
		}
		if err != nil {
			return 0, true, err
		}
	}
}
