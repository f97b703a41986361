package store

import (
	"encoding/binary"
	"errors"
	"time"

	"scholia/annotate"
)

// Annotations are the library's most numerous records and are all read at
// start to build the search index, so they are stored in a compact binary
// form rather than JSON (reading 100,000 takes a fifth of the time).
// Records written as JSON by earlier versions are still read.
//
// Layout, after the leading version byte: id, document, kind, colour,
// body, status as length-prefixed strings; the tags (a count, then
// strings); an anchor flag, then start, end (varints), exact, prefix,
// suffix; an answer flag, then its text and link; created and modified as
// Unix nanoseconds (varints); from version 2, an orphan flag. A flag is
// the byte 0 or 1: any other byte is damage.
const annotationCodec = 2

var (
	errShort = errors.New("record ends early")
	errFlag  = errors.New("a flag is neither 0 nor 1")
)

func encodeAnnotation(a *annotate.Annotation) []byte {
	b := make([]byte, 0, 64+len(a.Body)+2*len(a.ID))
	b = append(b, annotationCodec)
	for _, s := range []string{a.ID, a.DocID, string(a.Kind), string(a.Colour), a.Body, string(a.Status)} {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(a.Tags)))
	for _, t := range a.Tags {
		b = appendString(b, t)
	}
	if an := a.Anchor; an != nil {
		b = append(b, 1)
		b = binary.AppendVarint(b, int64(an.Start))
		b = binary.AppendVarint(b, int64(an.End))
		b = appendString(appendString(appendString(b, an.Exact), an.Prefix), an.Suffix)
	} else {
		b = append(b, 0)
	}
	if an := a.Answer; an != nil {
		b = append(b, 1)
		b = appendString(appendString(b, an.Text), an.Link)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendVarint(b, a.Created.UnixNano())
	b = binary.AppendVarint(b, a.Modified.UnixNano())
	if a.Orphan {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// decoder reads a binary record, remembering the first error. One that
// skims reads past the record's text without copying it: enough to know
// the record reads.
type decoder struct {
	b    []byte
	err  error
	skim bool
}

// fail records err unless an error came first, and stops reading.
func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 { return number(d, binary.Uvarint) }

func (d *decoder) varint() int64 { return number(d, binary.Varint) }

// number reads one varint with read, or records that the record ended.
func number[T uint64 | int64](d *decoder, read func([]byte) (T, int)) T {
	v, n := read(d.b)
	if n <= 0 {
		d.fail(errShort)
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail(errShort)
		return ""
	}
	var s string
	if !d.skim {
		s = string(d.b[:n])
	}
	d.b = d.b[n:]
	return s
}

func (d *decoder) flag() bool {
	if len(d.b) == 0 {
		d.fail(errShort)
		return false
	}
	f := d.b[0]
	d.b = d.b[1:]
	if f > 1 {
		d.fail(errFlag)
	}
	return f == 1
}

func decodeAnnotation(b []byte, a *annotate.Annotation) error {
	return readAnnotation(&decoder{b: b}, a)
}

// checkAnnotation says whether b reads as an annotation's record, as
// decodeAnnotation would read it, without copying its text.
func checkAnnotation(b []byte) error {
	var a annotate.Annotation
	return readAnnotation(&decoder{b: b, skim: true}, &a)
}

func readAnnotation(d *decoder, a *annotate.Annotation) error {
	if len(d.b) == 0 || (d.b[0] != annotationCodec && d.b[0] != 1) {
		return errors.New("unknown record version")
	}
	version := d.b[0]
	d.b = d.b[1:]
	a.ID, a.DocID = d.string(), d.string()
	a.Kind, a.Colour = annotate.Kind(d.string()), annotate.Colour(d.string())
	a.Body, a.Status = d.string(), annotate.Status(d.string())
	// Every tag takes at least a byte: a count beyond the bytes left is
	// damage, refused before the tags' slice is made for it.
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		return errShort
	}
	a.Tags = nil
	if n > 0 {
		a.Tags = make([]string, 0, n)
	}
	for i := uint64(0); i < n && d.err == nil; i++ {
		a.Tags = append(a.Tags, d.string())
	}
	a.Anchor = nil
	if d.flag() {
		an := &annotate.Anchor{Start: int(d.varint()), End: int(d.varint())}
		an.Exact, an.Prefix, an.Suffix = d.string(), d.string(), d.string()
		a.Anchor = an
	}
	a.Answer = nil
	if d.flag() {
		a.Answer = &annotate.Answer{Text: d.string(), Link: d.string()}
	}
	a.Created = time.Unix(0, d.varint()).UTC()
	a.Modified = time.Unix(0, d.varint()).UTC()
	a.Orphan = version >= 2 && d.flag()
	if d.err == nil && len(d.b) != 0 {
		return errors.New("record has trailing bytes")
	}
	return d.err
}
