package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"scholia/annotate/library"
)

// runImport imports files and folders (recursively), printing ID<TAB>title
// for each file that worked and one error line for each that did not; the
// others still import. On a terminal a progress bar shows on stderr.
func runImport(e *env, args []string) error {
	args, err := parseFlags(flag.NewFlagSet("import", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return errUsage{"import needs at least one file or folder; see scholia import --help"}
	}
	var files []string
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			found, err := library.ImportableFiles(a)
			if err != nil {
				return fmt.Errorf("cannot read the folder %s: %w", a, err)
			}
			if len(found) == 0 {
				fmt.Fprintf(e.stderr, "scholia: %s holds no plain-text, Markdown, HTML or EPUB files\n", a)
			}
			files = append(files, found...)
			continue
		}
		files = append(files, a)
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	bar := newProgressBar(e.stderr, len(files))
	failed := len(files) == 0
	for i, f := range files {
		bar.show(i, f)
		res, err := lib.Import(f)
		bar.clear()
		if err != nil {
			fmt.Fprintf(e.stderr, "scholia: %s\n", oneLine(err))
			failed = true
			continue
		}
		fmt.Fprintf(e.stdout, "%s\t%s\n", res.Document.ID, res.Document.Title)
		if res.Revised {
			fmt.Fprintf(e.stderr, "scholia: %s changed: now revision %d, %d annotations placed again, %d could not be placed (orphans)\n",
				f, res.Document.Revision, res.Placed, res.Orphans)
		}
	}
	if failed {
		return errReported
	}
	return nil
}

// progressBar draws "[####......] 3/40 name" on a terminal, and nothing
// when the output is a file or a pipe.
type progressBar struct {
	w     io.Writer
	total int
	on    bool
}

func newProgressBar(w io.Writer, total int) *progressBar {
	f, ok := w.(*os.File)
	on := false
	if ok && total > 1 {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			on = true
		}
	}
	return &progressBar{w: w, total: total, on: on}
}

func (b *progressBar) show(done int, path string) {
	if !b.on {
		return
	}
	const width = 30
	filled := width * done / b.total
	fmt.Fprintf(b.w, "\r[%s%s] %d/%d %s", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, b.total, shortText(filepath.Base(path), 40))
}

func (b *progressBar) clear() {
	if b.on {
		fmt.Fprint(b.w, "\r\033[K")
	}
}
