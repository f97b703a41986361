package interop_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"scholia/annotate/interop"
)

// checkParse is what every reader must do with any input: annotations that
// keep the rules, or one sentence naming the file; never a panic.
func checkParse(t *testing.T, data []byte) {
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
}

// FuzzW3C starts from Scholia's own export and odd W3C shapes.
func FuzzW3C(f *testing.F) {
	var b bytes.Buffer
	_ = interop.Export(&b, interop.JSONLD, sampleSections(), sampleAnswers(), interop.Chicago, time.Unix(0, 0))
	f.Add(b.Bytes())
	f.Add([]byte(`[{"type":"Annotation","target":{"source":"urn:x","selector":{"type":"RangeSelector","startSelector":{"type":"TextQuoteSelector","exact":"a"}}},"body":{"type":"Choice","items":["urn:y"]}}]`))
	f.Add([]byte(`{"type":"AnnotationPage","items":[{"type":"Annotation","bodyValue":"x","target":["https://e.org#frag"]}],"next":{"type":"AnnotationPage","items":[]}}`))
	f.Add([]byte(`[{"type":"Annotation","target":"urn:x","scholia:answerPassage":{"type":"Annotation","body":"no target"}}]`))
	f.Add([]byte(`[{"type":"Annotation","target":"urn:x","scholia:answerPassage":{"id":"urn:uuid:01a21993-0000-7000-8000-000000000010","target":"urn:y","scholia:answerPassage":{"target":"urn:z"}}}]`))
	f.Fuzz(checkParse)
}

// FuzzHypothesis starts from Hypothesis API rows.
func FuzzHypothesis(f *testing.F) {
	f.Add([]byte(`{"total":1,"rows":[{"id":"x","uri":"https://e.org","text":"t","tags":["a"],"target":[{"source":"https://e.org","selector":[{"type":"TextPositionSelector","start":4,"end":7},{"type":"TextQuoteSelector","exact":"Two","prefix":"One ","suffix":" Three"}]}]}]}`))
	f.Add([]byte(`[{"id":"y","uri":"https://e.org","text":"page note","target":[{"source":"https://e.org"}],"created":"2016-12-16T11:24:14.673557+00:00"}]`))
	f.Fuzz(checkParse)
}

// FuzzKindle starts from clippings in several languages.
func FuzzKindle(f *testing.F) {
	f.Add([]byte("\ufeffBook (A. Writer)\r\n- Your Highlight on page 3 | Location 10-12 | Added on Monday, March 21, 2016 8:35:16 AM\r\n\r\nthe envoys met\r\n==========\r\nBook (A. Writer)\r\n- Your Note on Location 12 | Added on Monday, March 21, 2016 8:36:16 AM\r\n\r\nwhy?\r\n==========\r\n"))
	f.Add([]byte("El Principe (Carlos Ruiz Zafón)\n- La subrayado en la página 4 | posición 60-60 | Añadido el miércoles, 6 de julio de 2022 06:54:57\n\nasintiendo\n==========\n"))
	f.Add([]byte("飘 ((美)米切尔)\n- 您在位置 #2543-2544的标注 | 添加于 2023年2月9日星期四 下午6:35:21\n\n梅拉妮\n==========\n"))
	f.Fuzz(checkParse)
}
