package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"reflect"
	"runtime"
	"testing"
	"time"

	"scholia/annotate"
)

var codecCases = []annotate.Annotation{
	{ID: "a", DocID: "d", Kind: annotate.KindHighlight, Colour: annotate.Yellow,
		Anchor:  &annotate.Anchor{Start: 3, End: 9, Exact: "«quoté»", Prefix: "before ", Suffix: " after"},
		Created: time.Date(2026, 3, 1, 12, 0, 0, 123, time.UTC), Modified: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)},
	{ID: "q", DocID: "d", Kind: annotate.KindQuestion, Status: annotate.StatusAnswered, Body: "why?\n*markdown*",
		Tags: []string{"one", "two"}, Answer: &annotate.Answer{Text: "because", Link: "a"},
		Created: time.Unix(0, 0).UTC(), Modified: time.Unix(0, 0).UTC()},
	{ID: "n", DocID: "d", Kind: annotate.KindNote, Created: time.Unix(1, 0).UTC(), Modified: time.Unix(2, 0).UTC()},
	{ID: "o", DocID: "d", Kind: annotate.KindNote, Orphan: true, Anchor: &annotate.Anchor{Start: 1, End: 2, Exact: "x"},
		Created: time.Unix(1, 0).UTC(), Modified: time.Unix(2, 0).UTC()},
}

func TestAnnotationRecordsRoundTrip(t *testing.T) {
	for _, a := range codecCases {
		rec, err := seal(&a)
		if err != nil {
			t.Fatal(err)
		}
		var got annotate.Annotation
		if err := open("annotations", a.ID, rec, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Errorf("round trip\n got %+v\nwant %+v", got, a)
		}
		for cut := 5; cut < len(rec)-1; cut += 3 {
			short := append([]byte(nil), rec[:cut]...)
			resealed, _ := resealRaw(short[4:])
			var x annotate.Annotation
			if err := open("annotations", a.ID, resealed, &x); !errors.Is(err, annotate.ErrDamaged) {
				t.Fatalf("a record cut to %d bytes read as %+v, %v", cut, x, err)
			}
		}
	}
}

func TestJSONAnnotationRecordsStillRead(t *testing.T) {
	a := codecCases[1]
	payload, _ := json.Marshal(&a)
	rec, _ := resealRaw(payload)
	var got annotate.Annotation
	if err := open("annotations", a.ID, rec, &got); err != nil || !reflect.DeepEqual(got, a) {
		t.Errorf("JSON record read as %+v, %v", got, err)
	}
}

func FuzzDecodeAnnotation(f *testing.F) {
	for _, a := range codecCases {
		f.Add(encodeAnnotation(&a))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var a annotate.Annotation
		err := decodeAnnotation(b, &a)
		if checked := checkAnnotation(b); (checked == nil) != (err == nil) {
			t.Errorf("the check says %v where reading says %v", checked, err)
		}
	})
}

// resealRaw checksums a payload as seal does.
func resealRaw(payload []byte) ([]byte, error) {
	out := make([]byte, 4, 4+len(payload))
	sum := crc(payload)
	out[0], out[1], out[2], out[3] = byte(sum>>24), byte(sum>>16), byte(sum>>8), byte(sum)
	return append(out, payload...), nil
}

// layout builds an annotation's record by hand, as codec.go's comment
// describes it, and says where each flag byte is.
type layout struct {
	b                           []byte
	anchorFlag, answerFlag, end int
}

func layOut(version byte, a *annotate.Annotation) layout {
	var l layout
	b := []byte{version}
	for _, s := range []string{a.ID, a.DocID, string(a.Kind), string(a.Colour), a.Body, string(a.Status)} {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(a.Tags)))
	for _, t := range a.Tags {
		b = appendString(b, t)
	}
	l.anchorFlag = len(b)
	b = append(b, 1)
	b = binary.AppendVarint(binary.AppendVarint(b, int64(a.Anchor.Start)), int64(a.Anchor.End))
	b = appendString(appendString(appendString(b, a.Anchor.Exact), a.Anchor.Prefix), a.Anchor.Suffix)
	l.answerFlag = len(b)
	b = append(b, 1)
	b = appendString(appendString(b, a.Answer.Text), a.Answer.Link)
	b = binary.AppendVarint(binary.AppendVarint(b, a.Created.UnixNano()), a.Modified.UnixNano())
	l.end = len(b)
	if version >= 2 {
		b = append(b, 0)
		if a.Orphan {
			b[l.end] = 1
		}
	}
	l.b = b
	return l
}

