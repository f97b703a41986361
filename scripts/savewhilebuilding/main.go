// Command savewhilebuilding opens a library, loads or builds its search
// index in the background as the window does at start, and saves a note
// every 50 ms meanwhile, printing how long the open, the load or build
// (with keeping the index) and the saves took:
//
//	go run ./scripts/biglibrary -docs 2000 -per 50 -o /tmp/big.db
//	go run ./scripts/savewhilebuilding /tmp/big.db
//
// It writes the notes into the library: run it on a copy.
package main

import (
	"fmt"
	"os"
	"sort"
	"time"

	"scholia/annotate"
	"scholia/annotate/library"
)

func main() {
	t0 := time.Now()
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: savewhilebuilding library.db")
		os.Exit(2)
	}
	lib, err := library.Open(os.Args[1])
	fmt.Printf("open %v; ", time.Since(t0).Round(time.Millisecond))
	if err != nil {
		panic(err)
	}
	docs, err := lib.Documents()
	if err != nil {
		panic(err)
	}
	doc := docs[0].Document.ID
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- lib.PrepareSearch() }()
	var took []time.Duration
	for finished := false; !finished; {
		select {
		case err := <-done:
			if err != nil {
				panic(err)
			}
			finished = true
		case <-time.After(50 * time.Millisecond):
			t := time.Now()
			if _, err := lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Whole: true, Body: fmt.Sprint("meanwhile ", len(took))}); err != nil {
				panic(err)
			}
			took = append(took, time.Since(t))
		}
	}
	prep := time.Since(start)
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	if len(took) == 0 {
		fmt.Println("no saves")
		return
	}
	fmt.Printf("prepare %v; %d saves meanwhile: p50 %v max %v\n", prep.Round(time.Millisecond), len(took), took[len(took)/2].Round(time.Microsecond), took[len(took)-1].Round(time.Microsecond))
	_ = lib.Close()
}
