package main

import (
	"fmt"
	"os"
	"path/filepath"

	"scholia/cmd/scholia/cli"
	"scholia/cmd/scholia/desk"
)

// forward hands the command line to the Scholia holding the library, when
// one runs, and prints what it printed; ok is false when none does (or the
// command needs the library closed), and this process runs it itself.
func forward(inv cli.Invocation) (code int, ok bool) {
	if !inv.Forwardable() || os.Getenv(cli.ChildEnv) != "" {
		return 0, false
	}
	path, err := inv.LibraryPath()
	if err != nil {
		return 0, false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, false
	}
	cwd, err := os.Getwd()
	if err != nil {
		return 0, false
	}
	code, ok, err = desk.Call(desk.Request{Args: os.Args[1:], Cwd: cwd, Library: abs}, os.Stdout, os.Stderr)
	switch {
	case err != nil && ok:
		fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
	case err != nil:
		fmt.Fprintf(os.Stderr, "scholia: not asking the running Scholia: %v\n", err)
	}
	return code, ok
}
