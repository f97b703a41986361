package ui

import (
	"testing"
	"time"
)

// A search still running after a tenth of a second says "Searching…";
// the results of an older query that answer after a newer one's are
// never shown.
func TestPaletteSaysSearchingAndNeverShowsAnOlderQuerysResults(t *testing.T) {
	m, _ := newTestWindow(t, nil, map[string]string{"a.txt": jointStatement, "b.txt": analystReply})
	openTitled(t, m, "Joint Statement")
	addNote(t, m, "reaffirmed", "a formula for settlement")
	addNote(t, m, "principle", "nothing agreed yet")
	release := make(chan struct{})
	holdSearch = func(q string) {
		if q == "formula" {
			<-release
		}
	}
	t.Cleanup(func() { holdSearch = nil })
	p := m.palette
	m.openSearch()
	older := typeQuery(p, "formula")
	eventually(t, "the palette saying it is searching", func() bool { return p.count.Text == "Searching…" })
	if !uiLoop.await(typeQuery(p, "agreed"), 5*time.Second) {
		t.Fatal("no results for the newer query within 5 s")
	}
	close(release)
	if !uiLoop.await(older, 5*time.Second) {
		t.Fatal("the older query never answered")
	}
	hits := p.hits
	if len(hits) != 1 || hits[0].Body != "nothing agreed yet" || p.count.Text != "1 result" {
		t.Errorf("after the older query answered last the palette shows %d results (%q), want the newer query's note", len(hits), p.count.Text)
	}
}
