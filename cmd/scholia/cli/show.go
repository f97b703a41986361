package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"scholia/annotate"
)

type shownBlock struct {
	Kind  annotate.BlockKind   `json:"kind"`
	Level int                  `json:"level"`
	Text  string               `json:"text"`
	Start int                  `json:"start"`
	Page  int                  `json:"page,omitempty"`  // a PDF's page
	Cells []annotate.Cell      `json:"cells,omitempty"` // a table row's cells
	Turns []annotate.PageStart `json:"turns,omitempty"` // pages that start inside it
}

type shownDocument struct {
	ID        string                  `json:"id"`
	Title     string                  `json:"title"`
	Byline    string                  `json:"byline"`
	Site      string                  `json:"site"`
	Source    string                  `json:"source"`
	Published string                  `json:"published"`
	Blocks    []shownBlock            `json:"blocks"`
	Outline   []annotate.OutlineEntry `json:"outline"`

	// What the source says it is about (a PDF's Subject), left out when it says nothing.
	Description string `json:"description,omitempty"`
}

func runShow(e *env, args []string) error {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	asText := fs.Bool("text", false, "print the text exactly")
	asOutline := fs.Bool("outline", false, "print the outline")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return errUsage{"show needs one document (id, id prefix or title); see scholia show --help"}
	}
	_, doc, err := e.document(rest[0])
	if err != nil {
		return err
	}
	switch {
	case *asJSON:
		return showJSON(e.stdout, doc)
	case *asText:
		_, err := io.WriteString(e.stdout, doc.Text())
		return err
	case *asOutline:
		for _, o := range doc.Outline() {
			fmt.Fprintf(e.stdout, "%s%s\t%d\n", strings.Repeat("  ", max(0, o.Level-1)), o.Title, o.Start)
		}
		return nil
	}
	return showReadable(e.stdout, doc)
}

func showJSON(w io.Writer, doc *annotate.Document) error {
	out := shownDocument{
		ID: doc.ID, Title: doc.Title, Byline: doc.Byline, Site: doc.Site,
		Source: doc.Source, Published: doc.Published, Description: doc.Description,
		Blocks: make([]shownBlock, len(doc.Blocks)), Outline: doc.Outline(),
	}
	for i, b := range doc.Blocks {
		out.Blocks[i] = shownBlock(b)
	}
	if out.Outline == nil {
		out.Outline = []annotate.OutlineEntry{}
	}
	return writeJSON(w, out)
}

// showReadable prints the document as a person reads it in a terminal.
func showReadable(w io.Writer, doc *annotate.Document) error {
	fmt.Fprintln(w, doc.Title)
	var meta []string
	for _, s := range []string{doc.Byline, doc.Site, doc.Published, doc.Source} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	if len(meta) > 0 {
		fmt.Fprintln(w, strings.Join(meta, " · "))
	}
	if doc.Description != "" {
		fmt.Fprintln(w, doc.Description)
	}
	for _, b := range doc.Blocks {
		fmt.Fprintln(w)
		switch b.Kind {
		case annotate.BlockTitle:
			fmt.Fprintln(w, strings.ToUpper(b.Text))
		case annotate.BlockHeading:
			fmt.Fprintf(w, "%s %s\n", strings.Repeat("#", max(1, b.Level)), b.Text)
		case annotate.BlockListItem:
			fmt.Fprintf(w, "%s• %s\n", strings.Repeat("  ", max(0, b.Level-1)), b.Text)
		case annotate.BlockQuote:
			fmt.Fprintf(w, "> %s\n", strings.ReplaceAll(b.Text, "\n", "\n> "))
		case annotate.BlockPre, annotate.BlockContents:
			fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(b.Text, "\n", "\n    "))
		default:
			fmt.Fprintln(w, b.Text)
		}
	}
	return nil
}
