package importing_test

import (
	"testing"
	"time"

	"scholia/annotate"
	"scholia/annotate/library/importing"
)

// sources is a library known only by where its documents came from.
type sources map[string]string

func (s sources) Document(id string) (*annotate.Document, error) { return nil, annotate.ErrNotFound }
func (s sources) DocumentIDBySource(src string) (string, error)  { return s[src], nil }
func (s sources) Known(ids []string) (map[string]bool, error)    { return map[string]bool{}, nil }

// An imported annotation's source names a document of the library by
// any of the names exports and other tools use for it.
func TestASourceFindsItsDocumentByEveryName(t *testing.T) {
	docs := []annotate.Document{
		{ID: "d-web", URL: "https://example.org/talks", Hash: "aaa"},
		{ID: "d-file", Hash: "bbb"},
		{ID: "d-pdf", Hash: "ccc", Fingerprint: "0A1B2C"},
	}
	m := importing.NewMatcher(sources{"/home/r/memo.txt": "d-file"}, docs, time.Now)
	for _, c := range []struct{ source, want string }{
		{"https://example.org/talks", "d-web"},
		{"urn:sha256:bbb", "d-file"},
		{"urn:x-pdf:0a1b2c", "d-pdf"},
		{"urn:scholia:d-web", "d-web"},
		{"/home/r/memo.txt", "d-file"},
		{"file:///home/r/memo.txt", "d-file"},
		{"urn:scholia:gone", ""},
		{"https://example.org/other", ""},
	} {
		if got := m.Find(c.source); got != c.want {
			t.Errorf("Find(%q) = %q, want %q", c.source, got, c.want)
		}
	}
}
