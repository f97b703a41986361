package pdf

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

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

// rawPDF writes objects as they are, with a correct cross-reference table.
func rawPDF(objs ...string) []byte {
	var b strings.Builder
	b.WriteString("%PDF-1.7\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		b.WriteString(strconv.Itoa(i+1) + " 0 obj\n" + o + "\nendobj\n")
	}
	xref := b.Len()
	b.WriteString("xref\n0 " + strconv.Itoa(len(objs)+1) + "\n0000000000 65535 f \n")
	for _, o := range offs {
		b.WriteString(fmt.Sprintf("%010d 00000 n \n", o))
	}
	b.WriteString("trailer\n<< /Size " + strconv.Itoa(len(objs)+1) + " /Root 1 0 R >>\nstartxref\n" + strconv.Itoa(xref) + "\n%%EOF\n")
	return []byte(b.String())
}

func TestAPageTreeThatLoopsAndTenThousandPagesGiveOneSentenceInTime(t *testing.T) {
	kids := make([]string, 10000)
	for i := range kids {
		kids[i] = "3 0 R"
	}
	for _, c := range []struct {
		name string
		data []byte
		kind error
	}{
		{"loop", rawPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"), ErrDamaged},
		{"10,000 pages", rawPDF("<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids ["+strings.Join(kids, " ")+"] /Count 10000 >>",
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"), ErrTooManyPages},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := testEngine.Read(c.data, "")
			if !errors.Is(err, c.kind) {
				t.Fatalf("error %v, want %v", err, c.kind)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}
