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

// deskServer lets the window carry out the command lines run while it
// holds the library (see package desk). It listens as soon as the library
// is open, so that no command line finds the library held and no one to
// ask; one that comes before the window is shown waits for it.
type deskServer struct {
	srv    *desk.Server
	lib    *library.Library
	w      *ui.MainWindow
	ready  chan struct{}
	closed chan struct{}
}

// serve starts listening for the library. A socket that cannot be opened
// is said on stderr and the window goes on without it.
func serve(lib *library.Library) *deskServer {
	d := &deskServer{lib: lib, ready: make(chan struct{}), closed: make(chan struct{})}
	srv, err := desk.Listen(lib.Path(), d.carryOut)
	if err != nil {
		fmt.Fprintf(os.Stderr, "scholia: command lines cannot use the library while this window is open: %v\n", err)
		return nil
	}
	d.srv = srv
	return d
}

// attach gives the server the window it shows changes in; command lines
// waiting for it go on.
func (d *deskServer) attach(w *ui.MainWindow) {
	if d == nil {
		return
	}
	d.w = w
	close(d.ready)
}

// stop stops listening and waits for the command line being carried out.
func (d *deskServer) stop() {
	if d == nil {
		return
	}
	close(d.closed)
	_ = d.srv.Close()
}

// carryOut runs one command line in the folder it was run in, on the
// held library, and shows what it changed; a command line that opens the
// window brings this one to the front on what it names.
func (d *deskServer) carryOut(req desk.Request, stdout, stderr io.Writer) (int, bool) {
	select {
	case <-d.ready:
	case <-d.closed:
		return 0, false
	}
	return cli.Within(d.lib, req, func(inv cli.Invocation) int {
		if inv.WantsWindow() {
			return openHere(d.lib, d.w, inv, stderr)
		}
		code := cli.RunOn(inv, d.lib, stdout, stderr)
		if inv.Changes() {
			fyne.Do(d.w.Reload)
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
