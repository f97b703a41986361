// Command scholia is the Scholia reading desk: with no command it opens the
// window, with a command it runs the command line. It only wires the parts.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"scholia/annotate/library"
	"scholia/cmd/scholia/cli"
	"scholia/ui"
)

// appID names the app to the desktop and keys its preferences.
const appID = "org.scholia.Scholia"

func main() {
	inv, err := cli.Parse(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
		os.Exit(cli.ExitUsage)
	}
	if !inv.WantsWindow() {
		os.Exit(cli.Run(inv, os.Stdout, os.Stderr))
	}
	os.Exit(runWindow(inv))
}

// runWindow opens the library and the window, importing and showing a file
// named on the command line.
func runWindow(inv cli.Invocation) int {
	a := app.NewWithID(appID)
	path, err := inv.LibraryPath()
	var lib *library.Library
	if err == nil {
		lib, err = library.Open(path)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
		ui.ShowStartupError(a, err).ShowAndRun()
		return cli.ExitFailed
	}
	defer lib.Close()
	w := ui.NewMainWindow(a, lib)
	if file := fileToOpen(inv); file != "" {
		res, err := lib.Import(file)
		if err != nil {
			fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
			w.ShowMessage(err)
		} else {
			w.Reload()
			w.OpenDocument(res.Document.ID)
		}
	}
	w.Window().ShowAndRun()
	return cli.ExitOK
}

func fileToOpen(inv cli.Invocation) string {
	switch {
	case inv.Command == "open" && len(inv.Args) > 0:
		return inv.Args[0]
	case inv.Command != "" && inv.Command != "open":
		return inv.Command
	}
	return ""
}
