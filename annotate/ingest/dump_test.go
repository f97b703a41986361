package ingest

import (
	"fmt"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	d, err := Parse(p, data)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("TITLE %q BYLINE %q\n", d.Title, d.Byline)
	for _, b := range d.Blocks {
		txt := []rune(b.Text)
		if len(txt) > 90 {
			txt = append(txt[:90], '…')
		}
		fmt.Printf("%-11s %d %q\n", b.Kind, b.Level, string(txt))
	}
	fmt.Println("OUTLINE")
	for _, o := range d.Outline() {
		fmt.Printf("  %d %s @%d\n", o.Level, o.Title, o.Start)
	}
}
