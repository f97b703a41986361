package interop_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"scholia/annotate/interop"
)

// FuzzParse feeds the three readers (W3C, Hypothesis, Kindle) broken
// and odd files: each must return annotations that keep the rules, or one
// sentence naming the file; never panic.
func FuzzParse(f *testing.F) {
	var b bytes.Buffer
	_ = interop.Export(&b, interop.JSONLD, sampleSections(), interop.Chicago, time.Unix(0, 0))
	f.Add(b.Bytes())
	f.Add([]byte(`{"total":1,"rows":[{"id":"x","uri":"https://e.org","text":"t","tags":["a"],"target":[{"source":"https://e.org","selector":[{"type":"TextPositionSelector","start":4,"end":7},{"type":"TextQuoteSelector","exact":"Two","prefix":"One ","suffix":" Three"}]}]}]}`))
	f.Add([]byte("\ufeffBook (A. Writer)\r\n- Your Highlight on page 3 | Location 10-12 | Added on Monday, March 21, 2016 8:35:16 AM\r\n\r\nthe envoys met\r\n==========\r\nBook (A. Writer)\r\n- Your Note on Location 12 | Added on Monday, March 21, 2016 8:36:16 AM\r\n\r\nwhy?\r\n==========\r\n"))
	f.Add([]byte(`[{"type":"Annotation","target":{"source":"urn:x","selector":{"type":"RangeSelector","startSelector":{"type":"TextQuoteSelector","exact":"a"}}},"body":{"type":"Choice","items":["urn:y"]}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := interop.Parse("f.json", data, time.Unix(0, 0))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.json") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, i := range in {
			if i.Source == "" || i.Annotation.ID == "" {
				t.Fatalf("annotation without a source or an id: %+v", i)
			}
			if err := i.Annotation.Validate(); err != nil {
				t.Fatalf("annotation breaks the rules: %v", err)
			}
		}
	})
}
