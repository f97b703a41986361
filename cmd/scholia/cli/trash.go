package cli

import (
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"
	"time"

	"scholia/annotate"
)

// The trash: `scholia remove DOC` moves a document there with its
// annotations, `scholia trash` lists what it holds (removed documents and
// deleted annotations), `scholia untrash` brings either back and `scholia
// purge` deletes from it for good. (`scholia restore` is for backups.)

// named parses the arguments of a command that takes one or more names
// and no flags; need says what it needs when given none.
func named(command, need string, args []string) ([]string, error) {
	rest, err := parseFlags(flag.NewFlagSet(command, flag.ContinueOnError), args)
	if err != nil {
		return nil, err
	}
	if len(rest) == 0 {
		return nil, errUsage{command + " needs " + need}
	}
	return rest, nil
}

func runRemove(e *env, args []string) error {
	rest, err := named("remove", "a document; see scholia remove --help", args)
	if err != nil {
		return err
	}
	for _, ref := range rest {
		lib, doc, err := e.document(ref)
		if err != nil {
			return err
		}
		if _, err := lib.RemoveDocument(doc.ID); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\t%s\n", doc.ID, doc.Title)
	}
	return nil
}

// trashed is one line of `scholia trash`.
type trashed struct {
	Kind        string    `json:"kind"` // "document", or the annotation's kind
	ID          string    `json:"id"`
	Document    string    `json:"document"` // the document's id
	Title       string    `json:"title"`    // the document's title, or the annotation's quote
	Body        string    `json:"body,omitempty"`
	Removed     time.Time `json:"removed"`
	Annotations int       `json:"annotations,omitempty"` // a document's, removed with it
}

func runTrash(e *env, args []string) error {
	fs := flag.NewFlagSet("trash", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return errUsage{"trash takes no arguments; see scholia trash --help"}
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	docs, err := lib.RemovedDocuments()
	if err != nil {
		return err
	}
	anns, err := lib.Trash("")
	if err != nil {
		return err
	}
	out := make([]trashed, 0, len(docs)+len(anns))
	for _, d := range docs {
		out = append(out, trashed{Kind: "document", ID: d.Document.ID, Document: d.Document.ID, Title: d.Document.Title,
			Removed: d.RemovedAt, Annotations: d.Annotations})
	}
	for _, a := range anns {
		quote := ""
		if a.Anchor != nil {
			quote = a.Anchor.Exact
		}
		out = append(out, trashed{Kind: string(a.Kind), ID: a.ID, Document: a.DocID, Title: quote, Body: a.Body, Removed: a.DeletedAt})
	}
	if *asJSON {
		return writeJSON(e.stdout, out)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stdout, "The trash is empty.")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tREMOVED\tNOTES\tTITLE OR QUOTE\tNOTE")
	for _, t := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", t.ID, t.Kind, t.Removed.Local().Format("2006-01-02 15:04"), t.Annotations,
			shortText(oneLineText(t.Title), 50), shortText(oneLineText(t.Body), 40))
	}
	return tw.Flush()
}

func runUntrash(e *env, args []string) error {
	rest, err := named("untrash", "a document or an annotation in the trash; see scholia trash", args)
	if err != nil {
		return err
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	for _, ref := range rest {
		if a, err := lib.RestoreAnnotation(ref); err == nil {
			fmt.Fprintf(e.stdout, "%s\t%s\n", a.ID, a.Kind)
			continue
		} else if !errors.Is(err, annotate.ErrNotFound) {
			return err
		}
		r, err := lib.FindRemoved(ref)
		if err != nil {
			return err
		}
		doc, err := lib.RestoreDocument(r.Document.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\t%s\n", doc.ID, doc.Title)
	}
	return nil
}

func runPurge(e *env, args []string) error {
	fs := flag.NewFlagSet("purge", flag.ContinueOnError)
	all := fs.Bool("all", false, "empty the whole trash")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *all == (len(rest) > 0) {
		return errUsage{"purge needs documents or annotations in the trash, or --all; see scholia purge --help"}
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	if *all {
		docs, anns, err := lib.EmptyTrash()
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Deleted for good: %s and %s.\n", countOf(docs, "document"), countOf(anns, "annotation"))
		return nil
	}
	for _, ref := range rest {
		if err := lib.PurgeAnnotation(ref); err == nil {
			fmt.Fprintf(e.stdout, "%s\n", ref)
			continue
		} else if !errors.Is(err, annotate.ErrNotFound) {
			return err
		}
		r, err := lib.FindRemoved(ref)
		if err != nil {
			return err
		}
		if err := lib.PurgeDocument(r.Document.ID); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\t%s\n", r.Document.ID, r.Document.Title)
	}
	return nil
}

func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
