package cli

import (
	"errors"
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
// others still import. A folder's files that are left out (not documents,
// empty, too big, hidden) are named on stderr with the reason, one line
// each, and do not make the import fail. On a terminal a progress bar
// shows on stderr.
func runImport(e *env, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	passwordFile := fs.String("password-file", "", "a file holding the password of the PDFs locked with one")
	args, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return errUsage{"import needs at least one file or folder; see scholia import --help"}
	}
	password, err := readPassword(*passwordFile)
	if err != nil {
		return err
	}
	var files []string
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			found, err := library.ScanFolder(a)
			if err != nil {
				return fmt.Errorf("cannot read the folder %s: %w", a, err)
			}
			for _, k := range found.Skipped {
				fmt.Fprintf(e.stderr, "scholia: skipped %s: %s\n", k.Path, k.Why)
			}
			if len(found.Files) == 0 {
				fmt.Fprintf(e.stderr, "scholia: %s holds no plain-text, Markdown, HTML, EPUB or PDF files\n", a)
			}
			files = append(files, found.Files...)
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
		res, err := lib.ImportLocked(f, password)
		bar.clear()
		if errors.Is(err, library.ErrPassword) && password == "" {
			err = fmt.Errorf("cannot import %s: the PDF is locked with a password; give it with --password-file FILE", f)
		}
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

// readPassword reads the password of locked PDFs from a file: its first
// line, without the line end. "" names no file. The password goes to the
// import alone: nothing keeps it.
func readPassword(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("cannot read the password file %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 4096))
	if err != nil {
		return "", fmt.Errorf("cannot read the password file %s: %w", path, unwrapPath(err))
	}
	line, _, _ := strings.Cut(string(data), "\n")
	line = strings.TrimSuffix(line, "\r")
	if line == "" {
		return "", fmt.Errorf("the password file %s is empty", path)
	}
	return line, nil
}

// unwrapPath drops the path an *os.PathError repeats.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
