// Command makev1 writes the version-1 library fixture of annotate/store's
// tests with the Scholia that wrote version-1 annotation records (commit
// 81a92c9, the last before the orphan flag). Recipe, from a checkout of
// this repository:
//
//	git worktree add --detach /tmp/v1 81a92c9
//	mkdir /tmp/v1/cmd/makev1
//	cp annotate/store/testdata/v1/makev1.go /tmp/v1/cmd/makev1/main.go
//	(cd /tmp/v1 && go run ./cmd/makev1 "$OLDPWD/annotate/store/testdata/v1")
//
// It writes library.dump (each bucket's name on a line of its own, then
// its keys and values in hex, one pair a line, as the file held them) and
// annotations.json (the annotations as that Scholia read them back).
package main

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	bolt "go.etcd.io/bbolt"

	"scholia/annotate"
	"scholia/annotate/library"
)

const text = `Talks resume in Geneva

The envoys agreed to meet again after the winter, a spokesman said.

Neither side would say whether the sanctions were discussed; “it was a long day,” one aide said.
`

func main() {
	out := os.Args[1]
	dir, err := os.MkdirTemp("", "makev1")
	check(err)
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "library.db")
	lib, err := library.Open(path)
	check(err)
	imp, err := lib.ImportBytes("geneva.txt", "/home/reader/geneva.txt", []byte(text))
	check(err)
	doc := imp.Document.ID
	hl, err := lib.AnnotateQuote(doc, "agreed to meet again", 1, library.Draft{Colour: annotate.Green, Tags: []string{"diplomacy", "café"}})
	check(err)
	_, err = lib.AnnotateQuote(doc, "the sanctions were discussed", 1, library.Draft{Kind: annotate.KindNote,
		Body: "Compare with the *March* statement.\n\n- who asked?\n- who answered?", Tags: []string{"sanctions"}})
	check(err)
	q, err := lib.AnnotateQuote(doc, "after the winter", 1, library.Draft{Kind: annotate.KindQuestion, Body: "Which winter?"})
	check(err)
	_, err = lib.Answer(q.ID, "The next one: talks resume in March.", hl.ID)
	check(err)
	_, err = lib.AnnotateQuote(doc, "one aide said", 1, library.Draft{Kind: annotate.KindQuestion, Body: "Which aide?"})
	check(err)
	_, err = lib.Annotate(doc, library.Draft{Kind: annotate.KindNote, Whole: true, Body: "Read for the seminar on 12 May."})
	check(err)
	gone, err := lib.AnnotateQuote(doc, "a spokesman said", 1, library.Draft{Colour: annotate.Pink})
	check(err)
	check(lib.DeleteAnnotation(gone.ID))
	anns, err := lib.AllAnnotations()
	check(err)
	check(lib.Close())

	js, err := json.MarshalIndent(anns, "", "  ")
	check(err)
	check(os.WriteFile(filepath.Join(out, "annotations.json"), append(js, '\n'), 0o644))

	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	check(err)
	var dump strings.Builder
	check(db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			fmt.Fprintf(&dump, "%s\n", name)
			return b.ForEach(func(k, v []byte) error {
				fmt.Fprintf(&dump, "%s %s %s\n", name, hex.EncodeToString(k), hex.EncodeToString(v))
				return nil
			})
		})
	}))
	check(db.Close())
	check(os.WriteFile(filepath.Join(out, "library.dump"), []byte(dump.String()), 0o644))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
