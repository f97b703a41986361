package library

import (
	"path/filepath"
	"sort"
	"strings"

	"scholia/annotate/search"
)

// Order is how the library list is sorted.
type Order string

// Orders of the library list.
const (
	ByLastOpened Order = "last opened"
	ByTitle      Order = "title"
	ByImported   Order = "imported"
)

// Orders lists the orders in the order the UI offers them.
var Orders = []Order{ByLastOpened, ByTitle, ByImported}

// Filter keeps the documents whose title, byline, site or file name match
// every word of query, typos forgiven as a search forgives them (see
// search.Rank; best match first); with an empty query it sorts them by
// order.
func Filter(docs []Summary, query string, order Order) []Summary {
	if strings.TrimSpace(query) != "" {
		texts := make([]string, len(docs))
		for i, d := range docs {
			texts[i] = strings.Join([]string{d.Title, d.Byline, d.Site, filepath.Base(d.Source)}, " · ")
		}
		idx := search.Rank(query, texts)
		out := make([]Summary, len(idx))
		for i, k := range idx {
			out[i] = docs[k]
		}
		return out
	}
	out := append([]Summary(nil), docs...)
	switch order {
	case ByTitle:
		sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Title) < strings.ToLower(out[j].Title) })
	case ByImported:
		sort.SliceStable(out, func(i, j int) bool {
			return out[i].Imported.After(out[j].Imported) || (out[i].Imported.Equal(out[j].Imported) && out[i].ID > out[j].ID)
		})
	default:
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i].LastOpened, out[j].LastOpened
			if !a.Equal(b) {
				return a.After(b)
			}
			return out[i].ID > out[j].ID
		})
	}
	return out
}
