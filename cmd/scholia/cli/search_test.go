package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchWithALongQuery: `scholia search` with nine words or more prints
// the note that holds them all and exits 0, rather than "internal error".
func TestSearchWithALongQuery(t *testing.T) {
	lib := filepath.Join(t.TempDir(), "lib.db")
	scholia(t, lib, "import", fixture(t, "brief.txt", brief))
	scholia(t, lib, "annotate", "Ceasefire", "--quote", "Both sides stop firing at dawn", "--kind", "note", "--note", "Who checks the dawn deadline on the ground?")
	scholia(t, lib, "annotate", "Ceasefire", "--quote", "Observers watch the line", "--colour", "green")
	cases := []struct {
		query []string
		want  string // a line the results must show; "" for none
	}{
		{strings.Fields("both sides stop firing at dawn who checks deadline"), "“Both sides stop firing at dawn”"},
		{strings.Fields("both sides stop firing at dawn who checks the deadline on the ground"), "Who checks the dawn deadline on the ground?"},
		{strings.Fields("both sides stop firing at dawn who checks observers"), ""},
	}
	for _, c := range cases {
		out, errOut, code := scholia(t, lib, append([]string{"search"}, c.query...)...)
		if code != 0 || errOut != "" {
			t.Errorf("search with %d words: exit %d, stderr %q", len(c.query), code, errOut)
			continue
		}
		if c.want == "" && strings.TrimSpace(out) != "Nothing matches." {
			t.Errorf("search with %d words, one in no note, printed %q", len(c.query), out)
		}
		if c.want != "" && (!strings.Contains(out, c.want) || strings.Contains(out, "Observers")) {
			t.Errorf("search with %d words printed %q, want the dawn note alone", len(c.query), out)
		}
	}
}
