package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scholia/annotate"
	"scholia/annotate/corpus"
)

func hostile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpus.Path(t, "pdf", "hostile"), name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestHostilePDFsGiveOneSentenceEach(t *testing.T) {
	for _, c := range []struct {
		file, password string
		kind, outer    error
		says           string
	}{
		{"encrypted.pdf", "", ErrPassword, annotate.ErrUnsupportedFormat, "password"},
		{"encrypted.pdf", "guess", ErrPassword, annotate.ErrUnsupportedFormat, "password is wrong"},
		{"scanned.pdf", "", ErrScanned, annotate.ErrEmpty, "only pictures of text"},
		{"truncated.pdf", "", ErrTruncated, annotate.ErrUnsupportedFormat, "cut short"},
		{"not-really.pdf", "", ErrNotPDF, annotate.ErrUnsupportedFormat, "not a PDF"},
	} {
		t.Run(c.file+"/"+c.password, func(t *testing.T) {
			_, err := testEngine.Read(hostile(t, c.file), c.password)
			if !errors.Is(err, c.kind) || !errors.Is(err, c.outer) {
				t.Fatalf("error %v, want %v and %v", err, c.kind, c.outer)
			}
			msg := err.Error()
			if !strings.Contains(msg, c.says) || strings.Count(msg, ". ") > 0 || strings.Contains(msg, "\n") {
				t.Errorf("message %q, want one sentence saying %q", msg, c.says)
			}
		})
	}
}

func TestTheRightPasswordOpensAnEncryptedPDF(t *testing.T) {
	doc, err := testEngine.Read(hostile(t, "encrypted.pdf"), "secret")
	if err != nil {
		t.Fatalf("with the password: %v", err)
	}
	if len(doc.Blocks) == 0 {
		t.Error("the unlocked PDF has no text")
	}
}
