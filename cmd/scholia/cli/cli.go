// Package cli is Scholia's command line: it parses the arguments, runs one
// command against annotate/library and prints data or one clear error line.
// It never opens a window; main decides when the window is wanted.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"scholia/annotate"
	"scholia/annotate/library"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitFailed = 1
	ExitUsage  = 2
	ExitLocked = 3
)

// Invocation is the command line, split into the global options, the
// command and its arguments.
type Invocation struct {
	Library string
	Command string
	Args    []string
	Help    bool
}

// Parse reads `scholia [--library FILE] [COMMAND] [ARGS]`.
func Parse(args []string) (Invocation, error) {
	var inv Invocation
	for len(args) > 0 {
		a := args[0]
		switch {
		case a == "--library" || a == "-library":
			if len(args) < 2 {
				return inv, errors.New("--library needs a file name")
			}
			inv.Library, args = args[1], args[2:]
		case strings.HasPrefix(a, "--library="):
			inv.Library, args = strings.TrimPrefix(a, "--library="), args[1:]
		case a == "-h" || a == "--help":
			inv.Help, args = true, args[1:]
		case strings.HasPrefix(a, "-") && a != "-":
			return inv, fmt.Errorf("unknown option %s; see scholia help", a)
		default:
			inv.Command, inv.Args = a, args[1:]
			return inv, nil
		}
	}
	return inv, nil
}

// WantsWindow says whether the invocation opens the window: no command,
// `open REF`, or a word that is not a command, which names a file or a
// document (see Resolve). Help never opens it.
func (inv Invocation) WantsWindow() bool {
	if inv.wantsHelp() {
		return false
	}
	_, known := commands[inv.Command]
	return inv.Command == "" || inv.Command == "open" || !known
}

// wantsHelp says whether the invocation asks for help: --help or -h
// anywhere, or the help command.
func (inv Invocation) wantsHelp() bool {
	if inv.Help || inv.Command == "help" {
		return true
	}
	for _, a := range inv.Args {
		if a == "--help" || a == "-h" {
			return true
		}
	}
	return false
}

// LibraryPath resolves where the library lives: --library, else
// SCHOLIA_LIBRARY, else the default data folder.
func (inv Invocation) LibraryPath() (string, error) {
	if inv.Library != "" {
		return inv.Library, nil
	}
	return library.DefaultPath()
}

// command is one sub-command.
type command struct {
	usage   string
	summary string
	run     func(e *env, args []string) error
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"import":      {"import [--password-file FILE] FILE|FOLDER...", "import plain-text, Markdown, HTML, EPUB or PDF files, folders recursively; prints ID<TAB>title for each; a PDF locked with a password opens with the password read from --password-file (never stored)", runImport},
		"list":        {"list [--json]", "list the documents with id, title, source, import time and annotation count", runList},
		"show":        {"show [--json|--text|--outline] DOC", "show a document (DOC: id, unique id prefix, title or unique part of a title)", runShow},
		"open":        {"open FILE|DOC", "open the window on FILE, importing it if new, or on the document DOC (id, unique id prefix, title or unique part of a title); a file that exists wins over a document of that name (also: scholia FILE|DOC)", nil},
		"search":      {"search [--json] [--limit N] QUERY", "find annotations and documents: words (typos welcome), \"exact phrases\", tag:, kind:, is:, colour:, in:\"title\"", runSearch},
		"annotations": {"annotations [--json] [DOC]", "list the annotations of a document, or of the whole library", runAnnotations},
		"annotate": {"annotate DOC --quote TEXT [--occurrence N] [--kind highlight|note|question] [--colour C] [--note TEXT] [--tag T]...",
			"annotate the Nth exact occurrence of TEXT in DOC; prints the new id", runAnnotate},
		"export": {"export [--format md|jsonld|csv] [--doc DOC | --query Q] [--style chicago|apa] [-o FILE]",
			"export annotations (all, one document's, or a search's) as Markdown, W3C Web Annotation JSON-LD or CSV; to standard output without -o", runExport},
		"check":              {"check [--json] [FILE]", "verify the library (or FILE) page by page and record by record, in a child process; changes nothing", runCheck},
		"backup":             {"backup [FILE]", "back the library up into the backups folder beside it, or to FILE", runBackup},
		"backups":            {"backups [--json]", "list the library's backups, newest first, with what each holds", runBackups},
		"restore":            {"restore [BACKUP]", "put the newest backup (or BACKUP) in place of the library, which is kept as .before-restore", runRestore},
		"compact":            {"compact", "rewrite the library without the space deleted records left; checked before it replaces the file", runCompact},
		"import-annotations": {"import-annotations FILE", "import annotations from W3C JSON-LD, Hypothesis JSON or a Kindle \"My Clippings.txt\"; the same file twice adds nothing", runImportAnnotations},
		"remove":             {"remove DOC...", "move documents to the trash with their annotations (DOC as for show); scholia untrash brings them back", runRemove},
		"trash":              {"trash [--json]", "list the trash: removed documents and deleted annotations, with their ids", runTrash},
		"untrash":            {"untrash ID|DOC...", "bring annotations (by id) or removed documents (by id or title) back from the trash", runUntrash},
		"purge":              {"purge ID|DOC... | purge --all", "delete annotations or removed documents in the trash for good, or with --all everything in it", runPurge},
		"help":               {"help [COMMAND]", "this help, or one command's", nil},
	}
}

