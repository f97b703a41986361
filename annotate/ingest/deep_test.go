package ingest_test

import (
	"errors"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/ingest"
)

func TestDeeplyNestedHTMLIsRefusedInOneSentence(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 10000) + "<p>" + strings.Repeat("A paragraph deep inside the page. ", 20) + "</p>" + strings.Repeat("</div>", 10000) + "</body></html>"
	_, err := ingest.Parse("deep.html", []byte(page))
	if !errors.Is(err, annotate.ErrUnsupportedFormat) || !strings.Contains(err.Error(), "cannot be read as HTML") || strings.Contains(err.Error(), "\n") {
		t.Errorf("10,000 nested elements gave %v, want one sentence saying the page cannot be read", err)
	}
}
