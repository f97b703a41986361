package cli

import (
	"io"
	"os"

	"scholia/annotate/library"
	"scholia/cmd/scholia/desk"
)

// RunOn runs a command line on a library this process holds (the window's)
// and leaves it open: what a running Scholia does for a command line run
// while it holds the library, printing exactly what the command prints on
// a library no one holds.
func RunOn(inv Invocation, lib *library.Library, stdout, stderr io.Writer) int {
	return run(inv, lib, stdout, stderr)
}

// Forwardable says whether a running Scholia holding the library carries
// out this command line: every command but help (which needs no library),
// and restore and compact, which replace the file and so need it closed
// (they say so, exit code 3, as before).
func (inv Invocation) Forwardable() bool {
	if inv.wantsHelp() {
		return false
	}
	switch inv.Command {
	case "restore", "compact":
		return false
	}
	return true
}

// Changes says whether the command may change what the window shows, so
// that the window reads the library again after it.
func (inv Invocation) Changes() bool {
	switch inv.Command {
	case "list", "show", "search", "annotations", "export", "check", "backups", "backup":
		return false
	}
	return true
}

// Within carries out a command line forwarded to the Scholia holding lib
// (see package desk): in the folder it was run in, with do running the
// parsed invocation. A command line naming
// another library, or one this process must not run, is not served, and
// the caller runs it itself. The working folder is the process's own: one
// command line is carried out at a time, and the process's code uses
// absolute paths elsewhere.
func Within(lib *library.Library, req desk.Request, do func(inv Invocation) int) (code int, served bool) {
	inv, err := Parse(req.Args)
	if err != nil || !inv.Forwardable() || !sameFile(req.Library, lib.Path()) {
		return 0, false
	}
	back, err := os.Getwd()
	if err != nil || os.Chdir(req.Cwd) != nil {
		return 0, false
	}
	defer func() { _ = os.Chdir(back) }()
	return do(inv), true
}

// sameFile says whether the two names are of one file (through links).
func sameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}
