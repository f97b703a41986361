package desk

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"sync"
)

// Handler carries out one request, printing to stdout and stderr, and
// returns its exit code; served is false (and nothing printed) when this
// process will not carry it out, and the caller runs it itself. The server
// calls it for one request at a time, on its own goroutine.
type Handler func(req Request, stdout, stderr io.Writer) (code int, served bool)

// Server listens on the socket of a library the process holds.
type Server struct {
	path string
	ln   *net.UnixListener
	run  sync.Mutex
	done sync.WaitGroup
}

// Listen opens the socket of the library at path, which the caller holds
// (so a socket already there is a stale one, left by a Scholia that was
// killed: it is removed), and serves requests with h until Close.
func Listen(library string, h Handler) (*Server, error) {
	path, err := SocketPath(library)
	if err != nil {
		return nil, err
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, err
	}
	ln.SetUnlinkOnClose(true)
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{path: path, ln: ln}
	s.done.Add(1)
	go s.accept(h)
	return s, nil
}

// Path is the socket's file.
func (s *Server) Path() string { return s.path }

func (s *Server) accept(h Handler) {
	defer s.done.Done()
	for {
		c, err := s.ln.AcceptUnix()
		if err != nil {
			return
		}
		s.done.Add(1)
		go func() {
			defer s.done.Done()
			defer c.Close()
			s.serve(c, h)
		}()
	}
}

func (s *Server) serve(c *net.UnixConn, h Handler) {
	if checkPeer(c) != nil {
		return
	}
	var req Request
	if err := json.NewDecoder(c).Decode(&req); err != nil {
		return
	}
	f := &frames{w: c}
	code, served, ok := s.carryOut(h, req, f)
	if !ok {
		return // the caller is told the answer broke off
	}
	if !served {
		_ = f.write(frameNotServed, nil)
		return
	}
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(int32(code)))
	_ = f.write(frameExit, b[:])
}

// carryOut runs the handler for one request at a time; a panic in it ends
// that request (ok false), not the process.
func (s *Server) carryOut(h Handler, req Request, f *frames) (code int, served, ok bool) {
	s.run.Lock()
	defer s.run.Unlock()
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	code, served = h(req, stream{f, frameStdout}, stream{f, frameStderr})
	return code, served, true
}

// Close stops listening, removes the socket and waits for the request
// being carried out.
func (s *Server) Close() error {
	err := s.ln.Close()
	s.done.Wait()
	return err
}
