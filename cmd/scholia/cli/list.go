package cli

import (
	"flag"
	"fmt"
	"text/tabwriter"
	"time"
)

type listedDocument struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Byline      string    `json:"byline,omitempty"`
	Site        string    `json:"site,omitempty"`
	Source      string    `json:"source"`
	Imported    time.Time `json:"imported"`
	Annotations int       `json:"annotations"`
}

func runList(e *env, args []string) error {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return errUsage{"list takes no arguments; see scholia list --help"}
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	docs, err := lib.Documents()
	if err != nil {
		return err
	}
	out := make([]listedDocument, len(docs))
	for i, d := range docs {
		out[i] = listedDocument{d.ID, d.Title, d.Byline, d.Site, d.Source, d.Imported, d.Annotations}
	}
	if *asJSON {
		return writeJSON(e.stdout, out)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stdout, "The library is empty; add documents with scholia import FILE.")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tIMPORTED\tNOTES\tTITLE\tSOURCE")
	for _, d := range out {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", d.ID, d.Imported.Local().Format("2006-01-02 15:04"), d.Annotations, shortText(d.Title, 60), d.Source)
	}
	return tw.Flush()
}

func shortText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
