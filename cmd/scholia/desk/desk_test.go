//go:build unix

package desk

import (
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// runtimeDir points the sockets at a fresh folder with a short name (a
// socket's path must fit in 108 bytes).
func runtimeDir(t *testing.T) {
	t.Helper()
	dir, err := os.MkdirTemp("", "sd")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Setenv("XDG_RUNTIME_DIR", dir)
}

func echo(calls *atomic.Int32) Handler {
	return func(req Request, stdout, stderr io.Writer) (int, bool) {
		calls.Add(1)
		io.WriteString(stdout, req.Args[0])
		io.WriteString(stderr, "said")
		return 7, true
	}
}

// echoing listens, in a runtime folder of the test's own, for the
// library lib with a server answering by echo; it closes with the test.
func echoing(t *testing.T) (lib string, srv *Server, calls *atomic.Int32) {
	t.Helper()
	runtimeDir(t)
	lib = filepath.Join(t.TempDir(), "lib.db")
	calls = new(atomic.Int32)
	srv, err := Listen(lib, echo(calls))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	return lib, srv, calls
}

// The socket is private: mode 0600 in a folder of mode 0700, and a
// command line is answered through it with its output and exit code.
func TestTheSocketIsPrivateAndAnswers(t *testing.T) {
	lib, srv, _ := echoing(t)
	info, err := os.Lstat(srv.Path())
	if err != nil || info.Mode()&os.ModeSocket == 0 || info.Mode().Perm() != 0o600 {
		t.Fatalf("socket %s: %v %v, want a socket of mode 0600", srv.Path(), info, err)
	}
	if d, err := os.Stat(filepath.Dir(srv.Path())); err != nil || d.Mode().Perm() != 0o700 {
		t.Fatalf("socket folder: %v %v, want mode 0700", d.Mode(), err)
	}
	var out, errOut bytes.Buffer
	code, ok, err := Call(Request{Args: []string{"hello"}, Library: lib}, &out, &errOut)
	if !ok || err != nil || out.String() != "hello" || errOut.String() != "said" || code != 7 {
		t.Fatalf("Call = %q %q exit %d, %v %v; want hello, said, exit 7", out.String(), errOut.String(), code, ok, err)
	}
	if _, ok, _ := Call(Request{Args: []string{"x"}, Library: lib + ".other"}, io.Discard, io.Discard); ok {
		t.Fatal("a command line for another library was answered by this one's holder")
	}
}

// A socket whose Scholia was killed is found dead, removed, and the
// command line runs itself.
func TestAStaleSocketIsRemoved(t *testing.T) {
	runtimeDir(t)
	lib := filepath.Join(t.TempDir(), "lib.db")
	path, err := SocketPath(lib)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	ln.SetUnlinkOnClose(false)
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	ln.Close() // as a kill -9 leaves it: the file stays, nothing listens
	if _, err := os.Lstat(path); err != nil {
		t.Fatalf("the stale socket should still be there before the call: %v", err)
	}
	if _, ok, err := Call(Request{Args: []string{"list"}, Library: lib}, io.Discard, io.Discard); ok || err != nil {
		t.Fatalf("a dead socket answered (ok %v, %v)", ok, err)
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the stale socket is still there: %v", err)
	}
}

// A socket file that is not private (mode 0666) is never connected to:
// the command line is not sent, and the reason is said.
func TestASocketOthersCanWriteIsRefused(t *testing.T) {
	lib, srv, calls := echoing(t)
	if err := os.Chmod(srv.Path(), 0o666); err != nil {
		t.Fatal(err)
	}
	_, ok, err := Call(Request{Args: []string{"list"}, Library: lib}, io.Discard, io.Discard)
	if ok || !errors.Is(err, errUntrusted) {
		t.Fatalf("Call on a socket of mode 0666 = ok %v, %v; want refused", ok, err)
	}
	if n := calls.Load(); n != 0 {
		t.Fatalf("the command line was sent %d times through a socket of mode 0666", n)
	}
}

// otherUsers is a socket's file as another user's would look.
type otherUsers struct{ os.FileInfo }

func (o otherUsers) Sys() any {
	st := *o.FileInfo.Sys().(*syscall.Stat_t)
	st.Uid = uint32(os.Getuid() + 1)
	return &st
}

// A socket of mode 0600 owned by another user is refused too.
func TestASocketOfAnotherUserIsRefused(t *testing.T) {
	_, srv, _ := echoing(t)
	info, err := os.Lstat(srv.Path())
	if err != nil {
		t.Fatal(err)
	}
	if err := trustedInfo(srv.Path(), info); err != nil {
		t.Fatalf("this user's own socket refused: %v", err)
	}
	if err := trustedInfo(srv.Path(), otherUsers{info}); !errors.Is(err, errUntrusted) {
		t.Fatalf("another user's socket: %v, want refused", err)
	}
}

// Close waits for the command line being carried out, then removes the
// socket.
func TestCloseWaitsAndRemovesTheSocket(t *testing.T) {
	runtimeDir(t)
	lib := filepath.Join(t.TempDir(), "lib.db")
	started, finish := make(chan struct{}), make(chan struct{})
	srv, err := Listen(lib, func(_ Request, stdout, _ io.Writer) (int, bool) {
		close(started)
		<-finish
		io.WriteString(stdout, "done")
		return 0, true
	})
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		var out bytes.Buffer
		Call(Request{Args: []string{"list"}, Library: lib}, &out, io.Discard)
		got <- out.String()
	}()
	<-started
	closed := make(chan struct{})
	go func() { srv.Close(); close(closed) }()
	select {
	case <-closed:
		t.Fatal("Close returned while a command line was being carried out")
	case <-time.After(100 * time.Millisecond):
	}
	close(finish)
	<-closed
	if out := <-got; out != "done" {
		t.Fatalf("the command line in flight got %q, want done", out)
	}
	if _, err := os.Lstat(srv.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the socket is still there after Close: %v", err)
	}
}

// Output larger than a frame arrives whole and in order; an answer that
// breaks off (the handler failed) is said, with exit code 1, and the
// server goes on answering.
func TestLargeOutputAndABrokenAnswer(t *testing.T) {
	runtimeDir(t)
	lib := filepath.Join(t.TempDir(), "lib.db")
	big := bytes.Repeat([]byte("0123456789abcdef"), 300_000) // 4.8 MB
	srv, err := Listen(lib, func(req Request, stdout, _ io.Writer) (int, bool) {
		if req.Args[0] == "fail" {
			io.WriteString(stdout, "half")
			panic("stopped")
		}
		stdout.Write(big)
		return 0, true
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	var out bytes.Buffer
	if code, ok, err := Call(Request{Args: []string{"export"}, Library: lib}, &out, io.Discard); !ok || err != nil || code != 0 || !bytes.Equal(out.Bytes(), big) {
		t.Fatalf("large output: %d of %d bytes, exit %d, %v %v", out.Len(), len(big), code, ok, err)
	}
	out.Reset()
	code, ok, err := Call(Request{Args: []string{"fail"}, Library: lib}, &out, io.Discard)
	if !ok || !errors.Is(err, errBroken) || code != ExitBroken || out.String() != "half" {
		t.Fatalf("broken answer: %q exit %d, %v %v; want half, exit 1, %v", out.String(), code, ok, err, errBroken)
	}
	out.Reset()
	if _, ok, err := Call(Request{Args: []string{"export"}, Library: lib}, &out, io.Discard); !ok || err != nil || out.Len() != len(big) {
		t.Fatalf("after a broken answer the server no longer answers: %v %v", ok, err)
	}
}
