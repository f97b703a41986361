package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
	"scholia/cmd/scholia/desk"
	"scholia/ui"
)

// serve lets the window carry out the command lines run while it holds
// the library (see package desk). It returns the function that stops it;
// a socket that cannot be opened is said on stderr and the window goes
// on without it.
func serve(lib *library.Library, w *ui.MainWindow) (stop func()) {
	srv, err := desk.Listen(lib.Path(), func(req desk.Request) desk.Response { return carryOut(lib, w, req) })
	if err != nil {
		fmt.Fprintf(os.Stderr, "scholia: command lines cannot use the library while this window is open: %v\n", err)
		return func() {}
	}
	return func() { _ = srv.Close() }
}

// carryOut runs one command line in the folder it was run in, on the
// held library, and shows what it changed; a command line that opens the
// window brings this one to the front on what it names.
func carryOut(lib *library.Library, w *ui.MainWindow, req desk.Request) desk.Response {
	return cli.Within(lib, req, func(inv cli.Invocation, stdout, stderr io.Writer) int {
		if inv.WantsWindow() {
			return openHere(lib, w, inv, stderr)
		}
		code := cli.RunOn(inv, lib, stdout, stderr)
		if inv.Changes() {
			fyne.Do(w.Reload)
		}
		return code
	})
}

// openHere is `scholia FILE|DOC` for the running window: it imports the
// file or opens the document in this window and brings it to the front;
// what it cannot open is said as the window would say it on its own.
func openHere(lib *library.Library, w *ui.MainWindow, inv cli.Invocation, stderr io.Writer) int {
	if _, err := inv.Reference(); err != nil {
		fmt.Fprintf(stderr, "scholia: %v\n", err)
		return cli.ExitUsage
	}
	target, err := inv.Resolve(lib)
	if err != nil {
		fmt.Fprintf(stderr, "scholia: %v\n", err)
		return cli.ExitFailed
	}
	var opened string
	if target.File != "" {
		if target.File, err = filepath.Abs(target.File); err != nil {
			fmt.Fprintf(stderr, "scholia: %v\n", err)
			return cli.ExitFailed
		}
		if !ui.IsAnnotationFile(target.File) && !library.IsPDF(target.File) {
			res, err := lib.Import(target.File)
			if err != nil {
				fmt.Fprintf(stderr, "scholia: %v\n", err)
				fyne.Do(func() { w.ShowMessage(err) })
				return cli.ExitFailed
			}
			opened, target.File = res.Document.ID, ""
		}
	}
	fyne.Do(func() {
		switch {
		case target.File != "" && ui.IsAnnotationFile(target.File):
			w.ImportAnnotations(target.File)
		case target.File != "":
			w.ImportFiles([]string{target.File})
		case opened != "":
			w.Reload()
			w.OpenDocument(opened)
		case target.Document != "":
			w.OpenDocument(target.Document)
		}
		w.Window().Show()
		w.Window().RequestFocus()
	})
	return cli.ExitOK
}
