// Command scholia is the Scholia reading desk: with no command it opens the
// window, with a command it runs the command line. It only wires the parts.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	_ "scholia/cmd/scholia/locale"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"scholia/annotate/library"
	"scholia/assets"
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
	if code, ok := forward(inv); ok {
		os.Exit(code)
	}
	if !inv.WantsWindow() {
		os.Exit(cli.Run(inv, os.Stdout, os.Stderr))
	}
	os.Exit(runWindow(inv))
}

// runWindow opens the library and the window on it, showing the file or
// document named on the command line. A name that is neither is said in
// one sentence, with no window, whether or not there is a display. The
// window catches panics in its callbacks and goroutines and goes on; one
// that escapes them all ends the app here, written to a crash log named on
// stderr, the library closed.
func runWindow(inv cli.Invocation) (code int) {
	var lib *library.Library
	defer func() {
		if r := recover(); r != nil {
			reportCrash(r, debug.Stack())
			if lib != nil {
				_ = lib.Close()
			}
			code = cli.ExitFailed
		}
	}()
	ref, err := inv.Reference()
	if err != nil {
		fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
		return cli.ExitUsage
	}
	if ref == "" && !hasDisplay() {
		return noDisplay(nil)
	}
	path, err := inv.LibraryPath()
	if err == nil {
		lib, err = library.OpenVerified(path, startCheck)
	}
	var target cli.Target
	if err == nil {
		if target, err = inv.Resolve(lib); err != nil {
			fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
			if cerr := lib.Close(); cerr != nil {
				fmt.Fprintf(os.Stderr, "scholia: %v\n", cerr)
			}
			return cli.ExitFailed
		}
	}
	if !hasDisplay() {
		return noDisplay(lib)
	}
	// A reader keeps one book's text in memory for hours: trade a little
	// CPU at collection time for a heap half as large over its live data.
	debug.SetGCPercent(50)
	var served *deskServer
	if err == nil {
		served = serve(lib)
	}
	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	var damage *library.Damage
	switch {
	case errors.As(err, &damage):
		fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
		showDamaged(a, inv, path, damage, &lib, &served).Show()
	case err != nil:
		fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
		ui.ShowStartupError(a, err).ShowAndRun()
		return cli.ExitFailed
	default:
		w := showMain(a, lib, target)
		served.attach(w)
	}
	a.Run()
	served.stop()
	if lib != nil {
		if err := lib.Close(); err != nil {
			fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
			return cli.ExitFailed
		}
	}
	return cli.ExitOK
}

// showMain opens the main window on the library and shows the target: a
// file is imported first (or its annotations are), a document opened.
func showMain(a fyne.App, lib *library.Library, target cli.Target) *ui.MainWindow {
	w := ui.NewMainWindow(a, lib)
	switch {
	case target.File != "" && ui.IsAnnotationFile(target.File):
		w.ImportAnnotations(target.File)
	case library.IsPDF(target.File):
		// The PDF reader may take seconds to start, and a locked PDF
		// asks for its password: the window shows meanwhile.
		w.ImportFiles([]string{target.File})
	case target.File != "":
		res, err := lib.Import(target.File)
		if err != nil {
			fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
			w.ShowMessage(err)
		} else {
			w.Reload()
			w.OpenDocument(res.Document.ID)
		}
	case target.Document != "":
		w.OpenDocument(target.Document)
	}
	w.Window().Show()
	return w
}

// noDisplay says that the window cannot open, closing lib (nil: none was
// opened), and returns the exit code.
func noDisplay(lib *library.Library) int {
	fmt.Fprintln(os.Stderr, "scholia: there is no display to open the window on (DISPLAY is not set); run it in a desktop session, or use a command such as scholia list")
	if lib != nil {
		if err := lib.Close(); err != nil {
			fmt.Fprintf(os.Stderr, "scholia: %v\n", err)
		}
	}
	return cli.ExitFailed
}

// reportCrash writes a panic that ended the app to a crash log and names
// it on stderr.
func reportCrash(value any, stack []byte) {
	path, err := ui.WriteCrashLog(value, stack)
	if err != nil {
		fmt.Fprintf(os.Stderr, "scholia: stopped on an internal error: %v (the crash log could not be written: %v)\n%s", value, err, stack)
		return
	}
	fmt.Fprintf(os.Stderr, "scholia: stopped on an internal error; nothing you saved is lost. Details are in %s\n", path)
}

// hasDisplay says whether a window can be opened: on Linux and the BSDs an
// X11 or Wayland display must be named.
func hasDisplay() bool {
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != ""
	}
	return true
}
