package cli

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"runtime/debug"
	"strings"

	"scholia/annotate/interop"
)

func runExport(e *env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	format := fs.String("format", "md", "md, jsonld or csv")
	doc := fs.String("doc", "", "only this document")
	query := fs.String("query", "", "only the annotations this search finds")
	out := fs.String("o", "", "write to this file instead of standard output")
	style := fs.String("style", "chicago", "citation style of Markdown: chicago or apa")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return errUsage{fmt.Sprintf("export takes no arguments (got %q); see scholia export --help", strings.Join(rest, " "))}
	}
	f, err := interop.ParseFormat(*format)
	if err != nil {
		return errUsage{oneLine(err)}
	}
	st, err := interop.ParseStyle(*style)
	if err != nil {
		return errUsage{oneLine(err)}
	}
	if *doc != "" && *query != "" {
		return errUsage{"give --doc or --query, not both"}
	}
	if *query != "" {
		// The search runs on the index the library keeps, where it lies
		// in the file (as scholia search does), not on one loaded whole.
		hits, err := e.searchIDs(*query, math.MaxInt32)
		if err != nil {
			return err
		}
		// What the search read and ranked is given back before the
		// export reads the documents.
		debug.FreeOSMemory()
		lib, err := e.library()
		if err != nil {
			return err
		}
		if *out != "" {
			_, err := lib.Exports().HitsFile(*out, f, hits, st)
			return err
		}
		w := bufio.NewWriterSize(e.stdout, 256<<10)
		if _, err := lib.Exports().Hits(w, f, hits, st); err != nil {
			return err
		}
		return w.Flush()
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	// A search, a document or the whole library is written as it is
	// read, never held whole in memory.
	var docIDs []string
	if *doc != "" {
		d, err := lib.Find(*doc)
		if err != nil {
			return err
		}
		docIDs = []string{d.ID}
	}
	if *out != "" {
		_, err := lib.Exports().DocumentsFile(*out, f, docIDs, st)
		return err
	}
	w := bufio.NewWriterSize(e.stdout, 256<<10)
	if _, err := lib.Exports().Documents(w, f, docIDs, st); err != nil {
		return err
	}
	return w.Flush()
}

func runImportAnnotations(e *env, args []string) error {
	if len(args) != 1 {
		return errUsage{"import-annotations needs one file; see scholia import-annotations --help"}
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	res, err := lib.ImportAnnotations(args[0])
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, res.Summary())
	return nil
}
