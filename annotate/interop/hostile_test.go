package interop_test

import (
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"scholia/annotate/interop"
)

// endless is a file of any size made as it is read, never held: head,
// then body repeated until size bytes, then tail.
type endless struct {
	head, body, tail string
	size, read       int64
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		switch {
		case e.read < int64(len(e.head)):
			c := copy(p[n:], e.head[e.read:])
			n, e.read = n+c, e.read+int64(c)
		case e.read < e.size-int64(len(e.tail)):
			at := (e.read - int64(len(e.head))) % int64(len(e.body))
			c := copy(p[n:], e.body[at:])
			c = int(min(int64(c), e.size-int64(len(e.tail))-e.read))
			n, e.read = n+c, e.read+int64(c)
		default:
			at := e.read - (e.size - int64(len(e.tail)))
			if at >= int64(len(e.tail)) {
				if n == 0 {
					return 0, io.EOF
				}
				return n, nil
			}
			c := copy(p[n:], e.tail[at:])
			n, e.read = n+c, e.read+int64(c)
		}
	}
	return n, nil
}

// repeat is head, body n times, then tail.
func repeat(head, body, tail string, n int64) *endless {
	return &endless{head: head, body: body, tail: tail, size: int64(len(head)) + n*int64(len(body)) + int64(len(tail))}
}

// TestHugeHostileFilesGetOneSentenceInLittleMemory reads files built to
// exhaust a reader, far larger than a test could write to the disk: each
// is refused in one sentence naming it, having read no more than it had
// to, and the heap stays small all along.
func TestHugeHostileFilesGetOneSentenceInLittleMemory(t *testing.T) {
	const good = `{"type":"Annotation","target":"https://example.org/page","body":"fine"}`
	cases := []struct {
		name     string
		file     *endless
		wantRead int64 // the most bytes the reader may take, 0: all of them
		want     string
	}{
		// A single string of 2 GB, as a value and as a key.
		{"string.json", repeat("["+good+`,{"type":"Annotation","target":"https://e.org","body":"`, "x", `"}]`, 2<<30),
			interop.MaxItemSize + 1<<20, "larger than 16 MB"},
		{"key.json", repeat(`[{"`, "k", `":1}]`, 2<<30), interop.MaxItemSize + 1<<20, "larger than 16 MB"},
		// 2 GB of nested lists and of nested objects.
		{"nested.json", repeat("", "[", "", 2<<30), 1 << 20, "not valid JSON"},
		{"nestedobj.json", repeat("[", `{"a":`, "", 2<<30/5), 1 << 20, "not valid JSON"},
		// A billion tiny objects: refused at the first.
		{"objects.json", repeat("[", "{},", "{}]", 1e9), 1 << 20, "neither an Annotation"},
		// Millions of values that are no annotation but no error either:
		// read to the end in the memory of one.
		{"nulls.json", repeat("[", "null,", "null]", 2e6), 0, "holds no annotations"},
		{"lists.json", repeat(`{"type":"AnnotationPage","items":[`, "[],", "[]]}", 2e6), 0, "holds no annotations"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var peak uint64
			stop := watchHeap(&peak)
			err := interop.Read(c.name, c.file, time.Unix(0, 0), func(interop.Incoming) error { return nil })
			stop()
			if err == nil || !strings.HasPrefix(err.Error(), c.name) || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%v; want one sentence naming the file and saying %q", err, c.want)
			}
			if c.wantRead > 0 && c.file.read > c.wantRead {
				t.Errorf("read %d MB of the file before refusing it; want at most %d MB", c.file.read>>20, c.wantRead>>20)
			}
			if c.wantRead == 0 && c.file.read != c.file.size {
				t.Errorf("read %d of %d bytes", c.file.read, c.file.size)
			}
			if peak > 96<<20 {
				t.Errorf("the heap reached %d MB; want at most 96", peak>>20)
			}
		})
	}
}

// watchHeap records the most heap in use in *peak until the returned
// stop is called.
func watchHeap(peak *uint64) (stop func()) {
	runtime.GC()
	done, quit := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			*peak = max(*peak, m.HeapAlloc)
			select {
			case <-quit:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(quit); <-done }
}
