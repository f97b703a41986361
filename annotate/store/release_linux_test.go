package store_test

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"scholia/annotate"
)

// mappedKB is how much of the file at path this process holds resident
// through its mappings, from /proc/self/smaps.
func mappedKB(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	kb, in := 0, false
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 5 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			in = len(f) >= 6 && f[5] == path
		}
		if in && len(f) >= 2 && f[0] == "Rss:" {
			n, _ := strconv.Atoi(f[1])
			kb += n
		}
	}
	return kb
}

// Reading a library maps its pages into the process; ReleaseMapped lets
// them go, and what is read after reads the same.
func TestReleaseMappedLetsTheReadPagesGo(t *testing.T) {
	s, path := openStore(t)
	doc := testDocument("a")
	if err := s.PutDocument(doc); err != nil {
		t.Fatal(err)
	}
	var anns []*annotate.Annotation
	for i := range 4000 {
		anns = append(anns, &annotate.Annotation{ID: fmt.Sprintf("q%05d", i), DocID: "a", Kind: annotate.KindQuestion,
			Colour: annotate.Blue, Body: strings.Repeat("a question worth asking ", 20), Status: annotate.StatusOpen})
	}
	if err := s.PutAnnotations(anns); err != nil {
		t.Fatal(err)
	}
	read := func() int {
		qs, err := s.OpenQuestions()
		if err != nil {
			t.Fatal(err)
		}
		return len(qs)
	}
	if n := read(); n != 4000 {
		t.Fatalf("read %d open questions, want 4000", n)
	}
	before := mappedKB(t, path)
	if before < 1024 {
		t.Fatalf("reading 4,000 questions left %d KB of the file resident; the test needs more to tell", before)
	}
	s.ReleaseMapped()
	if after := mappedKB(t, path); after > before/4 {
		t.Errorf("after ReleaseMapped, %d KB of the file stay resident (%d KB before)", after, before)
	}
	if n := read(); n != 4000 {
		t.Errorf("after ReleaseMapped, read %d open questions, want 4000", n)
	}
	if n, err := s.OpenQuestionCount(); n != 4000 || err != nil {
		t.Errorf("open question count %d, %v; want 4000", n, err)
	}
}
