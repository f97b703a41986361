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
// Unix nanoseconds (varints); from version 2, an orphan flag.
const annotationCodec = 2

var errShort = errors.New("record ends early")

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

// decoder reads a binary record, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 { return number(d, binary.Uvarint) }

func (d *decoder) varint() int64 { return number(d, binary.Varint) }

// number reads one varint with read, or records that the record ended.
func number[T uint64 | int64](d *decoder, read func([]byte) (T, int)) T {
	v, n := read(d.b)
	if n <= 0 {
		d.err, d.b = errShort, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err, d.b = errShort, nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) flag() bool {
	if len(d.b) == 0 {
		d.err = errShort
		return false
	}
	f := d.b[0]
	d.b = d.b[1:]
	return f == 1
}

func decodeAnnotation(b []byte, a *annotate.Annotation) error {
	if len(b) == 0 || (b[0] != annotationCodec && b[0] != 1) {
		return errors.New("unknown record version")
	}
	version := b[0]
	d := &decoder{b: b[1:]}
	a.ID, a.DocID = d.string(), d.string()
	a.Kind, a.Colour = annotate.Kind(d.string()), annotate.Colour(d.string())
	a.Body, a.Status = d.string(), annotate.Status(d.string())
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		return errShort
	}
	a.Tags = nil
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
