package cli

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"scholia/annotate"
	"scholia/annotate/library"
)

// listedAnnotation is an annotation as `scholia annotations` prints it.
type listedAnnotation struct {
	ID       string           `json:"id"`
	Document string           `json:"document"`
	Kind     annotate.Kind    `json:"kind"`
	Colour   annotate.Colour  `json:"colour"`
	Tags     []string         `json:"tags"`
	Status   annotate.Status  `json:"status"`
	Start    *int             `json:"start"`
	End      *int             `json:"end"`
	Exact    string           `json:"exact"`
	Prefix   string           `json:"prefix"`
	Suffix   string           `json:"suffix"`
	Page     string           `json:"page"`      // a PDF's printed page the passage starts on, "" for other formats
	LastPage string           `json:"last_page"` // and the one it ends on
	Body     string           `json:"body"`
	Answer   *annotate.Answer `json:"answer"`
	Orphan   bool             `json:"orphan"`
	Created  time.Time        `json:"created"`
	Modified time.Time        `json:"modified"`
}

func listed(doc *annotate.Document, a annotate.Annotation) listedAnnotation {
	out := listedAnnotation{ID: a.ID, Document: a.DocID, Kind: a.Kind, Colour: a.Colour, Tags: a.Tags,
		Status: a.Status, Body: a.Body, Answer: a.Answer, Orphan: a.Orphan, Created: a.Created, Modified: a.Modified}
	if out.Tags == nil {
		out.Tags = []string{}
	}
	if an := a.Anchor; an != nil {
		start, end := an.Start, an.End
		out.Start, out.End, out.Exact, out.Prefix, out.Suffix = &start, &end, an.Exact, an.Prefix, an.Suffix
		if doc != nil && !a.Orphan {
			out.Page, out.LastPage = doc.Pages(an)
		}
	}
	return out
}

func runAnnotations(e *env, args []string) error {
	fs := flag.NewFlagSet("annotations", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return errUsage{"annotations takes at most one document; see scholia annotations --help"}
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	var anns []annotate.Annotation
	docs := map[string]*annotate.Document{}
	if len(rest) == 1 {
		doc, err := lib.Find(rest[0])
		if err != nil {
			return err
		}
		docs[doc.ID] = doc
		anns, err = lib.Annotations(doc.ID)
		if err != nil {
			return err
		}
	} else {
		if anns, err = lib.AllAnnotations(); err != nil {
			return err
		}
		all, err := lib.Documents()
		if err != nil {
			return err
		}
		for i := range all {
			docs[all[i].ID] = &all[i].Document
		}
	}
	out := make([]listedAnnotation, len(anns))
	for i, a := range anns {
		out[i] = listed(docs[a.DocID], a)
	}
	if *asJSON {
		return writeJSON(e.stdout, out)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stdout, "No annotations yet; add one with scholia annotate DOC --quote TEXT.")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tCOLOUR\tSTATUS\tQUOTE\tNOTE\tTAGS")
	for _, a := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a.ID, a.Kind, a.Colour, a.Status,
			shortText(oneLineText(a.Exact), 40), shortText(oneLineText(a.Body), 40), strings.Join(a.Tags, ", "))
	}
	return tw.Flush()
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }

// tagList collects repeated --tag flags.
type tagList []string

func (t *tagList) String() string     { return strings.Join(*t, ",") }
func (t *tagList) Set(v string) error { *t = append(*t, v); return nil }

func runAnnotate(e *env, args []string) error {
	fs := flag.NewFlagSet("annotate", flag.ContinueOnError)
	quote := fs.String("quote", "", "the exact text to anchor on")
	occurrence := fs.Int("occurrence", 1, "which occurrence of the quote (from 1)")
	kind := fs.String("kind", "highlight", "highlight, note or question")
	colour := fs.String("colour", "", "yellow, green, blue, pink, purple or orange")
	note := fs.String("note", "", "the note (Markdown)")
	var tags tagList
	fs.Var(&tags, "tag", "a tag (repeatable)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 || *quote == "" {
		return errUsage{"annotate needs a document and --quote TEXT; see scholia annotate --help"}
	}
	switch annotate.Kind(*kind) {
	case annotate.KindHighlight, annotate.KindNote, annotate.KindQuestion:
	default:
		return errUsage{fmt.Sprintf("--kind %q: use highlight, note or question", *kind)}
	}
	lib, doc, err := e.document(rest[0])
	if err != nil {
		return err
	}
	a, err := lib.AnnotateQuote(doc.ID, *quote, *occurrence, library.Draft{
		Kind: annotate.Kind(*kind), Colour: annotate.Colour(*colour), Body: *note, Tags: tags})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, a.ID)
	return nil
}
