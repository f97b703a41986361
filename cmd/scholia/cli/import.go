package cli

import (
	"flag"
	"fmt"
)

// runImport imports each file, printing ID<TAB>title for those that worked
// and one error line for each that did not; the others still import.
func runImport(e *env, args []string) error {
	files, err := parseFlags(flag.NewFlagSet("import", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return errUsage{"import needs at least one file; see scholia import --help"}
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	failed := false
	for _, f := range files {
		res, err := lib.Import(f)
		if err != nil {
			fmt.Fprintf(e.stderr, "scholia: %s\n", oneLine(err))
			failed = true
			continue
		}
		fmt.Fprintf(e.stdout, "%s\t%s\n", res.Document.ID, res.Document.Title)
	}
	if failed {
		return errReported
	}
	return nil
}
