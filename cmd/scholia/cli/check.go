package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"

	"scholia/annotate"
	"scholia/annotate/library"
)

// ChildEnv is set in the environment of the child process that checks a
// library: a test binary standing in for scholia runs the command line
// when it sees it.
const ChildEnv = "SCHOLIA_CHECK_CHILD"

// ChildCheck checks a library file in a child process (`scholia check
// --child FILE`), where a fault inside bbolt on a file cut short kills the
// child, not the caller. A child that dies is damage found.
func ChildCheck(path string) (library.Report, error) {
	exe, err := os.Executable()
	if err != nil {
		return library.Report{}, fmt.Errorf("cannot check %s: %w", path, err)
	}
	cmd := exec.Command(exe, "check", "--child", path)
	cmd.Env = append(os.Environ(), ChildEnv+"=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		var r library.Report
		if jerr := json.Unmarshal(out.Bytes(), &r); jerr != nil {
			return library.Report{}, fmt.Errorf("cannot check %s: the check printed %q", path, out.String())
		}
		return r, nil
	case !errors.As(err, &exit):
		return library.Report{}, fmt.Errorf("cannot check %s: %w", path, err)
	case exit.ExitCode() == ExitLocked:
		return library.Report{}, annotate.Problemf(annotate.ErrLocked, "another Scholia is using the library %s; close it and try again", path)
	case exit.ExitCode() == ExitFailed:
		return library.Report{}, errors.New(strings.TrimPrefix(strings.TrimSpace(errOut.String()), "scholia: "))
	}
	if fault, ok := crashLine(errOut.String(), exit); ok {
		return library.Report{Problems: []string{"reading it fails (" + fault + ")"}}, nil
	}
	return library.Report{}, fmt.Errorf("the check of %s was stopped (%v); try again", path, exit)
}

// crashLine is the line of a crash's report that says what it was, when
// the child died reading the file (a fault, a panic), not when it was
// stopped from outside (killed for want of memory, say), which says
// nothing about the file.
func crashLine(stderr string, exit *exec.ExitError) (string, bool) {
	for _, line := range strings.Split(stderr, "\n") {
		for _, crash := range []string{"fatal error", "panic", "unexpected fault", "SIGSEGV", "SIGBUS"} {
			if strings.HasPrefix(line, crash) {
				return strings.TrimSpace(line), true
			}
		}
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && (ws.Signal() == syscall.SIGSEGV || ws.Signal() == syscall.SIGBUS) {
		return exit.String(), true
	}
	return "", false
}

// runCheck verifies a library (the one in use unless FILE is named) in a
// child process and prints what it holds or what is damaged; it changes
// nothing. With --child it is that child: it checks in this process and
// prints the report as JSON.
func runCheck(e *env, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	child := fs.Bool("child", false, "check in this process (used by Scholia itself)")
	args, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	path, err := optionalFile(args, "check")
	if err == nil && path == "" {
		path, err = e.inv.LibraryPath()
	}
	if err != nil {
		return err
	}
	check := ChildCheck
	if e.held && (len(args) == 0 || sameFile(path, e.lib.Path())) {
		// The file is locked by this process: check it through the open
		// library.
		check = func(string) (library.Report, error) { return e.lib.Check() }
	}
	if *child {
		check, *asJSON = library.Check, true
	}
	r, err := check(path)
	if err != nil {
		return err
	}
	if *asJSON {
		if err := writeJSON(e.stdout, r); err != nil {
			return err
		}
	} else {
		printReport(e, path, r)
	}
	if len(r.Problems) > 0 && !*child {
		return errReported
	}
	return nil
}

func printReport(e *env, path string, r library.Report) {
	if len(r.Problems) == 0 {
		fmt.Fprintf(e.stdout, "%s is sound: %s\n", path, counts(r.Counts))
		return
	}
	fmt.Fprintf(e.stdout, "%s is damaged:\n", path)
	for _, p := range r.Problems {
		fmt.Fprintf(e.stdout, "  %s\n", p)
	}
	fmt.Fprintln(e.stdout, "Restore its newest good backup with scholia restore (scholia backups lists them).")
}

func counts(c library.Counts) string {
	s := fmt.Sprintf("%d documents, %d annotations, %d in the trash, %d earlier revisions", c.Documents, c.Annotations, c.Trash, c.Revisions)
	if c.Removed > 0 {
		s += fmt.Sprintf(", %d records of removed documents", c.Removed)
	}
	return s
}

// optionalFile is the one FILE a command may be given, "" when none.
func optionalFile(args []string, name string) (string, error) {
	if len(args) > 1 {
		return "", errUsage{fmt.Sprintf("%s takes at most one file; see scholia %s --help", name, name)}
	}
	if len(args) == 1 {
		return args[0], nil
	}
	return "", nil
}
