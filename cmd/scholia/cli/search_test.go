package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchWithALongQuery: `scholia search` with nine words or more prints
// the note that holds them all, or most of them, first and exits 0, rather
// than "internal error"; "Nothing matches." only when no word matches.
func TestSearchWithALongQuery(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	scholia(t, lib, "import", fixture(t, "brief.txt", brief))
	scholia(t, lib, "annotate", "Ceasefire", "--quote", "Both sides stop firing at dawn", "--kind", "note", "--note", "Who checks the dawn deadline on the ground?")
	scholia(t, lib, "annotate", "Ceasefire", "--quote", "Observers watch the line", "--colour", "green")
	cases := []struct {
		query []string
		want  string // a line the first result shows; "" for none
	}{
		{strings.Fields("both sides stop firing at dawn who checks deadline"), "“Both sides stop firing at dawn”"},
		{strings.Fields("both sides stop firing at dawn who checks the deadline on the ground"), "Who checks the dawn deadline on the ground?"},
		{strings.Fields("both sides stop firing at dawn who checks observers"), "“Both sides stop firing at dawn”"},
		{strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india"), ""},
	}
	for _, c := range cases {
		out, errOut, code := scholia(t, lib, append([]string{"search"}, c.query...)...)
		if code != 0 || errOut != "" {
			t.Errorf("search with %d words: exit %d, stderr %q", len(c.query), code, errOut)
			continue
		}
		if c.want == "" && strings.TrimSpace(out) != "Nothing matches." {
			t.Errorf("search with %d words, none in any note, printed %q", len(c.query), out)
		}
		if observers := strings.Index(out, "Observers"); c.want != "" && (!strings.Contains(out, c.want) || observers >= 0 && observers < strings.Index(out, c.want)) {
			t.Errorf("search with %d words printed %q, want the dawn note first", len(c.query), out)
		}
	}
}

// TestSearchAnswersAlikeFromTheKeptIndex: the first search keeps the
// index in the library; later ones answer from it, with the notes saved
// since, as the first did.
func TestSearchAnswersAlikeFromTheKeptIndex(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	scholia(t, lib, "import", fixture(t, "brief.txt", brief))
	scholia(t, lib, "annotate", "Ceasefire", "--quote", "Both sides stop firing at dawn", "--kind", "note", "--note", "Who checks the dawn deadline?")
	first, errOut, code := scholia(t, lib, "search", "--json", "dawn deadlnie")
	if code != 0 || errOut != "" || !strings.Contains(first, "Who checks") {
		t.Fatalf("first search: exit %d, %q, %q", code, first, errOut)
	}
	again, _, _ := scholia(t, lib, "search", "--json", "dawn deadlnie")
	if again != first {
		t.Errorf("from the kept index:\n%s\nfirst:\n%s", again, first)
	}
	scholia(t, lib, "annotate", "Ceasefire", "--quote", "Observers watch the line", "--kind", "note", "--note", "Which observers, from where?")
	if out, _, _ := scholia(t, lib, "search", "obsevrers wher"); !strings.Contains(out, "Which observers") {
		t.Errorf("a note saved after the index was kept is not found: %q", out)
	}
}
