package store

import (
	"encoding/json"
	"errors"
	"reflect"
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
		_ = decodeAnnotation(b, &a)
	})
}

// resealRaw checksums a payload as seal does.
func resealRaw(payload []byte) ([]byte, error) {
	out := make([]byte, 4, 4+len(payload))
	sum := crc(payload)
	out[0], out[1], out[2], out[3] = byte(sum>>24), byte(sum>>16), byte(sum>>8), byte(sum)
	return append(out, payload...), nil
}
