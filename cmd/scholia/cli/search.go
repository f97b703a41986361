package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"scholia/annotate"
	"scholia/annotate/library"
)

// foundItem is a search result as `scholia search --json` prints it.
type foundItem struct {
	Type     string          `json:"type"`
	ID       string          `json:"id"`
	Document string          `json:"document"`
	Title    string          `json:"title"`
	Kind     annotate.Kind   `json:"kind,omitempty"`
	Colour   annotate.Colour `json:"colour,omitempty"`
	Status   annotate.Status `json:"status,omitempty"`
	Tags     []string        `json:"tags,omitempty"`
	Start    *int            `json:"start,omitempty"`
	End      *int            `json:"end,omitempty"`
	Quote    string          `json:"quote,omitempty"`
	Body     string          `json:"body,omitempty"`
	Answer   string          `json:"answer,omitempty"`
	Score    int             `json:"score"`
}

func runSearch(e *env, args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 20, "at most this many results")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	query := strings.Join(rest, " ")
	if strings.TrimSpace(query) == "" {
		return errUsage{"search needs a query; see scholia search --help"}
	}
	if *limit < 1 {
		return errUsage{"--limit must be at least 1"}
	}
	hits, err := e.search(query, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]foundItem, len(hits))
		for i, h := range hits {
			out[i] = found(h)
		}
		return writeJSON(e.stdout, out)
	}
	if len(hits) == 0 {
		fmt.Fprintln(e.stdout, "Nothing matches.")
		return nil
	}
	for _, h := range hits {
		if h.Document {
			fmt.Fprintf(e.stdout, "%s  document  %s\n", h.ID, h.Title)
			continue
		}
		fmt.Fprintf(e.stdout, "%s  %s %s  %s\n", h.ID, h.Kind, h.Colour, h.Title)
		if h.Quote != "" {
			fmt.Fprintf(e.stdout, "    “%s”\n", shortText(oneLineText(h.Quote), 100))
		}
		if h.Body != "" {
			fmt.Fprintf(e.stdout, "    %s\n", shortText(oneLineText(h.Body), 100))
		}
	}
	return nil
}

// search answers from the search index the library keeps when it can,
// without checking the whole file first (a search writes nothing); else
// it opens the library as every command does, checked, and searches
// there, which keeps the index for the next search.
func (e *env) search(query string, limit int) ([]library.Hit, error) {
	return e.searching(query, limit, library.SearchKept, (*library.Library).Search)
}

// searchIDs is search for an export: the hits hold only their ids.
func (e *env) searchIDs(query string, limit int) ([]library.Hit, error) {
	return e.searching(query, limit, library.SearchKeptIDs, (*library.Library).SearchIDs)
}

func (e *env) searching(query string, limit int,
	kept func(context.Context, string, string, int) ([]library.Hit, bool, error),
	search func(*library.Library, context.Context, string, int) ([]library.Hit, error)) ([]library.Hit, error) {
	if e.lib == nil {
		path, err := e.inv.LibraryPath()
		if err != nil {
			return nil, err
		}
		hits, ok, err := kept(context.Background(), path, query, limit)
		if err != nil || ok {
			return hits, err
		}
	}
	lib, err := e.library()
	if err != nil {
		return nil, err
	}
	return search(lib, context.Background(), query, limit)
}

func found(h library.Hit) foundItem {
	f := foundItem{Type: "annotation", ID: h.ID, Document: h.DocID, Title: h.Title, Kind: h.Kind, Colour: h.Colour,
		Status: h.Status, Tags: h.Tags, Quote: h.Quote, Body: h.Body, Answer: h.Answer, Score: h.Score}
	if h.Document {
		f.Type = "document"
	}
	if h.Anchored {
		s, e := h.Start, h.End
		f.Start, f.End = &s, &e
	}
	return f
}
