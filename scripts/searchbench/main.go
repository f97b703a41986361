// Command searchbench writes the synthetic annotations the search
// benchmarks use as one record per line (for fzf --filter), the keystrokes
// of the benchmark's queries, and Scholia's own time per keystroke on the
// same records, so scripts/search-vs-fzf.sh can compare them side by side.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"scholia/annotate/search"
	"scholia/annotate/search/synthetic"
)

func main() {
	n := flag.Int("n", 100_000, "how many annotations")
	dir := flag.String("out", ".", "folder for records.txt and keystrokes.txt")
	queries := flag.Int("queries", 10, "how many queries to type")
	flag.Parse()
	if err := run(*n, *queries, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

func run(n, nq int, dir string) error {
	c := synthetic.New(42)
	anns, titles := c.Annotations(n)
	entries := make([]search.Entry, len(anns))
	rec, err := os.Create(filepath.Join(dir, "records.txt"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(rec)
	for i, a := range anns {
		entries[i] = search.AnnotationEntry(a, titles[a.DocID])
		line := strings.Join([]string{a.Anchor.Exact, a.Body, strings.Join(a.Tags, " "), titles[a.DocID]}, " | ")
		fmt.Fprintln(w, strings.ReplaceAll(line, "\n", " "))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	rec.Close()
	var keys []string
	for _, q := range c.Queries(anns, nq) {
		for i := 1; i <= len(q); i++ {
			if q[i-1] != ' ' {
				keys = append(keys, q[:i])
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "keystrokes.txt"), []byte(strings.Join(keys, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	t0 := time.Now()
	ix := search.NewIndex(entries)
	build := time.Since(t0)
	var times []time.Duration
	for _, k := range keys {
		t := time.Now()
		if _, err := ix.Search(context.Background(), k, 50); err != nil {
			return err
		}
		times = append(times, time.Since(t))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	fmt.Printf("scholia  %d records, %d keystrokes: index built in %v; per keystroke p50 %.2f ms, p90 %.2f ms, max %.2f ms\n",
		n, len(keys), build.Round(time.Millisecond), ms(times[len(times)/2]), ms(times[len(times)*9/10]), ms(times[len(times)-1]))
	return nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
