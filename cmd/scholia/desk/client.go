package desk

import (
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"syscall"
	"time"
)

// ExitBroken is the exit code when the answer broke off (the running
// Scholia ended meanwhile), as for any failure.
const ExitBroken = 1

// dialTimeout bounds the wait for a Scholia that listens but is stuck.
const dialTimeout = 2 * time.Second

// Call sends the request to the Scholia holding req.Library, copies what
// the command prints there to stdout and stderr as it prints it, and
// returns its exit code; ok is false when no Scholia serves it there (and
// nothing was printed), and the caller runs the command itself. A socket
// left by a Scholia that was killed (nothing listens) is removed; one that
// is not this user's private socket is never connected to, and err says
// why. err with ok true: the answer broke off before the exit code.
func Call(req Request, stdout, stderr io.Writer) (code int, ok bool, err error) {
	path, err := SocketPath(req.Library)
	if err != nil {
		return 0, false, nil
	}
	if err := trusted(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return 0, false, nil
		}
		return 0, false, err
	}
	c, err := net.DialTimeout("unix", path, dialTimeout)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) {
			_ = os.Remove(path)
		}
		return 0, false, nil
	}
	defer c.Close()
	if err := json.NewEncoder(c).Encode(req); err != nil {
		return 0, false, nil
	}
	code, ok, err = readFrames(c, stdout, stderr)
	if err != nil {
		return ExitBroken, true, err
	}
	return code, ok, nil
}
