package interop

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"scholia/annotate"
)

// MaxItemSize is the largest single value a JSON file of annotations may
// hold (an annotation, or a member of a collection beside its pages): the
// file itself may be of any size, since its annotations are read one at a
// time, but one value is read whole.
const MaxItemSize = 16 << 20

// MaxClippingsSize is the largest Kindle clippings file read: unlike JSON
// it is read whole (a Kindle's own file is a few MB).
const MaxClippingsSize = 64 << 20

// errTooBig stops a value larger than MaxItemSize.
var errTooBig = errors.New("value too large")

// Read reads a file of annotations, handing each to each as it is read:
// W3C Web Annotation JSON-LD (one annotation, a list, a collection with
// pages), Hypothesis API JSON, or a Kindle "My Clippings.txt". now stands
// in for times the file lacks. A JSON file is walked with the decoder's
// tokens down to its list of annotations, then read one annotation at a
// time, so memory holds one annotation whatever the file's size. On an
// error, the annotations handed over so far are to be dropped: the error
// is one sentence naming the file.
func Read(name string, r io.Reader, now time.Time, each func(Incoming) error) error {
	in := &input{r: bufio.NewReaderSize(r, 64<<10), left: MaxItemSize}
	first, err := in.firstByte()
	if err == io.EOF {
		return annotate.Problemf(annotate.ErrEmpty, "%s is empty", name)
	}
	if err != nil {
		return annotate.Problemf(annotate.ErrInvalid, "cannot read %s: %v", name, err)
	}
	n := 0
	count := func(i Incoming) error {
		n++
		return each(i)
	}
	if first == '{' || first == '[' {
		j := &jsonReader{name: name, in: in, dec: json.NewDecoder(in), now: now, each: count}
		j.dec.UseNumber()
		if err := j.file(); err != nil {
			return err
		}
	} else if err := readClippings(name, in, now, count); err != nil {
		return err
	}
	if n == 0 {
		return annotate.Problemf(annotate.ErrEmpty, "%s holds no annotations", name)
	}
	return nil
}

// readClippings reads a file that is not JSON: a Kindle clippings file,
// or one sentence saying it is none.
func readClippings(name string, in *input, now time.Time, each func(Incoming) error) error {
	head, _ := in.r.Peek(64 << 10)
	if bytes.IndexByte(head, 0) >= 0 || !utf8.Valid(head[:validPrefix(head)]) || !bytes.Contains(head, []byte(kindleSeparator)) {
		return annotate.Problemf(annotate.ErrUnsupportedFormat, "%s is neither W3C or Hypothesis JSON nor a Kindle clippings file", name)
	}
	data, err := io.ReadAll(io.LimitReader(in.r, MaxClippingsSize+1))
	if err != nil {
		return annotate.Problemf(annotate.ErrInvalid, "cannot read %s: %v", name, err)
	}
	if len(data) > MaxClippingsSize {
		return annotate.Problemf(annotate.ErrTooLarge, "%s is larger than %d MB; Scholia reads Kindle clippings files of up to %d MB", name, MaxClippingsSize>>20, MaxClippingsSize>>20)
	}
	clips, err := parseKindle(name, bytes.TrimSpace(data), now)
	if err != nil {
		return err
	}
	for _, c := range clips {
		if err := each(c); err != nil {
			return err
		}
	}
	return nil
}

// validPrefix is the length of head without a character cut at its end.
func validPrefix(head []byte) int {
	for i := len(head); i > 0 && i > len(head)-utf8.UTFMax; i-- {
		if utf8.RuneStart(head[i-1]) {
			if utf8.FullRune(head[i-1:]) {
				return len(head)
			}
			return i - 1
		}
	}
	return len(head)
}

// input is the file as the JSON decoder reads it: it refuses to deliver
// more than left bytes (reset before each value, so that one value cannot
// fill memory), and remembers the last bytes read and the lines before
// them, so that an error can say its line.
type input struct {
	r     *bufio.Reader
	left  int
	read  int64
	base  int64  // bytes skipped before the decoder's first
	lines int    // newlines before tail
	tail  []byte // the last bytes read, up to tailSize
}

const tailSize = 1 << 20

func (in *input) Read(p []byte) (int, error) {
	if in.left <= 0 {
		return 0, errTooBig
	}
	n, err := in.r.Read(p[:min(len(p), in.left)])
	in.left -= n
	in.read += int64(n)
	if drop := len(in.tail) + n - tailSize; drop > 0 {
		drop = min(drop, len(in.tail))
		in.lines += bytes.Count(in.tail[:drop], []byte("\n"))
		in.tail = append(in.tail[:0], in.tail[drop:]...)
	}
	in.tail = append(in.tail, p[max(0, n-tailSize):n]...)
	return n, err
}

// firstByte skips a byte order mark and white space, and says what
// follows without consuming it.
func (in *input) firstByte() (byte, error) {
	if bom, _ := in.r.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		_, _ = in.r.Discard(3)
		in.read = 3
	}
	for {
		c, err := in.r.ReadByte()
		if err != nil {
			return 0, err
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			if c == '\n' {
				in.lines++
			}
			in.read++
			continue
		}
		in.base = in.read
		return c, in.r.UnreadByte()
	}
}

// where names a byte offset of what the decoder read (which starts
// after the mark and space firstByte skipped) by its line.
func (in *input) where(off int64) string {
	abs := in.base + off
	start := in.read - int64(len(in.tail))
	if abs < start || abs > in.read {
		return "near byte " + strconv.FormatInt(abs, 10)
	}
	return "line " + strconv.Itoa(1+in.lines+bytes.Count(in.tail[:abs-start], []byte("\n")))
}
