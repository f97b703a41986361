package desk

import (
	"encoding/json"
	"errors"
	"net"
	"os"
	"syscall"
	"time"
)

// dialTimeout bounds the wait for a Scholia that listens but is stuck.
const dialTimeout = 2 * time.Second

// Call sends the request to the Scholia holding req.Library and returns
// its response; ok is false when no Scholia serves it there, and the
// caller runs the command itself. A socket left by a Scholia that was
// killed (nothing listens) is removed; one that is not this user's
// private socket is never connected to, and err says why.
func Call(req Request) (resp Response, ok bool, err error) {
	path, err := SocketPath(req.Library)
	if err != nil {
		return Response{}, false, nil
	}
	if err := trusted(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return Response{}, false, nil
		}
		return Response{}, false, err
	}
	c, err := net.DialTimeout("unix", path, dialTimeout)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) {
			_ = os.Remove(path)
		}
		return Response{}, false, nil
	}
	defer c.Close()
	if err := json.NewEncoder(c).Encode(req); err != nil {
		return Response{}, false, nil
	}
	if err := json.NewDecoder(c).Decode(&resp); err != nil || resp.NotServed {
		return Response{}, false, nil
	}
	return resp, true, nil
}
