// Command biglibrary writes a library generated from the real books of the
// shared corpus (see synthetic.LibraryFromBooks), for measuring the app
// and the command line on a big library:
//
//	go run ./scripts/biglibrary -docs 2000 -per 50 -o /tmp/big.db
//
// makes the 2,000-document / 100,000-annotation library of the benchmarks.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"scholia/annotate"
	"scholia/annotate/search/synthetic"
	"scholia/annotate/store"
)

// books are the corpus books the benchmarks cut their libraries from, in
// the order BenchmarkInterop100k uses.
var books = []string{"souls-of-black-folk_pg408.txt", "communist-manifesto_pg61.txt",
	"simple-sabotage-field-manual_pg26184.txt", "rfc3339.txt"}

func main() {
	docs := flag.Int("docs", 2000, "how many documents")
	per := flag.Int("per", 50, "how many annotations on each document")
	out := flag.String("o", "", "the library file to write (must not exist)")
	dir := flag.String("corpus", "../shared/corpus/text", "the folder of the corpus books")
	bare := flag.Bool("bare", false, "write the documents only, without their annotations")
	flag.Parse()
	if err := run(*out, *dir, *docs, *per, *bare); err != nil {
		fmt.Fprintln(os.Stderr, "biglibrary:", err)
		os.Exit(1)
	}
}

func run(out, dir string, docs, per int, bare bool) error {
	if out == "" {
		return fmt.Errorf("name the library file to write with -o")
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists already", out)
	}
	var files []string
	for _, b := range books {
		files = append(files, filepath.Join(dir, b))
	}
	g, err := synthetic.LibraryFromBooks(files, docs, per)
	if err != nil {
		return err
	}
	st, err := store.Open(out)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Commit(store.Change{New: g.Documents}); err != nil {
		return err
	}
	if bare {
		return st.Close()
	}
	var batch []*annotate.Annotation
	for d := range g.Documents {
		batch = append(batch, g.Annotations(d)...)
		if len(batch) >= 20000 || d == len(g.Documents)-1 {
			if err := st.Commit(store.Change{Annotations: batch}); err != nil {
				return err
			}
			batch = nil
		}
	}
	return st.Close()
}