// env is what a command runs with.
type env struct {
	inv    Invocation
	stdout io.Writer
	stderr io.Writer
	lib    *library.Library
	// held: lib is the running window's, open before the command and
	// left open after it.
	held bool
}

// library opens the library on first use.
func (e *env) library() (*library.Library, error) {
	if e.lib != nil {
		return e.lib, nil
	}
	path, err := e.inv.LibraryPath()
	if err != nil {
		return nil, err
	}
	open := library.OpenVerified
	if !e.inv.Changes() {
		open = library.OpenVerifiedToRead // reading takes no backup
	}
	lib, err := open(path, ChildCheck)
	if err != nil {
		return nil, err
	}
	e.lib = lib
	return lib, nil
}

// document opens the library and finds the document a person named.
func (e *env) document(ref string) (*library.Library, *annotate.Document, error) {
	lib, err := e.library()
	if err != nil {
		return nil, nil, err
	}
	doc, err := lib.Find(ref)
	return lib, doc, err
}

// errUsage marks mistakes in the command line.
type errUsage struct{ msg string }

func (e errUsage) Error() string { return e.msg }

// errReported: the command already printed its errors.
var errReported = errors.New("reported")

// Run runs a command-line invocation and returns the exit code. Errors are
// one line on stderr; a panic becomes such a line too, never a stack trace.
func Run(inv Invocation, stdout, stderr io.Writer) (code int) {
	return run(inv, nil, stdout, stderr)
}

// run runs the invocation on lib when it is not nil (a library the
// process holds, left open), else on the library it names.
func run(inv Invocation, lib *library.Library, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "scholia: internal error: %v; please report it\n", r)
			code = ExitFailed
		}
	}()
	if inv.wantsHelp() || inv.Command == "" {
		return help(inv, stdout, stderr)
	}
	cmd, ok := commands[inv.Command]
	if !ok || cmd.run == nil {
		fmt.Fprintf(stderr, "scholia: unknown command %q; see scholia help\n", inv.Command)
		return ExitUsage
	}
	e := &env{inv: inv, stdout: stdout, stderr: stderr, lib: lib, held: lib != nil}
	err := cmd.run(e, inv.Args)
	if e.lib != nil && !e.held {
		if cerr := e.lib.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if berr := e.lib.BackupProblem(); berr != nil {
			fmt.Fprintf(stderr, "scholia: the library was not backed up: %s\n", oneLine(berr))
		}
	}
	return report(err, stderr)
}

func report(err error, stderr io.Writer) int {
	var usage errUsage
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, errReported):
		return ExitFailed
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "scholia: %s\n", usage.msg)
		return ExitUsage
	case errors.Is(err, annotate.ErrLocked):
		fmt.Fprintf(stderr, "scholia: %s\n", oneLine(err))
		return ExitLocked
	}
	fmt.Fprintf(stderr, "scholia: %s\n", oneLine(err))
	return ExitFailed
}

// writeJSON prints data as indented JSON, as every --json does.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// oneLine keeps an error message on one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// help prints the help an invocation asks for: one command's (scholia
// help COMMAND, scholia COMMAND --help) or the list of commands. It never
// opens the library.
func help(inv Invocation, stdout, stderr io.Writer) int {
	topic := inv.Command
	switch {
	case topic == "help" && len(inv.Args) > 0:
		topic = inv.Args[0]
		if topic == "--help" || topic == "-h" {
			topic = "help"
		}
	case topic == "help" && !inv.Help:
		topic = ""
	}
	if cmd, ok := commands[topic]; ok {
		fmt.Fprintf(stdout, "usage: scholia [--library FILE] %s\n\n%s.\n", cmd.usage, capitalise(cmd.summary))
		return ExitOK
	}
	if inv.Command == "help" && topic != "" {
		fmt.Fprintf(stderr, "scholia: unknown command %q; see scholia help\n", topic)
		return ExitUsage
	}
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(stdout, "Scholia: read, highlight and annotate sources, offline.")
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, "usage: scholia [--library FILE] [COMMAND] [ARGS]")
	fmt.Fprintln(stdout, "       scholia [FILE|DOC]       open the window (on FILE or DOC)")
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, "commands:")
	for _, n := range names {
		if u := commands[n].usage; len(u) > 38 {
			fmt.Fprintf(stdout, "  %s\n  %-38s %s\n", u, "", commands[n].summary)
		} else {
			fmt.Fprintf(stdout, "  %-38s %s\n", u, commands[n].summary)
		}
	}
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, "The library file is --library FILE, else $SCHOLIA_LIBRARY, else")
	fmt.Fprintln(stdout, "$XDG_DATA_HOME/scholia/library.db (~/.local/share/scholia/library.db).")
	return ExitOK
}

// parseFlags parses a command's flags wherever they stand among its
// positional arguments, which it returns.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, errUsage{fmt.Sprintf("%s: %v; see scholia %s --help", fs.Name(), err, fs.Name())}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}