// decodeRecord reads a payload as the store does, through its checksum.
func decodeRecord(payload []byte) (annotate.Annotation, error) {
	rec, _ := resealRaw(payload)
	var got annotate.Annotation
	err := open("annotations", "q", rec, &got)
	return got, err
}

// answered is a question with everything a record holds: an anchor, tags,
// an answer.
var answered = annotate.Annotation{ID: "q", DocID: "d", Kind: annotate.KindQuestion, Status: annotate.StatusAnswered,
	Body: "why?", Tags: []string{"one", "two"}, Anchor: &annotate.Anchor{Start: 3, End: 9, Exact: "quoted", Prefix: "p", Suffix: "s"},
	Answer: &annotate.Answer{Text: "because", Link: "a"}, Created: time.Unix(5, 6).UTC(), Modified: time.Unix(7, 8).UTC()}

// Records written before the orphan flag (version 1) are still read, as
// what they are: never orphans. Today's records keep the flag.
func TestVersion1RecordsAreReadAndOrphansStayOrphans(t *testing.T) {
	if got, err := decodeRecord(layOut(1, &answered).b); err != nil || !reflect.DeepEqual(got, answered) {
		t.Errorf("a version-1 record read as %+v, %v; want %+v", got, err, answered)
	}
	orphan := answered
	orphan.Orphan = true
	l := layOut(2, &orphan)
	if !bytes.Equal(encodeAnnotation(&orphan), l.b) {
		t.Fatalf("the record written is not the documented layout:\n got %x\nwant %x", encodeAnnotation(&orphan), l.b)
	}
	if got, err := decodeRecord(l.b); err != nil || !got.Orphan || !reflect.DeepEqual(got, orphan) {
		t.Errorf("an orphan's record read as %+v, %v; want the orphan back", got, err)
	}
}

// A record the store did not write as it should (bytes after its end, a
// flag byte other than 0 or 1, a version-1 record carrying an orphan flag)
// is damage, not a note with something else in it.
func TestMalformedRecordsAreDamage(t *testing.T) {
	v2 := layOut(2, &answered)
	v1 := layOut(1, &answered)
	withByte := func(b []byte, i int, v byte) []byte {
		b = append([]byte(nil), b...)
		b[i] = v
		return b
	}
	cases := map[string][]byte{
		"a byte after the end":             append(append([]byte(nil), v2.b...), 0),
		"a version-1 record with a flag 0": append(append([]byte(nil), v1.b...), 0),
		"a version-1 record with a flag 1": append(append([]byte(nil), v1.b...), 1),
		"an orphan flag of 2":              withByte(v2.b, v2.end, 2),
		"an orphan flag of 255":            withByte(v2.b, v2.end, 255),
		"an anchor flag of 2":              withByte(v2.b, v2.anchorFlag, 2),
		"an answer flag of 2":              withByte(v2.b, v2.answerFlag, 2),
		"a version 3":                      withByte(v2.b, 0, 3),
		"a version 0":                      withByte(v2.b, 0, 0),
	}
	for name, payload := range cases {
		if got, err := decodeRecord(payload); !errors.Is(err, annotate.ErrDamaged) {
			t.Errorf("%s: read as %+v, %v; want ErrDamaged", name, got, err)
		}
	}
}

// A tag count no record could hold is refused before anything is made
// for it: a damaged record costs no memory.
func TestAnAbsurdTagCountIsRefusedWithoutAllocating(t *testing.T) {
	b := []byte{annotationCodec}
	for range 6 {
		b = appendString(b, "x")
	}
	b = binary.AppendUvarint(b, 1<<24)
	b = append(b, 0, 0, 0, 0)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := decodeRecord(b)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, annotate.ErrDamaged) {
		t.Errorf("a record counting 16,777,216 tags in %d bytes read with %v, want ErrDamaged", len(b), err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("reading it allocated %d MiB", grew>>20)
	}
}
