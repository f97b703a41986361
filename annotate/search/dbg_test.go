package search_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"scholia/annotate/search"
)

func TestDbgKeys(t *testing.T) {
	entries, queries := syntheticEntries(100_000)
	ix := search.NewIndex(entries)
	for _, k := range keystrokes(queries[:6]) {
		t0 := time.Now()
		rs, _ := ix.Search(context.Background(), k, 50)
		fmt.Printf("%-30q %6.1fms %d\n", k, float64(time.Since(t0).Microseconds())/1000, len(rs))
	}
}
